/**
 * The outcome reports' counts, computed by the database: a million messages are grouped where
 * they lie instead of crossing the wire. The rules are docs/outcomes.md's (and
 * policy/outcome-report.ts's); test/integration/outcomes.test.ts holds these counts to values it
 * computes itself, on SQLite and PostgreSQL.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';
import { refOfBorrowerKey } from './borrower-key.js';
import { DELIVERED_STATUSES, HANDED_OVER_STATUSES, REACHED_STATUSES } from '../domain/statuses.js';
import type { ArmCounts, GroupCountsIn, PromiseTally } from '../policy/outcome-report.js';
import type { ReachCountsIn } from '../policy/reach-report.js';

export type { ArmCounts, GroupCountsIn, ReachCountsIn };

/** A period of a tenant's messages (all tenants' when absent), `from` inclusive, `to` exclusive. */
export interface PeriodFilter {
  tenant?: string | undefined;
  from: string;
  to: string;
}

/** An experiment's arms over a period. */
export interface ExperimentFilter extends PeriodFilter {
  experiment: string;
}

/** The groups of a period, each message's outcomes counted within `windowDays`. */
export interface GroupFilter extends PeriodFilter {
  windowDays: number;
}

/** The period review's counts: reached messages by stage and channel, outcomes and borrower events. */
export interface ReviewCounts {
  sent: Array<{ stage: string; channel: string; messages: number; delivered: number }>;
  outcomes: Array<{ kind: string; currency: string | null; amount: string | null }>;
  events: Array<{ type: string; kind: string | null; n: number }>;
  /** Promises decided in the period: how many kept and broken, and the broken ones (at most BROKEN_LIST_LIMIT). */
  promises: { kept: number; broken: number; brokenList: BrokenPromise[] };
  /** The period's messages by tenant, channel, status and code, and its bounced emails (reachCounts). */
  reach: ReachCountsIn;
}

const DAYS = [7, 14, 30] as const;

/** Counts of promises by where they stand (kept, broken, open: pending), as columns `kept`, `broken`, `pending`. */
const promiseStates = (col: string) =>
  sql`sum(case when ${sql.ref(col)} = 'kept' then 1 else 0 end) as kept,
    sum(case when ${sql.ref(col)} = 'broken' then 1 else 0 end) as broken,
    sum(case when ${sql.ref(col)} = 'open' then 1 else 0 end) as pending`;

/** A row's promise counts (`<prefix>made`, `<prefix>kept` …) as a tally. */
function tallyOf(r: Record<string, unknown>, prefix = ''): PromiseTally {
  const n = (k: string) => Number(r[`${prefix}${k}`] ?? 0);
  return { made: n('made'), kept: n('kept'), broken: n('broken'), pending: n('pending') };
}

/** `iso` plus `days`, as an ISO string that compares with the stored ones. */
function plusDays(dialect: Dialect, iso: RawBuilder<unknown>, days: number): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char((${iso}::timestamptz + ${sql.raw(`interval '${days} days'`)}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${iso}, ${`${days < 0 ? '' : '+'}${days} days`})`;
}

const jsonText = (dialect: Dialect, column: RawBuilder<unknown>, path: string[]) =>
  dialect === 'postgres'
    ? sql<string | null>`(${column}::json #>> ${sql.lit(`{${path.join(',')}}`)})`
    : sql<string | null>`json_extract(${column}, ${`$.${path.join('.')}`})`;

/** An `email.bounced` event's `hard` (JSON true: 1 in SQLite, 'true' in PostgreSQL); a message bounced hard when any of its bounces was. */
const bounceHard = (dialect: Dialect) =>
  jsonText(dialect, sql.ref('e.data') as unknown as RawBuilder<unknown>, ['hard']);

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql.lit(v)),
    sql`, `,
  );

