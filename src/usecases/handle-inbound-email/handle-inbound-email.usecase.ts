/**
 * A borrower's email reply, received at the message's own reply address
 * (`reply+<token>@INBOUND_MAIL_DOMAIN`): the token names the message, and only a token this service
 * signed for that message's tenant maps to it, so a reply is never attached to a guessed borrower.
 * The text (the borrower's words, quoted history and signatures already stripped) is recorded on
 * the borrower's chain as `inbound.email` (the text in the content table, the event commits to it
 * by hash), then read by the reply interpreter and acted on as an SMS reply is (act-on-reply): a
 * revocation naming no channel stops email to the address the reminder went to; "stop texting me"
 * suppresses the borrower's phone for SMS; "wrong address" detaches the email from this borrower
 * only. An email revocation is acted on at once and confirmed by no email (no mail to an address
 * that asked for none).
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import type { Interpretation } from '../../domain/replies.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { InterpretInput } from '../../services/replies/interpreter.js';
import type { InboundEmailStore } from '../../store/ports.js';
import type { MessageWithContext } from '../../store/audit-store.js';
import { actOnReply, type ActOnReplyPorts, type ActOnReplyResult } from '../act-on-reply/act-on-reply.usecase.js';
import { normaliseAddress } from '../../policy/address.js';

/** A reply token opened (http/webhooks/reply-address.ts): the message it names, and whether it was signed for a tenant. */
export interface ReplyTokens {
  open(token: string): { messageId: string; signedFor(tenant: string): 'current' | 'previous' | undefined } | undefined;
}

export interface HandleInboundEmailPorts {
  store: InboundEmailStore;
  tokens: ReplyTokens;
  optOuts: Pick<OptOuts, 'suppressAddress' | 'detachFromBorrower'>;
  interpret: (input: InterpretInput) => Promise<Interpretation>;
  clock: Clock;
  /** Holds and promises a reply opens (act-on-reply). */
  holds?: ActOnReplyPorts['holds'];
  promises?: ActOnReplyPorts['promises'];
}

export interface HandleInboundEmailCommand {
  /** The token of the reply address the mail was sent to. */
  token: string;
  /** The borrower's words: the text part (or the HTML read as text), quoted history and signatures stripped. */
  text: string;
  /** The mail's Message-ID, when it has one. */
  providerId?: string | undefined;
  /** How it came: the service's SMTP receiver or a relay's POST. */
  via: 'smtp' | 'http';
}

export type UnmatchedReason = 'malformed-token' | 'bad-signature' | 'unknown-message' | 'not-email';

export type ResolvedReply =
  { kind: 'matched'; found: MessageWithContext } | { kind: 'unmatched'; reason: UnmatchedReason };

export type HandleInboundEmailResult =
  | { kind: 'unmatched'; reason: UnmatchedReason }
  /** The same mail (Message-ID) to the same message again, a relay's retry: already handled. */
  | { kind: 'repeat'; tenant: string; borrowerId: string; messageId: string }
  | {
      kind: 'acted';
      tenant: string;
      borrowerId: string;
      messageId: string;
      understood: Interpretation;
      acted: ActOnReplyResult;
    };

const ACTOR = 'inbound-email';

/** The message a token names, when this service signed the token for that message's tenant and it is an email. */
export async function resolveReplyToken(
  ports: { store: Pick<InboundEmailStore, 'getReminderOfMessage'>; tokens: ReplyTokens },
  token: string,
): Promise<ResolvedReply> {
  const opened = ports.tokens.open(token);
  if (!opened) return { kind: 'unmatched', reason: 'malformed-token' };
  const found = await ports.store.getReminderOfMessage(opened.messageId);
  // The same answer for a message that does not exist and one of another tenant: nothing to learn.
  if (!found) return { kind: 'unmatched', reason: 'unknown-message' };
  if (!opened.signedFor(found.message.tenant)) return { kind: 'unmatched', reason: 'bad-signature' };
  if (found.message.channel !== 'email') return { kind: 'unmatched', reason: 'not-email' };
  return { kind: 'matched', found };
}

export async function handleInboundEmail(
  ports: HandleInboundEmailPorts,
  command: HandleInboundEmailCommand,
): Promise<HandleInboundEmailResult> {
  const resolved = await resolveReplyToken(ports, command.token);
  if (resolved.kind === 'unmatched') return resolved;
  const { message, borrower } = resolved.found;
  const now = () => ports.clock.now();
  // Once per mail and message: a relay retries after a timeout or a 451. The Message-ID is hashed (it may name a person).
  const claim = command.providerId
    ? `inbound-mail:${message.id}:${createHash('sha256').update(command.providerId).digest('hex').slice(0, 32)}`
    : undefined;
  if (claim && !(await ports.store.webhooks.claim(claim, now())))
    return { kind: 'repeat', tenant: message.tenant, borrowerId: borrower.id, messageId: message.id };
  try {
    return await record(ports, command, resolved.found);
  } catch (err) {
    if (claim) await ports.store.webhooks.release(claim).catch(() => undefined);
    throw err;
  }
}

async function record(
  ports: HandleInboundEmailPorts,
  command: HandleInboundEmailCommand,
  { message, borrower }: MessageWithContext,
): Promise<HandleInboundEmailResult> {
  const now = () => ports.clock.now();
  // Personal data: the text goes to the content table, the hashed event holds its reference only.
  const content = await ports.store.content.put(borrower.id, command.text, now());
  const reference = { content, messageId: message.id, ...(command.providerId ? { mailId: command.providerId } : {}) };
  await ports.store.recordBorrowerEvent(
    borrower.id,
    { type: 'inbound.email', actor: ACTOR, data: { ...reference, via: command.via } },
    now(),
  );
  const zone = borrower.timezone;
  const understood = await ports.interpret({
    text: command.text,
    channel: 'email',
    locale: borrower.locale,
    receivedAt: now().toISOString(),
    timeZone: Array.isArray(zone) ? zone[0] : (zone ?? undefined),
  });
  // The address the reminder went to is the one the borrower answers for (their From may be an alias).
  const to = normaliseAddress(message.to);
  const address = to.ok ? to.address : message.to.trim().toLowerCase();
  const acted = await actOnReply(
    {
      borrowers: ports.store,
      optOuts: ports.optOuts,
      clock: ports.clock,
      ...(ports.holds ? { holds: ports.holds } : {}),
      ...(ports.promises ? { promises: ports.promises } : {}),
    },
    {
      tenant: message.tenant,
      borrowers: [borrower],
      from: { kind: 'email', address },
      channel: 'email',
      interpretation: understood,
      reference,
      replyId: command.providerId ?? `${message.id}-${understood.intents.map((i) => i.intent).join('+')}`,
    },
  );
  return { kind: 'acted', tenant: message.tenant, borrowerId: borrower.id, messageId: message.id, understood, acted };
}
