/**
 * handleEmailBounce with in-memory fakes: what a bounce does to the message and the address, the
 * soft bounces counted once a message and in a row, the hook address facts attach to, and what is
 * rejected without changing anything.
 */
import { describe, expect, it } from 'vitest';
import type { MessageStatus } from '../../src/domain/statuses.js';
import { makeBounceAddresses } from '../../src/http/webhooks/bounce-address.js';
import { makeReplyAddresses } from '../../src/http/webhooks/reply-address.js';
import type { TransitionInput } from '../../src/store/store-types.js';
import {
  type AddressBounce,
  handleEmailBounce,
  type HandleEmailBouncePorts,
} from '../../src/usecases/handle-email-bounce/handle-email-bounce.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const bounces = makeBounceAddresses({ secret: 's', domain: 'b.example.com' });
const replies = makeReplyAddresses({ secret: 's', domain: 'r.example.com' });
const verp = (id: string, tenant = 'acme') => ({
  kind: 'bounce-token' as const,
  token: bounces.tokenOf(bounces.addressOf(id, tenant))!,
});

function fakes(messages: Record<string, { tenant?: string; channel?: string; to?: string; status: MessageStatus }>) {
  const moves: Array<{ id: string } & TransitionInput> = [];
  const suppressed: Array<{ address: string; source: string; tenant: string | undefined }> = [];
  const outcomes: string[] = [];
  const facts: AddressBounce[] = [];
  const runs = new Map<string, { n: number; last: string }>();
  const claims = new Set<string>();
  const row = (id: string) => ({ tenant: 'acme', channel: 'email', to: 'Kim@Example.com', ...messages[id]! });
  const ports: HandleEmailBouncePorts = {
    tokens: { bounce: bounces, reply: replies },
    clock: { now: () => NOW },
    softBounceLimit: 2,
    optOuts: {
      suppressAddress: (async (i: { address: string; source: string; tenant?: string }) => {
        const added = suppressed.some((s) => s.address === i.address) ? [] : [i];
        suppressed.push({ address: i.address, source: i.source, tenant: i.tenant });
        return { added, borrowers: [], suppressed: [] };
      }) as never,
    },
    ledger: { recordOutcome: async (_b, _m, outcome) => Boolean(outcomes.push(outcome)) },
    onBounce: async (b) => void facts.push(b),
    store: {
      webhooks: {
        claim: async (key: string) => !claims.has(key) && Boolean(claims.add(key)),
        release: async (key: string) => void claims.delete(key),
      },
      getReminderOfMessage: async (id: string) =>
        messages[id]
          ? ({ message: { id, ...row(id) }, borrower: { id: 'acme~b1', tenant: 'acme' }, reminder: {} } as never)
          : undefined,
      transition: async (id: string, input: TransitionInput) => {
        const m = messages[id];
        if (!m || !input.from.includes(m.status)) return false;
        m.status = input.to;
        moves.push({ id, ...input });
        return true;
      },
      bounces: {
        softBounce: async (tenant, address, messageId) => {
          const key = `${tenant}|${address}`;
          const r = runs.get(key) ?? { n: 0, last: '' };
          runs.set(key, { n: r.n + (r.last === messageId ? 0 : 1), last: messageId });
          return runs.get(key)!.n;
        },
        clear: async (tenant, address) => void runs.delete(`${tenant}|${address}`),
        inRow: async (tenant, address) => runs.get(`${tenant}|${address}`)?.n ?? 0,
      },
    },
  };
  return { ports, moves, suppressed, outcomes, facts, runs, messages };
}

