/**
 * Outcomes: POST /v1/accounts/:accountRef/payments and …/promises (collector) record what the
 * collection system saw; GET /v1/outcomes/experiments/:id and /v1/outcomes/templates (compliance,
 * admin) report what reminders recovered and what they cost the relationship, with intervals and
 * tests (docs/outcomes.md). The reports are the tenant's own, like every other read.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';
import { stringify } from 'csv-stringify/sync';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import type { Clock } from '../domain/clock.js';
import type { Experiment } from '../policy/experiments.js';
import {
  addAmount,
  amountsOf,
  experimentFromCounts,
  type ExperimentResult,
  type GroupResult,
  groupsFromCounts,
  RATE_DAYS,
} from '../policy/outcome-report.js';
import { resolveBorrower } from '../scheduler/borrower-actions.js';
import type { DispatchQueues } from '../scheduler/dispatch-queues.js';
import type { StrategyRunner } from '../scheduler/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { Money } from './schemas.js';
import { accountRefParam, actingTenant, tenantFilter, type TenantDirectory } from './tenancy.js';

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
export const PromiseInput = z
  .object({
    id: OutcomeId,
    /** A promise to pay, or a payment plan agreed. */
    kind: z.enum(['promise', 'plan']),
    /** The date promised (a plan's first instalment). */
    promisedFor: z.iso.date({ error: 'must be a date such as 2026-12-15' }),
    agreedAt: instant.optional(),
    amount: positive.optional(),
    currency: Money.shape.currency.optional(),
  })
  .strict();

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
  store: AuditStore;
  queues: DispatchQueues;
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

/** How far back an outcome may be dated: the 3 years records are kept (docs/compliance.md); older is a typo or a backfill the reports cannot attribute. */
export const OUTCOME_MAX_AGE_DAYS = 3 * 366;
/** Clocks disagree: an outcome a few minutes ahead of ours is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A reported time (a payment's `paidAt`, a promise's `agreedAt`) is not in the future and not older than OUTCOME_MAX_AGE_DAYS. */
function checkReportedAt(at: string, now: Date, field: string): void {
  const t = Date.parse(at);
  if (t > now.getTime() + CLOCK_SKEW_MS)
    throw validationProblem([{ path: field, message: 'is in the future: report what has happened' }]);
  if (t < now.getTime() - OUTCOME_MAX_AGE_DAYS * 86_400_000)
    throw validationProblem([{ path: field, message: `is more than ${OUTCOME_MAX_AGE_DAYS} days ago` }]);
}

const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(canonicalJson(body) ?? '')
    .digest('hex');

