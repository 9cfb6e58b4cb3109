/** A borrower's collection plan (GET /v1/borrowers/:id/plan): its status and each account's stage and next steps. */
import type { Borrower } from '../../domain/entities.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';

/** Exactly what reading a plan needs from the store and the strategy. */
export interface BorrowerPlanPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  /** Each of the borrower's accounts: its stage and what the strategy does next. */
  planOf: StrategyRunner['planOf'];
}

export type BorrowerPlanResult =
  | { kind: 'not-found' }
  | { kind: 'plan'; status: Borrower['status']; accounts: Awaited<ReturnType<StrategyRunner['planOf']>> };

/** `borrowerId`: the stored id. */
export async function borrowerPlan(ports: BorrowerPlanPorts, cmd: { borrowerId: string }): Promise<BorrowerPlanResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower) return { kind: 'not-found' };
  return { kind: 'plan', status: borrower.status, accounts: await ports.planOf(borrower) };
}
