/**
 * A provider's word on a message it took: the message's state moves forward (never back, so
 * repeated and out-of-order callbacks are harmless) and the contact ledger learns what the
 * contact was (a delivered text, an answered call, a voicemail, a busy line that frees the slot).
 * A machine that answers gets the limited-content voicemail (12 CFR 1006.2(j)), never the script.
 */
import type { DeliveryStatusStore } from '../../store/ports.js';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import type { Clock } from '../../domain/clock.js';
import { CARRIER_HELD_STATUSES, LIVE_STATUSES, type MessageStatus } from '../../domain/index.js';
import { RECIPIENT_UNSUBSCRIBED_DETAIL, TWILIO_RECIPIENT_UNSUBSCRIBED } from '../../domain/provider-codes.js';
import type { SenderKind } from '../../domain/sender.js';
import type { Outcome } from '../../policy/profile.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { templateContext } from '../../templates/context.js';
import type { Render } from '../../templates/render.js';
import type { HandleDeliveryStatusCommand } from './handle-delivery-status.command.js';
import { type AddressFact, factOfCall, factOfMessageError } from '../../domain/address-facts.js';
import type { Message } from '../../domain/index.js';

export type { HandleDeliveryStatusCommand } from './handle-delivery-status.command.js';

/** Exactly what the use case needs: three message reads and writes, the ledger, 21610 opt-outs, the voicemail. */
export interface HandleDeliveryStatusPorts {
  messages: DeliveryStatusStore;
  ledger: Pick<ContactLedger, 'recordOutcome' | 'release'>;
  optOuts: Pick<OptOuts, 'providerRefused'>;
  render: Render;
  /** Replaces what a call in progress plays (absent: no voice provider can). */
  redirectCall?: ((callId: string, twiml: string) => Promise<void>) | undefined;
  /** The kind of sender of a tenant (what its voicemail renders as). */
  senderKindOf: (tenant: string) => Promise<SenderKind | undefined>;
  clock: Clock;
  /** Records what the answer taught about the message's address (a landline, not in service, a fax). */
  learn?: ((message: Message, fact: AddressFact, code: string) => Promise<void>) | undefined;
}

export interface HandleDeliveryStatusResult {
  /** The message was ours; a callback for an unknown one changes nothing. */
  found: boolean;
  /** The state the message moved to, or null when it did not move (a repeat, or a status that settles nothing). */
  movedTo: MessageStatus | null;
  /** The limited-content voicemail could not be left (why), for the caller to log. */
  voicemailError?: string;
}

const ACTOR = 'twilio';

/**
 * Twilio's codes for a text that waited past its validity period (the contact window closed
 * before the carrier took it): recorded as the reason the message is `undelivered`.
 */
export const EXPIRED_CODES: Readonly<Record<string, string>> = {
  '30036': 'validity period expired (Twilio 30036): the contact window closed before the text could be delivered',
  '30001': 'queue overflow (Twilio 30001): the text waited in the sender queue past its validity period',
};

/** A move to settle a message in, and what the ledger records when it happens ('release': the slot is free again). */
interface Settlement {
  to: MessageStatus;
  data: Record<string, unknown>;
  outcome: Outcome | 'release' | null;
  from?: readonly MessageStatus[];
  patch?: { errorCode?: string; errorMessage?: string };
}

const NOT_FOUND: HandleDeliveryStatusResult = { found: false, movedTo: null };

export async function handleDeliveryStatus(
  ports: HandleDeliveryStatusPorts,
  command: HandleDeliveryStatusCommand,
): Promise<HandleDeliveryStatusResult> {
  if (!command.messageId) return NOT_FOUND;
  if (command.kind === 'answered-by') return answeredBy(ports, command);
  if (!(await ports.messages.getMessage(command.messageId))) return NOT_FOUND;
  if (command.kind === 'message') return messageStatus(ports, command);
  await ensureSent(ports, command.messageId, command.providerId);
  const s = callSettlement(command);
  const moved = s && (await settle(ports, command.messageId, s)) ? s.to : null;
  if (command.status === 'failed') {
    const fact = factOfCall(command);
    const code = command.errorCode ? `twilio-${command.errorCode}` : `sip-${command.sipResponseCode ?? ''}`;
    if (fact) await learnFrom(ports, command.messageId, fact, code);
  }
  return { found: true, movedTo: moved };
}

/** Tells the address's facts what the provider said about it (once per message and fact: the store keeps one row). */
async function learnFrom(ports: HandleDeliveryStatusPorts, messageId: string, fact: AddressFact, code: string) {
  if (!ports.learn) return;
  const m = await ports.messages.getMessage(messageId);
  if (m) await ports.learn(m, fact, code);
}

async function messageStatus(
  ports: HandleDeliveryStatusPorts,
  c: Extract<HandleDeliveryStatusCommand, { kind: 'message' }>,
): Promise<HandleDeliveryStatusResult> {
  if (['sent', 'delivered', 'undelivered', 'failed'].includes(c.status))
    await ensureSent(ports, c.messageId, c.providerId);
  const s = messageSettlement(c);
  if (!s) return { found: true, movedTo: null };
  const moved = await settle(ports, c.messageId, s);
  if (s.to !== 'delivered' && c.errorCode === TWILIO_RECIPIENT_UNSUBSCRIBED) {
    const m = await ports.messages.getMessage(c.messageId);
    if (m) await ports.optOuts.providerRefused(m, RECIPIENT_UNSUBSCRIBED_DETAIL);
  }
  const fact = s.to !== 'delivered' ? factOfMessageError(c.errorCode) : undefined;
  if (fact) await learnFrom(ports, c.messageId, fact, `twilio-${c.errorCode}`);
  return { found: true, movedTo: moved ? s.to : null };
}

