/**
 * The promise-kept rate in the reports (issue 29, item 5), on a known population: 24 borrowers in
 * the warm-wording experiment reminded through the real pipeline; a quarter promise and pay in
 * time (kept), a quarter promise and never pay (broken once the service's clock passes the date
 * and its grace day), a quarter promise for a date still ahead (pending), a quarter promise
 * nothing. Another tenant's borrower breaks a promise too. The experiment report (per arm), the
 * template report (per template, channel and stage) and the periodic review (the kept rate of the
 * promises decided in the period, the broken ones listed, tenant-scoped) are held to figures and
 * Wilson intervals computed here. Real Redis, the real store (SQLite and PostgreSQL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { expectedWarmWordingArm, WARM_WORDING, wilsonHere } from '../support/experiments.js';
import { ACME_TENANT } from '../support/tenants.js';
import { waitFor } from '../support/wait.js';

const DAY = 86_400_000;
const N = 24;
const EXPERIMENT = WARM_WORDING;
type Arm = 'control' | 'warm';
type Fate = 'kept' | 'broken' | 'pending' | 'none';
const FATES: Fate[] = ['kept', 'broken', 'pending', 'none'];

type RateBody = { successes: number; trials: number; rate: number; low: number; high: number };
function expectRate(r: RateBody, kept: number, decided: number) {
  expect(r).toMatchObject({ successes: kept, trials: decided });
  expect(r.rate).toBeCloseTo(decided ? kept / decided : 0, 12);
  const w = decided ? wilsonHere(kept, decided) : { low: 0, high: 0 };
  expect(r.low).toBeCloseTo(w.low, 10);
  expect(r.high).toBeCloseTo(w.high, 10);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const account = (n: number) => `5222${String(n).padStart(12, '0')}`;
const fateOf = (n: number): Fate => FATES[n % 4]!;

describe.each(dbVariants())('the promise-kept rate in the reports on $name', (variant) => {
  let h: Harness;
  let dir: string;
  // The service's clock, moved forward past the broken promises' deadline.
  let offset = 0;
  const keys = { defaultCompliance: '', acmeCompliance: '', acmeCollector: '' };
  const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, role: null });
  /** Per arm: the borrowers of each fate. */
  const tally: Record<Arm, Record<Fate, number[]>> = {
    control: { kept: [], broken: [], pending: [], none: [] },
    warm: { kept: [], broken: [], pending: [], none: [] },
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-kept-rate-'));
    fs.writeFileSync(path.join(dir, 'experiments.json'), JSON.stringify({ experiments: [EXPERIMENT] }));
    h = await startHarness({
      db: variant,
      env: {
        EXPERIMENTS_FILE: path.join(dir, 'experiments.json'),
        PROMISE_GRACE_DAYS: '1',
        PLAN_MISSED_LIMIT: '1',
        FEED_EVERY_MS: '200',
      },
      service: { clock: { now: () => new Date(Date.now() + offset) } },
    });
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME_TENANT })).status).toBe(201);
    const key = async (role: 'compliance' | 'collector', tenant: string) =>
      (await h.service.store.apiKeys.create(role, `${tenant} ${role}`, new Date(), tenant)).token;
    keys.defaultCompliance = await key('compliance', 'default');
    keys.acmeCompliance = await key('compliance', 'acme');
    keys.acmeCollector = await key('collector', 'acme');

    const reminders = Array.from({ length: N }, (_, n) => {
      const body = reminderBody(
        { experiment: EXPERIMENT.id, template: undefined, channel: 'sms' },
        { id: `kr-${n}`, phone: `+1415${String(7_100_000 + n).padStart(7, '0')}`, timezone: 'UTC' },
      );
      return { ...body, externalId: `kept-rate-${n}`, debt: { ...body.debt, accountRef: account(n) } };
    });
    const batch = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.accepted).toBe(N);
    const acmeFirst = await h.api('POST', '/v1/reminders', {
      ...as(keys.acmeCollector),
      body: {
        ...reminderBody({}, { id: 'b1', phone: '+14155550991', timezone: 'UTC' }),
        debt: { ...reminderBody().debt, accountRef: 'ACME-KEPT-1' },
      },
    });
    expect(acmeFirst.status, JSON.stringify(acmeFirst.body)).toBe(202);
    await waitFor(
      async () => {
        const r = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z', {
          role: 'compliance',
        });
        return r.body.arms.reduce((n: number, a: { sent: number }) => n + a.sent, 0) === N || undefined;
      },
      { what: 'every experiment message to be sent', timeoutMs: 60_000 },
    );
    await waitFor(
      async () => (await h.service.store.getMessage(acmeFirst.body.messages[0].id))?.status === 'sent' || undefined,
      { what: 'Acme’s text to be sent' },
    );

    // The promises, after the texts: kept and broken for the day after tomorrow, pending for three weeks ahead.
    const soon = day(Date.now() + 2 * DAY);
    const later = day(Date.now() + 21 * DAY);
    for (let n = 0; n < N; n++) {
      const fate = fateOf(n);
      tally[expectedWarmWordingArm(`kr-${n}`)][fate].push(n);
      if (fate === 'none') continue;
      // One in each fate is a plan of two instalments (kept: both paid; broken: the first missed).
      const plan = n % 8 < 4;
      const r = await h.api('POST', `/v1/accounts/${account(n)}/promises`, {
        body: plan
          ? {
              id: `kr-promise-${n}`,
              kind: 'plan',
              instalments: [
                { dueDate: fate === 'pending' ? later : soon, amount: '30.00' },
                { dueDate: day(Date.now() + 28 * DAY), amount: '20.00' },
              ],
              currency: 'USD',
            }
          : {
              id: `kr-promise-${n}`,
              kind: 'promise',
              promisedFor: fate === 'pending' ? later : soon,
              amount: '50.00',
              currency: 'USD',
            },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (fate === 'kept') {
        const paid = await h.api('POST', `/v1/accounts/${account(n)}/payments`, {
          body: {
            id: `kr-pay-${n}`,
            amount: '50.00',
            currency: 'USD',
            paidAt: new Date(Date.now() + offset).toISOString(),
            kind: 'partial',
          },
        });
        expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      }
    }
    const acmePromise = await h.api('POST', '/v1/accounts/ACME-KEPT-1/promises', {
      ...as(keys.acmeCollector),
      body: { id: 'acme-promise-1', kind: 'promise', promisedFor: soon, amount: '10.00', currency: 'USD' },
    });
    expect(acmePromise.status, JSON.stringify(acmePromise.body)).toBe(201);

    // Four days on: past the date and its grace day, the unpaid promises are broken by the watcher.
    offset = 4 * DAY;
    const broken = tally.control.broken.length + tally.warm.broken.length + 1;
    await waitFor(
      async () =>
        (await h.api('GET', '/v1/outcomes/review', { role: 'compliance' })).body.promises.broken === broken ||
        undefined,
      { what: 'the unpaid promises to be broken', timeoutMs: 30_000 },
    );
  }, 180_000);
  afterAll(async () => {
    await h?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives each arm its promises made, those pending, and the kept rate of the decided ones with its interval', async () => {
    const res = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z', {
      role: 'compliance',
    });
    expect(res.status).toBe(200);
    for (const arm of ['control', 'warm'] as const) {
      const got = res.body.arms.find((a: { arm: string }) => a.arm === arm);
      const t = tally[arm];
      expect(got.promisesMade).toBe(t.kept.length + t.broken.length + t.pending.length);
      // Pending promises wait for their date: not broken, not in the rate.
      expect(got.promisesPending).toBe(t.pending.length);
      expectRate(got.promiseKept, t.kept.length, t.kept.length + t.broken.length);
    }
    const csv = await h.api('GET', '/v1/outcomes/experiments/warm-wording?from=2000-01-01T00:00:00Z&format=csv', {
      role: 'compliance',
    });
    expect((csv.body as string).split('\r\n')[0]).toMatch(
      /,promisesMade,promisesPending,promisesKept,promisesDecided,promiseKeptRate,promiseKeptLow,promiseKeptHigh$/,
    );
  });

  it('gives each template, channel and stage the kept rate of the promises it was the last touch of', async () => {
    const res = await h.api('GET', '/v1/outcomes/templates?from=2000-01-01T00:00:00Z', as(keys.defaultCompliance));
    expect(res.status).toBe(200);
    const templateOf: Record<Arm, string> = { control: 'gentle-overdue', warm: 'gentle-overdue-warm' };
    for (const arm of ['control', 'warm'] as const) {
      const g = res.body.items.find(
        (x: { template: string; channel: string }) => x.template === templateOf[arm] && x.channel === 'sms',
      );
      const t = tally[arm];
      expect(g.stage).toBeNull();
      expect(g.promisesMade).toBe(t.kept.length + t.broken.length + t.pending.length);
      expect(g.promisesPending).toBe(t.pending.length);
      expectRate(g.promiseKept, t.kept.length, t.kept.length + t.broken.length);
    }
    // The promises' own texts (courtesy, thank-you, "we missed your payment") came after them: the last touch of none.
    for (const g of res.body.items.filter((x: { template: string }) => x.template.startsWith('promise-')))
      expect(g.promisesMade).toBe(0);
  });

  it('reviews the promises decided in the period: the kept rate, and the broken ones of the tenant with account and borrower', async () => {
    const kept = tally.control.kept.length + tally.warm.kept.length;
    const brokenHere = [...tally.control.broken, ...tally.warm.broken].sort((a, b) => a - b);
    const mine = await h.api('GET', '/v1/outcomes/review', as(keys.defaultCompliance));
    expect(mine.status).toBe(200);
    expectRate(mine.body.promises.kept, kept, kept + brokenHere.length);
    expect(mine.body.promises.broken).toBe(brokenHere.length);
    expect(mine.body.promises.brokenListComplete).toBe(true);
    const listed = [...mine.body.promises.brokenList].sort((a: { borrowerId: string }, b: { borrowerId: string }) =>
      a.borrowerId.localeCompare(b.borrowerId, 'en', { numeric: true }),
    );
    expect(listed).toEqual(
      brokenHere.map((n) =>
        expect.objectContaining({
          promiseId: `kr-promise-${n}`,
          tenant: 'default',
          accountRef: account(n),
          borrowerId: `kr-${n}`,
          kind: n % 8 < 4 ? 'plan' : 'promise',
          misses: 1,
        }),
      ),
    );
    for (const b of listed) expect(Date.parse(b.brokenAt) - Date.parse(b.agreedAt)).toBeGreaterThan(DAY);
    // The period is when they were decided: a period that ended before the clock moved holds only the kept ones.
    const before = await h.api(
      'GET',
      `/v1/outcomes/review?to=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`,
      as(keys.defaultCompliance),
    );
    expectRate(before.body.promises.kept, kept, kept);
    expect(before.body.promises.brokenList).toEqual([]);

    // Acme's key sees Acme's broken promise only, under the borrower id Acme knows.
    const acme = await h.api('GET', '/v1/outcomes/review', as(keys.acmeCompliance));
    expect(acme.body.promises.broken).toBe(1);
    expectRate(acme.body.promises.kept, 0, 1);
    expect(acme.body.promises.brokenList).toEqual([
      expect.objectContaining({
        promiseId: 'acme-promise-1',
        tenant: 'acme',
        accountRef: 'ACME-KEPT-1',
        borrowerId: 'b1',
      }),
    ]);
    // A deployment-wide key sees both tenants'.
    const all = await h.api('GET', '/v1/outcomes/review', { role: 'compliance' });
    expect(all.body.promises.broken).toBe(brokenHere.length + 1);

    const csv = await h.api('GET', '/v1/outcomes/review?format=csv', as(keys.defaultCompliance));
    const text = csv.body as string;
    expect(text).toContain(`promises,broken,${brokenHere.length}`);
    expect(text).toContain(
      `broken promise,kr-promise-${brokenHere[0]},1,"account ${account(brokenHere[0]!)}, borrower kr-${brokenHere[0]}`,
    );
  });
});
