/**
 * Read a reminder with its messages and their events (GET /v1/reminders/:id). Another tenant's reminder does not exist
 * for the reader; an agent sees it masked and without content, and every other read of content is recorded.
 */
import type { AuditEvent, Message, Reminder } from '../../domain/index.js';
import type { Clock } from '../../domain/clock.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what reading a reminder needs from the store. */
export interface GetReminderPorts {
  getReminder(id: string): Promise<{ reminder: Reminder; messages: Message[] } | undefined>;
  /** Whether the reader may see records of this (stored) borrower. */
  /** Whether the caller's key may see a record of this tenant. */
  mayReach(tenant: string): boolean;
  listEvents(messageId: string): Promise<AuditEvent[]>;
  recordRead: RecordRead;
}

export interface GetReminder {
  id: string;
  reader: Reader;
}

export type GetReminderResult =
  | { kind: 'not-found' }
  | {
      kind: 'found';
      reminder: Reminder;
      messages: Message[];
      /** Each message's events, by message id. */
      events: Map<string, AuditEvent[]>;
      /** Shown masked, without content (an agent's read, not recorded). */
      masked: boolean;
    };

export async function getReminder(ports: GetReminderPorts, clock: Clock, cmd: GetReminder): Promise<GetReminderResult> {
  const found = await ports.getReminder(cmd.id);
  if (!found || !ports.mayReach(found.reminder.tenant)) return { kind: 'not-found' };
  const events = new Map(
    await Promise.all(found.messages.map(async (m) => [m.id, await ports.listEvents(m.id)] as const)),
  );
  const masked = cmd.reader.role === 'agent';
  if (!masked) await ports.recordRead(readOf(cmd.reader, 'reminder', cmd.id, {}), clock.now());
  return { kind: 'found', ...found, events, masked };
}
