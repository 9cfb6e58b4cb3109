/** Accepting overdue accounts into the strategy, with a plain in-memory fake for the strategy runner. */
import { describe, expect, it } from 'vitest';
import type { AccountResult, OverdueAccount } from '../../src/services/strategy-runner.js';
import {
  acceptOverdueAccount,
  type AcceptOverdueAccountPorts,
  acceptOverdueBatch,
  validateOverdueItem,
} from '../../src/usecases/accept-overdue-accounts/accept-overdue-accounts.usecase.js';

const debt = (over: Record<string, unknown> = {}) => ({
  creditor: 'Acme Bank',
  amountDue: { amount: '120.00', currency: 'USD' },
  dueDate: '2026-11-01',
  daysOverdue: 12,
  ...over,
});
const item = (accountRef: string, over: Record<string, unknown> = {}) => ({
  accountRef,
  borrower: { id: `b-${accountRef}`, phone: '+14155550100' },
  debt: debt(),
  ...over,
});

function fakeRunner() {
  const handed: OverdueAccount[][] = [];
  const ports = {
    accountsOverdue: async (accounts: OverdueAccount[]) => {
      handed.push(accounts);
      const results: AccountResult[] = accounts.map((a) => ({
        accountRef: a.accountRef,
        status: 'scheduled',
        stage: 'early',
        why: '12 days overdue',
        steps: 2,
        cancelled: [],
      }));
      return { results };
    },
  };
  return { ports, handed };
}

describe('acceptOverdueBatch', () => {
  it('hands every valid account of a batch to the runner, scoped to the tenant, and reports each scheduled', async () => {
    const f = fakeRunner();
    const outcomes = await acceptOverdueBatch(f.ports, { tenant: 'acme', accounts: [item('A-1'), item('A-2')] });
    expect(f.handed).toHaveLength(1);
    expect(
      f.handed[0]!.map((a) => [a.accountRef, a.tenant, a.borrower.id, a.debt.accountRef, a.upsertBorrower]),
    ).toEqual([
      ['A-1', 'acme', 'b-A-1', 'A-1', true],
      ['A-2', 'acme', 'b-A-2', 'A-2', true],
    ]);
    expect(outcomes.map((o) => [o.index, o.kind])).toEqual([
      [0, 'scheduled'],
      [1, 'scheduled'],
    ]);
  });

  it('fails a bad account alone, naming the field, and hands the others on', async () => {
    const f = fakeRunner();
    const bad = item('A-2', { debt: debt({ amountDue: { amount: 12, currency: 'USD' } }) });
    const outcomes = await acceptOverdueBatch(f.ports, { tenant: 'acme', accounts: [item('A-1'), bad, item('A-3')] });
    expect(f.handed[0]!.map((a) => a.accountRef)).toEqual(['A-1', 'A-3']);
    expect(outcomes[1]).toEqual({
      index: 1,
      kind: 'invalid',
      errors: [{ path: 'debt.amountDue.amount', message: expect.stringContaining('decimal string') }],
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['scheduled', 'invalid', 'scheduled']);
  });

  it('refuses the same account named twice in a batch, the second time, pointing at the first', async () => {
    const f = fakeRunner();
    const outcomes = await acceptOverdueBatch(f.ports, { tenant: 'acme', accounts: [item('A-1'), item('A-1')] });
    expect(f.handed[0]!.map((a) => a.accountRef)).toEqual(['A-1']);
    expect(outcomes[1]).toEqual({
      index: 1,
      kind: 'invalid',
      errors: [{ path: 'accountRef', message: 'the same account as item 0: send each account once a batch' }],
    });
  });

  it('calls no runner when no account of the batch is valid', async () => {
    const f = fakeRunner();
    const outcomes = await acceptOverdueBatch(f.ports, { tenant: 'acme', accounts: [{}] });
    expect(f.handed).toEqual([]);
    expect(outcomes[0]!.kind).toBe('invalid');
  });
});

describe('validateOverdueItem', () => {
  it('refuses a borrower id with "~", which separates the tenant in a stored id', () => {
    const checked = validateOverdueItem(item('A-1', { borrower: undefined, borrowerId: 'other~b-1' }), 'acme');
    expect(checked).toEqual({
      ok: false,
      errors: [{ path: 'borrowerId', message: 'letters, digits and . _ : @ - only' }],
    });
  });

  it('refuses a debt.accountRef that names another account than the item', () => {
    const checked = validateOverdueItem(item('A-1', { debt: debt({ accountRef: 'A-9' }) }));
    expect(checked).toEqual({
      ok: false,
      errors: [{ path: 'debt.accountRef', message: expect.stringContaining('is not the account "A-1"') }],
    });
  });
});

describe('acceptOverdueAccount', () => {
  function ports(over: Partial<AcceptOverdueAccountPorts> = {}) {
    const calls: unknown[] = [];
    const p: AcceptOverdueAccountPorts = {
      actingTenant: async () => 'acme',
      borrowerExists: async () => false,
      accountOverdue: async (input) => {
        calls.push(input);
        return { stage: 'early', why: '12 days overdue', cancelled: [], plan: [] };
      },
      ...over,
    };
    return { p, calls };
  }
  const cmd = (body: unknown) => ({ clientId: 'k1', actor: 'api:k1', accountRef: 'A-1', body });

  it('accepts the account the path names, its debt taking that account', async () => {
    const f = ports();
    const result = await acceptOverdueAccount(f.p, cmd({ borrower: { id: 'b-1' }, debt: debt() }));
    expect(result.kind).toBe('accepted');
    expect(f.calls).toEqual([
      {
        clientId: 'k1',
        actor: 'api:k1',
        account: {
          accountRef: 'A-1',
          tenant: 'acme',
          borrower: { id: 'b-1' },
          upsertBorrower: true,
          debt: { ...debt(), accountRef: 'A-1' },
        },
      },
    ]);
  });

  it('refuses a debt.accountRef other than the path, before asking for the tenant', async () => {
    const f = ports({ actingTenant: () => Promise.reject(new Error('asked')) });
    const result = await acceptOverdueAccount(f.p, cmd({ borrowerId: 'b-1', debt: debt({ accountRef: 'A-9' }) }));
    expect(result).toEqual({
      kind: 'invalid',
      errors: [{ path: 'debt.accountRef', message: expect.stringContaining('is not the account "A-1"') }],
    });
  });

  it('refuses a borrowerId of no stored borrower', async () => {
    const f = ports();
    const result = await acceptOverdueAccount(f.p, cmd({ borrowerId: 'b-1', debt: debt() }));
    expect(result).toEqual({ kind: 'invalid', errors: [{ path: 'borrowerId', message: 'no borrower with id "b-1"' }] });
    expect(f.calls).toEqual([]);
  });
});
