/**
 * POST /v1/replies/interpret: what the service would understand of a reply, for agents and
 * compliance to try — the same interpreter, in the same time-boxed thread, that reads inbound
 * texts. Nothing is stored or acted on.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { CHANNELS } from '../../domain/channels.js';
import { INTENTS } from '../../domain/replies.js';
import type { Clock } from '../../domain/clock.js';
import { Locale, TimeZone } from '../../schemas/request.schemas.js';
import type { ReplyInterpreter } from '../../services/replies/interpreter.js';
import { type KeyRing, requireRole } from './auth.js';
import { validationProblem, zodFieldErrors } from './problem.js';

export const InterpretInput = z
  .object({
    /** The reply as received; only the first 2,000 characters are read (the answer says so). */
    text: z.string().min(1).max(100_000),
    locale: Locale.optional(),
    /** The channel it came on: a bare STOP revokes that one. */
    channel: z.enum(CHANNELS).default('sms'),
    /** When it arrived (default: now): "Friday" and "tomorrow" are counted from here. */
    receivedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-02T10:00:00-05:00' })
      .optional(),
    /** The borrower's zone, for the same (default UTC). */
    timezone: TimeZone.optional(),
  })
  .strict();

/** What a reply was understood to say: each intent with the rule and the words that matched. */
export const InterpretationView = z.object({
  intents: z.array(
    z.object({
      intent: z.enum(INTENTS),
      rule: z.string(),
      matched: z.string(),
      scope: z.array(z.enum(CHANNELS)).optional(),
      promise: z.object({ date: z.string().optional(), amount: z.string().optional() }).optional(),
    }),
  ),
  needsPerson: z.boolean(),
  truncated: z.boolean(),
});

export interface RepliesRouteDeps {
  keyRing: KeyRing;
  replyInterpreter: ReplyInterpreter;
  clock: Clock;
}

export function repliesRouter(deps: RepliesRouteDeps): Router {
  const router = Router();
  router.post(
    '/v1/replies/interpret',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    async (req: Request, res: Response) => {
      const input = InterpretInput.safeParse(req.body);
      if (!input.success) throw validationProblem(zodFieldErrors(input.error));
      const { text, channel, locale, receivedAt, timezone } = input.data;
      res.json(
        await deps.replyInterpreter.interpret({
          text,
          channel,
          locale,
          receivedAt: receivedAt ? new Date(receivedAt).toISOString() : deps.clock.now().toISOString(),
          timeZone: timezone,
        }),
      );
    },
  );
  return router;
}
