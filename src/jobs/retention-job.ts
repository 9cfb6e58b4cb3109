/** The daily retention run: erase what the profile's period has passed for, and say how much. */
import type { RetentionStore } from '../store/ports.js';
import type { Clock } from '../domain/index.js';
import type { Logger } from '../observability/logger.js';

export function retentionJob(deps: { store: RetentionStore; years: number; clock: Clock; log: Logger }) {
  return async (): Promise<{ erased: number }> => {
    const report = await deps.store.retention.apply({ years: deps.years, now: deps.clock.now(), dryRun: false });
    if (report.borrowers.length > 0)
      deps.log.info({ erased: report.borrowers.length, cutoff: report.cutoff }, 'retention erased expired content');
    return { erased: report.borrowers.length };
  };
}
