/**
 * Outcomes: POST /v1/accounts/:accountRef/payments and …/promises (collector) record what the
 * collection system saw; GET /v1/outcomes/experiments/:id and /v1/outcomes/templates (compliance,
 * admin) report what reminders recovered and what they cost the relationship, with intervals and
 * tests (docs/outcomes.md); GET /v1/outcomes/reach how many messages arrived, per tenant and channel
 * (docs/reach.md). The reports are the tenant's own, like every other read.
 */
import type { OutcomesRouteStore } from '../../store/ports.js';
import type { Outcome } from '../../store/outcomes.repo.js';
import { stringify } from 'csv-stringify/sync';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import type { Experiment } from '../../policy/experiments.js';
import type { Rate } from '../../policy/experiment-stats.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import {
  experimentFromCounts,
  type ExperimentResult,
  type GroupResult,
  groupsFromCounts,
  RATE_DAYS,
} from '../../policy/outcome-report.js';
import { reachFromCounts, type ReachReport } from '../../policy/reach-report.js';
import type { ResolveBorrower } from './borrowers.routes.js';
import type { HoldActions } from './holds.routes.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { Money } from '../../schemas/request.schemas.js';
import { decimalOf, MAX_INSTALMENTS, unitsOf } from '../../policy/promises.js';
import type { Promises } from '../../services/promises.js';
import { accountRefParam, actingTenant, tenantFilter, type TenantDirectory } from './tenancy.js';
import {
  type PeriodReview,
  periodReview,
  type PeriodReviewPorts,
} from '../../usecases/period-review/period-review.usecase.js';
import {
  recordPayment,
  type RecordPaymentPorts,
  type RecordPaymentResult,
} from '../../usecases/record-payment/record-payment.usecase.js';
import {
  recordPromise,
  type RecordPromisePorts,
  type RecordPromiseResult,
} from '../../usecases/record-promise/record-promise.usecase.js';

const OutcomeId = z.string().min(1).max(100);
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone' });
/**
 * An outcome's amount: more than 0, at most 12 digits before the point and 4 after. The reports add
 * amounts exactly in units of 1/10,000; this bound keeps any one of them far inside what both stores sum.
 */
export const OutcomeAmount = z
  .string({
    error: (iss) =>
      iss.input === undefined ? 'required' : `must be a decimal string such as "1234.50", not a ${typeof iss.input}`,
  })
  .regex(
    /^\d{1,12}(\.\d{1,4})?$/,
    'must be a decimal string such as "1234.50": at most 12 digits before the point and 4 after, no sign or separators',
  )
  .refine((a) => /[1-9]/.test(a), 'must be more than 0');
const positive = OutcomeAmount;

export const PaymentInput = z
  .object({
    id: OutcomeId,
    amount: positive,
    currency: Money.shape.currency,
    paidAt: instant,
    kind: z.enum(['full', 'partial']),
  })
  .strict();
const PromiseDate = z.iso.date({ error: 'must be a date such as 2026-12-15' });
export const PromiseInput = z
  .object({
    id: OutcomeId,
    /** A promise to pay, or a payment plan agreed. */
    kind: z.enum(['promise', 'plan']),
    /** The date promised (a plan's first instalment: may be left out when `instalments` say it). */
    promisedFor: PromiseDate.optional(),
    agreedAt: instant.optional(),
    /** A promise's amount; a plan's total (the instalments must add up to it). */
    amount: positive.optional(),
    currency: Money.shape.currency.optional(),
    /** A plan's instalments, ascending by due date, in the currency of the debt (`currency` required). */
    instalments: z
      .array(z.object({ dueDate: PromiseDate, amount: positive }).strict())
      .min(1, 'must name at least one instalment')
      .max(MAX_INSTALMENTS, `must have at most ${MAX_INSTALMENTS} instalments`)
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.promisedFor === undefined && !p.instalments)
      problem('promisedFor', 'required (a plan may give its instalments instead)');
    if (p.instalments) {
      if (p.kind !== 'plan') problem('instalments', 'only a plan has instalments (kind "plan")');
      if (p.currency === undefined) problem('currency', 'required with instalments');
      const first = p.instalments[0]?.dueDate;
      if (p.promisedFor !== undefined && first !== undefined && p.promisedFor !== first)
        problem('promisedFor', `differs from the first instalment's dueDate (${first})`);
      if (p.amount !== undefined) {
        const total = p.instalments.reduce((t, i) => t + unitsOf(i.amount), 0n);
        if (total !== unitsOf(p.amount)) problem('amount', `differs from the instalments' total (${decimalOf(total)})`);
      }
    }
  })
  .meta({ anyOf: [{ required: ['promisedFor'] }, { required: ['instalments'] }] });

