/** An agent's corrections of a reply, with plain in-memory fakes: each recorded on the chain, consent never restored. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/entities.js';
import type { BorrowerHold } from '../../src/domain/holds.js';
import type { InboxEvent } from '../../src/store/inbox.repo.js';
import type { EventInput } from '../../src/store/store-types.js';
import { correctReply, type CorrectReplyPorts } from '../../src/usecases/correct-reply/correct-reply.usecase.js';
import { foldReplies } from '../../src/usecases/read-conversation/replies.js';

const clock = { now: () => new Date('2026-12-06T12:00:00Z') };
const hold: BorrowerHold = {
  id: 'h1',
  tenant: 'default',
  borrowerId: 'b-1',
  accountRef: null,
  promiseId: null,
  kind: 'hardship',
  openedAt: '2026-12-06T00:00:00Z',
  until: '2027-01-05T00:00:00Z',
  source: 'reply',
  detail: null,
  ruleRef: null,
  closedAt: null,
  closedBy: null,
  resolution: null,
  closeDetail: null,
};

function fakes() {
  const events: InboxEvent[] = [
    { id: 1, type: 'inbound.sms', at: 't1', actor: 'twilio', data: { kind: 'other', messageSid: 'SM1' } },
    {
      id: 2,
      type: 'reply.understood',
      at: 't1',
      actor: 'borrower',
      data: { messageSid: 'SM1', intents: [{ intent: 'revoke', rule: 'en-revoke-text', scope: ['sms'] }] },
    },
    { id: 3, type: 'consent.revoked', at: 't1', actor: 'borrower', data: { channels: ['sms'], via: 'sms' } },
    { id: 4, type: 'inbound.sms', at: 't2', actor: 'twilio', data: { kind: 'other', messageSid: 'SM2' } },
    {
      id: 5,
      type: 'reply.understood',
      at: 't2',
      actor: 'borrower',
      data: { messageSid: 'SM2', intents: [{ intent: 'hardship', rule: 'en-hardship' }] },
    },
    { id: 6, type: 'hold.opened', at: 't2', actor: 'borrower', data: { by: 'reply', id: 'h1' } },
  ];
  const written: Array<{ id: string; event: EventInput }> = [];
  const detached: string[][] = [];
  const ports: CorrectReplyPorts = {
    getBorrower: async (id) => (id === 'b-1' ? ({ id, tenant: 'default', ref: id } as Borrower) : undefined),
    events: async (_b, types) => events.filter((e) => types.includes(e.type)),
    recordBorrowerEvent: async (id, event) => {
      written.push({ id, event });
      events.push({ id: events.length + 1, type: event.type, at: 't3', actor: event.actor, data: event.data ?? {} });
    },
    putContent: async (_owner, text) => ({ id: `c-${text.length}`, sha256: 'x' }),
    detachFromBorrower: async (_b, channels) => {
      detached.push([...channels]);
      return { suppressed: ['m1'] };
    },
    endHold: async (_b, holdId, end) =>
      holdId === 'h1'
        ? {
            hold: { ...hold, closedAt: 'now', closedBy: end.actor, resolution: end.resolution },
            changed: true,
            rescheduled: [],
          }
        : undefined,
  };
  return { ports, events, written, detached };
}

const cmd = { tenant: 'default', borrowerId: 'b-1', actor: 'api:k1', detail: 'why' };

describe('correctReply', () => {
  it('records a revocation that was not one, and restores nothing', async () => {
    const { ports, written, detached, events } = fakes();
    const r = await correctReply(ports, clock, { ...cmd, kind: 'not-a-revocation', replyEventId: 1 });
    expect(r).toEqual({ kind: 'corrected', correction: 'not-a-revocation', stillRevoked: ['sms'] });
    expect(written.map((w) => [w.event.type, w.event.actor])).toEqual([['reply.corrected', 'api:k1']]);
    expect(detached).toEqual([]);
    // The correction is shown under the reply it names.
    expect(foldReplies(events)[0]!.actions.map((a) => a.type)).toEqual(['consent.revoked', 'reply.corrected']);
    expect(await correctReply(ports, clock, { ...cmd, kind: 'not-a-revocation', replyEventId: 4 })).toMatchObject({
      kind: 'invalid',
      path: 'replyEventId',
    });
  });

  it('lifts the hold named, and needs one', async () => {
    const { ports, written } = fakes();
    expect(await correctReply(ports, clock, { ...cmd, kind: 'lift-hold', replyEventId: 4 })).toMatchObject({
      kind: 'invalid',
      path: 'holdId',
    });
    expect(await correctReply(ports, clock, { ...cmd, kind: 'lift-hold', replyEventId: 4, holdId: 'h9' })).toEqual({
      kind: 'no-such-hold',
    });
    const r = await correctReply(ports, clock, { ...cmd, kind: 'lift-hold', replyEventId: 4, holdId: 'h1' });
    expect(r).toMatchObject({ kind: 'corrected', hold: { hold: { resolution: 'released', closedBy: 'api:k1' } } });
    expect(written.at(-1)!.event.data).toMatchObject({ kind: 'lift-hold', replyEventId: 4, holdId: 'h1' });
  });

  it('detaches a wrong number as a reply would', async () => {
    const { ports, written, detached } = fakes();
    const r = await correctReply(ports, clock, { ...cmd, kind: 'wrong-number', replyEventId: 4 });
    expect(r).toMatchObject({ kind: 'corrected', suppressed: ['m1'] });
    expect(detached).toEqual([['sms', 'voice']]);
    expect(written.map((w) => w.event.type)).toEqual(['contact.wrong_number', 'reply.corrected']);
  });

  it('knows only the borrower’s own replies', async () => {
    const { ports } = fakes();
    expect(await correctReply(ports, clock, { ...cmd, kind: 'wrong-number', replyEventId: 2 })).toEqual({
      kind: 'no-such-reply',
    });
    expect(await correctReply(ports, clock, { ...cmd, tenant: 'acme', kind: 'wrong-number', replyEventId: 1 })).toEqual(
      { kind: 'not-found' },
    );
  });
});
