/** The API's view of stored records. */
import type { AuditEvent, Message, Reminder } from '../../domain/index.js';
import { maskContactsIn, maskRecipient } from '../../observability/logger.js';

/** While a message waits after a deferral, when it will be tried again and why (its last `deferred`, or `scheduled` with reasons, event). */
function deferralOf(m: Message, events: AuditEvent[]) {
  if (m.status !== 'deferred' && m.status !== 'scheduled') return null;
  const last = [...events].reverse().find((e) => e.type === 'deferred' || e.type === 'scheduled');
  return last && last.data.reasons ? { until: last.data.until ?? null, reasons: last.data.reasons } : null;
}

export function presentMessage(m: Message, events?: AuditEvent[]) {
  return {
    id: m.id,
    channel: m.channel,
    status: m.status,
    to: m.to,
    template: m.template,
    templateVersion: m.templateVersion,
    locale: m.locale,
    subject: m.subject,
    body: m.body,
    provider: m.provider,
    providerId: m.providerId,
    attempts: m.attempts,
    error: m.error,
    sendAt: m.sendAt,
    /** When it is next due: sendAt, or the end of its last deferral. */
    dueAt: m.dueAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    ...(m.experiment ? { experiment: m.experiment } : {}),
    ...(events
      ? {
          deferral: deferralOf(m, events),
          events: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, data: e.data })),
        }
      : {}),
  };
}

/** A reminder's overall status: the least advanced of its messages' states that still matter. */
export function reminderStatus(messages: Message[]): string {
  if (messages.length === 0) return 'accepted';
  if (messages.length === 1) return messages[0]!.status;
  const statuses = new Set(messages.map((m) => m.status));
  return statuses.size === 1 ? messages[0]!.status : 'mixed';
}

export function presentReminder(r: Reminder, messages: Message[], eventsByMessage?: Map<string, AuditEvent[]>) {
  return {
    id: r.id,
    externalId: r.externalId,
    borrowerId: r.borrowerRef,
    channel: r.channel,
    template: r.template,
    debt: r.debt,
    sendAt: r.sendAt,
    expiresAt: r.expiresAt,
    metadata: r.metadata,
    contact: r.contact,
    createdAt: r.createdAt,
    status: reminderStatus(messages),
    messages: messages.map((m) => presentMessage(m, eventsByMessage?.get(m.id))),
  };
}

/**
 * What an agent may see of a message: the recipient masked, no content (subject and body are
 * for compliance, whose reads are recorded), provider errors and event data with numbers and
 * addresses masked (a Twilio error quotes the number).
 */
export function maskMessage<T extends ReturnType<typeof presentMessage>>(m: T): T {
  return {
    ...m,
    to: maskRecipient(m.to),
    subject: m.subject === null ? null : '[content: see the message]',
    body: undefined,
    error: m.error ? { ...m.error, message: maskContactsIn(m.error.message) } : m.error,
    ...('events' in m && m.events ? { events: m.events.map((e) => ({ ...e, data: maskContactsIn(e.data) })) } : {}),
    ...('deferral' in m ? { deferral: maskContactsIn(m.deferral) } : {}),
  };
}

/** An account number as templates show it: the last four digits only. */
export const maskAccount = (ref: string) => `****${ref.replace(/\s+/g, '').slice(-4)}`;

/** A reminder for an agent: masked recipients and account number, no message content. */
export function maskReminder(r: ReturnType<typeof presentReminder>): ReturnType<typeof presentReminder> {
  const debt = r.debt as Reminder['debt'];
  return {
    ...r,
    debt: { ...debt, accountRef: maskAccount(debt.accountRef) },
    metadata: maskContactsIn(r.metadata),
    messages: r.messages.map((m) => maskMessage(m)),
  };
}
