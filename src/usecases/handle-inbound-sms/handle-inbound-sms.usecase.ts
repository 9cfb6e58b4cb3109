/**
 * An inbound text: STOP and its family suppress the number (for every borrower of the tenant that
 * carries it, and for any borrower who gets it later), START restores it, HELP answers, and
 * every text is recorded on the borrowers who have the number. Returns the one reply to send,
 * rendered from the catalogue in the borrower's language with the tenant's context, or null.
 */
import type { InboundSmsStore } from '../../store/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { Borrower } from '../../domain/index.js';
import type { SenderKind } from '../../domain/sender.js';
import { normaliseAddress } from '../../policy/address.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { SenderContact } from '../../templates/context.js';
import { replyContext } from '../reply-context.js';
import type { Render } from '../../templates/render.js';
import type { HandleInboundSmsCommand } from './handle-inbound-sms.command.js';
import { type InboundKind, inboundKind, keywordOf, replyLocaleOf } from './inbound-keyword.js';
import type { Interpretation } from '../../domain/replies.js';
import type { InterpretInput } from '../../services/replies/interpreter.js';
import { actOnReply, type ActOnReplyPorts } from '../act-on-reply/act-on-reply.usecase.js';

export type { HandleInboundSmsCommand } from './handle-inbound-sms.command.js';

/** Exactly what the use case needs: the borrowers at a number and their latest reminder, their events, the opt-out list. */
export interface HandleInboundSmsPorts {
  borrowers: InboundSmsStore;
  optOuts: Pick<OptOuts, 'suppressAddress' | 'restoreAddress' | 'detachFromBorrower'>;
  /** The reply interpreter (time-boxed, services/replies): a text that is not a keyword is read by it and acted on. */
  interpret?: (input: InterpretInput) => Promise<Interpretation>;
  /** Holds and promises a reply opens (act-on-reply). */
  holds?: ActOnReplyPorts['holds'];
  promises?: ActOnReplyPorts['promises'];
  /** The profile's opt-out words (STOP, TD …). */
  optOutKeywords: readonly string[];
  render: Render;
  /** A tenant's contact details (who its replies say is writing). */
  contactOf: (tenant: string) => Promise<SenderContact | null | undefined>;
  /** A tenant's kind of sender (an agency's replies carry the debt collector disclosure). */
  senderKindOf: (tenant: string) => Promise<SenderKind | undefined>;
  clock: Clock;
}

/** The catalogue templates a reply is rendered from. */
export const REPLY_TEMPLATES = {
  /** The one confirmation after STOP, naming who is writing. */
  optOutConfirmation: 'opt-out-confirmation',
  /** The one confirmation after STOP when no reminder of the borrower names anyone (or the number is unknown). */
  optOutPlain: 'opt-out-plain',
  subscribedAgain: 'subscribed-again',
  help: 'help-reply',
} as const;

export interface InboundReply {
  template: string;
  locale: string;
  text: string;
}

export interface HandleInboundSmsResult {
  kind: InboundKind;
  /** What a text that is not a keyword was understood to say. */
  understood?: Interpretation;
  /** The text to answer with, or null (a second STOP, an unknown word, no valid number). */
  reply: InboundReply | null;
  /** A reply was due but no template rendered (why), for the caller to log. */
  replyError?: string;
}

const ACTOR = 'twilio';