export const OutcomesQuery = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    tenant: z.string().max(40).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    lang: z.enum(['en', 'zh']).default('en'),
  })
  .strict();

export interface OutcomesRouteDeps {
  store: OutcomesRouteStore;
  resolveBorrower: ResolveBorrower;
  /** A payment reported ends the borrower's paid-claim holds. */
  holds?: Pick<HoldActions, 'releasePaidClaims'>;
  /** Promises drive the cadence: made when reported, kept by payments (services/promises.ts). */
  promises?: Pick<Promises, 'make' | 'paymentReported'>;
  /** How far ahead a promised date may be (PROMISE_MAX_AHEAD_DAYS). */
  promiseMaxAheadDays?: number;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
  strategyRunner?: StrategyRunner;
  experiments?: { get(id: string): Experiment | undefined; list(): Experiment[] };
  /** Days before an outcome in which a message that reached the borrower is a touch. */
  attributionWindowDays?: number;
  /** Bounds the reports running at once (heavy-read-limit.ts). */
  heavyReadLimit: RequestHandler;
}

/** A payment read back in the shape it was posted in: `kind` full or partial, `paidAt`. */
function presentPayment(o: Outcome) {
  return {
    id: o.id,
    kind: o.full ? ('full' as const) : ('partial' as const),
    amount: o.amount,
    currency: o.currency,
    paidAt: o.at,
    accountRef: o.accountRef,
    tenant: o.tenant,
    createdAt: o.createdAt,
  };
}

/** A promise read back in the shape it was posted in: `kind` promise or plan (the request's: a repeat has the same body), `agreedAt`. */
function presentPromise(o: Outcome, kind: 'promise' | 'plan') {
  return {
    id: o.id,
    kind,
    promisedFor: o.promisedFor,
    agreedAt: o.at,
    amount: o.amount,
    currency: o.currency,
    accountRef: o.accountRef,
    tenant: o.tenant,
    createdAt: o.createdAt,
  };
}

export function outcomesRouter(deps: OutcomesRouteDeps): Router {
  const router = Router();
  const collector = requireRole(deps.keyRing, ['collector']);
  const readers = requireRole(deps.keyRing, ['compliance']);
  // The use cases' ports, from the store and the strategy runner: a promise needs only the outcome operations.
  const counted = {
    findAccount: (tenant: string, accountRef: string) => deps.store.outcomes.accountBorrower(tenant, accountRef),
    recordOutcome: (o: Parameters<RecordPromisePorts['recordOutcome']>[0], now: Date) =>
      deps.store.outcomes.record(o, now),
  };
  const promises = deps.promises;
  const outcomes: RecordPromisePorts = {
    ...counted,
    borrowerStatus: async (id) => (await deps.store.getBorrower(id))?.status,
    ...(promises ? { makePromise: (p) => promises.make(p) } : {}),
    ...(deps.promiseMaxAheadDays ? { maxAheadDays: deps.promiseMaxAheadDays } : {}),
  };
  const payments: RecordPaymentPorts = {
    ...counted,
    ...(promises ? { paymentReported: (tenant, accountRef) => promises.paymentReported(tenant, accountRef) } : {}),
    resolveBorrower: (borrowerId, actor, note) => deps.resolveBorrower(borrowerId, actor, note),
    startThankYou: async (borrower, actor) => {
      if (deps.strategyRunner) await deps.strategyRunner.resolved(borrower, actor);
    },
    ...(deps.holds ? { releasePaidClaims: deps.holds.releasePaidClaims } : {}),
  };

  /** The tenant's account and who acts on it: the path's reference, the key's tenant. */
  const accountOf = async (req: Request) => ({
    accountRef: accountRefParam(req),
    tenant: await actingTenant(req, deps.tenants),
  });
  /** A use case's answer as HTTP: 201 created, 200 a repeat; 400, 404 and 409 name the field. */
  const answer = (res: Response, r: RecordPaymentResult | RecordPromiseResult, extra: Record<string, unknown> = {}) => {
    if (r.kind === 'invalid') throw validationProblem(r.errors);
    if (r.kind === 'unknown-account')
      throw new HttpProblem(
        404,
        'Not found',
        `no account "${r.accountRef}": report outcomes for accounts that have had reminders`,
        { errors: [{ path: 'accountRef', message: 'unknown account' }] },
      );
    if (r.kind === 'conflict')
      throw new HttpProblem(
        409,
        'Outcome id reused',
        'this id was already used for a different outcome of this tenant',
        { errors: [{ path: 'id', message: 'already used with another body' }] },
      );
    res.status(r.kind === 'created' ? 201 : 200).json({ ...extra, repeated: r.kind === 'repeat' });
  };

  router.post('/v1/accounts/:accountRef/payments', collector, async (req: Request, res: Response) => {
    const input = PaymentInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const actor = `api:${req.principal!.keyId}`;
    const r = await recordPayment(payments, deps.clock, { ...(await accountOf(req)), actor, payment: input.data });
    answer(
      res,
      r,
      'outcome' in r
        ? {
            ...presentPayment(r.outcome),
            ...(r.kind === 'created' && r.cancelled ? { resolved: true, cancelled: r.cancelled } : {}),
          }
        : {},
    );
  });

  router.post('/v1/accounts/:accountRef/promises', collector, async (req: Request, res: Response) => {
    const input = PromiseInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const p = { ...input.data, promisedFor: input.data.promisedFor ?? input.data.instalments![0]!.dueDate };
    if (p.instalments === undefined && (p.amount === undefined) !== (p.currency === undefined))
      throw validationProblem([
        { path: p.amount === undefined ? 'amount' : 'currency', message: 'amount and currency go together' },
      ]);
    const r = await recordPromise(outcomes, deps.clock, { ...(await accountOf(req)), promise: p });
    answer(res, r, 'outcome' in r ? presentPromise(r.outcome, p.kind) : {});
  });

  reportRoutes(router, deps, readers);
  return router;
}

