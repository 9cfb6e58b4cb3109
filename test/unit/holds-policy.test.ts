/**
 * Holds in the pure policy: an open hold (a dispute, a claim to have paid, hardship) defers every
 * send, never suppresses it; the earliest allowed time is when it lapses, or a dispute's next
 * re-check; a closed or lapsed hold holds nothing; a standing denial (cease, opt-out) still wins.
 */
import { describe, expect, it } from 'vitest';
import type { Borrower, Message, Reminder } from '../../src/domain/index.js';
import type { ContactLedger } from '../../src/jobs/caps/contact-ledger.js';
import { evaluatePolicy, type PolicyBorrower } from '../../src/policy/evaluate.js';
import { DISPUTE_RECHECK_MS, holdDenials, type PolicyHold } from '../../src/policy/holds.js';
import { US_REGF } from '../../src/policy/profile.js';
import { decisionFor, makePolicyGate } from '../../src/workers/policy-gate.js';
import { openDispute } from '../support/policy-fixtures.js';

const NOON_NY = Date.parse('2026-06-10T16:00:00Z'); // 12:00 in New York, inside every window
const DAY_MS = 86_400_000;

function borrower(holds: PolicyHold[], over: Partial<PolicyBorrower> = {}): PolicyBorrower {
  return {
    status: 'active',
    timezone: 'America/New_York',
    phone: '+12125550100',
    locale: 'en-US',
    consent: { sms: true, voice: true, email: true },
    optOuts: [],
    blackouts: [],
    holds,
    ...over,
  };
}

const dispute = openDispute;
const hardship: PolicyHold = {
  id: 'hold_h',
  kind: 'hardship',
  openedAt: '2026-06-01T10:00:00.000Z',
  until: '2026-07-01T10:00:00.000Z',
  ruleRef: null,
  closedAt: null,
};

const check = (b: PolicyBorrower, at = NOON_NY) =>
  evaluatePolicy({ profile: US_REGF, borrower: b, history: [], attempt: { channel: 'sms', at, to: b.phone } });

describe('holds in the policy', () => {
  it('denies a send inside the window while a dispute is open, with a held reason naming the dispute and its rule', () => {
    const a = check(borrower([dispute]));
    expect(a.allowed).toBe(false);
    if (a.allowed) return;
    expect(a.reasons).toEqual([
      expect.objectContaining({
        code: 'held',
        rule: '12 CFR 1006.38(d)(2)(i)',
        hold: { id: 'hold_d', kind: 'dispute' },
      }),
    ]);
    expect(a.reasons[0]!.detail).toContain('disputes');
  });

  it('looks at a dispute again after the re-check interval, since it has no end of its own', () => {
    const a = check(borrower([dispute]));
    expect(!a.allowed && a.earliestAllowedAt).toBe(new Date(NOON_NY + DISPUTE_RECHECK_MS).toISOString());
  });

  it('allows nothing before a hardship hold lapses, and the send once it has', () => {
    const held = check(borrower([hardship]));
    expect(!held.allowed && held.earliestAllowedAt).toBe('2026-07-01T10:00:00.000Z');
    expect(check(borrower([hardship]), Date.parse('2026-07-01T16:00:00Z')).allowed).toBe(true);
  });

  it('waits for the last of several open holds', () => {
    const r = holdDenials([dispute, hardship], NOON_NY);
    expect(r?.reasons.map((x) => x.hold.kind)).toEqual(['dispute', 'hardship']);
    expect(r?.until).toBe(Date.parse('2026-07-01T10:00:00.000Z'));
  });

  it('holds nothing with a closed hold', () => {
    expect(check(borrower([{ ...dispute, closedAt: '2026-06-10T00:00:00.000Z' }])).allowed).toBe(true);
  });

  it('suppresses a ceased borrower however it is held: the standing denial comes first', () => {
    const a = check(borrower([dispute], { status: 'ceased' }));
    expect(!a.allowed && a.reasons.map((r) => r.code)).toEqual(['ceased']);
    expect(!a.allowed && a.earliestAllowedAt).toBeNull();
  });

  it('makes the gate defer a held message, never suppress it, until the hold ends', () => {
    const a = check(borrower([hardship]));
    if (a.allowed) throw new Error('expected a denial');
    const d = decisionFor(a, { id: 'msg_1', channel: 'sms' } as unknown as Message, null, US_REGF);
    expect(d).toMatchObject({ action: 'defer', until: new Date('2026-07-01T10:00:00.000Z') });
  });

  it('expires a held message whose reminder expires before the hold ends, as any deferral past expiry', () => {
    const a = check(borrower([hardship]));
    if (a.allowed) throw new Error('expected a denial');
    const d = decisionFor(
      a,
      { id: 'msg_1', channel: 'sms' } as unknown as Message,
      '2026-06-20T00:00:00.000Z',
      US_REGF,
    );
    expect(d).toMatchObject({ action: 'suppress', reason: 'expired' });
  });
});

describe('the gate with a borrower on hold', () => {
  const ledger = {
    history: async () => [],
    reserve: async () => ({ ok: true }),
  } as unknown as ContactLedger;
  const b = {
    id: 'b-1',
    tenant: 'default',
    status: 'active',
    timezone: 'America/New_York',
    phone: '+12125550100',
    locale: 'en-US',
    consent: { sms: true, voice: true, email: true },
    optOuts: [],
    blackouts: [],
  } as unknown as Borrower;
  const message = { id: 'msg_1', channel: 'sms', to: '+12125550100' } as unknown as Message;
  // A cadence step whose next step is due in two days.
  const reminder = {
    expiresAt: null,
    metadata: { strategy: { nextAt: NOON_NY + 2 * DAY_MS } },
    debt: { accountRef: '4111' },
  } as unknown as Reminder;

  it('defers a held cadence step past the next step instead of superseding it', async () => {
    const gate = makePolicyGate({ profile: US_REGF, ledger, holdsOf: async () => [hardship] });
    const d = await gate({ borrower: b, reminder, message, now: new Date(NOON_NY) } as never);
    expect(d).toMatchObject({ action: 'defer', until: new Date('2026-07-01T10:00:00.000Z') });
  });

  it('sends once the borrower has no open hold', async () => {
    const gate = makePolicyGate({ profile: US_REGF, ledger, holdsOf: async () => [] });
    const d = await gate({ borrower: b, reminder, message, now: new Date(NOON_NY) } as never);
    expect(d.action).toBe('send');
  });
});
