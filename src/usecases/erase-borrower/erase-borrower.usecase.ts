/**
 * Erase a borrower on request (POST /v1/borrowers/:id/erase; PIPL art. 47, GDPR art. 17): refused
 * while a legal hold stands (an open dispute, or a hold under a rule of law: policy/legal-hold.ts);
 * otherwise what was pending is cancelled, then the borrower's personal data and content are erased
 * at once, their suppressions kept as keyed hashes, the chains left verifying (store/erasure.ts).
 */
import type { Clock } from '../../domain/clock.js';
import type { BorrowerHold } from '../../domain/holds.js';
import { type LegalHold, legalHoldsOf } from '../../policy/legal-hold.js';
import type { ErasureBasis, ErasureResult } from '../../store/erasure.js';

/** Exactly what erasing a borrower needs. */
export interface EraseBorrowerPorts {
  borrowerExists(borrowerId: string): Promise<boolean>;
  /** The borrower's holds not closed. */
  unclosedHolds(borrowerId: string): Promise<BorrowerHold[]>;
  /** Cancels the borrower's pending messages (their jobs removed); the ids cancelled. */
  cancelPending(borrowerId: string, actor: string): Promise<string[]>;
  erase(req: {
    borrowerId: string;
    actor: string;
    basis: ErasureBasis;
    reference?: string;
    now: Date;
  }): Promise<ErasureResult>;
}

export interface EraseBorrower {
  /** The stored id. */
  borrowerId: string;
  /** Who asked (`api:<keyId>`): on the borrower's chain. */
  actor: string;
  basis: ErasureBasis;
  reference?: string | undefined;
}

export type EraseBorrowerResult =
  | { kind: 'not-found' }
  | { kind: 'held'; holds: LegalHold[] }
  | { kind: 'already-erased'; erasedAt: string }
  | { kind: 'erased'; erasedAt: string; cancelled: string[]; messages: string[]; suppressionsKept: number };

export async function eraseBorrower(
  ports: EraseBorrowerPorts,
  clock: Clock,
  cmd: EraseBorrower,
): Promise<EraseBorrowerResult> {
  if (!(await ports.borrowerExists(cmd.borrowerId))) return { kind: 'not-found' };
  const holds = legalHoldsOf(await ports.unclosedHolds(cmd.borrowerId), clock.now().getTime());
  if (holds.length > 0) return { kind: 'held', holds };
  const cancelled = await ports.cancelPending(cmd.borrowerId, cmd.actor);
  const r = await ports.erase({
    borrowerId: cmd.borrowerId,
    actor: cmd.actor,
    basis: cmd.basis,
    ...(cmd.reference ? { reference: cmd.reference } : {}),
    now: clock.now(),
  });
  if (r.kind !== 'erased') return r;
  return { ...r, cancelled };
}
