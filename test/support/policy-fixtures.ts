/** What the policy's unit tests of messages the caps or holds may not keep back share: a borrower, a dispute, a ledger. */
import type { ContactLedger } from '../../src/jobs/caps/contact-ledger.js';
import type { PolicyBorrower } from '../../src/policy/evaluate.js';
import type { ContactRecord } from '../../src/policy/history.js';
import type { PolicyHold } from '../../src/policy/holds.js';

export const NOON_NY = Date.parse('2026-06-10T16:00:00Z');
export const LATE_NY = Date.parse('2026-06-11T02:30:00Z'); // 22:30 in New York

/** An active borrower in New York with no consent given or refused. */
export const policyBorrower = (over: Partial<PolicyBorrower> = {}): PolicyBorrower => ({
  status: 'active',
  timezone: 'America/New_York',
  phone: '+12125550100',
  locale: 'en-US',
  consent: { sms: null, voice: null, email: null },
  optOuts: [],
  blackouts: [],
  ...over,
});

/** A dispute opened the day before NOON_NY, not closed. */
export const openDispute: PolicyHold = {
  id: 'hold_d',
  kind: 'dispute',
  openedAt: '2026-06-09T10:00:00.000Z',
  until: null,
  ruleRef: '12 CFR 1006.38(d)(2)(i)',
  closedAt: null,
};

/** A ledger whose history is `history` and that grants every reservation, recording which. */
export function grantingLedger(history: ContactRecord[]): { l: ContactLedger; reserved: string[] } {
  const reserved: string[] = [];
  const l: ContactLedger = {
    history: async () => history,
    reserve: async (_b, id) => (reserved.push(id), { ok: true, held: false }),
    recordOutcome: async () => true,
    release: async () => true,
    record: async () => undefined,
  };
  return { l, reserved };
}
