/**
 * Take an address off the tenant's suppression list (DELETE /v1/opt-outs/:address), on the channels asked for where it
 * is listed, with a recorded source; an address not listed on any of them is not found.
 */
import type { OptOuts } from '../../services/opt-outs.js';
import type { AddressChannel } from '../../policy/address.js';
import type { Suppression } from '../../store/suppressions.js';

/** Exactly what opting an address back in needs from the opt-out service. */
export interface RemoveOptOutPorts {
  /** The address's entries on the tenant's list. */
  suppressionsOf(address: string, tenant: string): Promise<Suppression[]>;
  restoreAddress: OptOuts['restoreAddress'];
}

export type RemoveOptOut = Omit<Parameters<OptOuts['restoreAddress']>[0], 'channels' | 'tenant'> & {
  tenant: string;
  /** The channels asked for (all the address's when none was named). */
  channels: readonly AddressChannel[];
};

export type RemoveOptOutResult =
  | { kind: 'not-listed' }
  /** `removed`: the entries taken off; `entries`: the address's entries afterwards. */
  | { kind: 'removed'; removed: Suppression[]; entries: Suppression[] };

export async function removeOptOut(ports: RemoveOptOutPorts, cmd: RemoveOptOut): Promise<RemoveOptOutResult> {
  const listed = (await ports.suppressionsOf(cmd.address, cmd.tenant)).filter((s) => cmd.channels.includes(s.channel));
  if (listed.length === 0) return { kind: 'not-listed' };
  const restored = await ports.restoreAddress({ ...cmd, channels: listed.map((s) => s.channel) });
  return { kind: 'removed', removed: restored.removed, entries: await ports.suppressionsOf(cmd.address, cmd.tenant) };
}
