/** Natural batching: calls made while a batch is in flight go together in the next one. */
import { describe, expect, it } from 'vitest';
import { makeNaturalBatch } from '../../src/lib/natural-batch.js';

describe('natural batching', () => {
  it('runs a lone call at once, gathers calls that arrive meanwhile, and answers each its own', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const double = makeNaturalBatch<number, number>({
      max: 3,
      run: async (xs) => {
        batches.push(xs);
        if (batches.length === 1) await gate;
        return xs.map((x) => x * 2);
      },
    });
    const first = double(1);
    await new Promise((r) => setImmediate(r));
    // The first batch is in flight: these five wait, and go in batches of at most three.
    const rest = [2, 3, 4, 5, 6].map((x) => double(x));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('keeps groups apart, and with retryAlone a failing call fails alone', async () => {
    const seen: Array<[string, string[]]> = [];
    const shout = makeNaturalBatch<string, string>({
      max: 10,
      retryAlone: true,
      run: async (xs, group) => {
        seen.push([group, xs]);
        if (xs.includes('bad')) throw new Error('bad input');
        return xs.map((x) => x.toUpperCase());
      },
    });
    const answers = await Promise.allSettled([
      shout('a', 'g1'),
      shout('bad', 'g1'),
      shout('c', 'g1'),
      shout('d', 'g2'),
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      'A',
      'bad input',
      'C',
      'D',
    ]);
    // Groups run side by side; within g1, the failed batch and then each call alone.
    expect(seen.filter(([g]) => g === 'g1').map(([, xs]) => xs)).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(seen.filter(([g]) => g === 'g2').map(([, xs]) => xs)).toEqual([['d']]);
  });

  it('without retryAlone, fails every call of a failed batch', async () => {
    const f = makeNaturalBatch<number, number>({ max: 10, run: async () => Promise.reject(new Error('store down')) });
    const answers = await Promise.allSettled([f(1), f(2)]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
  });
});
