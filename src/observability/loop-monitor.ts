/**
 * Watches the event loop for stalls and says what ran then. A timer that should fire every
 * `tickMs` measures how late it is; a lateness past `stallMs` is a stall, counted and timed by
 * what ran in that interval: the tracked activities (activity.ts) and garbage collection (from
 * the `gc` performance entries), or `requests-and-jobs` when neither (the API and the workers).
 * `perf_hooks.monitorEventLoopDelay` gives the delay's distribution (nodejs_eventloop_lag_* from
 * prom-client's default metrics); this gives its causes.
 */
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { takeActivities } from './activity.js';

export interface LoopMonitorOptions {
  metrics: Pick<Metrics, 'loopStalls' | 'loopStallSeconds'>;
  log: Logger;
  /** How often the timer should fire (ms). */
  tickMs?: number;
  /** A lateness past this (ms) is a stall. */
  stallMs?: number;
  /** A stall past this (ms) is logged as a warning (others at debug). */
  warnMs?: number;
}

export interface LoopMonitor {
  stop(): void;
}

/** A GC pause at least this long during the interval is named as a cause. */
const GC_MS = 5;

export function startLoopMonitor(o: LoopMonitorOptions): LoopMonitor {
  const tickMs = o.tickMs ?? 20;
  const stallMs = o.stallMs ?? 50;
  const warnMs = o.warnMs ?? 250;
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEntry[]) if (e.duration >= GC_MS) gcMs += e.duration;
  });
  try {
    observer.observe({ entryTypes: ['gc'] });
  } catch {
    // No gc entries on this runtime: stalls are charged to the activities only.
  }
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - tickMs;
    last = now;
    const ran = takeActivities();
    const gc = gcMs;
    gcMs = 0;
    if (late < stallMs) return;
    const during = [...ran, ...(gc > 0 ? ['gc'] : [])].join('+') || 'requests-and-jobs';
    o.metrics.loopStalls.inc({ during });
    o.metrics.loopStallSeconds.observe({ during }, late / 1000);
    const at = late >= warnMs ? 'warn' : 'debug';
    o.log[at]({ stallMs: Math.round(late), during, gcMs: Math.round(gc) }, 'event loop stalled');
  }, tickMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      observer.disconnect();
    },
  };
}
