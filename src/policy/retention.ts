/**
 * Retention by jurisdiction: how long a tenant's borrowers' content is kept after their last
 * activity. The most specific setting wins: the tenant's own `retentionYears`, else its profile's
 * (US-REGF 3 years, 12 CFR 1006.100; CN 5, the NIFA internet-loan convention), else the
 * deployment's profile's. The law's minimum binds even the most specific: a tenant may keep longer
 * than its profile's `retentionMinYears`, never shorter (docs/audit.md, "Retention and erasure"). Pure.
 */
import type { Profile } from './profile.js';

/** The shortest period a tenant under `profile` may set (1 year when the profile names none). */
export const retentionMinYears = (profile: Pick<Profile, 'retentionMinYears'>): number =>
  profile.retentionMinYears ?? 1;

/** The years a tenant's content is kept: its own setting, else its profile's default. */
export function effectiveRetentionYears(
  tenant: { retentionYears?: number | null } | undefined,
  profile: Pick<Profile, 'retentionYears'>,
): number {
  return tenant?.retentionYears ?? profile.retentionYears;
}

/** Why a tenant's own period is refused under its profile (undefined: it is allowed). */
export function retentionProblem(
  years: number,
  profile: Pick<Profile, 'name' | 'retentionMinYears'>,
): string | undefined {
  const min = retentionMinYears(profile);
  return years < min
    ? `is ${years} years, shorter than profile ${profile.name} allows: keep at least ${min} years (its records rule)`
    : undefined;
}
