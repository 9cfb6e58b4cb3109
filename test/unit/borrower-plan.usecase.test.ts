/** A borrower's plan, with plain in-memory fakes for the store's borrower and the strategy's plan. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import { borrowerPlan, type BorrowerPlanPorts } from '../../src/usecases/borrower-plan/borrower-plan.usecase.js';

const ports: BorrowerPlanPorts = {
  getBorrower: async (id) => (id === 'b-1' ? ({ id, status: 'active' } as Borrower) : undefined),
  planOf: async (b) => [{ accountRef: `${b.id}-acct` }] as unknown as Awaited<ReturnType<BorrowerPlanPorts['planOf']>>,
};

describe('borrowerPlan', () => {
  it('answers the borrower’s status and its accounts’ plan', async () => {
    expect(await borrowerPlan(ports, { borrowerId: 'b-1' })).toEqual({
      kind: 'plan',
      status: 'active',
      accounts: [{ accountRef: 'b-1-acct' }],
    });
  });

  it('does not find an unknown borrower', async () => {
    expect(await borrowerPlan(ports, { borrowerId: 'b-9' })).toEqual({ kind: 'not-found' });
  });
});
