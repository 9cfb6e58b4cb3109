/** Accepting reminders, with plain in-memory fakes for the intake, the strategy's preferences and the read log. */
import { describe, expect, it } from 'vitest';
import type { Message, Reminder } from '../../src/domain/index.js';
import type { ReminderRequest } from '../../src/services/intake.js';
import type { AuditRead } from '../../src/store/audit-queries.js';
import type { AcceptResult } from '../../src/store/audit-store.js';
import {
  acceptReminder,
  acceptReminders,
  type AcceptRemindersPorts,
} from '../../src/usecases/accept-reminders/accept-reminders.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes(withStrategy = true) {
  const reads: AuditRead[] = [];
  const seen = new Set<string>();
  const given: ReminderRequest[] = [];
  const one = (r: ReminderRequest): AcceptResult => {
    given.push(r);
    const id = `rem-${r.externalId}`;
    const kind = seen.has(id) ? 'repeat' : 'created';
    seen.add(id);
    return { kind, reminder: { id } as Reminder, messages: [] as Message[] } as AcceptResult;
  };
  const ports: AcceptRemindersPorts = {
    acceptOne: async (r) => one(r),
    accept: async (rs) => rs.map(one),
    preferredChannels: withStrategy ? async (ids) => new Map(ids.map((id) => [id, 'email'])) : undefined,
    recordRead: async (read) => {
      reads.push(read);
    },
  };
  return { ports, reads, given };
}
const request = (externalId: string, channel = 'sms') =>
  ({ externalId, channel, borrower: { id: 'acme~b-1' } }) as unknown as ReminderRequest;
const caller = { clientId: 'k1', actor: 'api:k1', reader: { keyId: 'k1', role: 'collector', tenant: 'acme' } };

describe('acceptReminder', () => {
  it('records a repeat, which answers with the original content, as a read', async () => {
    const f = fakes();
    expect((await acceptReminder(f.ports, clock, { ...caller, request: request('x1') })).kind).toBe('created');
    expect(f.reads).toEqual([]);
    expect((await acceptReminder(f.ports, clock, { ...caller, request: request('x1') })).kind).toBe('repeat');
    expect(f.reads).toMatchObject([{ action: 'reminder', target: 'rem-x1', filter: { repeat: true } }]);
  });

  it('sends channel auto the way the borrower’s strategy stage prefers', async () => {
    const f = fakes();
    await acceptReminder(f.ports, clock, { ...caller, request: request('x1', 'auto') });
    expect(f.given[0]!.preferredChannel).toBe('email');
  });

  it('leaves channel auto to the intake without a strategy', async () => {
    const f = fakes(false);
    await acceptReminder(f.ports, clock, { ...caller, request: request('x1', 'auto') });
    expect(f.given[0]!.preferredChannel).toBeUndefined();
  });
});

describe('acceptReminders', () => {
  it('records one read for the repeats of a batch', async () => {
    const f = fakes();
    const r = await acceptReminders(f.ports, clock, {
      ...caller,
      requests: [request('a'), request('a'), request('b')],
    });
    expect(r.map((x) => x.kind)).toEqual(['created', 'repeat', 'created']);
    expect(f.reads).toMatchObject([{ action: 'reminders.batch', target: null, filter: { repeated: 1 } }]);
  });

  it('accepts nothing and records nothing for an empty batch', async () => {
    const f = fakes();
    expect(await acceptReminders(f.ports, clock, { ...caller, requests: [] })).toEqual([]);
    expect(f.given).toEqual([]);
  });
});
