/** The period review, with plain in-memory fakes for the counts the store computes. */
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/policy/experiments.js';
import { armCounts } from '../support/experiments.js';
import {
  periodReview,
  type PeriodReviewPorts,
  type ReviewCounts,
} from '../../src/usecases/period-review/period-review.usecase.js';

const EMPTY: ReviewCounts = {
  sent: [],
  outcomes: [],
  events: [],
  promises: { kept: 0, broken: 0, brokenList: [] },
  reach: { statuses: [], bounces: [] },
};
const period = {
  tenant: 'acme',
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-06-01T00:00:00.000Z',
  lang: 'en' as const,
};

function ports(over: Partial<PeriodReviewPorts> = {}): PeriodReviewPorts & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    reviewCounts: async (f) => {
      asked.push(['reviewCounts', f]);
      return EMPTY;
    },
    sendStats: async (from, to, tenant) => {
      asked.push(['sendStats', from, to, tenant]);
      return [];
    },
    experimentCounts: async (f) => {
      asked.push(['experimentCounts', f]);
      return [];
    },
    experimentsFor: () => [],
    ...over,
  };
}

describe('periodReview', () => {
  it('adds the amounts recovered exactly, per currency, beyond what a float holds', async () => {
    const big = '999999999999.9999';
    const outcomes = [
      ...Array.from({ length: 3 }, () => ({ kind: 'payment', amount: big, currency: 'USD' })),
      { kind: 'payment', amount: '0.1', currency: 'USD' },
      { kind: 'payment', amount: '0.2', currency: 'USD' },
      { kind: 'payment', amount: '12.5', currency: 'CNY' },
      { kind: 'promise', amount: '50', currency: 'USD' },
    ];
    const r = await periodReview(ports({ reviewCounts: async () => ({ ...EMPTY, outcomes }) }), period);
    expect(r.recovered).toEqual({
      payments: 6,
      promises: 1,
      amounts: { CNY: '12.50', USD: '3000000000000.29' },
    });
  });

  it('asks the store for the tenant and the period it was given', async () => {
    const p = ports();
    await periodReview(p, period);
    expect(p.asked).toEqual([
      ['reviewCounts', { tenant: 'acme', from: period.from, to: period.to }],
      ['sendStats', period.from, period.to, 'acme'],
    ]);
  });

  it('lists what the policy held back, most frequent reason first, and counts STOPs, replies and opt-outs', async () => {
    const r = await periodReview(
      ports({
        sendStats: async () => [
          { status: 'suppressed', reason: 'quiet-hours', n: 2 },
          { status: 'suppressed', reason: 'cap', n: 5 },
          { status: 'suppressed', reason: 'quiet-hours', n: 4 },
          { status: 'delivered', reason: null, n: 50 },
        ],
        reviewCounts: async () => ({
          ...EMPTY,
          events: [
            { type: 'inbound.sms', kind: 'stop', n: 3 },
            { type: 'inbound.sms', kind: 'other', n: 2 },
            { type: 'inbound.email', kind: null, n: 3 },
            { type: 'borrower.opted_out', kind: null, n: 4 },
          ],
        }),
      }),
      period,
    );
    expect(r.heldBack).toEqual([
      { reason: 'quiet-hours', n: 6 },
      { reason: 'cap', n: 5 },
    ]);
    // Email replies are replies too.
    expect(r.relationship).toEqual({ optOuts: 4, stops: 3, replies: 5 });
  });

  it('reports each experiment of the tenant with its borrowers across arms', async () => {
    const e = {
      id: 'tone',
      arms: [
        { name: 'control', weight: 50 },
        { name: 'warm', weight: 50 },
      ],
    } as unknown as Experiment;
    const r = await periodReview(
      ports({
        experimentsFor: (tenant) => (tenant === 'acme' ? [e] : []),
        experimentCounts: async (f) =>
          f.experiment === 'tone' ? [armCounts('control', 10), armCounts('warm', 12)] : [],
      }),
      period,
    );
    expect(r.experiments).toMatchObject([{ id: 'tone', description: null, borrowers: 22, guardrail: false }]);
  });

  it('gives the kept rate of the promises decided in the period with its interval, and lists the broken ones', async () => {
    const broken = {
      promiseId: 'p-9',
      tenant: 'acme',
      accountRef: '4111000000000009',
      borrowerId: 'b-9',
      kind: 'promise',
      agreedAt: '2026-03-02T10:00:00.000Z',
      brokenAt: '2026-03-12T00:00:00.000Z',
      misses: 1,
    };
    const r = await periodReview(
      ports({ reviewCounts: async () => ({ ...EMPTY, promises: { kept: 3, broken: 1, brokenList: [broken] } }) }),
      period,
    );
    expect(r.promises).toMatchObject({ broken: 1, brokenList: [broken], brokenListComplete: true });
    // Wilson at 95 % for 3 of 4, worked out by hand: (x + z²/2 ± z √(x(n−x)/n + z²/4)) / (n + z²).
    expect(r.promises.kept).toMatchObject({ successes: 3, trials: 4, rate: 0.75 });
    expect(r.promises.kept.low).toBeCloseTo(0.3006418, 6);
    expect(r.promises.kept.high).toBeCloseTo(0.9544127, 6);
  });

  it('says when the broken promises listed are fewer than those counted', async () => {
    const r = await periodReview(
      ports({ reviewCounts: async () => ({ ...EMPTY, promises: { kept: 0, broken: 500, brokenList: [] } }) }),
      period,
    );
    expect(r.promises).toMatchObject({ broken: 500, brokenListComplete: false });
    expect(r.promises.kept).toMatchObject({ successes: 0, trials: 500, rate: 0 });
  });
});