function reportRoutes(router: Router, deps: OutcomesRouteDeps, readers: ReturnType<typeof requireRole>): void {
  const heavy = deps.heavyReadLimit;
  const period = (q: z.infer<typeof OutcomesQuery>, now: Date) => ({
    from: q.from ? new Date(q.from).toISOString() : new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    to: q.to ? new Date(q.to).toISOString() : now.toISOString(),
  });
  const queryOf = async (req: Request) => {
    const q = OutcomesQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    return { q: q.data, tenant: await tenantFilter(req, deps.tenants), ...period(q.data, deps.clock.now()) };
  };
  const experimentsFor = (tenant: string | undefined) =>
    (deps.experiments?.list() ?? []).filter((e) => !e.tenants || tenant === undefined || e.tenants.includes(tenant));
  const reviews: PeriodReviewPorts = {
    reviewCounts: (f) => deps.store.outcomes.reviewCounts(f),
    sendStats: (from, to, tenant) => deps.store.audit.stats(from, to, tenant),
    experimentCounts: (f) => deps.store.outcomes.experimentCounts(f),
    experimentsFor,
  };

  router.get('/v1/outcomes/experiments', readers, (req: Request, res: Response) => {
    const own = req.principal!.tenant ?? undefined;
    res.json({
      items: experimentsFor(own).map((e) => ({ id: e.id, description: e.description ?? null, arms: e.arms })),
    });
  });

  router.get('/v1/outcomes/experiments/:id', readers, heavy, async (req: Request, res: Response) => {
    const { q, tenant, from, to } = await queryOf(req);
    const e = deps.experiments?.get(String(req.params.id));
    const own = req.principal!.tenant;
    if (!e || (own !== null && e.tenants && !e.tenants.includes(own)))
      throw new HttpProblem(404, 'Not found', `no experiment "${String(req.params.id).slice(0, 64)}"`);
    const result = experimentFromCounts(
      e,
      await deps.store.outcomes.experimentCounts({ experiment: e.id, tenant, from, to }),
      q.lang,
    );
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`experiment-${e.id}.csv`).send(experimentCsv(result));
      return;
    }
    res.json({ ...result, description: e.description ?? null, tenant: tenant ?? null, from, to });
  });

  router.get('/v1/outcomes/review', readers, heavy, async (req: Request, res: Response) => {
    const { q, tenant, from, to } = await queryOf(req);
    const review = await periodReview(reviews, { tenant, from, to, lang: q.lang });
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`review-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`)
        .send(reviewCsv(review));
      return;
    }
    res.json({ tenant: tenant ?? null, from, to, ...review });
  });

  router.get('/v1/outcomes/reach', readers, heavy, async (req: Request, res: Response) => {
    const { q, tenant, from, to } = await queryOf(req);
    const reach = reachFromCounts(await deps.store.outcomes.reachCounts({ tenant, from, to }));
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`reach-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`)
        .send(reachCsv(reach));
      return;
    }
    res.json({ tenant: tenant ?? null, from, to, ...reach });
  });

  router.get('/v1/outcomes/templates', readers, heavy, async (req: Request, res: Response) => {
    const { q, tenant, from, to } = await queryOf(req);
    const windowDays = deps.attributionWindowDays ?? 7;
    const items = groupsFromCounts(await deps.store.outcomes.groupCounts({ tenant, from, to, windowDays }));
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment('outcomes-by-template.csv').send(groupsCsv(items));
      return;
    }
    res.json({ tenant: tenant ?? null, from, to, attributionWindowDays: windowDays, items });
  });
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The kept-rate columns of a CSV row: promises made, pending, kept and decided, the rate and its interval. */
function promiseColumns(x: { promisesMade: number; promisesPending: number; promiseKept: Rate }) {
  return {
    promisesMade: x.promisesMade,
    promisesPending: x.promisesPending,
    promisesKept: x.promiseKept.successes,
    promisesDecided: x.promiseKept.trials,
    promiseKeptRate: r4(x.promiseKept.rate),
    promiseKeptLow: r4(x.promiseKept.low),
    promiseKeptHigh: r4(x.promiseKept.high),
  };
}

