/**
 * Natural batching: calls that arrive while a batch of their group is in flight wait in a list,
 * and the next batch takes the whole list (at most `max`). Nothing waits for a timer: a quiet
 * process runs each call at once, a busy one runs tens per batch. Each caller gets its own
 * answer. If a batch fails and `retryAlone` is set, its calls are run again one by one, so a call
 * that fails fails alone; otherwise every call of the batch gets the error.
 */
export interface NaturalBatchOptions<I, O> {
  /** Runs one batch; answers one output per input, in order. */
  run(inputs: I[], group: string): Promise<O[]>;
  max: number;
  retryAlone?: boolean;
}

interface Waiter<I, O> {
  input: I;
  resolve(o: O): void;
  reject(err: unknown): void;
}

export function makeNaturalBatch<I, O>(o: NaturalBatchOptions<I, O>): (input: I, group?: string) => Promise<O> {
  const groups = new Map<string, Waiter<I, O>[]>();

  async function settle(batch: Waiter<I, O>[], group: string): Promise<void> {
    try {
      const out = await o.run(
        batch.map((w) => w.input),
        group,
      );
      batch.forEach((w, i) => w.resolve(out[i]!));
    } catch (err) {
      if (!o.retryAlone || batch.length === 1) {
        for (const w of batch) w.reject(err);
        return;
      }
      for (const w of batch) {
        await o.run([w.input], group).then(
          ([r]) => w.resolve(r!),
          (e: unknown) => w.reject(e),
        );
      }
    }
  }

  async function drain(group: string): Promise<void> {
    const waiting = groups.get(group)!;
    while (waiting.length > 0) await settle(waiting.splice(0, o.max), group);
    groups.delete(group);
  }

  return (input: I, group = '') => {
    if (o.max <= 1) return o.run([input], group).then((out) => out[0]!);
    let waiting = groups.get(group);
    const first = !waiting;
    if (!waiting) groups.set(group, (waiting = []));
    const answer = new Promise<O>((resolve, reject) => waiting.push({ input, resolve, reject }));
    // After this turn of the event loop: calls made in the same turn go in the first batch.
    if (first) setImmediate(() => void drain(group));
    return answer;
  };
}