export async function handleInboundSms(
  ports: HandleInboundSmsPorts,
  command: HandleInboundSmsCommand,
): Promise<HandleInboundSmsResult> {
  const { tenant, body } = command;
  const keyword = keywordOf(body);
  const kind = inboundKind(keyword, ports.optOutKeywords);
  const number = command.from ? normaliseAddress(command.from) : undefined;
  const phone = number?.ok && number.kind === 'phone' ? number.address : null;
  // The tenant whose number (or Messaging Service) the text was sent to; its borrowers only.
  const borrowers = phone ? (await ports.borrowers.borrowersByPhone(phone)).filter((b) => b.tenant === tenant) : [];
  const contents = new Map<string, unknown>();
  for (const b of borrowers) {
    // The text itself is personal data: it goes to the content table, the event commits to it by hash.
    const content = await ports.borrowers.content.put(b.id, body, ports.clock.now());
    contents.set(b.id, content);
    await ports.borrowers.recordBorrowerEvent(
      b.id,
      {
        type: 'inbound.sms',
        actor: ACTOR,
        data: { kind, ...(kind === 'other' ? {} : { keyword }), content, messageSid: command.providerId },
      },
      ports.clock.now(),
    );
  }
  const first: Borrower | undefined = borrowers[0];
  const replyTo = { tenant, first, locale: first ? first.locale : replyLocaleOf(body) };
  if (kind === 'stop' && phone) {
    // The number is suppressed whether or not a borrower has it yet; the one confirmation goes only the first time.
    const { added } = await ports.optOuts.suppressAddress({
      address: phone,
      kind: 'phone',
      channels: ['sms'],
      source: 'inbound-keyword',
      detail: keyword,
      actor: ACTOR,
      tenant,
    });
    if (added.length === 0) return { kind, reply: null };
    return { kind, ...(await stopReply(ports, replyTo)) };
  }
  if (kind === 'start' && phone) {
    await ports.optOuts.restoreAddress({
      address: phone,
      kind: 'phone',
      channels: ['sms'],
      source: `inbound-keyword ${keyword}`,
      actor: ACTOR,
      tenant,
    });
    return { kind, ...(await reply(ports, replyTo, [REPLY_TEMPLATES.subscribedAgain])) };
  }
  if (kind === 'help') return { kind, ...(await reply(ports, replyTo, [REPLY_TEMPLATES.help])) };
  if (kind === 'other' && phone && ports.interpret) {
    // In their own words: understood, then acted on (a revocation by any reasonable means, FCC 24-24).
    const zone = first?.timezone;
    const understood = await ports.interpret({
      text: body,
      channel: 'sms',
      locale: first?.locale,
      receivedAt: ports.clock.now().toISOString(),
      timeZone: Array.isArray(zone) ? zone[0] : (zone ?? undefined),
    });
    const acted = await actOnReply(ports, {
      tenant,
      borrowers,
      from: { kind: 'phone', address: phone },
      channel: 'sms',
      interpretation: understood,
      reference: { messageSid: command.providerId },
      replyId: command.providerId,
    });
    // The one confirmation, as for STOP, when texts were newly stopped.
    if (acted.revoked.includes('sms')) return { kind, understood, ...(await stopReply(ports, replyTo)) };
    return { kind, understood, reply: null };
  }
  return { kind, reply: null };
}

interface ReplyTo {
  tenant: string;
  first: Borrower | undefined;
  locale: string;
}

/** The confirmation names who is writing when the borrower's reminder or tenant can; otherwise the plain one. */
async function stopReply(ports: HandleInboundSmsPorts, to: ReplyTo) {
  const ctx = await contextOf(ports, to);
  const named = to.first !== undefined && Boolean((ctx.contact as { name: string }).name);
  const keys = named
    ? [REPLY_TEMPLATES.optOutConfirmation, REPLY_TEMPLATES.optOutPlain]
    : [REPLY_TEMPLATES.optOutPlain];
  return reply(ports, to, keys, ctx);
}

/** The first of `keys` that renders; none: no reply, and why. */
async function reply(
  ports: HandleInboundSmsPorts,
  to: ReplyTo,
  keys: readonly string[],
  context?: Record<string, unknown>,
): Promise<{ reply: InboundReply | null; replyError?: string }> {
  const data = context ?? (await contextOf(ports, to));
  let error = '';
  for (const key of keys) {
    try {
      const r = ports.render({ key, channel: 'sms', locale: to.locale, timezone: null, data });
      return { reply: { template: key, locale: r.locale, text: r.body } };
    } catch (err) {
      error = `${key}: ${(err as Error).message}`;
    }
  }
  return { reply: null, replyError: error };
}

/** What a reply sees (reply-context.ts): the borrower's latest reminder when the number is known, and the tenant's. */
async function contextOf(ports: HandleInboundSmsPorts, to: ReplyTo): Promise<Record<string, unknown>> {
  const ctx = await replyContext(
    {
      latestReminder: (id) => ports.borrowers.latestReminder(id),
      contactOf: ports.contactOf,
      senderKindOf: ports.senderKindOf,
    },
    to.tenant,
    to.first,
  );
  return ctx.data;
}
