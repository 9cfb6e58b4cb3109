/**
 * End a hold on a borrower: close a dispute (POST /v1/borrowers/:id/disputes/:holdId/close, with
 * how it ended) or release a hold of any kind (POST /v1/borrowers/:id/holds/:holdId/release). The
 * messages it held back are rescheduled to now and go through the policy again. A hold ended
 * already is answered as it is; a dispute is closed only by the dispute route.
 */
import type { BorrowerHold, HoldKind, HoldResolution } from '../../domain/holds.js';

/** Exactly what ending a hold needs. */
export interface CloseHoldPorts {
  /** Ends one of the borrower's holds of `kinds` and reschedules what it held; undefined: no such hold of the borrower. */
  endHold(
    borrowerId: string,
    holdId: string,
    end: { resolution: HoldResolution; kinds: readonly HoldKind[]; actor: string; detail?: string | null },
  ): Promise<{ hold: BorrowerHold; changed: boolean; rescheduled: string[] } | undefined>;
}

export type CloseHold =
  | {
      /** Closing a dispute, with how it ended. */
      what: 'dispute';
      resolution: 'verified' | 'withdrawn' | 'upheld';
      borrowerId: string;
      holdId: string;
      actor: string;
      detail?: string | null | undefined;
    }
  | {
      /** Releasing a hold, whatever its kind. */
      what: 'release';
      borrowerId: string;
      holdId: string;
      actor: string;
      detail?: string | null | undefined;
    };

export type CloseHoldResult =
  | { kind: 'not-found' }
  | { kind: 'closed'; hold: BorrowerHold; rescheduled: string[] }
  /** Ended before: the hold as it is, nothing rescheduled. */
  | { kind: 'already-closed'; hold: BorrowerHold };

const ALL: readonly HoldKind[] = ['dispute', 'paid-claim', 'hardship'];

export async function closeHold(ports: CloseHoldPorts, cmd: CloseHold): Promise<CloseHoldResult> {
  const r = await ports.endHold(cmd.borrowerId, cmd.holdId, {
    resolution: cmd.what === 'dispute' ? cmd.resolution : 'released',
    kinds: cmd.what === 'dispute' ? ['dispute'] : ALL,
    actor: cmd.actor,
    detail: cmd.detail ?? null,
  });
  if (!r) return { kind: 'not-found' };
  return r.changed
    ? { kind: 'closed', hold: r.hold, rescheduled: r.rescheduled }
    : { kind: 'already-closed', hold: r.hold };
}
