/**
 * Runs user-supplied work (linting a draft template) in a worker thread with a time budget and
 * memory limits, so it never holds the event loop that serves the API and the workers. One
 * task runs at a time; a task past its budget terminates the thread (the next task gets a new
 * one), and a queue longer than `maxQueue` is refused at once.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export class TimeBudgetError extends Error {
  override name = 'TimeBudgetError';
  constructor(readonly budgetMs: number) {
    super(`took longer than ${budgetMs} ms and was stopped`);
  }
}

export class WorkerBusyError extends Error {
  override name = 'WorkerBusyError';
}

export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

export interface TimeBoxedWorker<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

export interface TimeBoxedWorkerOptions {
  /** The worker module (its `.ts` sibling runs through tsx when the service runs from source). */
  file: URL;
  budgetMs: number;
  maxQueue: number;
  resourceLimits?: ResourceLimits;
  /** How long a new thread may take to load before its task fails. */
  startupMs?: number;
}

interface Task<I, O> {
  id: number;
  input: I;
  resolve(value: O): void;
  reject(err: Error): void;
}

type Reply<O> = { ready: true } | { id: number; ok: true; value: O } | { id: number; ok: false; error: string };

export function makeTimeBoxedWorker<I, O>(options: TimeBoxedWorkerOptions): TimeBoxedWorker<I, O> {
  const queue: Task<I, O>[] = [];
  let worker: Worker | undefined;
  let ready = false;
  let current: Task<I, O> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let nextId = 1;
  let closed = false;

  const fromSource = fileURLToPath(options.file).endsWith('.ts');
  // From source (npm start, tests) the worker module is TypeScript: a small ES module entry
  // registers tsx's loader in the thread first (Node 20 does not pass --import hooks to workers).
  const entry = fromSource
    ? new URL(`data:text/javascript,${encodeURIComponent(tsEntry(options.file))}`)
    : options.file;

  function finish(task: Task<I, O>, outcome: { value: O } | { error: Error }) {
    if (current !== task) return;
    clearTimeout(timer);
    current = undefined;
    if ('error' in outcome) task.reject(outcome.error);
    else task.resolve(outcome.value);
    setImmediate(pump);
  }

  function discard(w: Worker) {
    if (worker === w) {
      worker = undefined;
      ready = false;
    }
    void w.terminate();
  }

  function spawn(): Worker {
    const w = new Worker(entry, {
      execArgv: [],
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      stdout: false,
      stderr: false,
    });
    w.unref();
    w.on('message', (reply: Reply<O>) => {
      if (w !== worker) return;
      if ('ready' in reply) {
        ready = true;
        pump();
        return;
      }
      if (current && reply.id === current.id)
        finish(current, reply.ok ? { value: reply.value } : { error: new WorkerFailedError(reply.error) });
    });
    const lost = (why: string) => {
      if (w !== worker) return;
      discard(w);
      if (current) finish(current, { error: new WorkerFailedError(why) });
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => lost(`the worker stopped (exit code ${code})`));
    return w;
  }

  function pump() {
    if (closed || current || queue.length === 0) return;
    if (!worker) {
      worker = spawn();
      const w = worker;
      timer = setTimeout(() => {
        if (!ready && w === worker) {
          discard(w);
          const t = queue.shift();
          t?.reject(new WorkerFailedError(`the worker did not start within ${options.startupMs ?? 30_000} ms`));
          pump();
        }
      }, options.startupMs ?? 30_000);
      return;
    }
    if (!ready) return;
    clearTimeout(timer);
    const task = queue.shift()!;
    current = task;
    const w = worker;
    timer = setTimeout(() => {
      discard(w);
      finish(task, { error: new TimeBudgetError(options.budgetMs) });
    }, options.budgetMs);
    w.postMessage({ id: task.id, input: task.input });
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new WorkerFailedError('closed'));
      if (queue.length >= options.maxQueue)
        return Promise.reject(new WorkerBusyError(`${queue.length} tasks are already waiting; try again in a moment`));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const t of queue.splice(0)) t.reject(new WorkerFailedError('closed'));
      if (current) current.reject(new WorkerFailedError('closed'));
      current = undefined;
      if (worker) await worker.terminate();
      worker = undefined;
    },
  };
}

export function tsEntry(file: URL): string {
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(file.href)});`;
}

/** The sibling module `name` of the calling module, in the source tree (.ts) or in dist (.js). */
export function siblingModule(metaUrl: string, name: string): URL {
  const ext = path.extname(fileURLToPath(metaUrl));
  return new URL(`./${name}${ext}`, metaUrl);
}
