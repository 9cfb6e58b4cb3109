/**
 * The outcome reports from the counts the database makes (audit/outcome-queries.ts), pure: did
 * reminders recover money, and at what cost to the relationship? The rules, the same for every
 * report, are in docs/outcomes.md:
 *
 * - A message **reached** the borrower when it was sent, delivered, answered or left on a
 *   machine; it was **delivered** when the provider said so (or, for email, when the server took it).
 * - **Attribution**: a payment or promise is attributed to the messages that reached the borrower
 *   in the window before it (`windowDays`): the newest is its last touch, all are its touches.
 * - **Experiments** count borrowers: a borrower is in the arm of its messages in the experiment,
 *   from its first touch in it. A rate within N days counts the borrowers with a payment (or a
 *   promise) in the N days from that first touch; opt-outs, STOPs and replies count borrowers with
 *   one in the 30 days from it. Every rate has a Wilson 95 % interval; each challenger is compared
 *   with the control (the first arm) by a two-proportion z test; the guardrail flags a challenger
 *   whose opt-out rate is significantly above the control's.
 * - **Promise-kept rate**: promises (and plans) attributed as promises are (an arm's borrowers'
 *   from their first touch; a group's by last touch), kept ÷ decided. A promise is decided when it
 *   was kept or broken (its deadline passed, or a payment kept it early); one still open is pending,
 *   never counted as broken; one replaced by a newer promise is made but never decided.
 */
import { compare, type Comparison, type Rate, significantlyAbove, wilson } from './experiment-stats.js';

export const RATE_DAYS = [7, 14, 30] as const;

/** Sums decimal amounts per currency, in minor units of 1/10,000 (no float drift). */
export function addAmount(totals: Map<string, bigint>, amount: string | null, currency: string | null): void {
  if (!amount || !currency) return;
  const [whole, frac = ''] = amount.split('.');
  const units = BigInt(whole!) * 10_000n + BigInt((frac + '0000').slice(0, 4));
  totals.set(currency, (totals.get(currency) ?? 0n) + units);
}
export function amountsOf(totals: Map<string, bigint>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [c, u] of [...totals].sort()) {
    const s = (u < 0n ? -u : u).toString().padStart(5, '0');
    out[c] = `${u < 0n ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4, -2)}`;
  }
  return out;
}

/** A set of promises: how many were made, and of those how many are kept, broken and still open. */
export interface PromiseTally {
  made: number;
  kept: number;
  broken: number;
  pending: number;
}

export const NO_PROMISES: PromiseTally = { made: 0, kept: 0, broken: 0, pending: 0 };

/** The kept rate of decided promises (kept ÷ kept + broken), with its Wilson interval; pending ones wait. */
export function keptRate(t: Pick<PromiseTally, 'kept' | 'broken'>): Rate {
  return wilson(t.kept, t.kept + t.broken);
}

export interface ArmResult {
  arm: string;
  control: boolean;
  borrowers: number;
  messages: number;
  sent: number;
  delivered: number;
  paid: Record<(typeof RATE_DAYS)[number], Rate>;
  promised: Record<(typeof RATE_DAYS)[number], Rate>;
  optedOut: Rate;
  stopped: Rate;
  replied: Rate;
  recovered: Record<string, string>;
  /** Promises the arm's borrowers made within 30 days of their first touch (plans included). */
  promisesMade: number;
  /** Of those, still open (not yet decided: not in the kept rate). */
  promisesPending: number;
  /** Kept ÷ decided (kept or broken) of those promises. */
  promiseKept: Rate;
  /** Against the control (absent for the control). */
  vsControl?: { paid7: Comparison; paid30: Comparison; promised7: Comparison; optedOut: Comparison };
  /** The challenger's opt-out rate is significantly above the control's. */
  guardrail: boolean;
}

export interface ExperimentResult {
  experiment: string;
  arms: ArmResult[];
  /** One plain sentence per challenger. */
  sentences: string[];
}

/** What an arm's figures are made of: counts of borrowers (and the payments, for the amounts). */
export interface ArmCounts {
  arm: string;
  borrowers: number;
  messages: number;
  sent: number;
  delivered: number;
  paid: Record<(typeof RATE_DAYS)[number], number>;
  promised: Record<(typeof RATE_DAYS)[number], number>;
  optedOut: number;
  stopped: number;
  replied: number;
  payments: ReadonlyArray<{ amount: string | null; currency: string | null }>;
  /** The promises the arm's borrowers made within 30 days of their first touch. */
  promises: PromiseTally;
}

