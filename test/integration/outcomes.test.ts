/**
 * Outcomes and experiments on a known population: 2,000 borrowers in the warm-wording experiment
 * (control gentle-overdue, challenger gentle-overdue-warm, 50/50), reminded 40 days ago through the
 * real pipeline; payments, promises and opt-outs reported with known counts per arm. The reported
 * arms, rates, Wilson intervals and the two-proportion test are checked against values computed
 * here, independently (another form of each formula, a numerical normal distribution).
 * Real Redis, the real store (SQLite and PostgreSQL), the sandbox providers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY } from '../../src/policy/strategy.js';
import { spawnService } from '../support/child-service.js';
import { dbVariants, prepareRun, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { expectedWarmWordingArm, WARM_WORDING, wilsonHere } from '../support/experiments.js';
import { waitFor } from '../support/wait.js';

/** A promised date the API accepts: ahead, within PROMISE_MAX_AHEAD_DAYS. */
const PROMISED_FOR = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const DAY = 86_400_000;
const N = 2_000;
const EXPERIMENT = WARM_WORDING;

const expectedArm = expectedWarmWordingArm;

/** Φ by Simpson's rule on the density (independent of the service's series). */
function phi(x: number): number {
  const steps = 2_000;
  const a = 0;
  const h = (x - a) / steps;
  const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let s = f(a) + f(x);
  for (let i = 1; i < steps; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
  return 0.5 + (s * h) / 3;
}

function twoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return 2 * (1 - phi(Math.abs(z)));
}