export async function experimentCounts(
  db: Kysely<Database>,
  dialect: Dialect,
  f: ExperimentFilter,
): Promise<ArmCounts[]> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const scope = sql`m.experiment = ${f.experiment} and m.send_at >= ${f.from} and m.send_at < ${f.to} ${tenantCond}`;
  // The borrowers first touched in the period, with the days 7, 14 and 30 after: one row each in
  // first_touches (0026, written when a message first reaches its borrower), not a grouping of
  // every message of the experiment.
  const ftTenant = f.tenant ? sql`and ft.tenant = ${f.tenant}` : sql``;
  const firstTouched = sql`select ft.arm, ft.borrower_id, ft.first_at as first, ft.first7, ft.first14, ft.first30
    from first_touches ft where ft.experiment = ${f.experiment} and ft.first_at >= ${f.from} and ft.first_at < ${f.to} ${ftTenant}`;
  // An instant within 7, 14 or 30 days of the first touch (strings compare as instants: no date arithmetic per figure).
  const within = (col: string, days: number) =>
    sql`sum(case when ${sql.ref(col)} <= ${sql.ref(`first${days}`)} then 1 else 0 end)`;
  const kind = jsonText(dialect, sql.ref('e.data') as unknown as RawBuilder<unknown>, ['kind']);
  // A payment in the 30 days from the first touch, and its amount in exact minor units (1/10,000).
  const paid30 = sql`o.kind = 'payment' and o.at <= t.first30`;
  // PostgreSQL sums numerics (no overflow); SQLite sums exact integers cut from the decimal string, and a sum past 64 bits
  // (an error there, never a wrapped or rounded figure) sends the amounts to be added one by one instead.
  const splitUnits = sql`(cast(case when instr(o.amount, '.') > 0 then substr(o.amount, 1, instr(o.amount, '.') - 1) else o.amount end as integer) * 10000
    + cast(substr(case when instr(o.amount, '.') > 0 then substr(o.amount, instr(o.amount, '.') + 1) else '' end || '0000', 1, 4) as integer))`;
  const exactUnits = dialect === 'postgres' ? sql`trunc(o.amount::numeric * 10000)` : splitUnits;
  // Per borrower only where there is something to count (an outcome, an event); the borrowers themselves are counted once.
  const countsQ = (units: RawBuilder<unknown>) => sql<Record<string, string | number | null>>`
    with t as (${firstTouched}),
    -- The period's messages per arm: one pass, grouped by arm only.
    bs as (
      select m.arm, count(*) as messages,
        sum(case when m.status in (${inList(REACHED_STATUSES)}) then 1 else 0 end) as sent,
        sum(case when m.status in (${inList(DELIVERED_STATUSES)}) or (m.channel = 'email' and m.status = 'sent') then 1 else 0 end) as delivered
      from messages m where ${scope} group by m.arm
    ),
    tc as (select arm, count(*) as borrowers from t group by arm),
    p as (
      select t.arm, t.first7, t.first14, t.first30,
        min(case when o.kind = 'payment' then o.at end) as pay_at,
        min(case when o.kind = 'promise' then o.at end) as promise_at,
        sum(case when ${paid30} then ${units} end) as units30,
        max(case when ${paid30} then o.currency end) as cur_max,
        min(case when ${paid30} then o.currency end) as cur_min
      from t join outcomes o on o.borrower_id = t.borrower_id and o.at >= t.first
      group by t.arm, t.borrower_id, t.first7, t.first14, t.first30
    ),
    ps as (
      select arm, ${within('pay_at', 7)} as paid7, ${within('pay_at', 14)} as paid14, ${within('pay_at', 30)} as paid30,
        ${within('promise_at', 7)} as promised7, ${within('promise_at', 14)} as promised14, ${within('promise_at', 30)} as promised30,
        cast(sum(units30) as text) as units, max(cur_max) as cur_max, min(cur_min) as cur_min
      from p group by arm
    ),
    ev as (
      select t.arm, t.first30,
        min(case when e.type = 'borrower.opted_out' then e.at end) as opt_at,
        min(case when e.type = 'inbound.sms' and ${kind} = 'stop' then e.at end) as stop_at,
        min(case when e.type in ('inbound.sms', 'inbound.email') then e.at end) as reply_at
      from t join events e on e.chain = 'b:' || t.borrower_id and e.at >= t.first and e.type in ('borrower.opted_out', 'inbound.sms', 'inbound.email')
      group by t.arm, t.borrower_id, t.first30
    ),
    es as (
      select arm, ${within('opt_at', 30)} as opted, ${within('stop_at', 30)} as stopped, ${within('reply_at', 30)} as replied
      from ev group by arm
    ),
    -- The promises (plans included) the arm's borrowers made in the 30 days from their first touch, by where they stand now.
    pr as (
      select t.arm, count(*) as made, ${promiseStates('pm.state')}
      from t join promises pm on pm.borrower_id = t.borrower_id and pm.agreed_at >= t.first and pm.agreed_at <= t.first30
      group by t.arm
    )
    select bs.arm as arm, bs.messages, bs.sent, bs.delivered, coalesce(tc.borrowers, 0) as borrowers, ps.paid7, ps.paid14, ps.paid30,
      ps.promised7, ps.promised14, ps.promised30, es.opted, es.stopped, es.replied, ps.units, ps.cur_max, ps.cur_min,
      pr.made as promises_made, pr.kept as promises_kept, pr.broken as promises_broken, pr.pending as promises_pending
    from bs left join tc on tc.arm = bs.arm left join ps on ps.arm = bs.arm left join es on es.arm = bs.arm left join pr on pr.arm = bs.arm`;
  const counts = countsQ(exactUnits)
    .execute(db)
    .then((r) => ({ r, summed: true }))
    .catch(async (err: unknown) => {
      if (!/integer overflow|out of range/i.test((err as Error).message ?? '')) throw err;
      return { r: await countsQ(sql`null`).execute(db), summed: false };
    });
  // The payments within 30 days of each first touch, one by one: only for an arm paid in several currencies.
  const paidOneByOne = () =>
    sql<{ arm: string; amount: string | null; currency: string | null }>`
    with t as (${firstTouched})
    select t.arm as arm, o.amount as amount, o.currency as currency
    from t join outcomes o on o.borrower_id = t.borrower_id and o.kind = 'payment' and o.at >= t.first and o.at <= t.first30`.execute(
      db,
    );
  const { r: rows, summed } = await counts;
  // One by one: an arm paid in several currencies, or sums the database could not give exactly (an integer text).
  const mixed =
    !summed || rows.rows.some((r) => r.cur_max !== r.cur_min || (r.units !== null && !/^\d+$/.test(String(r.units))));
  const payments = mixed ? (await paidOneByOne()).rows : [];
  return rows.rows.map((r) => armOf(r, mixed ? payments : null));
}

