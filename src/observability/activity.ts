/**
 * What the process is doing besides serving requests and jobs: the periodic rounds (feeder,
 * reconciler, relay, retention, strategy), the group commit and the intake transaction. The
 * loop monitor (loop-monitor.ts) names the activities that ran during a stall of the event loop,
 * so a latency tail can be traced to what held the loop. Process-wide, like the loop itself.
 */

/** Activities in progress, with how many of each. */
const running = new Map<string, number>();
/** Activities that ran at some point since the monitor last looked. */
const touched = new Set<string>();

/** Marks the start of an activity; call the answer when it ends. */
export function beginActivity(name: string): () => void {
  running.set(name, (running.get(name) ?? 0) + 1);
  touched.add(name);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const n = (running.get(name) ?? 1) - 1;
    if (n > 0) running.set(name, n);
    else running.delete(name);
    touched.add(name);
  };
}

/** Runs `fn` as the named activity. */
export async function trackActivity<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const end = beginActivity(name);
  try {
    return await fn();
  } finally {
    end();
  }
}

/**
 * The activities that ran since the last call (those still running stay for the next), sorted:
 * what a stall is charged to.
 */
export function takeActivities(): string[] {
  const out = [...touched].sort();
  touched.clear();
  for (const name of running.keys()) touched.add(name);
  return out;
}
