/** A conversation, with plain in-memory fakes: replies with their words and actions, messages, in time order; the read recorded. */
import { describe, expect, it } from 'vitest';
import type { Borrower, Message } from '../../src/domain/entities.js';
import type { AuditRead } from '../../src/store/audit-queries.js';
import type { InboxEvent } from '../../src/store/inbox.repo.js';
import {
  readConversation,
  type ReadConversationPorts,
} from '../../src/usecases/read-conversation/read-conversation.usecase.js';

const clock = { now: () => new Date('2026-12-06T15:30:00Z') };
const borrower = {
  id: 'b-1',
  tenant: 'default',
  ref: 'b-1',
  timezone: 'America/New_York',
  phone: null,
  locale: 'en-US',
} as Borrower;

function fakes() {
  const reads: AuditRead[] = [];
  const events: InboxEvent[] = [
    {
      id: 1,
      type: 'inbound.sms',
      at: '2026-12-06T10:00:00Z',
      actor: 'twilio',
      data: { kind: 'other', messageSid: 'SM1', content: { id: 'c1', sha256: 'x' } },
    },
    {
      id: 2,
      type: 'reply.understood',
      at: '2026-12-06T10:00:00Z',
      actor: 'borrower',
      data: { messageSid: 'SM1', intents: [{ intent: 'promise', rule: 'en-promise' }], needsPerson: false },
    },
    {
      id: 3,
      type: 'promise.reported',
      at: '2026-12-06T10:00:01Z',
      actor: 'collection-system',
      data: { id: 'reply-SM1' },
    },
    // Not the reply's doing: an agent's hold, and a promise the collection system reported.
    { id: 4, type: 'hold.opened', at: '2026-12-06T10:05:00Z', actor: 'api:k', data: { by: 'agent' } },
    { id: 5, type: 'promise.reported', at: '2026-12-06T10:06:00Z', actor: 'collection-system', data: { id: 'p-9' } },
  ];
  const message = { id: 'm1', createdAt: '2026-12-06T09:00:00Z', channel: 'sms', body: 'Hello' } as Message;
  const ports: ReadConversationPorts = {
    getBorrower: async (id) => (id === 'b-1' ? borrower : undefined),
    events: async () => events,
    messages: async () => [message],
    contentRefIn: (data) => data.content as { id: string; sha256: string } | undefined,
    texts: async (ids) => new Map(ids.map((id) => [id, { text: `text of ${id}`, erasedAt: null }])),
    unclosedHolds: async () => [],
    checkPolicy: async (_b, channel) =>
      channel === 'sms'
        ? { kind: 'checked', profile: 'p', layers: ['p'], region: null, at: 'now', allowed: true, zones: [] }
        : {
            kind: 'checked',
            profile: 'p',
            layers: ['p'],
            region: null,
            at: 'now',
            allowed: false,
            zones: [],
            earliestAllowedAt: null,
            reasons: [{ code: 'no-consent', rule: 'r', detail: 'd' }],
          },
    recordRead: async (read) => void reads.push(read),
  };
  return { ports, reads };
}

const cmd = { tenant: 'default', borrowerId: 'b-1', reader: { keyId: 'k1', role: 'agent', tenant: null }, filter: {} };

describe('readConversation', () => {
  it('shows the words, what was understood and done, and what was sent, in time order; the read is recorded', async () => {
    const { ports, reads } = fakes();
    const r = await readConversation(ports, clock, cmd);
    if (r.kind !== 'conversation') throw new Error(r.kind);
    expect(r.items.map((i) => i.kind)).toEqual(['message', 'reply']);
    const reply = r.items[1]!;
    if (reply.kind !== 'reply') throw new Error('not a reply');
    expect(reply.reply).toMatchObject({ text: 'text of c1', understood: { intents: [{ intent: 'promise' }] } });
    expect(reply.reply.actions.map((a) => a.id)).toEqual([3]);
    expect(r.now.local).toEqual([{ zone: 'America/New_York', time: '2026-12-06 10:30' }]);
    expect(r.contactable.map((c) => [c.channel, c.allowed, c.reasons])).toEqual([
      ['sms', true, []],
      ['voice', false, ['no-consent']],
      ['email', false, ['no-consent']],
    ]);
    expect(reads).toEqual([
      { keyId: 'k1', role: 'agent', tenant: null, action: 'conversation', target: 'b-1', filter: {} },
    ]);
  });

  it('is not there for another tenant, and records nothing', async () => {
    const { ports, reads } = fakes();
    expect(await readConversation(ports, clock, { ...cmd, tenant: 'acme' })).toEqual({ kind: 'not-found' });
    expect(reads).toEqual([]);
  });
});