describe.each(dbVariants())('outcomes and experiments on $name', (variant) => {
  let h: Harness;
  let dir: string;
  let offsetMs = 0;
  const arms: Record<'control' | 'warm', number[]> = { control: [], warm: [] };
  const account = (i: number) => `4111${String(i).padStart(12, '0')}`;
  const plan = {
    // per arm: how many pay within 7 days, then 8–14, then 15–30; promise within 7; opt out.
    control: { pay7: 0.1, pay14: 0.04, pay30: 0.03, promise7: 0.05, optOut: 0.01 },
    warm: { pay7: 0.15, pay14: 0.04, pay30: 0.03, promise7: 0.05, optOut: 0.012 },
  } as const;
  const counts = {
    control: { pay7: 0, pay14: 0, pay30: 0, promise7: 0, optOut: 0 },
    warm: { pay7: 0, pay14: 0, pay30: 0, promise7: 0, optOut: 0 },
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-outcomes-'));
    fs.writeFileSync(path.join(dir, 'experiments.json'), JSON.stringify({ experiments: [EXPERIMENT] }));
    h = await startHarness({
      db: variant,
      env: { EXPERIMENTS_FILE: path.join(dir, 'experiments.json') },
      service: { clock: { now: () => new Date(Date.now() - offsetMs) } },
    });
    // 40 days ago: every borrower is reminded once, in the experiment.
    offsetMs = 40 * DAY;
    for (let i = 0; i < N; i += 500) {
      const reminders = Array.from({ length: Math.min(500, N - i) }, (_, k) => {
        const n = i + k;
        const body = reminderBody(
          { experiment: EXPERIMENT.id, template: undefined, channel: 'sms' },
          { id: `p-${n}`, phone: `+1415${String(6_000_000 + n).padStart(7, '0')}`, timezone: 'UTC' },
        );
        return { ...body, externalId: `outcomes-${n}`, debt: { ...body.debt, accountRef: account(n) } };
      });
      const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
      expect(res.status).toBe(200);
      expect(res.body.accepted, JSON.stringify(res.body.results.find((r: { status: number }) => r.status >= 400))).toBe(
        reminders.length,
      );
    }
    await waitFor(
      async () =>
        (await h.api('GET', `/v1/audit/messages?status=sent&limit=1&borrowerId=p-${N - 1}`, { role: 'compliance' }))
          .body.items.length === 1 || undefined,
      {
        what: 'the last to be sent',
        timeoutMs: 120_000,
      },
    );
    await waitFor(
      async () => {
        const stats = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z', {
          role: 'compliance',
        });
        return stats.body.arms.reduce((n: number, a: { sent: number }) => n + a.sent, 0) === N || undefined;
      },
      { what: 'every message to be sent', timeoutMs: 120_000 },
    );
    for (let n = 0; n < N; n++) arms[expectedArm(`p-${n}`)].push(n);
    // Outcomes, by arm, at known offsets from the send (20 days ago).
    const sentAt = Date.now() - 40 * DAY;
    for (const arm of ['control', 'warm'] as const) {
      const list = arms[arm];
      const p = plan[arm];
      const cut = (share: number) => Math.round(list.length * share);
      const [a, b, c, d, e] = [cut(p.pay7), cut(p.pay14), cut(p.pay30), cut(p.promise7), cut(p.optOut)];
      counts[arm] = { pay7: a, pay14: b, pay30: c, promise7: d, optOut: e };
      const pay = async (n: number, days: number) => {
        const res = await h.api('POST', `/v1/accounts/${account(n)}/payments`, {
          body: {
            id: `pay-${n}`,
            amount: '40.00',
            currency: 'USD',
            paidAt: new Date(sentAt + days * DAY).toISOString(),
            kind: 'partial',
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      };
      offsetMs = 0;
      for (const n of list.slice(0, a)) await pay(n, 3);
      for (const n of list.slice(a, a + b)) await pay(n, 10);
      for (const n of list.slice(a + b, a + b + c)) await pay(n, 25);
      // Promises from the end of the list (some overlap nobody), agreed 2 days after the send.
      for (const n of list.slice(-d)) {
        const res = await h.api('POST', `/v1/accounts/${account(n)}/promises`, {
          body: {
            id: `prom-${n}`,
            kind: 'plan',
            promisedFor: PROMISED_FOR,
            agreedAt: new Date(sentAt + 2 * DAY).toISOString(),
          },
        });
        expect(res.status).toBe(201);
      }
      // Opt-outs 5 days after the send (within the 30 days counted): the service's clock set back.
      offsetMs = 35 * DAY;
      for (const n of list.slice(a + b + c, a + b + c + e))
        expect(
          (await h.api('POST', `/v1/borrowers/p-${n}/opt-out`, { body: { channel: 'sms', source: 'outcomes test' } }))
            .status,
        ).toBe(200);
      offsetMs = 0;
    }
  }, 300_000);
  afterAll(async () => {
    await h?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('assigns each borrower the arm the documented hash gives, and records it on the message and its first event', async () => {
    for (const n of [0, 1, 2, 3, 17, 999, N - 1]) {
      const list = await h.api('GET', `/v1/audit/messages?borrowerId=p-${n}`, { role: 'compliance' });
      // The borrower's reminder (a promise made later adds its own courtesy message).
      const m = list.body.items.find((x: { template: string }) => x.template.startsWith('gentle-overdue'));
      expect(m.experiment).toEqual({ id: 'warm-wording', arm: expectedArm(`p-${n}`) });
      expect(m.template).toBe(expectedArm(`p-${n}`) === 'control' ? 'gentle-overdue' : 'gentle-overdue-warm');
      const detail = await h.api('GET', `/v1/audit/messages/${m.id}`, { role: 'compliance' });
      expect(detail.body.events[0].data).toMatchObject({ experiment: 'warm-wording', arm: expectedArm(`p-${n}`) });
    }
    // Both arms are used about half and half.
    expect(Math.abs(arms.control.length - N / 2)).toBeLessThan(150);
  });

  it('reports each arm’s rates with Wilson intervals, the test against the control, and the guardrail, as computed here', async () => {
    const res = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z', {
      role: 'compliance',
    });
    expect(res.status).toBe(200);
    const byArm = Object.fromEntries(res.body.arms.map((a: { arm: string }) => [a.arm, a]));
    for (const arm of ['control', 'warm'] as const) {
      const n = arms[arm].length;
      const got = byArm[arm];
      const c = counts[arm];
      expect(got.borrowers).toBe(n);
      expect(got.sent).toBe(n);
      const check = (r: { successes: number; trials: number; rate: number; low: number; high: number }, x: number) => {
        expect(r).toMatchObject({ successes: x, trials: n });
        expect(r.rate).toBeCloseTo(x / n, 12);
        const w = wilsonHere(x, n);
        expect(r.low).toBeCloseTo(w.low, 10);
        expect(r.high).toBeCloseTo(w.high, 10);
      };
      check(got.paid['7'], c.pay7);
      check(got.paid['14'], c.pay7 + c.pay14);
      check(got.paid['30'], c.pay7 + c.pay14 + c.pay30);
      check(got.promised['7'], c.promise7);
      check(got.optedOut, c.optOut);
      expect(got.recovered).toEqual({ USD: ((c.pay7 + c.pay14 + c.pay30) * 40).toFixed(2) });
    }
    const warm = byArm.warm;
    const p = twoProportionP(counts.warm.pay7, arms.warm.length, counts.control.pay7, arms.control.length);
    expect(warm.vsControl.paid7.p).toBeCloseTo(p, 4);
    expect(warm.vsControl.paid7.difference).toBeCloseTo(
      counts.warm.pay7 / arms.warm.length - counts.control.pay7 / arms.control.length,
      12,
    );
    expect(warm.vsControl.paid7.significant).toBe(p < 0.05);
    // 1.2 % against 1 % of about a thousand each is no significant rise: the guardrail stays down.
    expect(warm.guardrail).toBe(false);
    expect(res.body.sentences[0]).toMatch(
      /^warm: \d+\.\d % paid within 7 days \(\d+\.\d–\d+\.\d\) vs control \d+\.\d % \(\d+\.\d–\d+\.\d\), difference (not )?significant \(p = [\d.]+\); opt-outs no higher\.$/,
    );
    const zh = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z&lang=zh', {
      role: 'compliance',
    });
    expect(zh.body.sentences[0]).toMatch(/7 天内还款/);
    const csv = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z&format=csv', {
      role: 'compliance',
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((csv.body as string).split('\r\n')[0]).toMatch(
      /^experiment,arm,control,borrowers,sent,delivered,paid7,paid7Low,paid7High/,
    );
  });

  it('attributes payments to the last message in the window, per template, channel and stage', async () => {
    const res = await h.api('GET', '/v1/outcomes/templates?from=2000-01-01T00:00:00Z', { role: 'compliance' });
    expect(res.status).toBe(200);
    expect(res.body.attributionWindowDays).toBe(7);
    const by = Object.fromEntries(res.body.items.map((g: { template: string }) => [g.template, g]));
    // Only payments within 7 days of the message are attributed to it.
    expect(by['gentle-overdue'].paymentsLastTouch.successes).toBe(counts.control.pay7);
    expect(by['gentle-overdue-warm'].paymentsLastTouch.successes).toBe(counts.warm.pay7);
    expect(by['gentle-overdue'].messages).toBe(arms.control.length);
    expect(by['gentle-overdue'].recoveredLastTouch).toEqual({ USD: (counts.control.pay7 * 40).toFixed(2) });

    // The periodic review: the same population, in five figures.
    const review = await h.api('GET', '/v1/outcomes/review', { role: 'compliance' });
    const paid = (['control', 'warm'] as const).reduce(
      (n, a) => n + counts[a].pay7 + counts[a].pay14 + counts[a].pay30,
      0,
    );
    expect(review.body.recovered).toMatchObject({ payments: paid, amounts: { USD: (paid * 40).toFixed(2) } });
    expect(review.body.sent.reduce((n: number, s: { messages: number }) => n + s.messages, 0)).toBe(N);
    expect(review.body.relationship.optOuts).toBe(counts.control.optOut + counts.warm.optOut);
    expect(review.body.experiments[0]).toMatchObject({ id: 'warm-wording', borrowers: N, guardrail: false });
    const csv = await h.api('GET', '/v1/outcomes/review?format=csv', { role: 'compliance' });
    expect((csv.body as string).split('\r\n')[0]).toBe('section,item,value,detail');
    expect(csv.body as string).toContain(`recovered,payments,${paid}`);
  });

  it('refuses bad outcomes naming the field, changes nothing on a repeat, and resolves a borrower paid in full', async () => {
    const n = arms.control[arms.control.length - 1]!;
    const pay = (body: Record<string, unknown>, ref = account(n)) =>
      h.api('POST', `/v1/accounts/${ref}/payments`, {
        body: {
          id: 'bad',
          amount: '10.00',
          currency: 'USD',
          paidAt: new Date().toISOString(),
          kind: 'partial',
          ...body,
        },
      });
    expect((await pay({ currency: 'EUR' })).body.errors[0].path).toBe('currency');
    expect((await pay({ amount: '-5.00' })).body.errors[0].path).toBe('amount');
    expect((await pay({ amount: '0' })).body.errors[0].path).toBe('amount');
    expect((await pay({ amount: '1,000' })).body.errors[0].path).toBe('amount');
    expect((await pay({ paidAt: new Date(Date.now() + DAY).toISOString() })).body.errors[0].path).toBe('paidAt');
    const unknown = await pay({}, '4999999999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].path).toBe('accountRef');
    const again = await h.api('POST', `/v1/accounts/${account(arms.control[0]!)}/payments`, {
      body: {
        id: `pay-${arms.control[0]}`,
        amount: '40.00',
        currency: 'USD',
        paidAt: new Date(Date.now() - 17 * DAY).toISOString(),
        kind: 'partial',
      },
    });
    expect(again.status).toBe(409);
    const plan = {
      id: `plan-${n}`,
      kind: 'plan',
      promisedFor: PROMISED_FOR,
      agreedAt: new Date().toISOString(),
      amount: '40.00',
      currency: 'USD',
    };
    const promised = await h.api('POST', `/v1/accounts/${account(n)}/promises`, { body: plan });
    expect(promised.status).toBe(201);
    expect(promised.body).toEqual({
      ...plan,
      accountRef: account(n),
      tenant: 'default',
      createdAt: expect.any(String),
      repeated: false,
    });
    const full = { id: 'full-1', amount: '120.50', currency: 'USD', paidAt: new Date().toISOString(), kind: 'full' };
    const first = await h.api('POST', `/v1/accounts/${account(n)}/payments`, { body: full });
    expect(first.status).toBe(201);
    // Read back as posted: the same fields and values, with the account, tenant and when it was recorded.
    expect(first.body).toEqual({
      ...full,
      paidAt: new Date(full.paidAt).toISOString(),
      accountRef: account(n),
      tenant: 'default',
      createdAt: expect.any(String),
      resolved: true,
      cancelled: expect.any(Array),
      repeated: false,
    });
    const repeat = await h.api('POST', `/v1/accounts/${account(n)}/payments`, { body: full });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ ...first.body, resolved: undefined, cancelled: undefined, repeated: true });
    // A resolved account has nothing left to promise.
    const late = await h.api('POST', `/v1/accounts/${account(n)}/promises`, {
      body: { id: `late-${n}`, kind: 'promise', promisedFor: PROMISED_FOR },
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ path: 'accountRef' })]);
    const timeline = await h.api('GET', `/v1/borrowers/p-${n}/timeline`, { role: 'compliance' });
    const types = timeline.body.items.map((i: { type: string }) => i.type);
    expect(types.filter((t: string) => t === 'payment.reported')).toHaveLength(1);
    expect(types).toContain('borrower.resolved');
    expect(timeline.body.borrower.status).toBe('resolved');
    // The experiment is unknown to a request that names another.
    const other = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ experiment: 'nope', template: undefined }),
    });
    expect(other.body.errors[0]).toMatchObject({ path: 'experiment' });
  });
});

