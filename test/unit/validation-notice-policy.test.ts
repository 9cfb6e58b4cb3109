/**
 * The validation notice sent on its own (after an agency's first text or call) in the pure policy and the gate: due
 * within five days, it is held back by no cap and no hold and reserves no slot; the contact window, opt-outs and a
 * cease still apply.
 */
import { describe, expect, it } from 'vitest';
import type { Borrower, Message, Reminder } from '../../src/domain/index.js';
import { evaluatePolicy, type PolicyBorrower } from '../../src/policy/evaluate.js';
import type { ContactRecord } from '../../src/policy/history.js';
import { US_REGF } from '../../src/policy/profile.js';
import { makePolicyGate } from '../../src/workers/policy-gate.js';
import { grantingLedger, LATE_NY, NOON_NY, openDispute, policyBorrower } from '../support/policy-fixtures.js';

const borrower = policyBorrower;
/** An email already sent today: the 1-email-a-day cap is used. */
const emailedToday: ContactRecord = {
  id: 'msg_1',
  channel: 'email',
  at: NOON_NY - 3_600_000,
  outcome: 'sent',
  direction: 'outbound',
  to: 'alex@example.com',
};
function check(b: PolicyBorrower, notice: boolean, at = NOON_NY) {
  return evaluatePolicy({
    profile: US_REGF,
    borrower: b,
    history: [emailedToday],
    attempt: { channel: 'email', at, to: 'alex@example.com', ...(notice ? { validationNotice: true } : {}) },
  });
}
const codes = (a: ReturnType<typeof check>) => (a.allowed ? [] : a.reasons.map((r) => r.code));

describe('the validation notice on its own in the policy', () => {
  it('is not held by the email cap that holds an ordinary email', () => {
    expect(codes(check(borrower(), false))).toEqual(['cap-reached']);
    expect(check(borrower(), true).allowed).toBe(true);
  });

  it('is not held by an open dispute', () => {
    expect(codes(check(borrower({ holds: [openDispute] }), false))).toContain('held');
    expect(check(borrower({ holds: [openDispute] }), true).allowed).toBe(true);
  });

  it('waits for the contact window', () => {
    const a = check(borrower(), true, LATE_NY);
    expect(codes(a)).toEqual(['outside-contact-window']);
    expect(a.allowed ? null : a.earliestAllowedAt).toBe('2026-06-11T12:00:00.000Z');
  });

  it('is refused to an address opted out of email and to a borrower who asked that communication cease', () => {
    expect(codes(check(borrower({ optOuts: [{ channel: 'email', source: 'STOP' }] }), true))).toEqual(['opted-out']);
    expect(codes(check(borrower({ status: 'ceased' }), true))).toEqual(['ceased']);
  });
});

describe('the gate and the notice on its own', () => {
  const stored = {
    id: 'b1',
    tenant: 'default',
    ref: 'b1',
    name: null,
    email: 'alex@example.com',
    ...borrower(),
  } as unknown as Borrower;
  const message = { id: 'msg_2', channel: 'email', to: 'alex@example.com' } as Message;
  const reminderWith = (metadata: Record<string, unknown> | null) =>
    ({ expiresAt: null, metadata, debt: { accountRef: '4111' } }) as unknown as Reminder;

  it('sends it at the cap without reserving a slot; an ordinary email waits', async () => {
    const { l: ledger, reserved } = grantingLedger([emailedToday]);
    const gate = makePolicyGate({ profile: US_REGF, ledger });
    const mark = { validationNotice: { after: 'msg_0', channel: 'sms', dueBy: '2026-06-15T16:00:00.000Z' } };
    const now = new Date(NOON_NY);
    expect((await gate({ borrower: stored, reminder: reminderWith(mark), message, now })).action).toBe('send');
    expect(reserved).toEqual([]);
    expect((await gate({ borrower: stored, reminder: reminderWith(null), message, now })).action).toBe('defer');
  });
});