function reviewCsv(r: PeriodReview): string {
  const lines: Array<Record<string, string | number>> = [
    ...r.sent.map((s) => ({
      section: 'sent',
      item: `${s.stage} ${s.channel}`,
      value: s.messages,
      detail: `${s.delivered} delivered`,
    })),
    {
      section: 'recovered',
      item: 'payments',
      value: r.recovered.payments,
      detail: Object.entries(r.recovered.amounts)
        .map(([c, v]) => `${v} ${c}`)
        .join('; '),
    },
    { section: 'recovered', item: 'promises', value: r.recovered.promises, detail: '' },
    { section: 'relationship', item: 'opt-outs', value: r.relationship.optOuts, detail: '' },
    { section: 'relationship', item: 'STOPs', value: r.relationship.stops, detail: '' },
    {
      section: 'relationship',
      item: 'replies',
      value: r.relationship.replies,
      detail: 'texts that are not a keyword: read them for complaints',
    },
    {
      section: 'promises',
      item: 'kept rate',
      value: r4(r.promises.kept.rate),
      detail: `${r.promises.kept.successes} of ${r.promises.kept.trials} decided kept (95 % ${r4(r.promises.kept.low)}–${r4(r.promises.kept.high)})`,
    },
    { section: 'promises', item: 'broken', value: r.promises.broken, detail: '' },
    ...r.promises.brokenList.map((b) => ({
      section: 'broken promise',
      item: b.promiseId,
      value: b.misses,
      detail: `account ${b.accountRef}, borrower ${b.borrowerId}${b.tenant === DEFAULT_TENANT ? '' : ` (${b.tenant})`}, ${b.kind} agreed ${b.agreedAt}, broken ${b.brokenAt}`,
    })),
    ...reachLines(r.reach),
    ...r.heldBack.map((h) => ({ section: 'held back', item: h.reason, value: h.n, detail: '' })),
    ...r.experiments.map((e) => ({
      section: 'experiment',
      item: e.id,
      value: e.borrowers,
      detail: `${e.guardrail ? 'GUARDRAIL: ' : ''}${e.sentences.join(' ')}`,
    })),
  ];
  return stringify(lines, { header: true, columns: ['section', 'item', 'value', 'detail'], record_delimiter: '\r\n' });
}

