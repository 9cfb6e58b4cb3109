/**
 * The outcome reports, computed from rows (pure): did reminders recover money, and at what cost to
 * the relationship? The rules, the same for every report, are in docs/outcomes.md:
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
 */
import { compare, type Comparison, type Rate, significantlyAbove, wilson } from './experiment-stats.js';

const DAY = 86_400_000;
export const RATE_DAYS = [7, 14, 30] as const;
const REACHED = new Set(['sent', 'delivered', 'answered', 'machine']);
const DELIVERED = new Set(['delivered', 'answered', 'machine']);

export interface RowMessage {
  id: string;
  borrowerId: string;
  channel: string;
  template: string;
  status: string;
  sendAt: string;
  experiment: string | null;
  arm: string | null;
  stage: string | null;
}
export interface RowOutcome {
  kind: 'payment' | 'promise';
  borrowerId: string;
  amount: string | null;
  currency: string | null;
  at: string;
}
export interface RowEvent {
  borrowerId: string;
  type: string;
  at: string;
  kind: string | null;
}

export const reached = (m: Pick<RowMessage, 'status'>) => REACHED.has(m.status);
export const delivered = (m: Pick<RowMessage, 'status' | 'channel'>) => DELIVERED.has(m.status) || (m.channel === 'email' && m.status === 'sent');

/** Sums decimal amounts per currency, in minor units of 1/10,000 (no float drift). */
function addAmount(totals: Map<string, bigint>, amount: string | null, currency: string | null): void {
  if (!amount || !currency) return;
  const [whole, frac = ''] = amount.split('.');
  const units = BigInt(whole!) * 10_000n + BigInt((frac + '0000').slice(0, 4));
  totals.set(currency, (totals.get(currency) ?? 0n) + units);
}
function amountsOf(totals: Map<string, bigint>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [c, u] of [...totals].sort()) {
    const s = (u < 0n ? -u : u).toString().padStart(5, '0');
    out[c] = `${u < 0n ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4, -2)}`;
  }
  return out;
}

function byBorrower<T extends { borrowerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.borrowerId);
    if (list) list.push(r);
    else m.set(r.borrowerId, [r]);
  }
  return m;
}

const within = (at: string, from: number, days: number) => {
  const t = Date.parse(at);
  return t >= from && t <= from + days * DAY;
};

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

