/**
 * Reach in the reports (docs/reach.md, "Reach in the reports"), pure: from the counts the database
 * makes (store/outcome-queries.ts `reachCounts`), per tenant and channel, how many messages were
 * handed to a provider, how many arrived, which did not and why, the emails that bounced, and the
 * reach rate (delivered ÷ handed over) with its Wilson 95 % interval.
 *
 * - **Handed over**: the provider took it (sent, delivered, answered, machine, no-answer, busy,
 *   undelivered), or it failed after the provider took it (a provider id was recorded, e.g. a
 *   Twilio `failed` status callback).
 * - **Delivered**: the provider said so (a text delivered, a call answered by a person or a
 *   machine); an email when the receiving server took it and no hard bounce came back.
 * - **Undelivered** and **failed** are grouped by the provider's code, with words (policy/undelivered-reasons.ts).
 * - **Bounced**: emails with an `email.bounced` event; hard (5.x.x: ended undelivered), soft
 *   (4.x.x only: still sent, and so still counted delivered).
 * - **Fallbacks** (issue 30 item 3): a fallback message counts on its own channel like any other,
 *   and apart, per pair of channels: how many were taken, handed over and delivered.
 */
import { DELIVERED_STATUSES, HANDED_OVER_STATUSES, type MessageStatus } from '../domain/statuses.js';
import { type Rate, wilson } from './experiment-stats.js';
import { reasonOf } from './undelivered-reasons.js';

/** What the database counts: messages of the period by tenant, channel and status, and the bounced emails. */
export interface ReachCountsIn {
  /** `code` only for undelivered and failed messages; `withProvider` only for failed ones (a provider id was recorded). */
  statuses: Array<{
    tenant: string;
    channel: string;
    status: string;
    code: string | null;
    withProvider: boolean;
    n: number;
  }>;
  /** Messages with a hard bounce, and with soft bounces only. */
  bounces: Array<{ tenant: string; channel: string; hard: number; soft: number }>;
  /** Fallback messages by the channel they fell back from, the one they used, and their status. */
  fallbacks?: Array<{ tenant: string; from: string; channel: string; status: string; n: number }>;
}

export const NO_REACH: ReachCountsIn = { statuses: [], bounces: [], fallbacks: [] };

/** Fallbacks taken in a tenant from one channel to another, and what they reached. */
export interface FallbackRow {
  tenant: string;
  /** The channel that could not reach the person. */
  from: string;
  /** The channel the fallback message used. */
  to: string;
  /** Fallback messages made (whatever became of them: some wait, some are held back by the policy). */
  taken: number;
  handedOver: number;
  delivered: number;
  /** Delivered ÷ handed over, with its Wilson 95 % interval. */
  reach: Rate;
}

/** Undelivered or failed messages with one code. */
export interface ReachReason {
  status: 'undelivered' | 'failed';
  /** The provider's code (a Twilio error code, an SMTP status such as 5.1.1); null: none given. */
  code: string | null;
  reason: string;
  n: number;
}

/** One tenant's reach on one channel (`all`: every channel of the tenant). */
export interface ReachRow {
  tenant: string;
  channel: string;
  handedOver: number;
  delivered: number;
  /** Texts and calls still `sent`: handed over, no final report yet. */
  awaiting: number;
  /** Calls nobody answered, or busy. */
  notAnswered: number;
  undelivered: number;
  failed: number;
  /** Of the failed, those no provider took (the provider refused the request, or the message could not be rendered): not handed over. */
  failedUnsent: number;
  /** Emails: hard bounces (ended undelivered) and soft bounces only (still delivered as far as anyone knows). */
  bounced: { hard: number; soft: number };
  /** Undelivered and failed messages by code, most frequent first. */
  reasons: ReachReason[];
  /** Delivered ÷ handed over, with its Wilson 95 % interval. */
  reach: Rate;
}

export interface ReachReport {
  /** Per tenant and channel. */
  items: ReachRow[];
  /** Per tenant, every channel together (`channel: "all"`). */
  tenants: ReachRow[];
  /** Fallbacks taken per tenant, from one channel to another, and what they reached. */
  fallbacks: FallbackRow[];
}

const HANDED = new Set<string>(HANDED_OVER_STATUSES);
const DELIVERED = new Set<string>(DELIVERED_STATUSES);

