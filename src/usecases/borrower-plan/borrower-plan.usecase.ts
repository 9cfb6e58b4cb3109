/** A borrower's collection plan (GET /v1/borrowers/:id/plan): its status and each account's stage and next steps. */
import type { Borrower } from '../../domain/entities.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { type BorrowerHold, holdIsOpen } from '../../domain/holds.js';

/** Exactly what reading a plan needs from the store and the strategy. */
export interface BorrowerPlanPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  /** Each of the borrower's accounts: its stage and what the strategy does next. */
  planOf: StrategyRunner['planOf'];
  /** The borrower's holds not closed (none without it). */
  unclosedHolds?(borrowerId: string): Promise<BorrowerHold[]>;
}

export type BorrowerPlanResult =
  | { kind: 'not-found' }
  | {
      kind: 'plan';
      status: Borrower['status'];
      accounts: Awaited<ReturnType<StrategyRunner['planOf']>>;
      /** The holds open at `now`. */
      holds: BorrowerHold[];
    };

/** `borrowerId`: the stored id. */
export async function borrowerPlan(
  ports: BorrowerPlanPorts,
  cmd: { borrowerId: string; now?: Date },
): Promise<BorrowerPlanResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower) return { kind: 'not-found' };
  const at = (cmd.now ?? new Date()).getTime();
  const holds = ((await ports.unclosedHolds?.(cmd.borrowerId)) ?? []).filter((h) => holdIsOpen(h, at));
  return { kind: 'plan', status: borrower.status, accounts: await ports.planOf(borrower), holds };
}
