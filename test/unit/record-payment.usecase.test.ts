/**
 * Recording a payment, with plain in-memory fakes for the store's outcome operations, the borrower's
 * resolve and the strategy's thank-you: no database, no queues.
 */
import { describe, expect, it } from 'vitest';
import type { NewOutcome, Outcome } from '../../src/store/outcomes.repo.js';
import type { Borrower } from '../../src/domain/index.js';
import {
  type PaymentReport,
  recordPayment,
  type RecordPaymentPorts,
} from '../../src/usecases/record-payment/record-payment.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

function fakes(accounts: Record<string, { borrowerId: string; currency: string }> = {}) {
  const outcomes = new Map<string, { hash: string; outcome: Outcome }>();
  const status = new Map<string, 'active' | 'resolved'>([['b-1', 'active']]);
  const calls = { resolves: 0, thankYous: [] as string[], failResolveOnce: false };
  const ports: RecordPaymentPorts = {
    findAccount: async (tenant, ref) => accounts[`${tenant}/${ref}`],
    recordOutcome: async (o: NewOutcome, now) => {
      const key = `${o.tenant}:${o.kind}:${o.callerId}`;
      const had = outcomes.get(key);
      if (had) return had.hash === o.requestHash ? { kind: 'repeat', outcome: had.outcome } : { kind: 'conflict' };
      const { callerId, requestHash, ...rest } = o;
      const outcome: Outcome = { ...rest, id: callerId, createdAt: now.toISOString() };
      outcomes.set(key, { hash: requestHash, outcome });
      return { kind: 'created', outcome };
    },
    resolveBorrower: async (borrowerId) => {
      if (calls.failResolveOnce) {
        calls.failResolveOnce = false;
        throw new Error('connection lost');
      }
      const s = status.get(borrowerId);
      if (!s) return undefined;
      const borrower = { id: borrowerId } as Borrower;
      if (s === 'resolved') return { borrower, cancelled: [], alreadyResolved: true };
      status.set(borrowerId, 'resolved');
      calls.resolves++;
      return { borrower, cancelled: ['msg-1', 'msg-2'], alreadyResolved: false };
    },
    startThankYou: async (borrower) => {
      calls.thankYous.push(borrower.id);
    },
  };
  return { ports, outcomes, status, calls };
}

const ACCOUNT = { 'acme/4111': { borrowerId: 'b-1', currency: 'USD' } };
const payment = (over: Partial<PaymentReport> = {}): PaymentReport => ({
  id: 'pay-1',
  amount: '120.50',
  currency: 'USD',
  paidAt: '2026-06-09T10:00:00Z',
  kind: 'full',
  ...over,
});
const cmd = (p: PaymentReport) => ({ tenant: 'acme', accountRef: '4111', actor: 'api:k1', payment: p });

describe('recordPayment', () => {
  it('ends the borrower’s paid-claim holds when a payment (even partial) is reported, and not on a conflict', async () => {
    const f = fakes(ACCOUNT);
    const released: string[] = [];
    const ports = { ...f.ports, releasePaidClaims: async (b: string) => (released.push(b), ['hold_1']) };
    await recordPayment(ports, clock, cmd(payment({ kind: 'partial' })));
    expect(released).toEqual(['b-1']);
    expect(await recordPayment(ports, clock, cmd(payment({ kind: 'partial', amount: '1.00' })))).toEqual({
      kind: 'conflict',
    });
    expect(released).toEqual(['b-1']);
  });

  it('resolves the borrower once and starts the thank-you once for a payment in full', async () => {
    const f = fakes(ACCOUNT);
    const r = await recordPayment(f.ports, clock, cmd(payment()));
    expect(r).toMatchObject({ kind: 'created', cancelled: ['msg-1', 'msg-2'], outcome: { id: 'pay-1', full: true } });
    expect(f.calls.resolves).toBe(1);
    expect(f.calls.thankYous).toEqual(['b-1']);
  });

  it('records a partial payment without resolving the borrower', async () => {
    const f = fakes(ACCOUNT);
    const r = await recordPayment(f.ports, clock, cmd(payment({ kind: 'partial' })));
    expect(r).toMatchObject({ kind: 'created', cancelled: null, outcome: { full: false } });
    expect(f.status.get('b-1')).toBe('active');
    expect(f.calls.thankYous).toEqual([]);
  });

  it('finishes on a repeat the resolve and thank-you a failed first request left undone', async () => {
    const f = fakes(ACCOUNT);
    f.calls.failResolveOnce = true;
    await expect(recordPayment(f.ports, clock, cmd(payment()))).rejects.toThrow('connection lost');
    expect(f.outcomes.size).toBe(1);
    const r = await recordPayment(f.ports, clock, cmd(payment()));
    expect(r).toMatchObject({ kind: 'repeat', cancelled: ['msg-1', 'msg-2'] });
    expect(f.calls.resolves).toBe(1);
    expect(f.calls.thankYous).toEqual(['b-1']);
  });

  it('resolves nothing twice on a repeat of a finished payment in full', async () => {
    const f = fakes(ACCOUNT);
    await recordPayment(f.ports, clock, cmd(payment()));
    const r = await recordPayment(f.ports, clock, cmd(payment()));
    expect(r).toMatchObject({ kind: 'repeat', cancelled: [] });
    expect(f.calls.resolves).toBe(1);
  });

  it('answers conflict for the same id with another body, and resolves nothing', async () => {
    const f = fakes(ACCOUNT);
    await recordPayment(f.ports, clock, cmd(payment({ kind: 'partial' })));
    const r = await recordPayment(f.ports, clock, cmd(payment({ amount: '99.00' })));
    expect(r).toEqual({ kind: 'conflict' });
    expect(f.status.get('b-1')).toBe('active');
  });

  it('refuses a payment in another currency than the debt, naming currency', async () => {
    const f = fakes(ACCOUNT);
    const r = await recordPayment(f.ports, clock, cmd(payment({ currency: 'EUR' })));
    expect(r).toEqual({
      kind: 'invalid',
      errors: [{ path: 'currency', message: "the account's debt is in USD, not EUR" }],
    });
    expect(f.outcomes.size).toBe(0);
  });

  it('answers unknown-account for an account the tenant does not have', async () => {
    const f = fakes(ACCOUNT);
    const r = await recordPayment(f.ports, clock, { ...cmd(payment()), tenant: 'other' });
    expect(r).toEqual({ kind: 'unknown-account', accountRef: '4111' });
  });

  it('refuses a payment dated in the future or before the records kept, naming paidAt', async () => {
    const f = fakes(ACCOUNT);
    const future = await recordPayment(f.ports, clock, cmd(payment({ paidAt: '2026-06-10T14:06:00Z' })));
    expect(future).toMatchObject({ kind: 'invalid', errors: [{ path: 'paidAt' }] });
    const old = await recordPayment(f.ports, clock, cmd(payment({ paidAt: '2023-06-01T00:00:00Z' })));
    expect(old).toMatchObject({ kind: 'invalid', errors: [{ path: 'paidAt', message: 'is more than 1098 days ago' }] });
    const skewed = await recordPayment(f.ports, clock, cmd(payment({ paidAt: '2026-06-10T14:04:00Z' })));
    expect(skewed.kind).toBe('created');
  });
});