export function experimentResult(
  experiment: { id: string; arms: ReadonlyArray<{ name: string }> },
  rows: { messages: readonly RowMessage[]; outcomes: readonly RowOutcome[]; events: readonly RowEvent[] },
  lang: 'en' | 'zh' = 'en',
): ExperimentResult {
  const outcomesOf = byBorrower(rows.outcomes);
  const eventsOf = byBorrower(rows.events);
  const arms = experiment.arms.map((a, i) => {
    const mine = rows.messages.filter((m) => m.experiment === experiment.id && m.arm === a.name);
    const touched = new Map<string, number>();
    for (const m of mine) {
      if (!reached(m)) continue;
      const t = Date.parse(m.sendAt);
      const first = touched.get(m.borrowerId);
      if (first === undefined || t < first) touched.set(m.borrowerId, t);
    }
    const n = touched.size;
    const count = (pred: (borrowerId: string, first: number) => boolean) => [...touched].filter(([b, f]) => pred(b, f)).length;
    const hasOutcome = (kind: RowOutcome['kind'], days: number) => (b: string, f: number) => (outcomesOf.get(b) ?? []).some((o) => o.kind === kind && within(o.at, f, days));
    const hasEvent = (test: (e: RowEvent) => boolean) => (b: string, f: number) => (eventsOf.get(b) ?? []).some((e) => test(e) && within(e.at, f, 30));
    const recovered = new Map<string, bigint>();
    for (const [b, f] of touched) for (const o of outcomesOf.get(b) ?? []) if (o.kind === 'payment' && within(o.at, f, 30)) addAmount(recovered, o.amount, o.currency);
    const rate = (pred: (b: string, f: number) => boolean) => wilson(count(pred), n);
    return {
      arm: a.name,
      control: i === 0,
      borrowers: n,
      messages: mine.length,
      sent: mine.filter(reached).length,
      delivered: mine.filter(delivered).length,
      paid: Object.fromEntries(RATE_DAYS.map((d) => [d, rate(hasOutcome('payment', d))])) as ArmResult['paid'],
      promised: Object.fromEntries(RATE_DAYS.map((d) => [d, rate(hasOutcome('promise', d))])) as ArmResult['promised'],
      optedOut: rate(hasEvent((e) => e.type === 'borrower.opted_out')),
      stopped: rate(hasEvent((e) => e.type === 'inbound.sms' && e.kind === 'stop')),
      replied: rate(hasEvent((e) => e.type === 'inbound.sms')),
      recovered: amountsOf(recovered),
      guardrail: false as boolean,
    } satisfies ArmResult;
  });
  const control = arms[0]!;
  for (const a of arms.slice(1)) {
    (a as ArmResult).vsControl = {
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
  const verdict = d.significant ? `difference significant (p = ${d.p.toFixed(3)})` : `difference not significant (p = ${d.p.toFixed(2)})`;
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
}

/** Per template, channel and stage, with last-touch and every-touch attribution. */
export function groupResults(rows: { messages: readonly RowMessage[]; outcomes: readonly RowOutcome[]; events: readonly RowEvent[] }, windowDays: number): GroupResult[] {
  const reachedOf = byBorrower(rows.messages.filter(reached));
  const key = (m: RowMessage) => `${m.template}\u0000${m.channel}\u0000${m.stage ?? ''}`;
  const groups = new Map<string, { sample: RowMessage; messages: RowMessage[]; last: Record<'payment' | 'promise', number>; any: number; amount: Map<string, bigint>; optedOut: Set<string> }>();
  for (const m of rows.messages) {
    if (!reached(m)) continue;
    let g = groups.get(key(m));
    if (!g) groups.set(key(m), (g = { sample: m, messages: [], last: { payment: 0, promise: 0 }, any: 0, amount: new Map(), optedOut: new Set() }));
    g.messages.push(m);
  }
  for (const o of rows.outcomes) {
    const at = Date.parse(o.at);
    const touches = (reachedOf.get(o.borrowerId) ?? []).filter((m) => Date.parse(m.sendAt) <= at && Date.parse(m.sendAt) >= at - windowDays * DAY);
    if (touches.length === 0) continue;
    const last = touches.reduce((a, b) => (Date.parse(b.sendAt) > Date.parse(a.sendAt) ? b : a));
    const g = groups.get(key(last))!;
    g.last[o.kind]++;
    if (o.kind === 'payment') {
      addAmount(g.amount, o.amount, o.currency);
      for (const k of new Set(touches.map(key))) groups.get(k)!.any++;
    }
  }
  for (const e of rows.events) {
    if (e.type !== 'borrower.opted_out') continue;
    const at = Date.parse(e.at);
    for (const m of reachedOf.get(e.borrowerId) ?? []) if (Date.parse(m.sendAt) <= at && at - Date.parse(m.sendAt) <= 7 * DAY) groups.get(key(m))!.optedOut.add(e.borrowerId);
  }
  return [...groups.values()]
    .map((g) => {
      const borrowers = new Set(g.messages.map((m) => m.borrowerId)).size;
      return {
        template: g.sample.template,
        channel: g.sample.channel,
        stage: g.sample.stage,
        messages: g.messages.length,
        delivered: g.messages.filter(delivered).length,
        borrowers,
        paymentsLastTouch: wilson(g.last.payment, g.messages.length),
        promisesLastTouch: wilson(g.last.promise, g.messages.length),
        paymentsAnyTouch: g.any,
        recoveredLastTouch: amountsOf(g.amount),
        optedOut: wilson(g.optedOut.size, borrowers),
      };
    })
    .sort((a, b) => a.template.localeCompare(b.template) || a.channel.localeCompare(b.channel) || (a.stage ?? '').localeCompare(b.stage ?? ''));
}
