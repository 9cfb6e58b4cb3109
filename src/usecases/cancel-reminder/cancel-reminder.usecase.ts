/**
 * Cancel what of a reminder is not sent yet (DELETE /v1/reminders/:id): the reminder of another tenant does not exist
 * for the caller; the answer shows the reminder as it is afterwards, and showing it is a recorded read of content.
 */
import type { Message, Reminder } from '../../domain/index.js';
import type { Clock } from '../../domain/clock.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what cancelling a reminder needs from the store and the queues. */
export interface CancelReminderPorts {
  getReminder(id: string): Promise<{ reminder: Reminder; messages: Message[] } | undefined>;
  /** Whether the caller may see records of this (stored) borrower. */
  /** Whether the caller's key may see a record of this tenant. */
  mayReach(tenant: string): boolean;
  /** Cancels the reminder's pending messages and removes their jobs; undefined: no such reminder. */
  cancelPending(
    reminderId: string,
    actor: string,
  ): Promise<{ cancelled: string[]; notCancelled: string[] } | undefined>;
  recordRead: RecordRead;
}

export interface CancelReminder {
  id: string;
  /** Who cancels (`api:<keyId>`), for the messages' events. */
  actor: string;
  reader: Reader;
}

export type CancelReminderResult =
  | { kind: 'not-found' }
  | { kind: 'cancelled'; reminder: Reminder; messages: Message[]; cancelled: string[]; notCancelled: string[] };

export async function cancelReminder(
  ports: CancelReminderPorts,
  clock: Clock,
  cmd: CancelReminder,
): Promise<CancelReminderResult> {
  const owned = await ports.getReminder(cmd.id);
  if (!owned || !ports.mayReach(owned.reminder.tenant)) return { kind: 'not-found' };
  const result = await ports.cancelPending(cmd.id, cmd.actor);
  if (!result) return { kind: 'not-found' };
  const found = await ports.getReminder(cmd.id);
  await ports.recordRead(readOf(cmd.reader, 'reminder', cmd.id, { cancel: true }), clock.now());
  return { kind: 'cancelled', ...found!, ...result };
}
