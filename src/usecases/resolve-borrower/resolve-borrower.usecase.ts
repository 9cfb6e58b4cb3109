/**
 * Resolve a borrower (POST /v1/borrowers/:id/resolve): every cadence stops, what was pending is cancelled, and the
 * strategy sends its one thank-you; a borrower already resolved is left as it is and thanked no second time.
 */
import type { Borrower } from '../../domain/entities.js';

/** Exactly what resolving a borrower needs from the store, the queues and the strategy. */
export interface ResolveBorrowerPorts {
  /** Resolves the borrower and cancels what was pending, once (`alreadyResolved` the second time); undefined: no such borrower. */
  resolveBorrower(
    borrowerId: string,
    actor: string,
    note?: string,
  ): Promise<{ borrower: Borrower; cancelled: string[]; alreadyResolved: boolean } | undefined>;
  /** Starts the strategy's thank-you (none without a strategy runner): the messages it queued. */
  startThankYou(borrower: Borrower, actor: string): Promise<Array<{ id: string }>>;
}

export interface ResolveBorrower {
  /** The stored id. */
  borrowerId: string;
  /** Who resolves it (`api:<keyId>`), for the borrower's events. */
  actor: string;
  note?: string | undefined;
}

export type ResolveBorrowerResult =
  | { kind: 'not-found' }
  | {
      kind: 'resolved';
      resolved: { borrower: Borrower; cancelled: string[]; alreadyResolved: boolean };
      /** The ids of the thank-you messages queued now (none for a borrower already resolved). */
      thanks: string[];
    };

export async function resolveBorrower(
  ports: ResolveBorrowerPorts,
  cmd: ResolveBorrower,
): Promise<ResolveBorrowerResult> {
  const resolved = await ports.resolveBorrower(cmd.borrowerId, cmd.actor, cmd.note);
  if (!resolved) return { kind: 'not-found' };
  const thanks = resolved.alreadyResolved ? [] : await ports.startThankYou(resolved.borrower, cmd.actor);
  return { kind: 'resolved', resolved, thanks: thanks.map((m) => m.id) };
}