describe('handleEmailBounce', () => {
  it('a hard bounce: email.bounced, then undelivered with the status as its error; the address suppressed', async () => {
    const f = fakes({ m1: { status: 'sent' } });
    const r = await handleEmailBounce(f.ports, {
      target: verp('m1'),
      report: { status: '5.1.1', action: 'failed', diagnostic: '550 5.1.1 <kim@example.com> user unknown' },
      reportId: '<dsn-1@mx>',
      via: 'smtp',
    });
    expect(r).toMatchObject({ kind: 'bounced', hard: true, undelivered: true, suppressed: true });
    expect(f.moves.map((m) => [m.type, m.to])).toEqual([
      ['email.bounced', 'sent'],
      ['undelivered', 'undelivered'],
    ]);
    expect(f.moves[0]!.data).toEqual({
      status: '5.1.1',
      diagnostic: '550 5.1.1 <[address]> user unknown',
      hard: true,
      action: 'failed',
      via: 'smtp',
    });
    expect(f.moves[1]!.patch).toEqual({ errorCode: '5.1.1', errorMessage: '550 5.1.1 <[address]> user unknown' });
    expect(f.suppressed).toEqual([{ address: 'kim@example.com', source: 'hard-bounce', tenant: 'acme' }]);
    expect(f.outcomes).toEqual(['undelivered']);
    expect(f.facts).toEqual([
      expect.objectContaining({ address: 'kim@example.com', hard: true, suppressed: true, status: '5.1.1' }),
    ]);
  });

  it('the same report again is a repeat and changes nothing', async () => {
    const f = fakes({ m1: { status: 'sent' } });
    const cmd = { target: verp('m1'), report: { status: '5.1.1' }, reportId: 'dsn-1', via: 'http' as const };
    await handleEmailBounce(f.ports, cmd);
    expect(await handleEmailBounce(f.ports, cmd)).toMatchObject({ kind: 'repeat' });
    expect(f.moves).toHaveLength(2);
  });

  it('a soft bounce leaves the message sent; the limit of messages in a row suppresses; a delivery ends the run', async () => {
    const f = fakes({ m1: { status: 'sent' }, m2: { status: 'sent' }, m3: { status: 'delivered' } });
    const soft = (id: string, reportId: string) =>
      handleEmailBounce(f.ports, { target: verp(id), report: { status: '4.2.2' }, reportId, via: 'smtp' });
    expect(await soft('m1', 'a')).toMatchObject({ kind: 'bounced', hard: false, softInRow: 1, suppressed: false });
    // A later notice about the same message does not count again.
    expect(await soft('m1', 'b')).toMatchObject({ softInRow: 1, suppressed: false });
    expect(
      await handleEmailBounce(f.ports, {
        target: verp('m2'),
        report: { status: '2.0.0', action: 'delivered' },
        via: 'smtp',
      }),
    ).toMatchObject({ kind: 'delivered' });
    expect(await soft('m2', 'c')).toMatchObject({ softInRow: 1, suppressed: false });
    expect(await soft('m3', 'd')).toMatchObject({ softInRow: 2, suppressed: true });
    expect(f.suppressed).toEqual([{ address: 'kim@example.com', source: 'soft-bounces', tenant: 'acme' }]);
    expect(f.messages.m3!.status).toBe('delivered');
    expect(f.runs.size).toBe(0);
    expect(f.outcomes).toEqual([]);
  });

  it('rejects a forged, unknown or other tenant’s envelope, a message never sent, a non-email and a bad status', async () => {
    const f = fakes({ m1: { status: 'sent' }, m2: { status: 'scheduled' }, m3: { status: 'sent', channel: 'sms' } });
    const report = { status: '5.1.1' };
    const reject = async (target: Parameters<typeof handleEmailBounce>[1]['target'], status = '5.1.1') =>
      (await handleEmailBounce(f.ports, { target, report: { ...report, status }, via: 'smtp' })) as { reason?: string };
    expect((await reject(verp('m1', 'other'))).reason).toBe('bad-signature');
    expect((await reject({ kind: 'bounce-token', token: 'garbage' })).reason).toBe('malformed-token');
    // A reply token is not a bounce token: signed under another key.
    const replyToken = replies.tokenOf(replies.addressOf('m1', 'acme'))!;
    expect((await reject({ kind: 'bounce-token', token: replyToken })).reason).toBe('bad-signature');
    expect((await reject(verp('nope'))).reason).toBe('unknown-message');
    expect((await reject({ kind: 'message', messageId: 'nope' })).reason).toBe('unknown-message');
    expect((await reject(verp('m2'))).reason).toBe('never-sent');
    expect((await reject(verp('m3'))).reason).toBe('not-email');
    expect((await reject(verp('m1'), '3.1.1')).reason).toBe('malformed-dsn');
    expect(f.moves).toEqual([]);
    expect(f.suppressed).toEqual([]);
    expect(f.facts).toEqual([]);
  });

  it('takes a DSN sent to the Reply-To, and a report naming the message id', async () => {
    const f = fakes({ m1: { status: 'sent' }, m2: { status: 'sent' } });
    const token = replies.tokenOf(replies.addressOf('m1', 'acme'))!;
    expect(
      await handleEmailBounce(f.ports, {
        target: { kind: 'reply-token', token },
        report: { status: '4.2.2' },
        via: 'smtp',
      }),
    ).toMatchObject({ kind: 'bounced', messageId: 'm1' });
    expect(
      await handleEmailBounce(f.ports, {
        target: { kind: 'message', messageId: 'm2' },
        report: { status: '5.2.1' },
        via: 'http',
      }),
    ).toMatchObject({ kind: 'bounced', messageId: 'm2', hard: true });
  });
});
