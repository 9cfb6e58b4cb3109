/**
 * The latency breakdown of a bench run (issue 32): the service's own stage histograms
 * (message_stage_duration_seconds, message_due_to_provider_seconds) and event-loop stalls by what
 * ran then (event_loop_stalls_total), read from its registry after the run and printed as rows.
 */
import type { Metrics } from '../src/observability/metrics.js';
import type { Row } from './pipeline.js';

interface Bucketed {
  count: number;
  sum: number;
  /** Cumulative counts by upper bound, ascending. */
  buckets: Array<[number, number]>;
}

/** A quantile from cumulative buckets, interpolated linearly inside its bucket (ms). */
export function quantileMs(h: Bucketed, q: number): number {
  if (h.count === 0) return 0;
  const rank = q * h.count;
  let lower = 0;
  let below = 0;
  for (const [le, cum] of h.buckets) {
    if (cum >= rank) {
      const upper = Number.isFinite(le) ? le : lower * 2;
      const inside = cum - below;
      return 1000 * (lower + (inside > 0 ? ((rank - below) / inside) * (upper - lower) : 0));
    }
    lower = Number.isFinite(le) ? le : lower;
    below = cum;
  }
  return 1000 * lower;
}

async function histograms(
  metric: { get(): Promise<{ values: Array<{ labels: object; value: number; metricName?: string }> }> },
  label: string,
) {
  const out = new Map<string, Bucketed>();
  for (const v of (await metric.get()).values) {
    const key = String((v.labels as Record<string, unknown>)[label] ?? '');
    const h = out.get(key) ?? { count: 0, sum: 0, buckets: [] };
    const labels = v.labels as Record<string, unknown>;
    if (v.metricName?.endsWith('_count')) h.count = v.value;
    else if (v.metricName?.endsWith('_sum')) h.sum = v.value;
    else if (labels.le !== undefined) h.buckets.push([labels.le === '+Inf' ? Infinity : Number(labels.le), v.value]);
    out.set(key, h);
  }
  for (const h of out.values()) h.buckets.sort((a, b) => a[0] - b[0]);
  return out;
}

const ORDER = ['gather', 'stored', 'enqueued', 'pickup', 'load', 'gate', 'render', 'claim', 'provider', 'record'];

/** Rows for the stages (p50 · p99 · mean per stage), the due → provider wait, and the stalls. */
export async function stageRows(metrics: Metrics, section: string): Promise<Row[]> {
  const rows: Row[] = [];
  const stages = await histograms(metrics.stage, 'stage');
  for (const stage of ORDER) {
    const h = stages.get(stage);
    if (!h || h.count === 0) continue;
    rows.push({
      section,
      measure: `  stage ${stage}: p99`,
      value: Math.round(quantileMs(h, 0.99) * 10) / 10,
      unit: 'ms',
      note: `p50 ${quantileMs(h, 0.5).toFixed(1)} ms · mean ${((1000 * h.sum) / h.count).toFixed(1)} ms · ${h.count} observed`,
    });
  }
  const waited = await histograms(metrics.dueToProvider, 'channel');
  for (const [channel, h] of waited)
    rows.push({
      section,
      measure: `  due → provider call (${channel}), from the service's histogram: p99`,
      value: Math.round(quantileMs(h, 0.99) * 10) / 10,
      unit: 'ms',
      note: `p50 ${quantileMs(h, 0.5).toFixed(1)} ms`,
    });
  const stalls = (await metrics.loopStalls.get()).values;
  const total = stalls.reduce((n, v) => n + v.value, 0);
  const by = stalls
    .filter((v) => v.value > 0)
    .sort((a, b) => b.value - a.value)
    .map((v) => `${String((v.labels as Record<string, unknown>).during)} ${v.value}`)
    .join(', ');
  rows.push({
    section,
    measure: '  event-loop stalls > 50 ms, by what ran',
    value: total,
    unit: 'stalls',
    note: by || 'none',
  });
  return rows;
}