/** The review's reach rows: per tenant and channel, the reach rate and what it is made of. */
function reachLines(reach: ReachReport): Array<Record<string, string | number>> {
  const fallbacks = reach.fallbacks.map((f) => ({
    section: 'fallback',
    item: `${f.tenant} ${f.from} to ${f.to}`,
    value: f.taken,
    detail: `${f.delivered} of ${f.handedOver} handed over delivered (${r4(f.reach.rate)}, 95 % ${r4(f.reach.low)}–${r4(f.reach.high)})`,
  }));
  return reach.items
    .map((i) => ({
      section: 'reach',
      item: `${i.tenant} ${i.channel}`,
      value: r4(i.reach.rate),
      detail:
        `${i.delivered} of ${i.handedOver} handed over delivered (95 % ${r4(i.reach.low)}–${r4(i.reach.high)}); ` +
        `${i.undelivered} undelivered, ${i.failed} failed` +
        (i.channel === 'email' ? `, ${i.bounced.hard} bounced hard, ${i.bounced.soft} soft` : '') +
        (i.reasons.length ? `; ${i.reasons.map((x) => `${x.code ?? 'no code'} ${x.reason}: ${x.n}`).join('; ')}` : ''),
    }))
    .concat(fallbacks);
}

/** The reach report as CSV: a row per tenant and channel, then per tenant (`all`); the reasons in one column. */
function reachCsv(reach: ReachReport): string {
  const rows = [...reach.items, ...reach.tenants].map((i) => ({
    tenant: i.tenant,
    channel: i.channel,
    handedOver: i.handedOver,
    delivered: i.delivered,
    awaiting: i.awaiting,
    notAnswered: i.notAnswered,
    undelivered: i.undelivered,
    failed: i.failed,
    failedUnsent: i.failedUnsent,
    bouncedHard: i.bounced.hard,
    bouncedSoft: i.bounced.soft,
    reachRate: r4(i.reach.rate),
    reachLow: r4(i.reach.low),
    reachHigh: r4(i.reach.high),
    reasons: i.reasons.map((x) => `${x.status} ${x.code ?? '-'} (${x.reason}): ${x.n}`).join('; '),
  }));
  return stringify(rows, {
    header: true,
    columns: [
      'tenant',
      'channel',
      'handedOver',
      'delivered',
      'awaiting',
      'notAnswered',
      'undelivered',
      'failed',
      'failedUnsent',
      'bouncedHard',
      'bouncedSoft',
      'reachRate',
      'reachLow',
      'reachHigh',
      'reasons',
    ],
    record_delimiter: '\r\n',
  });
}

function experimentCsv(result: ExperimentResult): string {
  const rows = result.arms.map((a) => ({
    experiment: result.experiment,
    arm: a.arm,
    control: a.control,
    borrowers: a.borrowers,
    sent: a.sent,
    delivered: a.delivered,
    ...Object.fromEntries(
      RATE_DAYS.flatMap((d) => [
        [`paid${d}`, r4(a.paid[d].rate)],
        [`paid${d}Low`, r4(a.paid[d].low)],
        [`paid${d}High`, r4(a.paid[d].high)],
      ]),
    ),
    ...Object.fromEntries(RATE_DAYS.map((d) => [`promised${d}`, r4(a.promised[d].rate)])),
    optedOut: r4(a.optedOut.rate),
    stopped: r4(a.stopped.rate),
    replied: r4(a.replied.rate),
    recovered: Object.entries(a.recovered)
      .map(([c, v]) => `${v} ${c}`)
      .join('; '),
    paid7Difference: a.vsControl ? r4(a.vsControl.paid7.difference) : '',
    paid7P: a.vsControl ? r4(a.vsControl.paid7.p) : '',
    guardrail: a.guardrail,
    ...promiseColumns(a),
  }));
  return stringify(rows, { header: true, record_delimiter: '\r\n' });
}

function groupsCsv(items: GroupResult[]): string {
  const rows = items.map((g) => ({
    template: g.template,
    channel: g.channel,
    stage: g.stage ?? '',
    messages: g.messages,
    delivered: g.delivered,
    borrowers: g.borrowers,
    paymentsLastTouch: g.paymentsLastTouch.successes,
    paymentRate: r4(g.paymentsLastTouch.rate),
    paymentRateLow: r4(g.paymentsLastTouch.low),
    paymentRateHigh: r4(g.paymentsLastTouch.high),
    paymentsAnyTouch: g.paymentsAnyTouch,
    promisesLastTouch: g.promisesLastTouch.successes,
    recoveredLastTouch: Object.entries(g.recoveredLastTouch)
      .map(([c, v]) => `${v} ${c}`)
      .join('; '),
    optedOut: r4(g.optedOut.rate),
    ...promiseColumns(g),
    bouncedHard: g.bounced.hard,
    bouncedSoft: g.bounced.soft,
  }));
  return stringify(rows, { header: true, record_delimiter: '\r\n' });
}

export type { OutcomesRouteStore };
