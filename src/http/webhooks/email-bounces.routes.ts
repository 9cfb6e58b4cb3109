/**
 * POST /webhooks/email-bounces: a mail relay's bounce webhook, one report as JSON
 * (`EmailBounceWebhook`, docs/reach.md), signed as the relay's raw MIME is: `X-Signature:
 * sha256=<hex of HMAC-SHA256 over the body under INBOUND_MAIL_SECRET>`. 404 when the secret or the
 * bounce domain is not set; 415 when not JSON; 403 without a valid signature; 400 naming the field
 * of a report that cannot be read; 422 when it names no message of ours that was sent (an unknown
 * or forged envelope, a message never sent): both refused and counted, nothing changed; 202 when
 * taken (a repeat of one taken too).
 */
import express, { Router, type Request, type Response } from 'express';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import { EmailBounceWebhook, messageIdOf } from '../../schemas/email-bounce.schemas.js';
import { zodFieldErrors } from '../../schemas/field-errors.js';
import {
  type BounceTarget,
  handleEmailBounce,
  type HandleEmailBouncePorts,
} from '../../usecases/handle-email-bounce/handle-email-bounce.usecase.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Logger } from '../../observability/logger.js';
import { sendProblem } from '../api/problem.js';
import type { BounceAddresses } from './bounce-address.js';
import { validSignature } from './inbound-mail.routes.js';

export interface EmailBouncesRouteDeps {
  /** Absent (INBOUND_MAIL_SECRET or the bounce domain unset): the route answers 404. */
  bounces: { addresses: BounceAddresses; ports: HandleEmailBouncePorts } | undefined;
  secret: string | undefined;
  log: Logger;
  metrics: Pick<Metrics, 'inboundMailRefused' | 'emailBounces'>;
}

const LIMIT = 64 * 1024;

export function emailBouncesRouter(deps: EmailBouncesRouteDeps): Router {
  const router = Router();
  const path = CALLBACK_PATHS.emailBounces;
  const refused = (reason: string) => {
    deps.metrics.inboundMailRefused.inc({ via: 'http', reason });
    deps.log.warn({ via: 'http', reason }, 'email bounce refused: it names no message of ours that was sent');
  };
  router.post(path, (req, res, next) => {
    if (!deps.bounces || !deps.secret) {
      sendProblem(res, 404, 'Not found', 'bounce webhooks are not configured (INBOUND_MAIL_SECRET, BOUNCE_DOMAIN)');
      return;
    }
    if (!req.is('application/json')) {
      sendProblem(res, 415, 'Unsupported media type', 'send the report as application/json');
      return;
    }
    next();
  });
  router.post(path, express.raw({ type: 'application/json', limit: LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!validSignature(deps.secret!, body, req.get('x-signature'))) {
      sendProblem(res, 403, 'Forbidden', 'X-Signature is missing or not the HMAC-SHA256 of the body');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      refused('malformed-dsn');
      sendProblem(res, 400, 'Validation failed', 'the body is not JSON', {
        errors: [{ path: '', message: 'not JSON' }],
      });
      return;
    }
    const parsed = EmailBounceWebhook.safeParse(json);
    if (!parsed.success) {
      refused('malformed-dsn');
      const errors = zodFieldErrors(parsed.error);
      sendProblem(res, 400, 'Validation failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
      return;
    }
    const b = parsed.data;
    const { addresses, ports } = deps.bounces!;
    let target: BounceTarget;
    if (b.verp !== undefined) {
      const token = addresses.tokenOf(b.verp);
      if (token === undefined) {
        refused('not-a-reply-address');
        sendProblem(res, 422, 'No such message', 'verp is not a bounce address of ours', {
          reason: 'not-a-reply-address',
        });
        return;
      }
      target = { kind: 'bounce-token', token };
    } else target = { kind: 'message', messageId: messageIdOf(b.messageId!) };
    const r = await handleEmailBounce(ports, {
      target,
      report: {
        status: b.status ?? '2.0.0',
        action: b.action?.toLowerCase(),
        diagnostic: b.diagnostic,
      },
      reportId: b.eventId,
      via: 'http',
    });
    if (r.kind === 'rejected') {
      refused(r.reason);
      sendProblem(res, 422, 'No such message', 'the report names no message of ours that was sent', {
        reason: r.reason,
      });
      return;
    }
    if (r.kind !== 'repeat')
      deps.metrics.emailBounces.inc({ via: 'http', kind: r.kind === 'bounced' ? (r.hard ? 'hard' : 'soft') : r.kind });
    res.status(202).json({
      result: r.kind,
      messageId: r.messageId,
      ...(r.kind === 'bounced' ? { hard: r.hard, suppressed: r.suppressed, softInRow: r.softInRow } : {}),
    });
  });
  router.use(path, (err: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if ((err as { type?: string }).type !== 'entity.too.large') return next(err);
    sendProblem(res, 413, 'Payload too large', `a bounce report is at most ${LIMIT} bytes`, { limit: LIMIT });
  });
  return router;
}