/** One arm's row as counts; `payments` one by one when the arms were paid in several currencies. */
function armOf(
  r: Record<string, string | number | null>,
  payments: Array<{ arm: string; amount: string | null; currency: string | null }> | null,
): ArmCounts {
  const n = (k: string) => Number(r[k] ?? 0);
  const arm = String(r.arm);
  return {
    arm,
    borrowers: n('borrowers'),
    messages: n('messages'),
    sent: n('sent'),
    delivered: n('delivered'),
    paid: Object.fromEntries(DAYS.map((d) => [d, n(`paid${d}`)])) as ArmCounts['paid'],
    promised: Object.fromEntries(DAYS.map((d) => [d, n(`promised${d}`)])) as ArmCounts['promised'],
    optedOut: n('opted'),
    stopped: n('stopped'),
    replied: n('replied'),
    promises: tallyOf(r, 'promises_'),
    payments: payments
      ? payments.filter((x) => x.arm === arm).map((x) => ({ amount: x.amount, currency: x.currency }))
      : r.cur_max
        ? [{ amount: unitsToDecimal(String(r.units)), currency: String(r.cur_max) }]
        : [],
  };
}

/** Minor units of 1/10,000 as a decimal string ("4000000" → "400.0000"). */
function unitsToDecimal(units: string): string {
  const digits = units.replace(/\.0+$/, '').padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

export async function groupCounts(db: Kysely<Database>, dialect: Dialect, f: GroupFilter): Promise<GroupCountsIn[]> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const stage = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['strategy', 'stage']);
  const reached = sql`select m.id, m.borrower_id, m.template, m.channel, m.status, m.send_at, ${stage} as stage
    from messages m join reminders r on r.id = m.reminder_id
    where m.send_at >= ${f.from} and m.send_at < ${f.to} and m.status in (${inList(REACHED_STATUSES)}) ${tenantCond}`;
  const groupsQ = sql<{
    template: string;
    channel: string;
    stage: string | null;
    messages: number;
    delivered: number;
    borrowers: number;
  }>`
    with rm as (${reached})
    select template, channel, stage, count(*) as messages,
      sum(case when status in (${inList(DELIVERED_STATUSES)}) or (channel = 'email' and status = 'sent') then 1 else 0 end) as delivered,
      count(distinct borrower_id) as borrowers
    from rm group by template, channel, stage`.execute(db);
  // Each outcome's touches: the reached messages in the window before it; the newest is the last touch.
  const oat = sql.ref('o.at') as unknown as RawBuilder<unknown>;
  const touchesQ = sql<{
    kind: string;
    amount: string | null;
    currency: string | null;
    template: string;
    channel: string;
    stage: string | null;
    rank: number;
    oid: string;
  }>`
    with rm as (${reached})
    select o.id as oid, o.kind as kind, o.amount as amount, o.currency as currency, rm.template as template, rm.channel as channel, rm.stage as stage,
      row_number() over (partition by o.id order by rm.send_at desc, rm.id desc) as rank
    from outcomes o join rm on rm.borrower_id = o.borrower_id and rm.send_at <= o.at and rm.send_at >= ${plusDays(dialect, oat, -f.windowDays)}
    where o.at >= ${f.from}`.execute(db);
  const optedQ = sql<{ template: string; channel: string; stage: string | null; n: number }>`
    with rm as (${reached})
    select rm.template as template, rm.channel as channel, rm.stage as stage, count(distinct rm.borrower_id) as n
    from rm join events e on e.chain = 'b:' || rm.borrower_id and e.type = 'borrower.opted_out' and e.at >= rm.send_at and e.at <= ${plusDays(dialect, sql.ref('rm.send_at') as unknown as RawBuilder<unknown>, 7)}
    group by rm.template, rm.channel, rm.stage`.execute(db);
  // Each promise's last touch (as a reported promise's: the newest reached message in the window before it was agreed),
  // and the promises counted by where they stand, per group: counted here, not row by row.
  const pat = sql.ref('pm.agreed_at') as unknown as RawBuilder<unknown>;
  const pmTenant = f.tenant ? sql`and pm.tenant = ${f.tenant}` : sql``;
  const promisesQ = sql<{ template: string; channel: string; stage: string | null } & Record<string, unknown>>`
    with rm as (${reached}),
    lt as (
      select pm.state as state, rm.template as template, rm.channel as channel, rm.stage as stage,
        row_number() over (partition by pm.id order by rm.send_at desc, rm.id desc) as rank
      from promises pm join rm on rm.borrower_id = pm.borrower_id and rm.send_at <= pm.agreed_at and rm.send_at >= ${plusDays(dialect, pat, -f.windowDays)}
      where pm.agreed_at >= ${f.from} ${pmTenant}
    )
    select template, channel, stage, count(*) as made, ${promiseStates('state')}
    from lt where rank = 1 group by template, channel, stage`.execute(db);
  const bouncedQ = groupBounces(db, dialect, f);
  // The five at once: each is a pass of its own over the period's messages.
  const [groups, touches, opted, promised, bounced] = await Promise.all([
    groupsQ,
    touchesQ,
    optedQ,
    promisesQ,
    bouncedQ,
  ]);
  const key = (x: { template: string; channel: string; stage: string | null }) =>
    `${x.template}\u0000${x.channel}\u0000${x.stage ?? ''}`;
  const out = new Map<string, GroupCountsIn>();
  const group = (g: { template: string; channel: string; stage: string | null }) => {
    if (!out.has(key(g)))
      out.set(key(g), {
        template: g.template,
        channel: g.channel,
        stage: g.stage ?? null,
        messages: 0,
        delivered: 0,
        borrowers: 0,
        paymentsLast: 0,
        promisesLast: 0,
        paymentsAny: 0,
        recovered: [],
        optedOut: 0,
        promises: { made: 0, kept: 0, broken: 0, pending: 0 },
        bounced: { hard: 0, soft: 0 },
      });
    return out.get(key(g))!;
  };
  for (const g of groups.rows)
    Object.assign(group(g), {
      messages: Number(g.messages),
      delivered: Number(g.delivered),
      borrowers: Number(g.borrowers),
    });
  // A group whose every email bounced hard reached no one, and is shown for its bounces.
  for (const b of bounced.rows) group(b).bounced = { hard: Number(b.hard), soft: Number(b.soft) };
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
  for (const p of promised.rows) {
    const g = out.get(key(p));
    if (g) g.promises = tallyOf(p);
  }
  return [...out.values()];
}

