/** Reading a reminder, with plain in-memory fakes for the store's reminder, events and read log. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Message, Reminder } from '../../src/domain/index.js';
import type { AuditRead } from '../../src/store/audit-queries.js';
import { getReminder, type GetReminderPorts } from '../../src/usecases/get-reminder/get-reminder.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes() {
  const reads: AuditRead[] = [];
  const reminder = { id: 'r-1', borrowerId: 'acme~b-1', tenant: 'acme' } as Reminder;
  const messages = [{ id: 'm-1' }, { id: 'm-2' }] as Message[];
  const ports: GetReminderPorts = {
    getReminder: async (id) => (id === 'r-1' ? { reminder, messages } : undefined),
    mayReach: (tenant) => tenant === 'acme',
    listEvents: async (messageId) => [{ seq: 1, type: 'accepted', messageId } as unknown as AuditEvent],
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads };
}
const reader = (role: string, tenant: string | null = 'acme') => ({ keyId: 'k1', role, tenant });

describe('getReminder', () => {
  it('answers the reminder with each message’s events and records the read of content', async () => {
    const f = fakes();
    const r = await getReminder(f.ports, clock, { id: 'r-1', reader: reader('compliance') });
    expect(r).toMatchObject({ kind: 'found', masked: false, reminder: { id: 'r-1' } });
    if (r.kind === 'found') expect([...r.events.keys()]).toEqual(['m-1', 'm-2']);
    expect(f.reads).toEqual([
      { keyId: 'k1', role: 'compliance', tenant: 'acme', action: 'reminder', target: 'r-1', filter: {} },
    ]);
  });

  it('shows an agent the reminder masked and records no read', async () => {
    const f = fakes();
    const r = await getReminder(f.ports, clock, { id: 'r-1', reader: reader('agent') });
    expect(r).toMatchObject({ kind: 'found', masked: true });
    expect(f.reads).toEqual([]);
  });

  it('does not find a reminder of a borrower the key may not reach', async () => {
    const f = fakes();
    f.ports.mayReach = () => false;
    expect(await getReminder(f.ports, clock, { id: 'r-1', reader: reader('compliance', 'other') })).toEqual({
      kind: 'not-found',
    });
    expect(f.reads).toEqual([]);
  });

  it('does not find an unknown reminder', async () => {
    const f = fakes();
    expect(await getReminder(f.ports, clock, { id: 'r-9', reader: reader('collector') })).toEqual({
      kind: 'not-found',
    });
  });
});
