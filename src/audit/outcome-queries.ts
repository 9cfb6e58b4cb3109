/**
 * The outcome reports' counts, computed by the database: a million messages are grouped where
 * they lie instead of crossing the wire. The rules are docs/outcomes.md's (and
 * policy/outcome-report.ts's); test/integration/outcomes.test.ts holds these counts to values it
 * computes itself, on SQLite and PostgreSQL.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';

const REACHED = ['sent', 'delivered', 'answered', 'machine'];
const DELIVERED = ['delivered', 'answered', 'machine'];
const DAYS = [7, 14, 30] as const;

export interface ArmCounts {
  arm: string;
  borrowers: number;
  messages: number;
  sent: number;
  delivered: number;
  paid: Record<7 | 14 | 30, number>;
  promised: Record<7 | 14 | 30, number>;
  optedOut: number;
  stopped: number;
  replied: number;
  /** Payments within 30 days of the first touch: amount and currency, one row each. */
  payments: Array<{ amount: string | null; currency: string | null }>;
}

/** `iso` plus `days`, as an ISO string that compares with the stored ones. */
function plusDays(dialect: Dialect, iso: RawBuilder<unknown>, days: number): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char((${iso}::timestamptz + ${sql.raw(`interval '${days} days'`)}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${iso}, ${`${days < 0 ? '' : '+'}${days} days`})`;
}

const jsonText = (dialect: Dialect, column: RawBuilder<unknown>, path: string[]) =>
  dialect === 'postgres' ? sql<string | null>`(${column}::json #>> ${sql.lit(`{${path.join(',')}}`)})` : sql<string | null>`json_extract(${column}, ${`$.${path.join('.')}`})`;

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql.lit(v)),
    sql`, `,
  );

export async function experimentCounts(db: Kysely<Database>, dialect: Dialect, f: { experiment: string; tenant?: string | undefined; from: string; to: string }): Promise<ArmCounts[]> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const scope = sql`m.experiment = ${f.experiment} and m.send_at >= ${f.from} and m.send_at < ${f.to} ${tenantCond}`;
  const touched = sql`select m.arm, m.borrower_id, min(m.send_at) as first from messages m where ${scope} and m.status in (${inList(REACHED)}) group by m.arm, m.borrower_id`;
  const first = sql.ref('p.first') as unknown as RawBuilder<unknown>;
  const within = (col: string, days: number) => sql`sum(case when ${sql.ref(col)} is not null and ${sql.ref(col)} <= ${plusDays(dialect, first, days)} then 1 else 0 end)`;
  const kind = jsonText(dialect, sql.ref('e.data') as unknown as RawBuilder<unknown>, ['kind']);
  const rows = await sql<Record<string, string | number>>`
    with touched as (${touched}),
    p as (
      select t.arm, t.borrower_id, t.first,
        min(case when o.kind = 'payment' then o.at end) as pay_at,
        min(case when o.kind = 'promise' then o.at end) as promise_at
      from touched t left join outcomes o on o.borrower_id = t.borrower_id and o.at >= t.first
      group by t.arm, t.borrower_id, t.first
    ),
    ev as (
      select t.borrower_id,
        min(case when e.type = 'borrower.opted_out' then e.at end) as opt_at,
        min(case when e.type = 'inbound.sms' and ${kind} = 'stop' then e.at end) as stop_at,
        min(case when e.type = 'inbound.sms' then e.at end) as reply_at
      from touched t join events e on e.chain = 'b:' || t.borrower_id and e.at >= t.first and e.type in ('borrower.opted_out', 'inbound.sms')
      group by t.borrower_id
    )
    select p.arm as arm, count(*) as borrowers,
      ${within('p.pay_at', 7)} as paid7, ${within('p.pay_at', 14)} as paid14, ${within('p.pay_at', 30)} as paid30,
      ${within('p.promise_at', 7)} as promised7, ${within('p.promise_at', 14)} as promised14, ${within('p.promise_at', 30)} as promised30,
      ${within('ev.opt_at', 30)} as opted, ${within('ev.stop_at', 30)} as stopped, ${within('ev.reply_at', 30)} as replied
    from p left join ev on ev.borrower_id = p.borrower_id
    group by p.arm`.execute(db);
  const sent = await sql<{ arm: string; messages: number; sent: number; delivered: number }>`
    select m.arm as arm, count(*) as messages,
      sum(case when m.status in (${inList(REACHED)}) then 1 else 0 end) as sent,
      sum(case when m.status in (${inList(DELIVERED)}) or (m.channel = 'email' and m.status = 'sent') then 1 else 0 end) as delivered
    from messages m where ${scope} group by m.arm`.execute(db);
  const paid = await sql<{ arm: string; amount: string | null; currency: string | null }>`
    with touched as (${touched})
    select t.arm as arm, o.amount as amount, o.currency as currency
    from touched t join outcomes o on o.borrower_id = t.borrower_id and o.kind = 'payment' and o.at >= t.first and o.at <= ${plusDays(dialect, sql.ref('t.first') as unknown as RawBuilder<unknown>, 30)}`.execute(
    db,
  );
  const arms = new Set([...rows.rows.map((r) => String(r.arm)), ...sent.rows.map((r) => r.arm)]);
  return [...arms].map((arm) => {
    const r = rows.rows.find((x) => x.arm === arm) ?? {};
    const s = sent.rows.find((x) => x.arm === arm);
    const n = (k: string) => Number(r[k] ?? 0);
    return {
      arm,
      borrowers: n('borrowers'),
      messages: Number(s?.messages ?? 0),
      sent: Number(s?.sent ?? 0),
      delivered: Number(s?.delivered ?? 0),
      paid: Object.fromEntries(DAYS.map((d) => [d, n(`paid${d}`)])) as ArmCounts['paid'],
      promised: Object.fromEntries(DAYS.map((d) => [d, n(`promised${d}`)])) as ArmCounts['promised'],
      optedOut: n('opted'),
      stopped: n('stopped'),
      replied: n('replied'),
      payments: paid.rows.filter((x) => x.arm === arm).map((x) => ({ amount: x.amount, currency: x.currency })),
    };
  });
}