/** The emails of each group that bounced (a hard bounce ended it undelivered: it is in no reached group's `messages`). */
function groupBounces(db: Kysely<Database>, dialect: Dialect, f: PeriodFilter) {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const stage = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['strategy', 'stage']);
  return sql<{ template: string; channel: string; stage: string | null; hard: number; soft: number }>`
    with b as (
      select m.id, m.template as template, m.channel as channel, ${stage} as stage,
        max(case when cast(${bounceHard(dialect)} as text) in ('1', 'true') then 1 else 0 end) as hard
      from messages m join reminders r on r.id = m.reminder_id
        join events e on e.message_id = m.id and e.type = 'email.bounced'
      where m.send_at >= ${f.from} and m.send_at < ${f.to} ${tenantCond}
      group by m.id, m.template, m.channel, ${stage}
    )
    select template, channel, stage, sum(hard) as hard, sum(1 - hard) as soft from b group by template, channel, stage`.execute(
    db,
  );
}

/** A promise broken in the period, as the review lists it. */
export interface BrokenPromise {
  /** The promise's id as the caller reported it. */
  promiseId: string;
  tenant: string;
  accountRef: string;
  /** The borrower's id as its tenant knows it. */
  borrowerId: string;
  kind: string;
  agreedAt: string;
  /** When it was decided broken (its last instalment decided). */
  brokenAt: string;
  misses: number;
}

