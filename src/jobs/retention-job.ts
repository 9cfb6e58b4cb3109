/**
 * The daily retention run: erase what each tenant's period has passed for, and say how much. A
 * tenant's period is its own setting, else its profile's (policy/retention.ts); the run takes the
 * tenants as the registry resolves them, so a change to a tenant's record counts from the next run.
 */
import type { RetentionStore } from '../store/ports.js';
import type { Clock } from '../domain/index.js';
import type { Logger } from '../observability/logger.js';

/** A tenant and the years its content is kept. */
export interface TenantRetention {
  id: string;
  retentionYears: number;
}

export function retentionJob(deps: {
  store: RetentionStore;
  /** Every tenant (the default one included) with its effective period. */
  tenants: () => Promise<readonly TenantRetention[]>;
  clock: Clock;
  log: Logger;
}) {
  return async (): Promise<{ erased: number }> => {
    let erased = 0;
    for (const t of await deps.tenants()) {
      const report = await deps.store.retention.apply({
        years: t.retentionYears,
        tenant: t.id,
        now: deps.clock.now(),
        dryRun: false,
      });
      erased += report.borrowers.length;
      if (report.borrowers.length > 0)
        deps.log.info(
          { tenant: t.id, years: t.retentionYears, erased: report.borrowers.length, cutoff: report.cutoff },
          'retention erased expired content',
        );
    }
    return { erased };
  };
}
