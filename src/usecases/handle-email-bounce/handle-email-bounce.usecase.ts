/**
 * An email came back. The report (a DSN, RFC 3464, or a relay's bounce webhook) names the message
 * by its signed bounce address (VERP), its signed Reply-To, or its id; only a message this
 * service sent (`sent`, `delivered`, or already `undelivered`) can bounce. Each bounce is an
 * `email.bounced` event on the message's chain ({status, diagnostic, hard}) with the status and
 * the diagnostic (contacts redacted) on the message as a provider's error is. A hard bounce
 * (5.x.x) moves the message to `undelivered` and suppresses the address; a soft one (4.x.x)
 * leaves it `sent` and is counted (once a message), SOFT_BOUNCE_LIMIT in a row suppressing the address; a
 * delivery (2.x.x) ends the run. Anything else (an unknown or forged envelope, a message never
 * sent, a report without a valid status) is rejected and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import type { MessageStatus } from '../../domain/statuses.js';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import { redactContacts } from '../../observability/logger.js';
import { normaliseAddress } from '../../policy/address.js';
import { bounceKindOf } from '../../policy/bounces/bounce-report.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { MessageWithContext } from '../../store/audit-store.js';
import type { EmailBounceStore } from '../../store/ports.js';
import {
  type ReplyTokens,
  resolveReplyToken,
  type UnmatchedReason,
} from '../handle-inbound-email/handle-inbound-email.usecase.js';
import type { HandleEmailBounceCommand } from './handle-email-bounce.command.js';

export type { BounceTarget, HandleEmailBounceCommand } from './handle-email-bounce.command.js';

/**
 * A bounce of an address, for what keeps facts about addresses (issue 30, "what a channel learns
 * about an address"): called once per bounce taken, after the message and the list are updated.
 */
export interface AddressBounce {
  tenant: string;
  channel: 'email';
  /** Lower-cased, as the suppression list keys it. */
  address: string;
  messageId: string;
  borrowerId: string;
  /** The RFC 3463 status, e.g. 5.1.1. */
  status: string;
  /** 5.x.x: the address cannot be reached. */
  hard: boolean;
  /** The soft bounces in a row so far (0 after a hard bounce). */
  softInRow: number;
  /** Whether this bounce put the address on the suppression list (hard, or the soft limit reached). */
  suppressed: boolean;
  at: string;
}

export interface HandleEmailBouncePorts {
  store: EmailBounceStore;
  /** Opens tokens: of bounce addresses (VERP) and, for a DSN sent to a Reply-To, of reply addresses. */
  tokens: { bounce: ReplyTokens; reply?: ReplyTokens | undefined };
  optOuts: Pick<OptOuts, 'suppressAddress'>;
  /** The contact ledger learns that the email did not arrive (absent: nothing recorded there). */
  ledger?: Pick<ContactLedger, 'recordOutcome'> | undefined;
  clock: Clock;
  /** Soft bounces in a row that suppress an address (SOFT_BOUNCE_LIMIT). */
  softBounceLimit: number;
  /** Each bounce of an address taken (the hook for address facts). */
  onBounce?: ((bounce: AddressBounce) => Promise<void>) | undefined;
}

export type BounceRejectedReason = UnmatchedReason | 'never-sent' | 'malformed-dsn';

export type HandleEmailBounceResult =
  | { kind: 'rejected'; reason: BounceRejectedReason }
  /** The same report again (a relay's or an MTA's retry): already handled. */
  | { kind: 'repeat'; tenant: string; messageId: string }
  /** A delivery: the soft bounces in a row end. */
  | { kind: 'delivered'; tenant: string; messageId: string }
  | {
      kind: 'bounced';
      tenant: string;
      borrowerId: string;
      messageId: string;
      hard: boolean;
      /** The message moved to `undelivered` (a hard bounce of a message not already so). */
      undelivered: boolean;
      softInRow: number;
      suppressed: boolean;
    };

const ACTOR = 'email-bounce';
/** Only a message the provider took can come back. */
export const BOUNCEABLE_STATUSES: readonly MessageStatus[] = ['sent', 'delivered', 'undelivered'];
const DIAGNOSTIC_CHARS = 500;

async function resolveTarget(
  ports: HandleEmailBouncePorts,
  target: HandleEmailBounceCommand['target'],
): Promise<{ kind: 'matched'; found: MessageWithContext } | { kind: 'rejected'; reason: BounceRejectedReason }> {
  if (target.kind === 'message') {
    const found = await ports.store.getReminderOfMessage(target.messageId);
    if (!found) return { kind: 'rejected', reason: 'unknown-message' };
    if (found.message.channel !== 'email') return { kind: 'rejected', reason: 'not-email' };
    return { kind: 'matched', found };
  }
  const tokens = target.kind === 'bounce-token' ? ports.tokens.bounce : ports.tokens.reply;
  if (!tokens) return { kind: 'rejected', reason: 'malformed-token' };
  const r = await resolveReplyToken({ store: ports.store, tokens }, target.token);
  return r.kind === 'matched' ? r : { kind: 'rejected', reason: r.reason };
}