/** The review lists at most this many broken promises (newest first); the count is always whole. */
export const BROKEN_LIST_LIMIT = 200;

/**
 * The promises decided in the period (kept or broken; the time of the last instalment decided), counted
 * by the database, and the broken ones, newest first, up to BROKEN_LIST_LIMIT.
 */
async function decidedPromises(db: Kysely<Database>, f: PeriodFilter): Promise<ReviewCounts['promises']> {
  const tenantCond = f.tenant ? sql`and p.tenant = ${f.tenant}` : sql``;
  const decided = sql`select p.id, p.tenant, p.borrower_id, p.account_ref, p.kind, p.state, p.agreed_at, p.misses,
      max(i.decided_at) as decided_at
    from promises p join promise_instalments i on i.promise_id = p.id and i.decided_at >= ${f.from}
    where p.state in ('kept', 'broken') ${tenantCond}
    group by p.id, p.tenant, p.borrower_id, p.account_ref, p.kind, p.state, p.agreed_at, p.misses
    having max(i.decided_at) < ${f.to}`;
  const countsQ = sql<{ state: string; n: number }>`
    with d as (${decided}) select d.state as state, count(*) as n from d group by d.state`.execute(db);
  const listQ = sql<{
    id: string;
    caller_id: string | null;
    tenant: string;
    borrower_id: string;
    account_ref: string;
    kind: string;
    agreed_at: string;
    misses: number;
    decided_at: string;
  }>`
    with d as (${decided})
    select d.id as id, o.caller_id as caller_id, d.tenant as tenant, d.borrower_id as borrower_id, d.account_ref as account_ref,
      d.kind as kind, d.agreed_at as agreed_at, d.misses as misses, d.decided_at as decided_at
    from d left join outcomes o on o.id = d.id
    where d.state = 'broken'
    order by d.decided_at desc, d.id limit ${BROKEN_LIST_LIMIT}`.execute(db);
  const [counts, list] = await Promise.all([countsQ, listQ]);
  const n = (state: string) => Number(counts.rows.find((r) => r.state === state)?.n ?? 0);
  return {
    kept: n('kept'),
    broken: n('broken'),
    brokenList: list.rows.map((r) => ({
      promiseId: r.caller_id ?? r.id,
      tenant: r.tenant,
      accountRef: r.account_ref,
      borrowerId: refOfBorrowerKey(r.borrower_id),
      kind: r.kind,
      agreedAt: r.agreed_at,
      brokenAt: r.decided_at,
      misses: Number(r.misses),
    })),
  };
}

