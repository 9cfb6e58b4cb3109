/** The inbox's list, with plain in-memory fakes: newest reply first, unread after the key's mark, filters, pages. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/entities.js';
import type { BorrowerHold } from '../../src/domain/holds.js';
import type { InboxEvent } from '../../src/store/inbox.repo.js';
import { listInbox, type ListInboxPorts } from '../../src/usecases/list-inbox/list-inbox.usecase.js';
import { markInboxRead } from '../../src/usecases/mark-inbox-read/mark-inbox-read.usecase.js';

const clock = { now: () => new Date('2026-12-06T12:00:00Z') };

function borrower(id: string, tenant = 'default'): Borrower {
  return {
    id,
    tenant,
    ref: id,
    name: `Name ${id}`,
    locale: 'en-US',
    timezone: 'America/New_York',
    phone: '+14155550100',
    email: null,
    consent: { sms: true, voice: null, email: null },
    optOuts: [],
    blackouts: [],
    status: 'active',
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
  };
}

/** Events by borrower; each reply an `inbound.sms` and its `reply.understood`. */
function fakes() {
  let id = 0;
  const events = new Map<string, InboxEvent[]>();
  const marks = new Map<string, number>();
  const holds = new Map<string, BorrowerHold[]>();
  const reply = (b: string, intents: string[], needsPerson = false) => {
    const list = events.get(b) ?? [];
    const sid = `SM${++id}`;
    const at = new Date(Date.UTC(2026, 11, 6, 0, id)).toISOString();
    list.push({ id, type: 'inbound.sms', at, actor: 'twilio', data: { kind: 'other', messageSid: sid } });
    list.push({
      id: ++id,
      type: 'reply.understood',
      at,
      actor: 'borrower',
      data: { messageSid: sid, intents: intents.map((i) => ({ intent: i, rule: `r-${i}` })), needsPerson },
    });
    events.set(b, list);
  };
  const ports: ListInboxPorts & { mark(t: string, k: string, b: string, e: number): Promise<void> } = {
    replied: async (_tenant, before, limit) =>
      [...events.entries()]
        .map(([b, list]) => ({
          borrowerId: b,
          lastId: Math.max(...list.filter((e) => e.type === 'inbound.sms').map((e) => e.id)),
        }))
        .filter((r) => before === undefined || r.lastId < before)
        .sort((a, b) => b.lastId - a.lastId)
        .slice(0, limit),
    events: async (b, types) => (events.get(b) ?? []).filter((e) => types.includes(e.type)),
    getBorrower: async (b) => (events.has(b) ? borrower(b) : undefined),
    marks: async (_t, key, ids) =>
      new Map(ids.filter((b) => marks.has(`${key}/${b}`)).map((b) => [b, marks.get(`${key}/${b}`)!])),
    unclosedHolds: async (b) => holds.get(b) ?? [],
    mark: async (_t, key, b, e) => void marks.set(`${key}/${b}`, e),
  };
  return { ports, reply, holds };
}

describe('listInbox', () => {
  it('lists who replied, newest reply first, with the last intents and the unread count', async () => {
    const { ports, reply } = fakes();
    reply('b-1', ['question'], true);
    reply('b-2', ['promise']);
    reply('b-2', ['revoke']);
    const { items, next } = await listInbox(ports, clock, { tenant: 'default', keyId: 'k1', limit: 10 });
    expect(items.map((i) => [i.borrower.id, i.lastIntents, i.unread, i.needsPerson])).toEqual([
      ['b-2', ['revoke'], 2, false],
      ['b-1', ['question'], 1, true],
    ]);
    expect(next).toBeNull();
  });

  it('filters on the last reply’s intent, a person needed, and unread', async () => {
    const { ports, reply } = fakes();
    reply('b-1', ['revoke']);
    reply('b-1', ['other']);
    reply('b-2', ['dispute'], true);
    const ids = async (f: object) =>
      (await listInbox(ports, clock, { tenant: 'default', keyId: 'k1', limit: 10, ...f })).items.map(
        (i) => i.borrower.id,
      );
    expect(await ids({ intent: 'revoke' })).toEqual([]);
    expect(await ids({ intent: 'other' })).toEqual(['b-1']);
    expect(await ids({ needsPerson: true })).toEqual(['b-2']);
    const marked = await markInboxRead(ports, { tenant: 'default', keyId: 'k1', borrowerId: 'b-2', now: new Date() });
    expect(marked).toMatchObject({ kind: 'marked' });
    expect(await ids({ unread: true })).toEqual(['b-1']);
    // Another key's marks are its own.
    expect(
      (await listInbox(ports, clock, { tenant: 'default', keyId: 'k2', limit: 10, unread: true })).items,
    ).toHaveLength(2);
  });

  it('pages on the last reply, without repeats', async () => {
    const { ports, reply } = fakes();
    for (const b of ['b-1', 'b-2', 'b-3']) reply(b, ['other']);
    const first = await listInbox(ports, clock, { tenant: 'default', keyId: 'k1', limit: 2 });
    expect(first.items.map((i) => i.borrower.id)).toEqual(['b-3', 'b-2']);
    const second = await listInbox(ports, clock, { tenant: 'default', keyId: 'k1', limit: 2, before: first.next! });
    expect(second.items.map((i) => i.borrower.id)).toEqual(['b-1']);
    expect(second.next).toBeNull();
  });

  it('marks read up to a reply of the borrower only', async () => {
    const { ports, reply } = fakes();
    reply('b-1', ['other']);
    reply('b-2', ['other']);
    const cmd = { tenant: 'default', keyId: 'k1', borrowerId: 'b-1', now: new Date() };
    expect(await markInboxRead(ports, { ...cmd, upTo: 3 })).toEqual({ kind: 'no-such-reply' });
    expect(await markInboxRead(ports, { ...cmd, upTo: 1 })).toEqual({ kind: 'marked', upTo: 1 });
    expect(await markInboxRead(ports, { ...cmd, borrowerId: 'b-9' })).toEqual({ kind: 'not-found' });
    expect(await markInboxRead(ports, { ...cmd, tenant: 'acme' })).toEqual({ kind: 'not-found' });
  });
});
