/** The promise-kept rate in the experiment and template reports, from the counts the store makes. */
import { describe, expect, it } from 'vitest';
import {
  type ArmCounts,
  experimentFromCounts,
  type GroupCountsIn,
  groupsFromCounts,
  keptRate,
} from '../../src/policy/outcome-report.js';
import { armCounts, wilsonHere } from '../support/experiments.js';

const arm = (name: string, promises: ArmCounts['promises']) => armCounts(name, 40, { promises });

describe('the promise-kept rate', () => {
  it('divides the kept promises by the decided ones: pending and replaced promises are in neither', () => {
    // 12 made: 7 kept, 2 broken, 2 still open, 1 replaced by a newer promise.
    const r = keptRate({ kept: 7, broken: 2 });
    expect(r).toMatchObject({ successes: 7, trials: 9 });
    expect(r.rate).toBeCloseTo(7 / 9, 12);
    const w = wilsonHere(7, 9);
    expect(r.low).toBeCloseTo(w.low, 10);
    expect(r.high).toBeCloseTo(w.high, 10);
  });

  it('is 0 of 0 with no interval while every promise is pending', () => {
    expect(keptRate({ kept: 0, broken: 0 })).toEqual({ successes: 0, trials: 0, rate: 0, low: 0, high: 0 });
  });

  it('gives each arm its promises made, pending and kept rate, an arm without counts none', () => {
    const r = experimentFromCounts(
      {
        id: 'tone',
        arms: [{ name: 'control' }, { name: 'warm' }, { name: 'late' }],
      },
      [
        arm('control', { made: 12, kept: 7, broken: 2, pending: 2 }),
        arm('warm', { made: 5, kept: 0, broken: 5, pending: 0 }),
      ],
    );
    const [control, warm, late] = r.arms;
    expect(control).toMatchObject({ promisesMade: 12, promisesPending: 2, promiseKept: { successes: 7, trials: 9 } });
    expect(warm).toMatchObject({
      promisesMade: 5,
      promisesPending: 0,
      promiseKept: { successes: 0, trials: 5, rate: 0 },
    });
    expect(warm!.promiseKept.high).toBeCloseTo(wilsonHere(0, 5).high, 10);
    expect(late).toMatchObject({ promisesMade: 0, promisesPending: 0, promiseKept: { successes: 0, trials: 0 } });
  });

  it('gives each template, channel and stage the kept rate of the promises it was the last touch of', () => {
    const group = (template: string, promises: GroupCountsIn['promises']): GroupCountsIn => ({
      template,
      channel: 'sms',
      stage: 'early',
      messages: 10,
      delivered: 10,
      borrowers: 10,
      paymentsLast: 0,
      promisesLast: promises.made,
      paymentsAny: 0,
      recovered: [],
      optedOut: 0,
      promises,
      bounced: { hard: 0, soft: 0 },
    });
    const [a, b] = groupsFromCounts([
      group('b-template', { made: 3, kept: 1, broken: 1, pending: 1 }),
      group('a-template', { made: 4, kept: 4, broken: 0, pending: 0 }),
    ]);
    expect(a).toMatchObject({
      template: 'a-template',
      promisesMade: 4,
      promiseKept: { successes: 4, trials: 4, rate: 1 },
    });
    expect(a!.promiseKept.low).toBeCloseTo(wilsonHere(4, 4).low, 10);
    expect(b).toMatchObject({ template: 'b-template', promisesMade: 3, promisesPending: 1 });
    expect(b!.promiseKept).toMatchObject({ successes: 1, trials: 2, rate: 0.5 });
  });
});