/** The review's counts: reached messages by stage and channel, outcomes and borrower events in the period. */
export async function reviewCounts(db: Kysely<Database>, dialect: Dialect, f: PeriodFilter): Promise<ReviewCounts> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const stage = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['strategy', 'stage']);
  const sentQ = sql<{ stage: string | null; channel: string; messages: number; delivered: number }>`
    select ${stage} as stage, m.channel as channel, count(*) as messages,
      sum(case when m.status in (${inList(DELIVERED_STATUSES)}) or (m.channel = 'email' and m.status = 'sent') then 1 else 0 end) as delivered
    from messages m join reminders r on r.id = m.reminder_id
    where m.send_at >= ${f.from} and m.send_at < ${f.to} and m.status in (${inList(REACHED_STATUSES)}) ${tenantCond}
    group by ${stage}, m.channel`.execute(db);
  const oTenant = f.tenant ? sql`and tenant = ${f.tenant}` : sql``;
  const outcomesQ = sql<{
    kind: string;
    currency: string | null;
    amount: string | null;
  }>`select kind, currency, amount from outcomes where at >= ${f.from} and at < ${f.to} ${oTenant}`.execute(db);
  const bTenant = f.tenant
    ? f.tenant === 'default'
      ? sql`and borrower_id not like '%~%'`
      : sql`and borrower_id like ${`${f.tenant}~%`}`
    : sql``;
  const kind = jsonText(dialect, sql.ref('data') as unknown as RawBuilder<unknown>, ['kind']);
  const eventsQ = sql<{ type: string; kind: string | null; n: number }>`
    select type, ${kind} as kind, count(*) as n from events
    where type in ('borrower.opted_out', 'inbound.sms', 'inbound.email') and at >= ${f.from} and at < ${f.to} ${bTenant}
    group by type, ${kind}`.execute(db);
  const [sent, outcomes, events, promises, reach] = await Promise.all([
    sentQ,
    outcomesQ,
    eventsQ,
    decidedPromises(db, f),
    reachCounts(db, dialect, f),
  ]);
  return {
    sent: sent.rows.map((s) => ({
      stage: s.stage ?? 'none',
      channel: s.channel,
      messages: Number(s.messages),
      delivered: Number(s.delivered),
    })),
    outcomes: outcomes.rows,
    events: events.rows.map((e) => ({ type: e.type, kind: e.kind, n: Number(e.n) })),
    promises,
    reach,
  };
}

/**
 * Reach (policy/reach-report.ts): the period's messages that were handed to a provider or failed,
 * counted by tenant, channel and status (undelivered and failed ones by their code too, failed
 * ones by whether a provider took them), and the emails that bounced, hard or only soft.
 */
export async function reachCounts(db: Kysely<Database>, dialect: Dialect, f: PeriodFilter): Promise<ReachCountsIn> {
  const tenantCond = f.tenant ? sql`and m.tenant = ${f.tenant}` : sql``;
  const period = sql`m.send_at >= ${f.from} and m.send_at < ${f.to} ${tenantCond}`;
  const statusesQ = sql<{
    tenant: string;
    channel: string;
    status: string;
    code: string | null;
    with_provider: number;
    n: number;
  }>`
    select m.tenant as tenant, m.channel as channel, m.status as status,
      case when m.status in ('undelivered', 'failed') then m.error_code end as code,
      case when m.status = 'failed' and m.provider_id is not null then 1 else 0 end as with_provider,
      count(*) as n
    from messages m
    where ${period} and m.status in (${inList([...HANDED_OVER_STATUSES, 'failed'])})
    group by 1, 2, 3, 4, 5`.execute(db);
  const bouncesQ = sql<{ tenant: string; channel: string; hard: number; soft: number }>`
    with b as (
      select m.tenant as tenant, m.channel as channel, m.id as id,
        max(case when cast(${bounceHard(dialect)} as text) in ('1', 'true') then 1 else 0 end) as hard
      from messages m join events e on e.message_id = m.id and e.type = 'email.bounced'
      where ${period}
      group by m.tenant, m.channel, m.id
    )
    select tenant, channel, sum(hard) as hard, sum(1 - hard) as soft from b group by tenant, channel`.execute(db);
  // Fallback messages (a reminder the fallback made: metadata.fallback.from names the message it falls back from),
  // by the channel they fell back from and the one they used, and where they stand now.
  const from = jsonText(dialect, sql.ref('r.metadata') as unknown as RawBuilder<unknown>, ['fallback', 'from']);
  const fallbacksQ = sql<{ tenant: string; from_channel: string; channel: string; status: string; n: number }>`
    select m.tenant as tenant, m0.channel as from_channel, m.channel as channel, m.status as status, count(*) as n
    from messages m join reminders r on r.id = m.reminder_id join messages m0 on m0.id = ${from}
    where ${period}
    group by m.tenant, m0.channel, m.channel, m.status`.execute(db);
  const [statuses, bounces, fallbacks] = await Promise.all([statusesQ, bouncesQ, fallbacksQ]);
  return {
    fallbacks: fallbacks.rows.map((r) => ({
      tenant: r.tenant,
      from: r.from_channel,
      channel: r.channel,
      status: r.status,
      n: Number(r.n),
    })),
    statuses: statuses.rows.map((r) => ({
      tenant: r.tenant,
      channel: r.channel,
      status: r.status,
      code: r.code ?? null,
      withProvider: Number(r.with_provider) === 1,
      n: Number(r.n),
    })),
    bounces: bounces.rows.map((r) => ({
      tenant: r.tenant,
      channel: r.channel,
      hard: Number(r.hard),
      soft: Number(r.soft),
    })),
  };
}