describe('an experiments file with a mistake', () => {
  it('stops the start naming the field: weights, a missing template, different required elements', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-exp-bad-'));
    const start = (experiments: unknown[]) => {
      fs.writeFileSync(path.join(dir, 'e.json'), JSON.stringify({ experiments }));
      return startHarness({ db: dbVariants()[0]!, env: { EXPERIMENTS_FILE: path.join(dir, 'e.json') } });
    };
    try {
      await expect(
        start([{ ...EXPERIMENT, arms: [EXPERIMENT.arms[0], { ...EXPERIMENT.arms[1], weight: 40 }] }]),
      ).rejects.toThrow(/experiments\.0\.arms: the weights add up to 90, not 100/);
      await expect(
        start([{ ...EXPERIMENT, arms: [EXPERIMENT.arms[0], { ...EXPERIMENT.arms[1], template: 'no-such' }] }]),
      ).rejects.toThrow(/arms\.1\.template: unknown template "no-such"/);
      // payment-received says how to opt out but not how to pay; gentle-overdue says both.
      await expect(
        start([{ ...EXPERIMENT, arms: [EXPERIMENT.arms[0], { ...EXPERIMENT.arms[1], template: 'payment-received' }] }]),
      ).rejects.toThrow(
        /arms\.1\.template: .*payment-received.* differs from the control's .* in required elements \(lacks how to pay or agree a plan/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the same borrower in the same arm', () => {
  it(
    'after a restart, in another process, and in a cadence step that names the experiment',
    { timeout: 120_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-exp-arm-'));
      const experiments = path.join(dir, 'experiments.json');
      fs.writeFileSync(experiments, JSON.stringify({ experiments: [EXPERIMENT] }));
      const strategy = {
        ...DEFAULT_STRATEGY,
        cadences: {
          ...DEFAULT_STRATEGY.cadences,
          early: [{ template: 'gentle-overdue', channel: 'sms', day: 1, experiment: EXPERIMENT.id }],
        },
      };
      fs.writeFileSync(path.join(dir, 'strategy.json'), JSON.stringify(strategy));
      const env = { EXPERIMENTS_FILE: experiments };
      const ids = Array.from({ length: 20 }, (_, i) => `s-${i}`);
      const post = async (api: Harness['api'], round: string) => {
        for (const id of ids) {
          const res = await api('POST', '/v1/reminders', {
            body: {
              ...reminderBody({ experiment: EXPERIMENT.id, template: undefined }, { id }),
              externalId: `${round}-${id}`,
            },
          });
          expect(res.status).toBe(202);
        }
      };
      let h = await startHarness({ db: dbVariants()[0]!, env });
      let child;
      try {
        await post(h.api, 'first');
        await h.close();
        h = await startHarness({ db: dbVariants()[0]!, env, reuse: h });
        await post(h.api, 'after-restart');
        child = await spawnService(
          'api',
          prepareRun({
            db: dbVariants()[0]!,
            reuse: h,
            env: { ...env, STRATEGY_FILE: path.join(dir, 'strategy.json') },
          }),
        );
        for (const id of ids) {
          const res = await child.api('POST', `/v1/accounts/acct-${id}/overdue`, {
            body: { borrowerId: id, debt: { ...reminderBody().debt, accountRef: `acct-${id}`, daysOverdue: 1 } },
          });
          expect(res.status, JSON.stringify(res.body)).toBe(202);
        }
        for (const id of ids) {
          const list = await h.api('GET', `/v1/audit/messages?borrowerId=${id}`, { role: 'compliance' });
          expect(list.body.items).toHaveLength(3);
          expect(new Set(list.body.items.map((m: { experiment: { arm: string } }) => m.experiment.arm))).toEqual(
            new Set([expectedArm(id)]),
          );
        }
      } finally {
        if (child && child.child.exitCode === null) child.child.kill('SIGTERM');
        await h.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
