/**
 * The delivery chart (GET /v1/audit/stats): each day of a period, in the caller's time zone, the messages of each
 * channel by outcome, and why the suppressed ones were held back. The store counts by UTC hour; this folds the hours
 * into the zone's days.
 */
import { DateTime } from 'luxon';
import type { StatRow } from '../../store/audit-queries.js';
import type { Clock } from '../../domain/clock.js';
import { outcomeOf, STAT_OUTCOMES } from '../../domain/statuses.js';
import type { FieldError } from '../../schemas/field-errors.js';

/** The longest period one request may chart. */
export const STATS_MAX_DAYS = 366;

/** Exactly what the chart reads. */
export interface AuditStatsPorts {
  /** The tenant the caller may see (undefined: every tenant), asked only once the period is valid. */
  tenantFilter(): Promise<string | undefined>;
  /** Messages by UTC hour, channel, status and suppression reason, accepted in [from, to). */
  stats(from: string, to: string, tenant?: string): Promise<StatRow[]>;
}

/** The period, as the query gives it: first and last day inclusive, in `timezone`; absent, the 14 days to today. */
export interface AuditStats {
  from?: string | undefined;
  to?: string | undefined;
  timezone: string;
}

type Counts = Record<(typeof STAT_OUTCOMES)[number], number>;

export type AuditStatsResult =
  | { kind: 'invalid'; errors: FieldError[] }
  | {
      kind: 'stats';
      from: string;
      to: string;
      timezone: string;
      days: Array<{ date: string; channels: Record<string, Counts> }>;
      suppressedByReason: Array<{ reason: string; n: number }>;
    };

export async function auditStats(ports: AuditStatsPorts, clock: Clock, cmd: AuditStats): Promise<AuditStatsResult> {
  const zone = cmd.timezone;
  const today = DateTime.fromJSDate(clock.now(), { zone }).startOf('day');
  const last = cmd.to ? DateTime.fromISO(cmd.to, { zone }) : today;
  const first = cmd.from ? DateTime.fromISO(cmd.from, { zone }) : last.minus({ days: 13 });
  const days = Math.round(last.diff(first, 'days').days) + 1;
  if (days < 1)
    return { kind: 'invalid', errors: [{ path: 'from', message: `must not be after "to" (${last.toISODate()})` }] };
  if (days > STATS_MAX_DAYS)
    return {
      kind: 'invalid',
      errors: [{ path: 'from', message: `the period is ${days} days; chart at most ${STATS_MAX_DAYS} at a time` }],
    };
  const rows = await ports.stats(
    first.toUTC().toISO()!,
    last.plus({ days: 1 }).toUTC().toISO()!,
    await ports.tenantFilter(),
  );
  const zero = (): Counts => Object.fromEntries(STAT_OUTCOMES.map((o) => [o, 0])) as Counts;
  const byDay = new Map<string, Record<string, Counts>>();
  for (let d = first; d <= last; d = d.plus({ days: 1 }))
    byDay.set(d.toISODate()!, { sms: zero(), voice: zero(), email: zero() });
  const reasons = new Map<string, number>();
  for (const r of rows) {
    // Hours fold into the day they start in (zones with half-hour offsets are counted to the hour).
    const day = DateTime.fromISO(`${r.hour}:00:00Z`).setZone(zone).toISODate()!;
    const counts = byDay.get(day)?.[r.channel];
    if (!counts) continue;
    const outcome = outcomeOf(r.status);
    counts[outcome] += r.n;
    if (outcome === 'suppressed') reasons.set(r.reason ?? 'unknown', (reasons.get(r.reason ?? 'unknown') ?? 0) + r.n);
  }
  return {
    kind: 'stats',
    from: first.toISODate()!,
    to: last.toISODate()!,
    timezone: zone,
    days: [...byDay].map(([date, channels]) => ({ date, channels })),
    suppressedByReason: [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => ({ reason, n })),
  };
}
