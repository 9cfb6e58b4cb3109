/**
 * An agent corrects what a reply was understood to say (POST /v1/inbox/:borrowerId/corrections), each correction a
 * `reply.corrected` event on the borrower's chain naming the reply, with the agent's key as the actor:
 * - `lift-hold`: the hold the reply opened is released (close-hold), what it held goes through the policy again;
 * - `wrong-number`: the number is detached from the borrower as a reply saying so would (act-on-reply's path: the
 *   borrower's own opt-outs on sms and voice, pending messages suppressed, `contact.wrong_number`);
 * - `not-a-revocation`: recorded only. Consent is not restored here: it returns only from the borrower, and then
 *   through DELETE /v1/opt-outs/{address}, which the answer names.
 */
import type { Borrower } from '../../domain/entities.js';
import type { Channel } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import type { BorrowerHold } from '../../domain/holds.js';
import type { ContentRef } from '../../store/event-content.js';
import type { InboxEvent } from '../../store/inbox.repo.js';
import type { EventInput } from '../../store/store-types.js';
import { closeHold, type CloseHoldPorts } from '../close-hold/close-hold.usecase.js';
import { foldReplies, REPLY_EVENTS } from '../read-conversation/replies.js';

export const CORRECTION_KINDS = ['not-a-revocation', 'wrong-number', 'lift-hold'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

const PHONE_CHANNELS: readonly Channel[] = ['sms', 'voice'];

export interface CorrectReplyPorts extends CloseHoldPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  events(borrowerId: string, types: readonly string[], limit: number): Promise<InboxEvent[]>;
  recordBorrowerEvent(id: string, event: EventInput, now: Date): Promise<void>;
  putContent(owner: string, text: string, now: Date): Promise<ContentRef>;
  /** The opt-outs service's detachment (what a wrong-number reply does). */
  detachFromBorrower(
    borrowerId: string,
    channels: readonly Channel[],
    source: string,
    actor: string,
  ): Promise<{ suppressed: string[] }>;
}

export interface CorrectReply {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  /** `api:<key id>`. */
  actor: string;
  kind: CorrectionKind;
  replyEventId: number;
  holdId?: string | undefined;
  detail: string;
}

export type CorrectReplyResult =
  | { kind: 'not-found' }
  | { kind: 'no-such-reply' }
  | { kind: 'no-such-hold' }
  | { kind: 'invalid'; path: string; message: string }
  | {
      kind: 'corrected';
      correction: CorrectionKind;
      /** lift-hold: the hold as it is now, and whether it was closed already. */
      hold?: { hold: BorrowerHold; alreadyClosed: boolean; rescheduled: string[] };
      /** wrong-number: the pending messages suppressed. */
      suppressed?: string[];
      /** not-a-revocation: the channels the reply revoked, still revoked. */
      stillRevoked?: string[];
    };

export async function correctReply(
  ports: CorrectReplyPorts,
  clock: Clock,
  cmd: CorrectReply,
): Promise<CorrectReplyResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower || borrower.tenant !== cmd.tenant) return { kind: 'not-found' };
  const replies = foldReplies(await ports.events(cmd.borrowerId, REPLY_EVENTS, 100_000));
  const reply = replies.find((r) => r.eventId === cmd.replyEventId);
  if (!reply) return { kind: 'no-such-reply' };

  const base = { kind: cmd.kind, replyEventId: cmd.replyEventId };
  let result: Extract<CorrectReplyResult, { kind: 'corrected' }> = { kind: 'corrected', correction: cmd.kind };
  let data: Record<string, unknown> = base;
  if (cmd.kind === 'lift-hold') {
    if (!cmd.holdId) return { kind: 'invalid', path: 'holdId', message: 'the hold to lift is required for lift-hold' };
    const r = await closeHold(ports, {
      what: 'release',
      borrowerId: cmd.borrowerId,
      holdId: cmd.holdId,
      actor: cmd.actor,
      detail: cmd.detail,
    });
    if (r.kind === 'not-found') return { kind: 'no-such-hold' };
    result = {
      ...result,
      hold: {
        hold: r.hold,
        alreadyClosed: r.kind === 'already-closed',
        rescheduled: r.kind === 'closed' ? r.rescheduled : [],
      },
    };
    data = { ...base, holdId: cmd.holdId, holdKind: r.hold.kind };
  } else if (cmd.kind === 'wrong-number') {
    const { suppressed } = await ports.detachFromBorrower(
      cmd.borrowerId,
      PHONE_CHANNELS,
      `wrong number (agent, ${cmd.actor})`,
      cmd.actor,
    );
    await ports.recordBorrowerEvent(
      cmd.borrowerId,
      {
        type: 'contact.wrong_number',
        actor: cmd.actor,
        data: { channels: PHONE_CHANNELS, rule: 'agent-correction', via: 'agent', replyEventId: cmd.replyEventId },
      },
      clock.now(),
    );
    result = { ...result, suppressed };
    data = { ...base, channels: PHONE_CHANNELS };
  } else {
    const revoke = reply.understood?.intents.find((i) => i.intent === 'revoke');
    if (!revoke)
      return { kind: 'invalid', path: 'replyEventId', message: 'this reply was not understood as a revocation' };
    result = { ...result, stillRevoked: revoke.scope ?? [] };
    data = { ...base, rule: revoke.rule, scope: revoke.scope ?? [] };
  }
  // What the agent said is free text: kept apart, the event commits to it by hash.
  const content = await ports.putContent(cmd.borrowerId, cmd.detail, clock.now());
  await ports.recordBorrowerEvent(
    cmd.borrowerId,
    { type: 'reply.corrected', actor: cmd.actor, data: { ...data, content } },
    clock.now(),
  );
  return result;
}
