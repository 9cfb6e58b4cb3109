/** A borrower's plan, with plain in-memory fakes for the store's borrower and the strategy's plan. */
import type { BorrowerHold } from '../../src/domain/holds.js';
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import { borrowerPlan, type BorrowerPlanPorts } from '../../src/usecases/borrower-plan/borrower-plan.usecase.js';

const ports: BorrowerPlanPorts = {
  getBorrower: async (id) => (id === 'b-1' ? ({ id, status: 'active' } as Borrower) : undefined),
  planOf: async (b) =>
    [{ accountRef: `${b.id}-acct`, steps: [] }] as unknown as Awaited<ReturnType<BorrowerPlanPorts['planOf']>>,
};

describe('borrowerPlan', () => {
  it('answers the borrower’s status and its accounts’ plan', async () => {
    expect(await borrowerPlan(ports, { borrowerId: 'b-1' })).toEqual({
      kind: 'plan',
      status: 'active',
      accounts: [{ accountRef: 'b-1-acct', steps: [], heldBy: [], promise: null }],
      holds: [],
    });
  });

  it('shows the holds open now, not those closed or lapsed', async () => {
    const hold = (id: string, over: Partial<BorrowerHold>): BorrowerHold => ({
      id,
      tenant: 'default',
      borrowerId: 'b-1',
      accountRef: null,
      promiseId: null,
      kind: 'hardship',
      openedAt: '2026-06-01T00:00:00.000Z',
      until: '2026-07-01T00:00:00.000Z',
      source: 'api',
      detail: null,
      ruleRef: null,
      closedAt: null,
      closedBy: null,
      resolution: null,
      closeDetail: null,
      ...over,
    });
    const held = {
      ...ports,
      unclosedHolds: async () => [
        hold('open', {}),
        hold('lapsed', { until: '2026-06-05T00:00:00.000Z' }),
        hold('dispute', { kind: 'dispute', until: null }),
      ],
    };
    const plan = await borrowerPlan(held, { borrowerId: 'b-1', now: new Date('2026-06-10T00:00:00Z') });
    expect(plan.kind === 'plan' && plan.holds.map((h) => h.id)).toEqual(['open', 'dispute']);
    expect(plan.kind === 'plan' && plan.accounts[0]!.heldBy).toEqual(['open', 'dispute']);
  });

  it('says per account what holds it (a promise holds its own account only) and what was paid towards its promise', async () => {
    const twoAccounts: BorrowerPlanPorts = {
      ...ports,
      planOf: async () =>
        [
          {
            accountRef: 'A',
            steps: [
              { index: 0, status: 'done' },
              { index: 1, status: 'pending' },
            ],
          },
          { accountRef: 'B', steps: [{ index: 0, status: 'pending' }] },
        ] as unknown as Awaited<ReturnType<BorrowerPlanPorts['planOf']>>,
      unclosedHolds: async () => [
        {
          id: 'h-promise',
          tenant: 'default',
          borrowerId: 'b-1',
          accountRef: 'A',
          promiseId: 'p-1',
          kind: 'promise',
          openedAt: '2026-06-01T00:00:00.000Z',
          until: '2026-06-20T00:00:00.000Z',
          source: 'api',
          detail: null,
          ruleRef: null,
          closedAt: null,
          closedBy: null,
          resolution: null,
          closeDetail: null,
        },
      ],
      promisesOf: async () =>
        [
          {
            id: 'p-1',
            accountRef: 'A',
            kind: 'plan',
            state: 'open',
            agreedAt: '2026-06-01T00:00:00.000Z',
            currency: 'USD',
            paid: '30.00',
            misses: 0,
            instalments: [
              {
                seq: 0,
                dueDate: '2026-06-15',
                amount: '40.00',
                state: 'due',
                courtesyReminderId: null,
                decidedAt: null,
              },
            ],
          },
        ] as never,
    };
    const plan = await borrowerPlan(twoAccounts, { borrowerId: 'b-1', now: new Date('2026-06-10T00:00:00Z') });
    if (plan.kind !== 'plan') throw new Error('no plan');
    expect(plan.accounts.map((a) => [a.accountRef, a.heldBy])).toEqual([
      ['A', ['h-promise']],
      ['B', []],
    ]);
    // The step still to go on A waits for the promise (held, not dropped); the one done does not.
    expect(plan.accounts.map((a) => a.steps.map((st) => [st.index, st.status, st.heldBy]))).toEqual([
      [
        [0, 'done', []],
        [1, 'pending', ['h-promise']],
      ],
      [[0, 'pending', []]],
    ]);
    expect(plan.accounts[0]!.promise).toEqual({
      id: 'p-1',
      kind: 'plan',
      state: 'open',
      agreedAt: '2026-06-01T00:00:00.000Z',
      currency: 'USD',
      paid: '30.00',
      misses: 0,
      instalments: [{ dueDate: '2026-06-15', amount: '40.00', state: 'due' }],
    });
    expect(plan.accounts[1]!.promise).toBeNull();
  });

  it('does not find an unknown borrower', async () => {
    expect(await borrowerPlan(ports, { borrowerId: 'b-9' })).toEqual({ kind: 'not-found' });
  });
});
