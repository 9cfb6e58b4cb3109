/**
 * The periodic review of a tenant (or of every tenant): what was sent by stage and channel, its reach
 * (delivered, undelivered by reason, bounced, per tenant and channel), what it recovered, the promises kept and broken, opt-outs and replies, what the policy held back and why, and the experiments: the
 * five-minute read. The counts come from the store; adding them up is `summarisePeriod`, pure.
 */
import type { OutcomesRepo } from '../../store/outcomes.repo.js';
import type { ArmCounts } from '../../policy/outcome-report.js';
import { reachFromCounts } from '../../policy/reach-report.js';
import type { Experiment } from '../../policy/experiments.js';
import {
  addAmount,
  amountsOf,
  experimentFromCounts,
  type ExperimentResult,
  keptRate,
} from '../../policy/outcome-report.js';

export type ReviewCounts = Awaited<ReturnType<OutcomesRepo['reviewCounts']>>;
/** Messages by status and the reason a suppressed one was held back. */
export type SendStat = { status: string; reason: string | null; n: number };

/** Exactly what the review reads. */
export interface PeriodReviewPorts {
  /** Messages sent by stage and channel, the outcomes recorded, opt-outs and replies, in [from, to). */
  reviewCounts(f: { tenant?: string | undefined; from: string; to: string }): Promise<ReviewCounts>;
  /** Messages by status and reason in [from, to). */
  sendStats(from: string, to: string, tenant?: string): Promise<SendStat[]>;
  /** One experiment's counts by arm in [from, to). */
  experimentCounts(f: {
    experiment: string;
    tenant?: string | undefined;
    from: string;
    to: string;
  }): Promise<ArmCounts[]>;
  /** The experiments the tenant takes part in (undefined: every tenant, so every experiment). */
  experimentsFor(tenant: string | undefined): Experiment[];
}

export interface PeriodReviewQuery {
  /** Undefined: every tenant. */
  tenant: string | undefined;
  from: string;
  to: string;
  lang: 'en' | 'zh';
}

export type PeriodReview = ReturnType<typeof summarisePeriod>;

export async function periodReview(ports: PeriodReviewPorts, q: PeriodReviewQuery): Promise<PeriodReview> {
  const { tenant, from, to } = q;
  const [counts, stats] = await Promise.all([
    ports.reviewCounts({ tenant, from, to }),
    ports.sendStats(from, to, tenant),
  ]);
  const experiments = await Promise.all(
    ports.experimentsFor(tenant).map(async (e) => ({
      e,
      result: experimentFromCounts(e, await ports.experimentCounts({ experiment: e.id, tenant, from, to }), q.lang),
    })),
  );
  return summarisePeriod(counts, stats, experiments);
}

/** The review from its counts: amounts are added exactly, held-back reasons most frequent first. */
export function summarisePeriod(
  counts: ReviewCounts,
  stats: SendStat[],
  experiments: Array<{ e: Experiment; result: ExperimentResult }>,
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
      // Texts that are not a keyword, and email replies: replies to read, complaints among them.
      replies: events((e) => (e.type === 'inbound.sms' && e.kind === 'other') || e.type === 'inbound.email'),
    },
    // Promises decided in the period (kept or broken; open ones wait for their date), and the broken ones to look at.
    promises: {
      kept: keptRate(counts.promises),
      broken: counts.promises.broken,
      brokenList: counts.promises.brokenList,
      brokenListComplete: counts.promises.brokenList.length === counts.promises.broken,
    },
    // Reach per tenant and channel, and per tenant (policy/reach-report.ts).
    reach: reachFromCounts(counts.reach),
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