/** A text's status: delivered (from sent), or undelivered / failed with its code and, for an expiry, why. */
export function messageSettlement(c: Extract<HandleDeliveryStatusCommand, { kind: 'message' }>): Settlement | null {
  if (c.status === 'delivered')
    return { to: 'delivered', data: { providerId: c.providerId }, outcome: 'delivered', from: ['sent'] };
  if (c.status !== 'undelivered' && c.status !== 'failed') return null;
  const { errorCode } = c;
  const expired = errorCode ? EXPIRED_CODES[errorCode] : undefined;
  return {
    to: c.status,
    data: { providerId: c.providerId, errorCode, ...(expired ? { reason: expired } : {}) },
    outcome: 'undelivered',
    from: CARRIER_HELD_STATUSES,
    ...(errorCode ? { patch: { errorCode, ...(expired ? { errorMessage: expired } : {}) } } : {}),
  };
}

/** A call's status: a person answered (no machine was detected), busy, no answer, not in service, cancelled. */
export function callSettlement(c: Extract<HandleDeliveryStatusCommand, { kind: 'call' }>): Settlement | null {
  const data = { providerId: c.providerId, callStatus: c.status, duration: c.duration };
  switch (c.status) {
    case 'completed':
      return { to: 'answered', data, outcome: 'answered' }; // a conversation, which starts the block
    case 'busy':
      return { to: 'busy', data, outcome: 'busy' }; // a busy signal is not a placed call: the slot is free again
    case 'no-answer':
      return { to: 'no-answer', data, outcome: 'no-answer' };
    case 'failed':
      return { to: 'failed', data, outcome: 'not-in-service' };
    case 'canceled':
      return { to: 'cancelled', data, outcome: 'release' };
    default:
      return null;
  }
}

async function answeredBy(
  ports: HandleDeliveryStatusPorts,
  c: Extract<HandleDeliveryStatusCommand, { kind: 'answered-by' }>,
): Promise<HandleDeliveryStatusResult> {
  const found = await ports.messages.getReminderOfMessage(c.messageId);
  if (!found) return NOT_FOUND;
  await ensureSent(ports, c.messageId, c.providerId);
  if (c.answeredBy === 'human') {
    const s: Settlement = {
      to: 'answered',
      data: { providerId: c.providerId, answeredBy: c.answeredBy },
      outcome: 'answered',
    };
    return { found: true, movedTo: (await settle(ports, c.messageId, s)) ? s.to : null };
  }
  if (!c.answeredBy.startsWith('machine') && c.answeredBy !== 'fax') return { found: true, movedTo: null };
  // A fax line takes neither calls nor texts from us (recorded once; the voicemail below is left as for a machine).
  if (c.answeredBy === 'fax') await learnFrom(ports, c.messageId, 'fax', 'twilio-answered-by-fax');
  let voicemail: { body: string; version: string } | undefined;
  let voicemailError: string | undefined;
  try {
    const r = ports.render({
      key: 'voicemail-limited',
      channel: 'voicemail',
      locale: found.message.locale,
      timezone: null,
      data: templateContext({
        borrower: found.borrower,
        debt: found.reminder.debt,
        contact: found.reminder.contact,
        metadata: found.reminder.metadata,
        sender: await ports.senderKindOf(found.borrower.tenant),
      }),
    });
    voicemail = { body: r.body, version: r.version };
    await ports.redirectCall?.(c.providerId, r.body);
  } catch (err) {
    voicemailError = (err as Error).message;
  }
  const s: Settlement = {
    to: 'machine',
    data: {
      providerId: c.providerId,
      answeredBy: c.answeredBy,
      voicemail: voicemail?.body ?? null,
      voicemailVersion: voicemail?.version ?? null,
    },
    outcome: 'voicemail',
  };
  const moved = await settle(ports, c.messageId, s);
  return { found: true, movedTo: moved ? s.to : null, ...(voicemailError ? { voicemailError } : {}) };
}

/** The provider's own `sent` may arrive after a later state, or before the worker recorded it. */
async function ensureSent(ports: HandleDeliveryStatusPorts, messageId: string, providerId: string) {
  await ports.messages.transition(
    messageId,
    {
      from: ['sending'],
      to: 'sent',
      type: 'sent',
      actor: ACTOR,
      data: { providerId, via: 'status-callback' },
      patch: { provider: 'twilio', providerId },
    },
    ports.clock.now(),
  );
}

/** Moves the message (only forward) and, when it moved, records the contact in the ledger. */
async function settle(ports: HandleDeliveryStatusPorts, messageId: string, s: Settlement): Promise<boolean> {
  const moved = await ports.messages.transition(
    messageId,
    {
      from: s.from ?? LIVE_STATUSES,
      to: s.to,
      type: s.to,
      actor: ACTOR,
      data: s.data,
      ...(s.patch ? { patch: s.patch } : {}),
    },
    ports.clock.now(),
  );
  if (moved && s.outcome) {
    const m = await ports.messages.getMessage(messageId);
    if (m) {
      if (s.outcome === 'release') await ports.ledger.release(m.borrowerId, m.id);
      else await ports.ledger.recordOutcome(m.borrowerId, m.id, s.outcome);
    }
  }
  return moved;
}
