/**
 * Put an address on the tenant's suppression list (POST /v1/opt-outs): on the channels asked for, the tenant's
 * borrowers with that address opted out and their pending messages suppressed; the answer shows the list's entries for
 * the address afterwards.
 */
import type { OptOuts } from '../../services/opt-outs.js';
import type { Suppression } from '../../store/suppressions.js';

/** Exactly what opting an address out needs from the opt-out service. */
export interface AddOptOutPorts {
  suppressAddress: OptOuts['suppressAddress'];
  /** The address's entries on the tenant's list. */
  suppressionsOf(address: string, tenant: string): Promise<Suppression[]>;
}

/** The address (normalised), its channels, who reports it and why, for the tenant. */
export type AddOptOut = Parameters<OptOuts['suppressAddress']>[0] & { tenant: string };

export interface AddOptOutResult {
  /** The entries added now (none: it was listed already on every channel asked for). */
  added: Suppression[];
  /** How many of the tenant's borrowers have the address, and the messages suppressed with it. */
  borrowers: number;
  suppressedMessages: number;
  /** The address's entries afterwards. */
  entries: Suppression[];
}

export async function addOptOut(ports: AddOptOutPorts, cmd: AddOptOut): Promise<AddOptOutResult> {
  const result = await ports.suppressAddress(cmd);
  const entries = await ports.suppressionsOf(cmd.address, cmd.tenant);
  return {
    added: result.added,
    borrowers: result.borrowers.length,
    suppressedMessages: result.suppressed.length,
    entries,
  };
}
