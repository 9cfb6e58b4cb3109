/**
 * Cap rules evaluated over a contact history (pure). Day-based periods are the borrower's local
 * calendar days: today and the N−1 days before; hour- and minute-based ones are rolling. With
 * several candidate zones, the period starts at the earliest of their midnights (the longest,
 * most cautious reading) and frees up at the latest.
 */
import type { ContactRecord } from './history.js';
import { startOfLocalDay } from './local-time.js';
import type { CapRule, Outcome, Period } from './profile.js';

export interface CountingRule {
  channels: readonly string[];
  max: number;
  per: Period;
  counts: readonly Outcome[];
  scope: 'borrower' | 'number';
  /** Inbound contacts count too (a conversation the borrower started starts the block). */
  includeInbound: boolean;
}

export const fromCap = (c: CapRule): CountingRule => ({
  channels: c.channels,
  max: c.max,
  per: c.per,
  counts: c.counts,
  scope: c.scope,
  includeInbound: false,
});

function periodMs(per: Period): number {
  if ('hours' in per) return per.hours * 3_600_000;
  if ('minutes' in per) return per.minutes * 60_000;
  return per.days * 86_400_000;
}

/** The first instant of the period that ends at `at`. */
export function periodStart(per: Period, zones: readonly string[], at: number): number {
  if ('days' in per) return Math.min(...zones.map((z) => startOfLocalDay(at, z, -(per.days - 1))));
  return at - periodMs(per) + 1;
}

export function matches(rule: CountingRule, rec: ContactRecord, to: string | null | undefined): boolean {
  if (!rule.channels.includes(rec.channel)) return false;
  if (!rule.counts.includes(rec.outcome)) return false;
  if (!rule.includeInbound && rec.direction === 'inbound') return false;
  if (rule.scope === 'number' && (rec.to ?? null) !== (to ?? null)) return false;
  return true;
}

export interface RuleStatus {
  count: number;
  /** When the rule is full: the first instant at which it has room again (null: never, max 0). */
  fullUntil: number | null | undefined;
}

export function ruleStatus(
  rule: CountingRule,
  zones: readonly string[],
  history: readonly ContactRecord[],
  at: number,
  to?: string | null,
): RuleStatus {
  const since = periodStart(rule.per, zones, at);
  const counted = history
    // Contacts after `at` count too (a slot reserved a moment later by another process).
    .filter((r) => r.at >= since && matches(rule, r, to))
    .map((r) => r.at)
    .sort((a, b) => b - a);
  if (counted.length < rule.max) return { count: counted.length, fullUntil: undefined };
  if (rule.max === 0) return { count: counted.length, fullUntil: null };
  // Room comes back when the max-th most recent counted contact leaves the period.
  const kth = counted[rule.max - 1]!;
  const per = rule.per;
  const free = 'days' in per ? Math.max(...zones.map((z) => startOfLocalDay(kth, z, per.days))) : kth + periodMs(per);
  return { count: counted.length, fullUntil: free };
}
