/** User-supplied work runs in a worker thread with a time budget; the event loop stays free. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeTimeBoxedWorker,
  TimeBudgetError,
  WorkerBusyError,
  WorkerFailedError,
  type TimeBoxedWorker,
} from '../../src/lib/time-boxed-worker.js';

const SPIN = new URL('../support/spin.worker.mjs', import.meta.url);

describe('time-boxed worker', () => {
  let w: TimeBoxedWorker<string, string> | undefined;
  afterEach(async () => {
    await w?.close();
  });

  it('stops a task that runs past its budget while the event loop keeps serving, then runs the next', async () => {
    w = makeTimeBoxedWorker<string, string>({ file: SPIN, budgetMs: 500, maxQueue: 4 });
    expect(await w.run('warm')).toBe('echo:warm');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const spun = w.run('spin');
    const next = w.run('after');
    await expect(spun).rejects.toBeInstanceOf(TimeBudgetError);
    clearInterval(ticker);
    // A blocked loop would tick at most once (after the spin); on a busy machine the timer fires far
    // less often than every 10 ms, so count only that it kept firing while the task spun.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await next).toBe('echo:after');
  });

  it('reports a task that fails inside the worker', async () => {
    w = makeTimeBoxedWorker<string, string>({ file: SPIN, budgetMs: 2000, maxQueue: 4 });
    await expect(w.run('throw')).rejects.toBeInstanceOf(WorkerFailedError);
    expect(await w.run('ok')).toBe('echo:ok');
  });

  it('refuses work past the queue limit at once', async () => {
    w = makeTimeBoxedWorker<string, string>({ file: SPIN, budgetMs: 500, maxQueue: 1 });
    await w.run('warm');
    const first = w.run('spin');
    const queued = w.run('a');
    await expect(w.run('b')).rejects.toBeInstanceOf(WorkerBusyError);
    await expect(first).rejects.toBeInstanceOf(TimeBudgetError);
    expect(await queued).toBe('echo:a');
  });
});
