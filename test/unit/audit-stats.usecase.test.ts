/** The delivery chart, with a plain in-memory fake for the store's hourly counts. */
import { describe, expect, it } from 'vitest';
import type { StatRow } from '../../src/store/audit-queries.js';
import { auditStats, type AuditStatsPorts } from '../../src/usecases/audit-stats/audit-stats.usecase.js';

const NOW = new Date('2026-11-30T10:00:00Z');
const clock = { now: () => NOW };

function fakes(rows: StatRow[], tenant: string | undefined = 'acme') {
  const asked: Array<[string, string, string | undefined]> = [];
  const ports: AuditStatsPorts = {
    tenantFilter: async () => tenant,
    stats: async (from, to, t) => {
      asked.push([from, to, t]);
      return rows;
    },
  };
  return { ports, asked };
}
const row = (hour: string, status: string, n: number, reason: string | null = null, channel = 'sms'): StatRow => ({
  hour,
  channel,
  status,
  reason,
  n,
});

describe('auditStats', () => {
  it('charts the 14 days up to today when no period is given, reading the tenant it is scoped to', async () => {
    const f = fakes([]);
    const result = await auditStats(f.ports, clock, { timezone: 'UTC' });
    expect(result.kind === 'stats' && [result.from, result.to, result.days.length]).toEqual([
      '2026-11-17',
      '2026-11-30',
      14,
    ]);
    expect(f.asked).toEqual([['2026-11-17T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'acme']]);
  });

  it('folds a UTC hour into the day it falls on in the caller zone', async () => {
    // 2026-11-29T17 UTC is 01:00 on the 30th in Shanghai.
    const f = fakes([row('2026-11-29T17', 'delivered', 3), row('2026-11-29T15', 'delivered', 2)]);
    const result = await auditStats(f.ports, clock, {
      from: '2026-11-29',
      to: '2026-11-30',
      timezone: 'Asia/Shanghai',
    });
    if (result.kind !== 'stats') throw new Error('expected stats');
    expect(result.days.map((d) => [d.date, d.channels.sms!.delivered])).toEqual([
      ['2026-11-29', 2],
      ['2026-11-30', 3],
    ]);
  });

  it('adds up suppressed messages by reason, the most first, and skips hours outside the period', async () => {
    const f = fakes([
      row('2026-11-30T01', 'suppressed', 1, 'quiet-hours'),
      row('2026-11-30T02', 'suppressed', 4, 'opted-out'),
      row('2026-11-30T03', 'suppressed', 2, null),
      row('2026-11-30T04', 'suppressed', 1, 'quiet-hours', 'email'),
      row('2026-12-05T04', 'suppressed', 9, 'opted-out'),
    ]);
    const result = await auditStats(f.ports, clock, { from: '2026-11-30', to: '2026-11-30', timezone: 'UTC' });
    expect(result.kind === 'stats' && result.suppressedByReason).toEqual([
      { reason: 'opted-out', n: 4 },
      { reason: 'quiet-hours', n: 2 },
      { reason: 'unknown', n: 2 },
    ]);
  });

  it('refuses a period that ends before it starts, without reading the store', async () => {
    const f = fakes([]);
    const result = await auditStats(f.ports, clock, { from: '2026-11-30', to: '2026-11-01', timezone: 'UTC' });
    expect(result).toEqual({
      kind: 'invalid',
      errors: [{ path: 'from', message: 'must not be after "to" (2026-11-01)' }],
    });
    expect(f.asked).toEqual([]);
  });

  it('refuses a period longer than 366 days', async () => {
    const f = fakes([]);
    const result = await auditStats(f.ports, clock, { from: '2025-01-01', to: '2026-11-30', timezone: 'UTC' });
    expect(result.kind === 'invalid' && result.errors[0]!.message).toMatch(/chart at most 366 at a time/);
  });
});