export async function handleEmailBounce(
  ports: HandleEmailBouncePorts,
  command: HandleEmailBounceCommand,
): Promise<HandleEmailBounceResult> {
  const kind = bounceKindOf(command.report.status);
  if (!kind) return { kind: 'rejected', reason: 'malformed-dsn' };
  const resolved = await resolveTarget(ports, command.target);
  if (resolved.kind === 'rejected') return resolved;
  const { message } = resolved.found;
  if (!BOUNCEABLE_STATUSES.includes(message.status)) return { kind: 'rejected', reason: 'never-sent' };
  const to = normaliseAddress(message.to);
  const address = to.ok ? to.address : undefined;
  if (kind === 'delivered') {
    if (address) await ports.store.bounces.clear(message.tenant, address);
    return { kind: 'delivered', tenant: message.tenant, messageId: message.id };
  }
  const { status, action, diagnostic } = command.report;
  const key = createHash('sha256')
    .update(command.reportId ?? `${status}\0${action ?? ''}\0${diagnostic ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  const claim = `email-bounce:${message.id}:${key}`;
  if (!(await ports.store.webhooks.claim(claim, ports.clock.now())))
    return { kind: 'repeat', tenant: message.tenant, messageId: message.id };
  try {
    return await record(ports, command, resolved.found, kind === 'hard', address);
  } catch (err) {
    await ports.store.webhooks.release(claim).catch(() => undefined);
    throw err;
  }
}

async function record(
  ports: HandleEmailBouncePorts,
  command: HandleEmailBounceCommand,
  { message, borrower }: MessageWithContext,
  hard: boolean,
  address: string | undefined,
): Promise<HandleEmailBounceResult> {
  const now = () => ports.clock.now();
  const { status, action } = command.report;
  // What is recorded is hashed and kept: the remote server's words without the address they quote.
  const diagnostic = command.report.diagnostic
    ? redactContacts(command.report.diagnostic).slice(0, DIAGNOSTIC_CHARS)
    : null;
  const patch = { errorCode: status, errorMessage: diagnostic ?? status };
  const data = { status, diagnostic, hard, ...(action ? { action } : {}), via: command.via };
  // The bounce on the message's chain, its state unchanged (a state it may have just left: read again).
  let current = message.status;
  for (let i = 0; i < 3; i++) {
    const event = { from: [current], to: current, type: 'email.bounced' as const, actor: ACTOR, data, patch };
    if (await ports.store.transition(message.id, event, now())) break;
    const again = (await ports.store.getReminderOfMessage(message.id))?.message.status;
    if (!again || !BOUNCEABLE_STATUSES.includes(again)) break;
    current = again;
  }
  let undelivered = false;
  if (hard) {
    undelivered = await ports.store.transition(
      message.id,
      {
        from: ['sent', 'delivered'],
        to: 'undelivered',
        type: 'undelivered',
        actor: ACTOR,
        data: { status, diagnostic, reason: 'hard-bounce' },
        patch,
      },
      now(),
    );
    if (undelivered) await ports.ledger?.recordOutcome(borrower.id, message.id, 'undelivered');
  }
  let softInRow = 0;
  let suppressed = false;
  if (address) {
    if (!hard) softInRow = await ports.store.bounces.softBounce(message.tenant, address, message.id, status, now());
    if (hard || softInRow >= ports.softBounceLimit) {
      const r = await ports.optOuts.suppressAddress({
        address,
        kind: 'email',
        channels: ['email'],
        source: hard ? 'hard-bounce' : 'soft-bounces',
        detail: hard
          ? `${status}${diagnostic ? ` ${diagnostic}` : ''}`
          : `${softInRow} soft bounces in a row, the last ${status}`,
        actor: ACTOR,
        tenant: message.tenant,
      });
      suppressed = r.added.length > 0;
      await ports.store.bounces.clear(message.tenant, address);
    }
    await ports.onBounce?.({
      tenant: message.tenant,
      channel: 'email',
      address,
      messageId: message.id,
      borrowerId: borrower.id,
      status,
      hard,
      softInRow,
      suppressed,
      at: now().toISOString(),
    });
  }
  return {
    kind: 'bounced',
    tenant: message.tenant,
    borrowerId: borrower.id,
    messageId: message.id,
    hard,
    undelivered,
    softInRow,
    suppressed,
  };
}
