/** A borrower's collection plan (GET /v1/borrowers/:id/plan): its status and each account's stage and next steps. */
import type { Borrower } from '../../domain/entities.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { type BorrowerHold, holdIsOpen } from '../../domain/holds.js';
import type { BorrowerPromise } from '../../store/promises.repo.js';

/** Exactly what reading a plan needs from the store and the strategy. */
export interface BorrowerPlanPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  /** Each of the borrower's accounts: its stage and what the strategy does next. */
  planOf: StrategyRunner['planOf'];
  /** The borrower's holds not closed (none without it). */
  unclosedHolds?(borrowerId: string): Promise<BorrowerHold[]>;
  /** The borrower's promises, newest first (none without it). */
  promisesOf?(borrowerId: string): Promise<BorrowerPromise[]>;
}

/** An account's promise as the plan shows it. */
function promiseView(p: BorrowerPromise) {
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    agreedAt: p.agreedAt,
    currency: p.currency,
    paid: p.paid,
    misses: p.misses,
    instalments: p.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount, state: i.state })),
  };
}

export type BorrowerPlanResult =
  | { kind: 'not-found' }
  | {
      kind: 'plan';
      status: Borrower['status'];
      accounts: Array<
        Omit<Awaited<ReturnType<StrategyRunner['planOf']>>[number], 'steps'> & {
          steps: Array<Awaited<ReturnType<StrategyRunner['planOf']>>[number]['steps'][number] & { heldBy: string[] }>;
          heldBy: string[];
          promise: ReturnType<typeof promiseView> | null;
        }
      >;
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
  const promises = (await ports.promisesOf?.(cmd.borrowerId)) ?? [];
  // One place says what holds an account: the borrower's holds, and those on this account alone (a promise).
  const accounts = (await ports.planOf(borrower)).map((a) => {
    const promise = promises.find((p) => p.accountRef === a.accountRef);
    const heldBy = holds.filter((h) => !h.accountRef || h.accountRef === a.accountRef).map((h) => h.id);
    return {
      ...a,
      // A step still to go waits for every hold on its account: held, not dropped.
      steps: a.steps.map((s) => ({ ...s, heldBy: s.status === 'pending' ? heldBy : [] })),
      heldBy,
      promise: promise ? promiseView(promise) : null,
    };
  });
  return { kind: 'plan', status: borrower.status, accounts, holds };
}
