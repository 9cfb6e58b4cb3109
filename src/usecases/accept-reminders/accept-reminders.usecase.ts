/**
 * Accept reminders (POST /v1/reminders, POST /v1/reminders/batch), already parsed and checked: a channel `auto` follows
 * the stage of the borrower's collection strategy, when one runs; a repeat answers with the original, content
 * included, and that is a recorded read of content.
 */
import type { Channel } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import type { Intake, ReminderRequest } from '../../services/intake.js';
import type { AcceptResult } from '../../store/audit-store.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what accepting reminders needs from the intake, the strategy and the read log. */
export interface AcceptRemindersPorts {
  acceptOne: Intake['acceptOne'];
  accept: Intake['accept'];
  /** The channel each borrower's strategy stage prefers (absent: no strategy runs). */
  preferredChannels?: ((borrowerIds: string[]) => Promise<Map<string, Channel>>) | undefined;
  recordRead: RecordRead;
}

export interface AcceptReminders {
  /** The key's id: idempotency keys are the client's own. */
  clientId: string;
  /** Who asks (`api:<keyId>`), for the events. */
  actor: string;
  reader: Reader;
}

/** `auto` follows the stage of the borrower's collection strategy, when one runs. */
async function withPreferences(ports: AcceptRemindersPorts, requests: ReminderRequest[]): Promise<ReminderRequest[]> {
  const auto = requests.filter((r) => r.channel === 'auto');
  if (!ports.preferredChannels || auto.length === 0) return requests;
  const preferred = await ports.preferredChannels([...new Set(auto.map((r) => r.borrower.id))]);
  return requests.map((r) =>
    r.channel === 'auto' && preferred.has(r.borrower.id) ? { ...r, preferredChannel: preferred.get(r.borrower.id) } : r,
  );
}

export async function acceptReminder(
  ports: AcceptRemindersPorts,
  clock: Clock,
  cmd: AcceptReminders & { request: ReminderRequest },
): Promise<AcceptResult> {
  const result = await ports.acceptOne((await withPreferences(ports, [cmd.request]))[0]!, cmd.clientId, cmd.actor);
  if (result.kind === 'repeat')
    await ports.recordRead(readOf(cmd.reader, 'reminder', result.reminder.id, { repeat: true }), clock.now());
  return result;
}

/** The results in the order of the requests (none asked: none accepted). */
export async function acceptReminders(
  ports: AcceptRemindersPorts,
  clock: Clock,
  cmd: AcceptReminders & { requests: ReminderRequest[] },
): Promise<AcceptResult[]> {
  if (cmd.requests.length === 0) return [];
  const accepted = await ports.accept(await withPreferences(ports, cmd.requests), cmd.clientId, cmd.actor);
  const repeats = accepted.filter((a) => a.kind === 'repeat').length;
  if (repeats > 0)
    await ports.recordRead(readOf(cmd.reader, 'reminders.batch', null, { repeated: repeats }), clock.now());
  return accepted;
}
