/**
 * Whether the policy allows contacting a stored borrower on a channel at an instant (POST /v1/policy/check), against
 * the contact history and the tenant's suppression list: the answer of evaluatePolicy, the function the workers use.
 */
import type { Borrower, Channel } from '../../domain/index.js';
import type { Clock } from '../../domain/clock.js';
import { evaluatePolicy } from '../../policy/evaluate.js';
import type { ContactRecord } from '../../policy/history.js';
import type { Profile } from '../../policy/profile.js';
import { layerNames, profileForRegion } from '../../policy/regions.js';
import type { SenderKind } from '../../domain/sender.js';
import type { PolicyHold } from '../../policy/holds.js';
import type { Suppression } from '../../store/suppressions.js';

/** Exactly what a check reads: the borrower, its contact history, the address's opt-outs and the tenant's profile. */
export interface CheckPolicyPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  /** The borrower's contact history (the contact ledger). */
  history(borrowerId: string): Promise<ContactRecord[]>;
  /** The address's entries on the tenant's suppression list (none when the API has no opt-out list). */
  suppressionsOf(address: string, tenant: string): Promise<Suppression[]>;
  /** The tenant's compliance profile (its own, or the deployment's). */
  profileFor(tenant: string): Promise<Profile>;
  /** The borrower's holds not closed (a dispute, a claim to have paid, hardship; none without it). */
  unclosedHolds?(borrowerId: string): Promise<PolicyHold[]>;
  /** Who the tenant is (a creditor, or a collection agency): a state rule's citation depends on it (absent: a creditor). */
  senderKindFor?(tenant: string): Promise<SenderKind>;
}

export interface CheckPolicy {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  channel: Channel;
  /** An ISO instant; absent, now. */
  at?: string | undefined;
}

export type CheckPolicyResult =
  | { kind: 'not-found' }
  | ({
      kind: 'checked';
      profile: string;
      /** The tenant's profile, then the state and local layers on top of it for where the borrower lives. */
      layers: string[];
      region: string | null;
      at: string;
    } & ReturnType<typeof evaluatePolicy>);

export async function checkPolicy(ports: CheckPolicyPorts, clock: Clock, cmd: CheckPolicy): Promise<CheckPolicyResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower) return { kind: 'not-found' };
  const at = cmd.at ? Date.parse(cmd.at) : clock.now().getTime();
  const to = cmd.channel === 'email' ? borrower.email : borrower.phone;
  const history = await ports.history(borrower.id);
  const suppressions = to ? await ports.suppressionsOf(to, cmd.tenant) : [];
  const senderKind = (await ports.senderKindFor?.(cmd.tenant)) ?? 'creditor';
  const region = borrower.region ?? null;
  const profile = profileForRegion(await ports.profileFor(cmd.tenant), region, senderKind);
  const holds = (await ports.unclosedHolds?.(borrower.id)) ?? [];
  return {
    kind: 'checked',
    profile: profile.name,
    layers: layerNames(profile),
    region,
    at: new Date(at).toISOString(),
    ...evaluatePolicy({
      profile,
      borrower: { ...borrower, region, holds },
      history,
      attempt: { channel: cmd.channel, at, to },
      suppressions,
      senderKind,
    }),
  };
}
