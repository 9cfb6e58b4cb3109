/**
 * An agent's answer in the pure policy and the gate: no hold keeps it back, a paid borrower may be answered, the caps
 * hold it only when it counts against them (and one that does not is not reserved in the ledger); the contact
 * window, opt-outs and cease still apply. The profile's `agentReplies` default is what the built-ins say.
 */
import { describe, expect, it } from 'vitest';
import type { Borrower, Message, Reminder } from '../../src/domain/index.js';
import { evaluatePolicy, type PolicyBorrower } from '../../src/policy/evaluate.js';
import type { ContactRecord } from '../../src/policy/history.js';
import { CN, ProfileSchema, US_REGF } from '../../src/policy/profile.js';
import { makePolicyGate } from '../../src/workers/policy-gate.js';
import { grantingLedger, LATE_NY, NOON_NY, openDispute, policyBorrower } from '../support/policy-fixtures.js';

const borrower = policyBorrower;
const dispute = openDispute;
/** A text already sent today: the 1-SMS-a-day cap is used. */
const sentToday: ContactRecord = {
  id: 'msg_1',
  channel: 'sms',
  at: NOON_NY - 3_600_000,
  outcome: 'delivered',
  direction: 'outbound',
  to: '+12125550100',
};

function check(b: PolicyBorrower, reply?: { countsAgainstCaps: boolean }, at = NOON_NY, history = [sentToday]) {
  return evaluatePolicy({
    profile: US_REGF,
    borrower: b,
    history,
    attempt: { channel: 'sms', at, to: b.phone, ...(reply ? { agentReply: reply } : {}) },
  });
}
const codes = (a: ReturnType<typeof check>) => (a.allowed ? [] : a.reasons.map((r) => r.code));

describe('an agent’s answer in the policy', () => {
  it('is not held by the daily cap when it does not count against the caps', () => {
    expect(codes(check(borrower()))).toEqual(['cap-reached']);
    expect(check(borrower(), { countsAgainstCaps: false }).allowed).toBe(true);
  });

  it('is held by the daily cap when it counts against the caps', () => {
    expect(codes(check(borrower(), { countsAgainstCaps: true }))).toEqual(['cap-reached']);
  });

  it('is not held by an open dispute, which still holds an ordinary reminder', () => {
    expect(codes(check(borrower({ holds: [dispute] }), undefined, NOON_NY, []))).toEqual(['held']);
    expect(check(borrower({ holds: [dispute] }), { countsAgainstCaps: false }).allowed).toBe(true);
  });

  it('waits for the contact window, naming the earliest allowed time', () => {
    const a = check(borrower(), { countsAgainstCaps: false }, LATE_NY);
    expect(codes(a)).toEqual(['outside-contact-window']);
    expect(a.allowed ? null : a.earliestAllowedAt).toBe('2026-06-11T12:00:00.000Z');
  });

  it('is refused for good to an opted-out number or a borrower who asked that communication cease', () => {
    const optedOut = check(borrower({ optOuts: [{ channel: 'sms', source: 'STOP' }] }), { countsAgainstCaps: false });
    expect(codes(optedOut)).toEqual(['opted-out']);
    expect(optedOut.allowed ? 'x' : optedOut.earliestAllowedAt).toBeNull();
    expect(codes(check(borrower({ status: 'ceased' }), { countsAgainstCaps: false }))).toEqual(['ceased']);
  });

  it('may answer a borrower who has paid', () => {
    expect(codes(check(borrower({ status: 'resolved' }), undefined, NOON_NY, []))).toEqual(['resolved']);
    expect(check(borrower({ status: 'resolved' }), { countsAgainstCaps: false }).allowed).toBe(true);
  });
});

describe('the profile setting agentReplies', () => {
  it('defaults to not counting an answer within 24 hours, in the built-ins and in a custom profile', () => {
    expect(US_REGF.agentReplies).toEqual({ countAgainstCaps: false, withinHours: 24 });
    expect(CN.agentReplies).toEqual({ countAgainstCaps: false, withinHours: 24 });
    const { agentReplies: _a, ...rest } = US_REGF;
    expect(ProfileSchema.parse({ ...rest, name: 'custom' }).agentReplies).toEqual({
      countAgainstCaps: false,
      withinHours: 24,
    });
  });
});

describe('the gate and an agent’s answer', () => {
  const stored: Borrower = {
    id: 'b1',
    tenant: 'default',
    ref: 'b1',
    name: null,
    email: null,
    createdAt: '2026-06-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    ...borrower(),
  } as unknown as Borrower;
  const message = { id: 'msg_2', channel: 'sms', to: '+12125550100' } as Message;
  const reminderWith = (metadata: Record<string, unknown> | null) =>
    ({ expiresAt: null, metadata, debt: { accountRef: '4111' } }) as unknown as Reminder;
  const ledger = () => grantingLedger([sentToday]);
  const mark = (countsAgainstCaps: boolean) => ({
    agentReply: { text: 'Thanks', promise: null, keyId: 'k1', inReplyTo: null, countsAgainstCaps },
  });

  it('sends an answer that does not count at the cap, without reserving a slot', async () => {
    const { l, reserved } = ledger();
    const gate = makePolicyGate({ profile: US_REGF, ledger: l });
    const d = await gate({ borrower: stored, reminder: reminderWith(mark(false)), message, now: new Date(NOON_NY) });
    expect(d.action).toBe('send');
    expect(reserved).toEqual([]);
  });

  it('defers an answer that counts, and a reminder whose metadata only looks like a mark', async () => {
    const { l } = ledger();
    const gate = makePolicyGate({ profile: US_REGF, ledger: l });
    for (const metadata of [mark(true), { agentReply: { countsAgainstCaps: false } }]) {
      const d = await gate({ borrower: stored, reminder: reminderWith(metadata), message, now: new Date(NOON_NY) });
      expect(d.action).toBe('defer');
    }
  });
});