export function outcomesRouter(deps: OutcomesRouteDeps): Router {
  const router = Router();
  const collector = requireRole(deps.keyRing, ['collector']);
  const readers = requireRole(deps.keyRing, ['compliance']);

  /** The tenant's account, or 404 naming the field (another tenant's account does not exist either). */
  const accountOf = async (req: Request) => {
    const accountRef = accountRefParam(req);
    const tenant = await actingTenant(req, deps.tenants);
    const found = await deps.store.outcomes.accountBorrower(tenant, accountRef);
    if (!found)
      throw new HttpProblem(
        404,
        'Not found',
        `no account "${accountRef}": report outcomes for accounts that have had reminders`,
        { errors: [{ path: 'accountRef', message: 'unknown account' }] },
      );
    return { accountRef, tenant, ...found };
  };
  const answer = (
    res: Response,
    r: Awaited<ReturnType<AuditStore['outcomes']['record']>>,
    extra: Record<string, unknown> = {},
  ) => {
    if (r.kind === 'conflict')
      throw new HttpProblem(
        409,
        'Outcome id reused',
        'this id was already used for a different outcome of this tenant',
        { errors: [{ path: 'id', message: 'already used with another body' }] },
      );
    res
      .status(r.kind === 'created' ? 201 : 200)
      .json({ ...r.outcome, borrowerId: undefined, repeated: r.kind === 'repeat', ...extra });
  };

  router.post('/v1/accounts/:accountRef/payments', collector, async (req: Request, res: Response) => {
    const input = PaymentInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const p = input.data;
    const now = deps.clock.now();
    checkReportedAt(p.paidAt, now, 'paidAt');
    const account = await accountOf(req);
    if (account.currency && p.currency !== account.currency)
      throw validationProblem([
        { path: 'currency', message: `the account's debt is in ${account.currency}, not ${p.currency}` },
      ]);
    const actor = `api:${req.principal!.keyId}`;
    const r = await deps.store.outcomes.record(
      {
        kind: 'payment',
        tenant: account.tenant,
        accountRef: account.accountRef,
        borrowerId: account.borrowerId,
        callerId: p.id,
        amount: p.amount,
        currency: p.currency,
        full: p.kind === 'full',
        at: new Date(p.paidAt).toISOString(),
        promisedFor: null,
        requestHash: hashOf(p),
      },
      now,
    );
    // Paid in full: the borrower is resolved as by POST /v1/borrowers/:id/resolve (once). A repeat of the same
    // payment (a client retrying after an error) finishes what the first may have left undone: both steps are idempotent.
    let cancelled: string[] = [];
    if (r.kind !== 'conflict' && p.kind === 'full') {
      const resolved = await resolveBorrower(deps, account.borrowerId, actor, `paid in full (${p.id})`);
      cancelled = resolved?.cancelled ?? [];
      if (resolved && (!resolved.alreadyResolved || r.kind === 'repeat') && deps.strategyRunner)
        await deps.strategyRunner.resolved(resolved.borrower, actor);
    }
    answer(res, r, r.kind === 'created' && p.kind === 'full' ? { resolved: true, cancelled } : {});
  });

  router.post('/v1/accounts/:accountRef/promises', collector, async (req: Request, res: Response) => {
    const input = PromiseInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const p = input.data;
    if ((p.amount === undefined) !== (p.currency === undefined))
      throw validationProblem([
        { path: p.amount === undefined ? 'amount' : 'currency', message: 'amount and currency go together' },
      ]);
    const now = deps.clock.now();
    if (p.agreedAt !== undefined) checkReportedAt(p.agreedAt, now, 'agreedAt');
    const account = await accountOf(req);
    if (p.currency && account.currency && p.currency !== account.currency)
      throw validationProblem([
        { path: 'currency', message: `the account's debt is in ${account.currency}, not ${p.currency}` },
      ]);
    const r = await deps.store.outcomes.record(
      {
        kind: 'promise',
        tenant: account.tenant,
        accountRef: account.accountRef,
        borrowerId: account.borrowerId,
        callerId: p.id,
        amount: p.amount ?? null,
        currency: p.currency ?? null,
        full: null,
        at: new Date(p.agreedAt ?? now.toISOString()).toISOString(),
        promisedFor: p.promisedFor,
        requestHash: hashOf(p),
      },
      now,
    );
    answer(res, r, { type: p.kind });
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
    const [counts, stats] = await Promise.all([
      deps.store.outcomes.reviewCounts({ tenant, from, to }),
      deps.store.audit.stats(from, to, tenant),
    ]);
    const experiments = await Promise.all(
      experimentsFor(tenant).map(async (e) => ({
        e,
        result: experimentFromCounts(
          e,
          await deps.store.outcomes.experimentCounts({ experiment: e.id, tenant, from, to }),
          q.lang,
        ),
      })),
    );
    const review = periodReview(counts, stats, experiments);
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`review-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`)
        .send(reviewCsv(review));
      return;
    }
    res.json({ tenant: tenant ?? null, from, to, ...review });
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

/**
 * The periodic review: what was sent by stage and channel, what it recovered, opt-outs and
 * replies, what the policy held back and why, and the experiments: the five-minute read.
 */
export function periodReview(
  counts: Awaited<ReturnType<AuditStore['outcomes']['reviewCounts']>>,
  stats: Array<{ status: string; reason: string | null; n: number }>,
  experiments: Array<{ e: Experiment; result: ReturnType<typeof experimentFromCounts> }>,
) {
  // Added as integers of 1/10,000 (bigint): exact for any number of the largest amounts the API takes.
  const recovered = new Map<string, bigint>();
  for (const p of counts.outcomes) if (p.kind === 'payment') addAmount(recovered, p.amount, p.currency);
  const held = new Map<string, number>();
  for (const s of stats)
    if (s.status === 'suppressed') held.set(s.reason ?? 'unknown', (held.get(s.reason ?? 'unknown') ?? 0) + s.n);
  const events = (pred: (e: { type: string; kind: string | null }) => boolean) =>
    counts.events.filter(pred).reduce((n, e) => n + e.n, 0);
  return {
    sent: [...counts.sent].sort((a, b) => a.stage.localeCompare(b.stage) || a.channel.localeCompare(b.channel)),
    recovered: {
      payments: counts.outcomes.filter((x) => x.kind === 'payment').length,
      promises: counts.outcomes.filter((x) => x.kind === 'promise').length,
      amounts: amountsOf(recovered),
    },
    relationship: {
      optOuts: events((e) => e.type === 'borrower.opted_out'),
      stops: events((e) => e.type === 'inbound.sms' && e.kind === 'stop'),
      // Texts that are not a keyword: replies to read, complaints among them.
      replies: events((e) => e.type === 'inbound.sms' && e.kind === 'other'),
    },
    heldBack: [...held].sort((a, b) => b[1] - a[1]).map(([reason, n]) => ({ reason, n })),
    experiments: experiments.map(({ e, result: r }) => ({
      id: e.id,
      description: e.description ?? null,
      borrowers: r.arms.reduce((n, a) => n + a.borrowers, 0),
      guardrail: r.arms.some((a) => a.guardrail),
      sentences: r.sentences,
    })),
  };
}

function reviewCsv(r: ReturnType<typeof periodReview>): string {
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
  }));
  return stringify(rows, { header: true, record_delimiter: '\r\n' });
}
