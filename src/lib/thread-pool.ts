/**
 * A few worker threads that run named operations of one worker module, one task per thread at
 * a time, the rest waiting in order. A task's signal, once aborted, drops it from the queue or,
 * when it is running, stops its thread (the next task gets a new one). Threads start when first
 * needed; a thread keeps the process alive only while it runs a task (an idle pool keeps none).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { tsEntry } from './time-boxed-worker.js';

export class ThreadPoolClosedError extends Error {
  override name = 'ThreadPoolClosedError';
}

export class TaskAbortedError extends Error {
  override name = 'TaskAbortedError';
}

export interface ThreadPool {
  run<O>(op: string, args: unknown[], signal?: AbortSignal): Promise<O>;
  close(): Promise<void>;
}

export interface ThreadPoolOptions {
  /** The worker module (its `.ts` sibling runs through tsx when the service runs from source). */
  file: URL;
  threads: number;
  /** Given to every thread (`workerData`). */
  workerData?: unknown;
}

interface Task {
  id: number;
  op: string;
  args: unknown[];
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | undefined;
}

type Reply =
  { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string; name?: string };

/** An error thrown in the thread, rebuilt with its message and name. */
export class WorkerTaskError extends Error {
  constructor(message: string, name?: string) {
    super(message);
    this.name = name ?? 'WorkerTaskError';
  }
}

export function makeThreadPool(options: ThreadPoolOptions): ThreadPool {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  const fromSource = fileURLToPath(options.file).endsWith('.ts');
  const entry = fromSource
    ? new URL(`data:text/javascript,${encodeURIComponent(tsEntry(options.file))}`)
    : options.file;

  function settle(slot: Slot, outcome: { value: unknown } | { error: Error }) {
    const task = slot.task;
    if (!task) return;
    slot.task = undefined;
    slot.worker.unref();
    task.signal?.removeEventListener('abort', onAbortRunning);
    if ('error' in outcome) task.reject(outcome.error);
    else task.resolve(outcome.value);
    pump();
  }

  function drop(slot: Slot) {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
  }

  function onAbortRunning(this: AbortSignal) {
    const slot = slots.find((s) => s.task?.signal === this);
    if (!slot) return;
    drop(slot);
    settle(slot, { error: new TaskAbortedError('the read was stopped: its client went away') });
  }

  function spawn(): Slot {
    const worker = new Worker(entry, { execArgv: [], workerData: options.workerData, stdout: false, stderr: false });
    worker.unref();
    const slot: Slot = { worker, ready: false, task: undefined };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        pump();
        return;
      }
      if (slot.task && reply.id === slot.task.id)
        settle(slot, reply.ok ? { value: reply.value } : { error: new WorkerTaskError(reply.error, reply.name) });
    });
    const lost = (why: string) => {
      if (!slots.includes(slot)) return;
      drop(slot);
      settle(slot, { error: new WorkerTaskError(why) });
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`the heavy-read thread stopped (exit code ${code})`));
    slots.push(slot);
    return slot;
  }

  function pump() {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.ready && !s.task) ?? (slots.length < options.threads ? spawn() : undefined);
      if (!slot || !slot.ready) return;
      const task = queue.shift()!;
      slot.task = task;
      // A command-line tool awaiting only this task must not exit under it.
      slot.worker.ref();
      task.signal?.addEventListener('abort', onAbortRunning, { once: true });
      slot.worker.postMessage({ id: task.id, op: task.op, args: task.args });
    }
  }

  return {
    run<O>(op: string, args: unknown[], signal?: AbortSignal): Promise<O> {
      if (closed) return Promise.reject(new ThreadPoolClosedError('the heavy-read threads are closed'));
      if (signal?.aborted) return Promise.reject(new TaskAbortedError('the read was stopped before it began'));
      return new Promise<O>((resolve, reject) => {
        const task: Task = { id: nextId++, op, args, signal, resolve: resolve as (v: unknown) => void, reject };
        signal?.addEventListener(
          'abort',
          () => {
            const i = queue.indexOf(task);
            if (i >= 0) {
              queue.splice(i, 1);
              reject(new TaskAbortedError('the read was stopped before it began'));
            }
          },
          { once: true },
        );
        queue.push(task);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) t.reject(new ThreadPoolClosedError('the heavy-read threads are closed'));
      const all = slots.splice(0);
      for (const s of all) s.task?.reject(new ThreadPoolClosedError('the heavy-read threads are closed'));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