export interface GroupCounts {
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
}

export async function groupCounts(db: Kysely<Database>, dialect: Dialect, f: { tenant?: string | undefined; from: string; to: string; windowDays: number }): Promise<GroupCounts[]> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const stage = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['strategy', 'stage']);
  const reached = sql`select m.id, m.borrower_id, m.template, m.channel, m.status, m.send_at, ${stage} as stage
    from messages m join reminders r on r.id = m.reminder_id
    where m.send_at >= ${f.from} and m.send_at < ${f.to} and m.status in (${inList(REACHED)}) ${tenantCond}`;
  const groups = await sql<{ template: string; channel: string; stage: string | null; messages: number; delivered: number; borrowers: number }>`
    with rm as (${reached})
    select template, channel, stage, count(*) as messages,
      sum(case when status in (${inList(DELIVERED)}) or (channel = 'email' and status = 'sent') then 1 else 0 end) as delivered,
      count(distinct borrower_id) as borrowers
    from rm group by template, channel, stage`.execute(db);
  // Each outcome's touches: the reached messages in the window before it; the newest is the last touch.
  const oat = sql.ref('o.at') as unknown as RawBuilder<unknown>;
  const touches = await sql<{ kind: string; amount: string | null; currency: string | null; template: string; channel: string; stage: string | null; rank: number; oid: string }>`
    with rm as (${reached})
    select o.id as oid, o.kind as kind, o.amount as amount, o.currency as currency, rm.template as template, rm.channel as channel, rm.stage as stage,
      row_number() over (partition by o.id order by rm.send_at desc, rm.id desc) as rank
    from outcomes o join rm on rm.borrower_id = o.borrower_id and rm.send_at <= o.at and rm.send_at >= ${plusDays(dialect, oat, -f.windowDays)}
    where o.at >= ${f.from}`.execute(db);
  const opted = await sql<{ template: string; channel: string; stage: string | null; n: number }>`
    with rm as (${reached})
    select rm.template as template, rm.channel as channel, rm.stage as stage, count(distinct rm.borrower_id) as n
    from rm join events e on e.chain = 'b:' || rm.borrower_id and e.type = 'borrower.opted_out' and e.at >= rm.send_at and e.at <= ${plusDays(dialect, sql.ref('rm.send_at') as unknown as RawBuilder<unknown>, 7)}
    group by rm.template, rm.channel, rm.stage`.execute(db);
  const key = (x: { template: string; channel: string; stage: string | null }) => `${x.template}\u0000${x.channel}\u0000${x.stage ?? ''}`;
  const out = new Map<string, GroupCounts>();
  for (const g of groups.rows) {
    out.set(key(g), {
      template: g.template,
      channel: g.channel,
      stage: g.stage ?? null,
      messages: Number(g.messages),
      delivered: Number(g.delivered),
      borrowers: Number(g.borrowers),
      paymentsLast: 0,
      promisesLast: 0,
      paymentsAny: 0,
      recovered: [],
      optedOut: 0,
    });
  }
  const anyTouch = new Map<string, Set<string>>();
  for (const t of touches.rows) {
    const g = out.get(key(t));
    if (!g) continue;
    if (Number(t.rank) === 1) {
      if (t.kind === 'payment') {
        g.paymentsLast++;
        g.recovered.push({ amount: t.amount, currency: t.currency });
      } else g.promisesLast++;
    }
    if (t.kind === 'payment') {
      const seen = anyTouch.get(key(t)) ?? new Set<string>();
      seen.add(t.oid);
      anyTouch.set(key(t), seen);
    }
  }
  for (const [k, seen] of anyTouch) out.get(k)!.paymentsAny = seen.size;
  for (const o of opted.rows) {
    const g = out.get(key(o));
    if (g) g.optedOut = Number(o.n);
  }
  return [...out.values()];
}

