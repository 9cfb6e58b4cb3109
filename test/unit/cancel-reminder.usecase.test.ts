/** Cancelling a reminder, with plain in-memory fakes for the store's reminder, the cancel and the read log. */
import { describe, expect, it } from 'vitest';
import type { Message, Reminder } from '../../src/domain/index.js';
import type { AuditRead } from '../../src/store/audit-queries.js';
import {
  cancelReminder,
  type CancelReminderPorts,
} from '../../src/usecases/cancel-reminder/cancel-reminder.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes() {
  const reads: AuditRead[] = [];
  const status = new Map<string, string>([
    ['m-1', 'queued'],
    ['m-2', 'sent'],
  ]);
  const reminder = { id: 'r-1', borrowerId: 'acme~b-1', tenant: 'acme' } as Reminder;
  const messagesOf = () => [...status].map(([id, s]) => ({ id, status: s }) as Message);
  const cancels: string[] = [];
  const ports: CancelReminderPorts = {
    getReminder: async (id) => (id === 'r-1' ? { reminder, messages: messagesOf() } : undefined),
    mayReach: (tenant) => tenant === 'acme',
    cancelPending: async (id, actor) => {
      cancels.push(`${id} by ${actor}`);
      status.set('m-1', 'cancelled');
      return { cancelled: ['m-1'], notCancelled: ['m-2'] };
    },
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads, cancels };
}
const cmd = { id: 'r-1', actor: 'api:k1', reader: { keyId: 'k1', role: 'collector', tenant: 'acme' } };

describe('cancelReminder', () => {
  it('cancels what is pending and answers the reminder as it is afterwards, a recorded read', async () => {
    const f = fakes();
    const r = await cancelReminder(f.ports, clock, cmd);
    expect(r).toMatchObject({ kind: 'cancelled', cancelled: ['m-1'], notCancelled: ['m-2'] });
    if (r.kind === 'cancelled') expect(r.messages.map((m) => m.status)).toEqual(['cancelled', 'sent']);
    expect(f.cancels).toEqual(['r-1 by api:k1']);
    expect(f.reads).toMatchObject([{ action: 'reminder', target: 'r-1', filter: { cancel: true } }]);
  });

  it('cancels nothing of a reminder the key may not reach', async () => {
    const f = fakes();
    f.ports.mayReach = () => false;
    expect(await cancelReminder(f.ports, clock, cmd)).toEqual({ kind: 'not-found' });
    expect(f.cancels).toEqual([]);
    expect(f.reads).toEqual([]);
  });

  it('does not find an unknown reminder', async () => {
    const f = fakes();
    expect(await cancelReminder(f.ports, clock, { ...cmd, id: 'r-9' })).toEqual({ kind: 'not-found' });
    expect(f.cancels).toEqual([]);
  });
});