type Tally = Omit<ReachRow, 'reach' | 'reasons'> & { reasons: Map<string, ReachReason> };

function empty(tenant: string, channel: string): Tally {
  return {
    tenant,
    channel,
    handedOver: 0,
    delivered: 0,
    awaiting: 0,
    notAnswered: 0,
    undelivered: 0,
    failed: 0,
    failedUnsent: 0,
    bounced: { hard: 0, soft: 0 },
    reasons: new Map(),
  };
}

function addReason(t: Tally, r: ReachReason): void {
  const k = `${r.status}\u0000${r.code ?? ''}`;
  const had = t.reasons.get(k);
  t.reasons.set(k, had ? { ...had, n: had.n + r.n } : { ...r });
}

/** A provider said it arrived (an email: the server took it and it did not bounce hard). */
const isDelivered = (channel: string, status: string) =>
  DELIVERED.has(status) || (channel === 'email' && status === 'sent');

function addStatus(t: Tally, s: ReachCountsIn['statuses'][number]): void {
  const status = s.status as MessageStatus;
  if (HANDED.has(status) || (status === 'failed' && s.withProvider)) t.handedOver += s.n;
  if (isDelivered(s.channel, status)) t.delivered += s.n;
  if (status === 'sent' && s.channel !== 'email') t.awaiting += s.n;
  if (status === 'no-answer' || status === 'busy') t.notAnswered += s.n;
  if (status === 'undelivered' || status === 'failed') {
    if (status === 'undelivered') t.undelivered += s.n;
    else {
      t.failed += s.n;
      if (!s.withProvider) t.failedUnsent += s.n;
    }
    addReason(t, { status, code: s.code, reason: reasonOf(s.code), n: s.n });
  }
}

function rowOf(t: Tally): ReachRow {
  const reasons = [...t.reasons.values()].sort(
    (a, b) => b.n - a.n || a.status.localeCompare(b.status) || (a.code ?? '').localeCompare(b.code ?? ''),
  );
  return { ...t, bounced: { ...t.bounced }, reasons, reach: wilson(t.delivered, t.handedOver) };
}

/** The reach report from the database's counts: rows per tenant and channel, and per tenant. */
export function reachFromCounts(counts: ReachCountsIn): ReachReport {
  const items = new Map<string, Tally>();
  const tenants = new Map<string, Tally>();
  const tallies = (tenant: string, channel: string) => {
    const k = `${tenant}\u0000${channel}`;
    if (!items.has(k)) items.set(k, empty(tenant, channel));
    if (!tenants.has(tenant)) tenants.set(tenant, empty(tenant, 'all'));
    return [items.get(k)!, tenants.get(tenant)!];
  };
  for (const s of counts.statuses) for (const t of tallies(s.tenant, s.channel)) addStatus(t, s);
  for (const b of counts.bounces)
    for (const t of tallies(b.tenant, b.channel)) {
      t.bounced.hard += b.hard;
      t.bounced.soft += b.soft;
    }
  const order = (a: ReachRow, b: ReachRow) => a.tenant.localeCompare(b.tenant) || a.channel.localeCompare(b.channel);
  return {
    items: [...items.values()].map(rowOf).sort(order),
    tenants: [...tenants.values()].map(rowOf).sort(order),
    fallbacks: fallbacksOf(counts.fallbacks ?? []),
  };
}

/** Fallbacks per tenant and pair of channels (a fallback failed after a provider took it is not told apart here: not handed over). */
function fallbacksOf(rows: NonNullable<ReachCountsIn['fallbacks']>): FallbackRow[] {
  const out = new Map<string, Omit<FallbackRow, 'reach'>>();
  for (const r of rows) {
    const k = `${r.tenant}\u0000${r.from}\u0000${r.channel}`;
    const f = out.get(k) ?? { tenant: r.tenant, from: r.from, to: r.channel, taken: 0, handedOver: 0, delivered: 0 };
    f.taken += r.n;
    if (HANDED.has(r.status)) f.handedOver += r.n;
    if (isDelivered(r.channel, r.status)) f.delivered += r.n;
    out.set(k, f);
  }
  return [...out.values()]
    .map((f) => ({ ...f, reach: wilson(f.delivered, f.handedOver) }))
    .sort((a, b) => a.tenant.localeCompare(b.tenant) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