/** The review's counts: reached messages by stage and channel, outcomes and borrower events in the period. */
export async function reviewCounts(db: Kysely<Database>, dialect: Dialect, f: { tenant?: string | undefined; from: string; to: string }) {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const stage = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['strategy', 'stage']);
  const sent = await sql<{ stage: string | null; channel: string; messages: number; delivered: number }>`
    select ${stage} as stage, m.channel as channel, count(*) as messages,
      sum(case when m.status in (${inList(DELIVERED)}) or (m.channel = 'email' and m.status = 'sent') then 1 else 0 end) as delivered
    from messages m join reminders r on r.id = m.reminder_id
    where m.send_at >= ${f.from} and m.send_at < ${f.to} and m.status in (${inList(REACHED)}) ${tenantCond}
    group by ${stage}, m.channel`.execute(db);
  const oTenant = f.tenant ? sql`and tenant = ${f.tenant}` : sql``;
  const outcomes = await sql<{ kind: string; currency: string | null; amount: string | null }>`select kind, currency, amount from outcomes where at >= ${f.from} and at < ${f.to} ${oTenant}`.execute(
    db,
  );
  const bTenant = f.tenant ? (f.tenant === 'default' ? sql`and borrower_id not like '%~%'` : sql`and borrower_id like ${`${f.tenant}~%`}`) : sql``;
  const kind = jsonText(dialect, sql.ref('data') as unknown as RawBuilder<unknown>, ['kind']);
  const events = await sql<{ type: string; kind: string | null; n: number }>`
    select type, ${kind} as kind, count(*) as n from events
    where type in ('borrower.opted_out', 'inbound.sms') and at >= ${f.from} and at < ${f.to} ${bTenant}
    group by type, ${kind}`.execute(db);
  return {
    sent: sent.rows.map((s) => ({ stage: s.stage ?? 'none', channel: s.channel, messages: Number(s.messages), delivered: Number(s.delivered) })),
    outcomes: outcomes.rows,
    events: events.rows.map((e) => ({ type: e.type, kind: e.kind, n: Number(e.n) })),
  };
}