/** Rates, intervals, tests and sentences from each arm's counts (arms in the experiment's order; the first the control). */
export function experimentFromCounts(
  experiment: { id: string; arms: ReadonlyArray<{ name: string }> },
  counts: readonly ArmCounts[],
  lang: 'en' | 'zh' = 'en',
): ExperimentResult {
  const arms: ArmResult[] = experiment.arms.map((a, i) => {
    const c = counts.find((x) => x.arm === a.name);
    const n = c?.borrowers ?? 0;
    const recovered = new Map<string, bigint>();
    for (const p of c?.payments ?? []) addAmount(recovered, p.amount, p.currency);
    return {
      arm: a.name,
      control: i === 0,
      borrowers: n,
      messages: c?.messages ?? 0,
      sent: c?.sent ?? 0,
      delivered: c?.delivered ?? 0,
      paid: Object.fromEntries(RATE_DAYS.map((d) => [d, wilson(c?.paid[d] ?? 0, n)])) as ArmResult['paid'],
      promised: Object.fromEntries(RATE_DAYS.map((d) => [d, wilson(c?.promised[d] ?? 0, n)])) as ArmResult['promised'],
      optedOut: wilson(c?.optedOut ?? 0, n),
      stopped: wilson(c?.stopped ?? 0, n),
      replied: wilson(c?.replied ?? 0, n),
      recovered: amountsOf(recovered),
      promisesMade: c?.promises.made ?? 0,
      promisesPending: c?.promises.pending ?? 0,
      promiseKept: keptRate(c?.promises ?? NO_PROMISES),
      guardrail: false,
    };
  });
  const control = arms[0]!;
  for (const a of arms.slice(1)) {
    a.vsControl = {
      paid7: compare(a.paid[7], control.paid[7]),
      paid30: compare(a.paid[30], control.paid[30]),
      promised7: compare(a.promised[7], control.promised[7]),
      optedOut: compare(a.optedOut, control.optedOut),
    };
    a.guardrail = significantlyAbove(a.optedOut, control.optedOut);
  }
  return { experiment: experiment.id, arms, sentences: arms.slice(1).map((a) => sentenceOf(a, control, lang)) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const interval = (r: Rate) => `${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)}`;

export function sentenceOf(a: ArmResult, control: ArmResult, lang: 'en' | 'zh' = 'en'): string {
  const d = a.vsControl!.paid7;
  if (lang === 'zh') {
    const verdict = d.significant ? '差异显著' : '差异不显著';
    const cost = a.guardrail ? '退订率显著高于对照组，请注意' : '退订率未高于对照组';
    return `${a.arm}：7 天内还款 ${pct(a.paid[7].rate)}（${interval(a.paid[7])}），对照组 ${control.arm} 为 ${pct(control.paid[7].rate)}（${interval(control.paid[7])}），${verdict}；${cost}。`;
  }
  const verdict = d.significant
    ? `difference significant (p = ${d.p.toFixed(3)})`
    : `difference not significant (p = ${d.p.toFixed(2)})`;
  const cost = a.guardrail ? 'opt-outs significantly higher: check before widening it' : 'opt-outs no higher';
  return `${a.arm}: ${pct(a.paid[7].rate)} paid within 7 days (${interval(a.paid[7])}) vs ${control.arm} ${pct(control.paid[7].rate)} (${interval(control.paid[7])}), ${verdict}; ${cost}.`;
}

export interface GroupResult {
  template: string;
  channel: string;
  stage: string | null;
  messages: number;
  delivered: number;
  borrowers: number;
  /** Payments whose last touch was a message of this group, per message that reached. */
  paymentsLastTouch: Rate;
  promisesLastTouch: Rate;
  /** Payments with a message of this group among their touches. */
  paymentsAnyTouch: number;
  recoveredLastTouch: Record<string, string>;
  /** Borrowers who opted out within 7 days of a message of this group, per borrower reached. */
  optedOut: Rate;
  /** Promises whose last touch was a message of this group (plans included), and those still open. */
  promisesMade: number;
  promisesPending: number;
  /** Kept ÷ decided of those promises. */
  promiseKept: Rate;
  /** Emails of the group that bounced: hard (undelivered, so not among `messages`), soft only (still delivered). */
  bounced: { hard: number; soft: number };
}

/** What a group's figures are made of (the database counts them: audit/outcome-queries.ts). */
export interface GroupCountsIn {
  template: string;
  channel: string;
  stage: string | null;
  messages: number;
  delivered: number;
  borrowers: number;
  paymentsLast: number;
  promisesLast: number;
  paymentsAny: number;
  recovered: Array<{ amount: string | null; currency: string | null }>;
  optedOut: number;
  /** The promises whose last touch was a message of this group. */
  promises: PromiseTally;
  /** Emails of the group with a hard bounce, and with soft bounces only. */
  bounced: { hard: number; soft: number };
}

export function groupsFromCounts(counts: readonly GroupCountsIn[]): GroupResult[] {
  return counts
    .map((g) => {
      const amount = new Map<string, bigint>();
      for (const p of g.recovered) addAmount(amount, p.amount, p.currency);
      return {
        template: g.template,
        channel: g.channel,
        stage: g.stage,
        messages: g.messages,
        delivered: g.delivered,
        borrowers: g.borrowers,
        paymentsLastTouch: wilson(g.paymentsLast, g.messages),
        promisesLastTouch: wilson(g.promisesLast, g.messages),
        paymentsAnyTouch: g.paymentsAny,
        recoveredLastTouch: amountsOf(amount),
        optedOut: wilson(g.optedOut, g.borrowers),
        promisesMade: g.promises.made,
        promisesPending: g.promises.pending,
        promiseKept: keptRate(g.promises),
        bounced: { ...g.bounced },
      };
    })
    .sort(
      (a, b) =>
        a.template.localeCompare(b.template) ||
        a.channel.localeCompare(b.channel) ||
        (a.stage ?? '').localeCompare(b.stage ?? ''),
    );
}
