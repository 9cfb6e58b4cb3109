/** The reach report folded from the database's counts (policy/reach-report.ts), and the words for each code. */
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/policy/experiment-stats.js';
import { reachFromCounts, type ReachCountsIn } from '../../src/policy/reach-report.js';
import { reasonOf } from '../../src/policy/undelivered-reasons.js';

const row = (
  tenant: string,
  channel: string,
  status: string,
  n: number,
  code: string | null = null,
  withProvider = false,
): ReachCountsIn['statuses'][number] => ({ tenant, channel, status, code, withProvider, n });

describe('reachFromCounts', () => {
  const counts: ReachCountsIn = {
    statuses: [
      row('acme', 'sms', 'delivered', 5),
      row('acme', 'sms', 'sent', 2),
      row('acme', 'sms', 'undelivered', 2, '30006'),
      row('acme', 'sms', 'undelivered', 1, '30003'),
      row('acme', 'sms', 'failed', 1, '30008', true),
      row('acme', 'sms', 'failed', 1, '21211'),
      row('acme', 'email', 'sent', 4),
      row('acme', 'email', 'undelivered', 1, '5.1.1'),
      row('acme', 'voice', 'answered', 1),
      row('acme', 'voice', 'machine', 1),
      row('acme', 'voice', 'no-answer', 2),
      row('default', 'sms', 'delivered', 1),
    ],
    bounces: [{ tenant: 'acme', channel: 'email', hard: 1, soft: 2 }],
  };
  const r = reachFromCounts(counts);
  const item = (tenant: string, channel: string) => r.items.find((i) => i.tenant === tenant && i.channel === channel)!;

  it('counts a text handed over when the provider took it, failed ones only with a provider id', () => {
    expect(item('acme', 'sms')).toMatchObject({
      handedOver: 11,
      delivered: 5,
      awaiting: 2,
      undelivered: 3,
      failed: 2,
      failedUnsent: 1,
    });
    expect(item('acme', 'sms').reach).toEqual(wilson(5, 11));
  });

  it('groups the undelivered and failed by code with words, most frequent first', () => {
    expect(item('acme', 'sms').reasons).toEqual([
      { status: 'undelivered', code: '30006', reason: expect.stringContaining('landline'), n: 2 },
      { status: 'failed', code: '21211', reason: 'the number is not valid', n: 1 },
      { status: 'failed', code: '30008', reason: 'unknown error from the carrier', n: 1 },
      { status: 'undelivered', code: '30003', reason: expect.stringContaining('unreachable'), n: 1 },
    ]);
  });

  it('counts an email taken by the server as delivered, a hard bounce undelivered, and the bounces apart', () => {
    expect(item('acme', 'email')).toMatchObject({
      handedOver: 5,
      delivered: 4,
      undelivered: 1,
      bounced: { hard: 1, soft: 2 },
      reasons: [{ status: 'undelivered', code: '5.1.1', reason: 'hard bounce: the mailbox does not exist', n: 1 }],
    });
  });

  it('counts a call answered by a person or a machine as delivered, no answer apart', () => {
    expect(item('acme', 'voice')).toMatchObject({ handedOver: 4, delivered: 2, notAnswered: 2 });
  });

  it('adds every channel of a tenant together, and keeps the tenants apart', () => {
    const acme = r.tenants.find((t) => t.tenant === 'acme')!;
    expect(acme).toMatchObject({ channel: 'all', handedOver: 20, delivered: 11, bounced: { hard: 1, soft: 2 } });
    expect(acme.reach).toEqual(wilson(11, 20));
    expect(r.tenants.map((t) => t.tenant)).toEqual(['acme', 'default']);
    expect(r.tenants[1]).toMatchObject({ handedOver: 1, delivered: 1, reasons: [] });
  });

  it('answers nothing for no messages', () => {
    expect(reachFromCounts({ statuses: [], bounces: [] })).toEqual({ items: [], tenants: [], fallbacks: [] });
  });
});

describe('fallbacks in reach', () => {
  it('counts the fallbacks taken per pair of channels, and what they reached', () => {
    const r = reachFromCounts({
      statuses: [],
      bounces: [],
      fallbacks: [
        { tenant: 'acme', from: 'sms', channel: 'email', status: 'sent', n: 3 },
        { tenant: 'acme', from: 'sms', channel: 'email', status: 'undelivered', n: 1 },
        { tenant: 'acme', from: 'sms', channel: 'voice', status: 'queued', n: 2 },
        { tenant: 'acme', from: 'sms', channel: 'voice', status: 'answered', n: 1 },
      ],
    });
    expect(r.fallbacks).toEqual([
      { tenant: 'acme', from: 'sms', to: 'email', taken: 4, handedOver: 4, delivered: 3, reach: wilson(3, 4) },
      { tenant: 'acme', from: 'sms', to: 'voice', taken: 3, handedOver: 1, delivered: 1, reach: wilson(1, 1) },
    ]);
  });
});

describe('reasonOf', () => {
  it('names Twilio codes, SMTP statuses, the service’s own codes, and says when there is none', () => {
    expect(reasonOf('30036')).toMatch(/validity period expired/);
    expect(reasonOf('21610')).toMatch(/STOP/);
    expect(reasonOf('5.2.2')).toBe('hard bounce: the mailbox is full');
    expect(reasonOf('4.4.7')).toBe('soft bounce: the delivery time expired');
    expect(reasonOf('5.9.9')).toBe('hard bounce');
    expect(reasonOf('render-error')).toMatch(/rendered/);
    expect(reasonOf(null)).toBe('no reason given');
    expect(reasonOf('99999')).toBe('code not known to the service');
  });
});
