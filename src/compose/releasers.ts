/**
 * Each part built at start-up says how to close itself; closing runs them last-in-first-out,
 * every one even when an earlier one fails, and reports the first error (graphile-worker's
 * `withReleasers`).
 */
import type { Logger } from '../observability/logger.js';

export type Release = () => Promise<void>;

export function makeReleasers(log: Logger) {
  const releases: Release[] = [];
  return {
    add(release: Release): void {
      releases.push(release);
    },
    async releaseAll(): Promise<void> {
      let first: unknown;
      for (const release of releases.splice(0).reverse()) {
        try {
          await release();
        } catch (err) {
          log.error({ err: (err as Error).message }, 'error while shutting down');
          first ??= err;
        }
      }
      if (first !== undefined) throw first;
    },
  };
}

export type Releasers = ReturnType<typeof makeReleasers>;
