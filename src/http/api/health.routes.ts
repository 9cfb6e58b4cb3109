/** Liveness, readiness (Redis and the audit store) and Prometheus metrics; no auth. */
import { Router, type Request, type Response } from 'express';
import type { Metrics } from '../../observability/metrics.js';
import type { BreakerViews as Breakers } from '../../domain/breaker.js';
import type { Logger } from '../../observability/logger.js';
import { StoreUnavailableError } from '../../store/store-unavailable.js';
import type { DispatchQueues } from '../../jobs/dispatch-queues.js';

export type ReadinessCheck = () => Promise<void>;

export function healthRouter(deps: {
  metrics: Metrics;
  checks: Record<string, ReadinessCheck>;
  breakers?: Breakers | undefined;
  refreshGauges?: () => Promise<void>;
  log?: Logger;
}): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const results: Record<string, { ok: boolean; error?: string }> = {};
    await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2_000);
          results[name] = { ok: true };
        } catch (err) {
          // The cause goes to the log: driver messages name hosts, ports and users, and /readyz has no auth.
          const timedOut = (err as Error).message === TIMEOUT_MESSAGE;
          // The store's reason is its own words (down, or locked by another process), never the driver's.
          const unavailable = err instanceof StoreUnavailableError ? err : undefined;
          results[name] = {
            ok: false,
            error: timedOut
              ? 'timed out'
              : unavailable
                ? `unavailable: ${unavailable.reason}`
                : 'unreachable (see the service log)',
          };
          deps.log?.warn({ check: name, err: (err as Error).message }, 'readiness check failed');
        }
      }),
    );
    const ok = Object.values(results).every((r) => r.ok);
    // Provider circuits are shown, not judged: an open circuit is a provider outage, which a
    // restart of this process would not cure.
    const now = Date.now();
    const providers = deps.breakers
      ? Object.fromEntries(Object.values(deps.breakers).map((b) => [b.name, b.state(now)]))
      : undefined;
    res.status(ok ? 200 : 503).json({ ok, checks: results, ...(providers ? { providers } : {}) });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    await deps.refreshGauges?.().catch(() => undefined);
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

/**
 * The gauges read at each scrape: every circuit's state, every dispatch queue's depth (from
 * Redis) and, given `oldestDue`, how long the longest-waiting due and unsent message has waited
 * (from the store).
 */
export async function refreshGauges(
  deps: {
    metrics: Metrics;
    queues: Pick<DispatchQueues, 'all'>;
    breakers?: Breakers | undefined;
    oldestDue?: ((now: Date) => Promise<string | null>) | undefined;
  },
  now: Date,
): Promise<void> {
  if (deps.breakers) {
    const at = Date.now();
    for (const b of Object.values(deps.breakers))
      deps.metrics.breakerState.set({ provider: b.name }, { closed: 0, 'half-open': 1, open: 2 }[b.state(at)]);
  }
  for (const q of deps.queues.all()) {
    const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
    for (const [state, n] of Object.entries(counts)) deps.metrics.queueDepth.set({ queue: q.name, state }, n);
  }
  if (deps.oldestDue) {
    const oldest = await deps.oldestDue(now);
    deps.metrics.oldestDueAge.set(oldest ? Math.max(0, (now.getTime() - Date.parse(oldest)) / 1000) : 0);
  }
}

const TIMEOUT_MESSAGE = 'no answer in time';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(TIMEOUT_MESSAGE)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
