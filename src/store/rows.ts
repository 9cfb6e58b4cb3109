/** Rows to records and back, and the few writes every repository shares (inside the caller's transaction). */
import { CompiledQuery, type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type {
  AuditEvent,
  Borrower,
  BorrowerLanguage,
  BorrowerStatus,
  Message,
  MessageStatus,
  OptOut,
  Reminder,
} from '../domain/index.js';
import { REACHED_STATUSES } from '../domain/statuses.js';
import { refOfBorrowerKey, tenantOfBorrowerKey } from './borrower-key.js';
import type { Dialect } from './db.js';
import { appendEvent, appendEventsBulk, type BulkLink, headOfRow } from './event-chain.js';
import { borrowerChain, messageChain } from './hash-chain.js';
import type {
  BorrowersTable,
  Database,
  EventsTable,
  FirstTouchesTable,
  MessagesTable,
  RemindersTable,
} from './schema.js';
import type { BorrowerPatch, MessagePatch, TransitionInput } from './store-types.js';

export type Conn = Kysely<Database> | Transaction<Database>;

export const DEFAULT_CONSENT: Borrower['consent'] = { sms: null, voice: null, email: null };

export const json = (v: unknown) => JSON.stringify(v);
export function parseJson<T>(v: string | null): T | null {
  return v === null ? null : (JSON.parse(v) as T);
}

export function toBorrower(r: BorrowersTable): Borrower {
  return {
    id: r.id,
    tenant: tenantOfBorrowerKey(r.id),
    ref: refOfBorrowerKey(r.id),
    name: r.name,
    locale: r.locale,
    language: { preference: r.language_preference ?? null, recordedAt: r.language_recorded_at ?? null },
    timezone: parseJson<string | string[]>(r.timezone),
    phone: r.phone,
    email: r.email,
    consent: { ...DEFAULT_CONSENT, ...(parseJson<Partial<Borrower['consent']>>(r.consent) ?? {}) },
    optOuts: parseJson<Borrower['optOuts']>(r.opt_outs) ?? [],
    blackouts: parseJson<Borrower['blackouts']>(r.blackouts) ?? [],
    region: r.region ?? null,
    status: r.status as BorrowerStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toReminder(r: RemindersTable): Reminder {
  return {
    id: r.id,
    clientId: r.client_id,
    externalId: r.external_id,
    borrowerId: r.borrower_id,
    tenant: tenantOfBorrowerKey(r.borrower_id),
    borrowerRef: refOfBorrowerKey(r.borrower_id),
    channel: r.channel as Reminder['channel'],
    template: r.template,
    debt: JSON.parse(r.debt) as Reminder['debt'],
    sendAt: r.send_at,
    expiresAt: r.expires_at,
    metadata: parseJson<Record<string, unknown>>(r.metadata),
    contact: parseJson<Reminder['contact']>(r.contact),
    createdAt: r.created_at,
  };
}

export function toEvent(r: Selectable<EventsTable>): AuditEvent {
  return {
    chain: r.chain,
    seq: Number(r.seq),
    messageId: r.message_id,
    borrowerId: r.borrower_id,
    type: r.type,
    at: r.at,
    actor: r.actor,
    data: JSON.parse(r.data) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function toMessage(r: MessagesTable): Message {
  return {
    id: r.id,
    reminderId: r.reminder_id,
    borrowerId: r.borrower_id,
    tenant: r.tenant,
    borrowerRef: refOfBorrowerKey(r.borrower_id),
    channel: r.channel as Channel,
    template: r.template,
    templateVersion: r.template_version,
    locale: r.locale,
    to: r.to_addr,
    subject: r.subject,
    body: r.body,
    status: r.status as MessageStatus,
    provider: r.provider,
    providerId: r.provider_id,
    ...(r.route ? { route: r.route } : {}),
    attempts: Number(r.attempts),
    error: r.error_code === null && r.error_message === null ? null : { code: r.error_code, message: r.error_message },
    sendAt: r.send_at,
    dueAt: r.due_at ?? r.send_at,
    jobSeq: Number(r.job_seq ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.experiment ? { experiment: { id: r.experiment, arm: r.arm ?? '' } } : {}),
  };
}

type PatchColumns = Partial<
  Pick<
    MessagesTable,
    | 'template_version'
    | 'locale'
    | 'subject'
    | 'body'
    | 'provider'
    | 'provider_id'
    | 'route'
    | 'error_code'
    | 'error_message'
    | 'render_data'
    | 'due_at'
  >
>;

/** The columns a transition's patch sets; absent fields set none. */
export function patchColumns(patch: MessagePatch | undefined): PatchColumns {
  if (!patch) return {};
  const columns: PatchColumns = {};
  if (patch.templateVersion !== undefined) columns.template_version = patch.templateVersion;
  if (patch.locale !== undefined) columns.locale = patch.locale;
  if (patch.subject !== undefined) columns.subject = patch.subject;
  if (patch.body !== undefined) columns.body = patch.body;
  if (patch.renderData !== undefined) columns.render_data = JSON.stringify(patch.renderData);
  if (patch.provider !== undefined) columns.provider = patch.provider;
  if (patch.providerId !== undefined) columns.provider_id = patch.providerId;
  if (patch.route !== undefined) columns.route = patch.route;
  if (patch.errorCode !== undefined) columns.error_code = patch.errorCode;
  if (patch.errorMessage !== undefined) columns.error_message = patch.errorMessage;
  if (patch.dueAt !== undefined) columns.due_at = patch.dueAt;
  return columns;
}

/**
 * The conditional update of a transition, as text: one per shape (the columns it sets, its
 * counters, how many statuses it may move from, whether it takes over a stale `sending`), made
 * once and kept, so a send builds no query (issue 32: kysely building the hot path's statements
 * was 8 % of the pipeline's CPU). Column names come from `patchColumns`, a fixed set; every value
 * is a parameter.
 */
const transitionTexts = new Map<string, string>();
function transitionText(
  dialect: Dialect,
  columns: readonly string[],
  inc: boolean,
  next: boolean,
  from: number,
  stale: boolean,
): string {
  const key = `${dialect}|${columns.join(',')}|${inc ? 1 : 0}${next ? 1 : 0}|${from}|${stale ? 1 : 0}`;
  let text = transitionTexts.get(key);
  if (text) return text;
  let n = 0;
  const p = () => (dialect === 'postgres' ? `$${++n}` : '?');
  const sets = [...columns, 'status', 'updated_at'].map((c) => `"${c}" = ${p()}`);
  if (inc) sets.push('"attempts" = attempts + 1');
  if (next) sets.push('"job_seq" = job_seq + 1');
  const id = p();
  const inFrom = `"status" in (${Array.from({ length: from }, p).join(', ')})`;
  const where = stale ? `(${inFrom} or ("status" = 'sending' and "updated_at" < ${p()}))` : inFrom;
  text = `update "messages" set ${sets.join(', ')} where "id" = ${id} and ${where} returning "borrower_id", "attempts", "experiment", "arm", "tenant", "send_at", "chain_seq", "chain_hash"`;
  transitionTexts.set(key, text);
  return text;
}

/** The conditional update of a transition: the event to append, or null if the row had moved on. */
async function applyTransition(
  trx: Conn,
  dialect: Dialect,
  messageId: string,
  input: TransitionInput,
  nowIso: string,
  touches?: FirstTouchesTable[],
): Promise<BulkLink | null> {
  const { incrementAttempts, nextJob } = input.patch ?? {};
  const patch = patchColumns(input.patch) as Record<string, unknown>;
  const columns = Object.keys(patch);
  const stale = input.orSendingSince?.toISOString();
  const text = transitionText(dialect, columns, !!incrementAttempts, !!nextJob, input.from.length, stale !== undefined);
  // The conditional update also locks the row (PostgreSQL), so events of one message are
  // appended one at a time and its chain never forks; it leaves the chain's head as it was and
  // answers it, so the event links from it with no read of its own.
  const { rows } = await trx.executeQuery<TransitionedRow>(
    CompiledQuery.raw(text, [
      ...columns.map((c) => patch[c] ?? null),
      input.to,
      nowIso,
      messageId,
      ...input.from,
      ...(stale !== undefined ? [stale] : []),
    ]),
  );
  const updated = rows[0];
  if (!updated) return null;
  touches?.push(...touchOf(updated, input));
  return linkOf(messageId, input, nowIso, updated);
}

/**
 * What a transition's conditional update answers: the row's borrower and attempts, its chain's
 * head (unchanged by the update: the head the event links from), and what its first touch needs.
 */
interface TransitionedRow {
  borrower_id: string;
  attempts: number | string;
  experiment: string | null;
  arm: string | null;
  tenant: string;
  send_at: string;
  chain_seq: number | string | null;
  chain_hash: string | null;
}

/** A message of an experiment that now reaches its borrower: a candidate first touch (none otherwise). */
function touchOf(row: TransitionedRow, input: TransitionInput): FirstTouchesTable[] {
  if (!row.experiment || !row.arm || !REACHED_STATUSES.includes(input.to)) return [];
  const at = Date.parse(row.send_at);
  const plus = (days: number) => new Date(at + days * 86_400_000).toISOString();
  return [
    {
      experiment: row.experiment,
      borrower_id: row.borrower_id,
      tenant: row.tenant,
      arm: row.arm,
      first_at: new Date(at).toISOString(),
      first7: plus(7),
      first14: plus(14),
      first30: plus(30),
    },
  ];
}

/**
 * Keeps each borrower's earliest touch in each experiment (0026): one statement for a batch, and
 * none at all for a batch with no message of an experiment reaching its borrower.
 */
async function recordFirstTouches(trx: Conn, touches: readonly FirstTouchesTable[]): Promise<void> {
  if (touches.length === 0) return;
  const earliest = new Map<string, FirstTouchesTable>();
  for (const t of touches) {
    const key = `${t.experiment}\u0000${t.borrower_id}`;
    const had = earliest.get(key);
    if (!had || t.first_at < had.first_at) earliest.set(key, t);
  }
  await trx
    .insertInto('first_touches')
    .values([...earliest.values()])
    .onConflict((oc) =>
      oc
        .columns(['experiment', 'borrower_id'])
        .doUpdateSet((eb) => ({
          arm: eb.ref('excluded.arm'),
          first_at: eb.ref('excluded.first_at'),
          first7: eb.ref('excluded.first7'),
          first14: eb.ref('excluded.first14'),
          first30: eb.ref('excluded.first30'),
        }))
        .where(sql<boolean>`excluded.first_at < first_touches.first_at`),
    )
    .execute();
}

export async function transitionIn(
  trx: Conn,
  dialect: Dialect,
  messageId: string,
  input: TransitionInput,
  nowIso: string,
): Promise<boolean> {
  const touches: FirstTouchesTable[] = [];
  const link = await applyTransition(trx, dialect, messageId, input, nowIso, touches);
  if (!link) return false;
  await appendEvent(trx, dialect, link.pos, link.input);
  await recordFirstTouches(trx, touches);
  return true;
}

/**
 * Many transitions in one transaction (group commit): each row updated on its own condition
 * (which answers its chain's head), then all their events appended in bulk (events in
 * multi-row statements, the new heads onto the rows in one update). Answers, in order, whether
 * each applied.
 */
export async function transitionsIn(
  trx: Conn,
  dialect: Dialect,
  items: ReadonlyArray<TransitionItem>,
): Promise<boolean[]> {
  const touches: FirstTouchesTable[] = [];
  const links: Array<BulkLink | null> = dialect === 'postgres' ? await applyTransitionsPg(trx, items, touches) : [];
  if (dialect !== 'postgres')
    for (const it of items) links.push(await applyTransition(trx, dialect, it.messageId, it.input, it.nowIso, touches));
  await appendEventsBulk(
    trx,
    dialect,
    links.filter((l): l is BulkLink => l !== null),
  );
  await recordFirstTouches(trx, touches);
  return links.map((l) => l !== null);
}

type TransitionItem = { messageId: string; input: TransitionInput; nowIso: string };

/** The patch columns a transition sets (undefined ones are not set), and its counters. */
function shapeOf(input: TransitionInput): { columns: string[]; key: string } {
  const { incrementAttempts, nextJob } = input.patch ?? {};
  const columns = Object.keys(patchColumns(input.patch)).sort();
  return { columns, key: `${columns.join(',')}|${incrementAttempts ? 1 : 0}|${nextJob ? 1 : 0}` };
}

/**
 * PostgreSQL: the batch's rows locked in id order with one query, then one `UPDATE … FROM
 * (VALUES …)` per shape of transition (same columns set), each row on its own condition. A message
 * that appears twice in the batch has its later transitions applied one by one afterwards, in
 * order, as separate transactions would.
 */
async function applyTransitionsPg(
  trx: Conn,
  items: ReadonlyArray<TransitionItem>,
  touches: FirstTouchesTable[],
): Promise<Array<BulkLink | null>> {
  const links: Array<BulkLink | null> = items.map(() => null);
  const seen = new Set<string>();
  const later: number[] = [];
  const shapes = new Map<string, { columns: string[]; inc: boolean; next: boolean; at: number[] }>();
  items.forEach((it, i) => {
    if (seen.has(it.messageId)) return void later.push(i);
    seen.add(it.messageId);
    const { columns, key } = shapeOf(it.input);
    const group = shapes.get(key) ?? {
      columns,
      inc: !!it.input.patch?.incrementAttempts,
      next: !!it.input.patch?.nextJob,
      at: [],
    };
    group.at.push(i);
    shapes.set(key, group);
  });
  await sql`SELECT id FROM messages WHERE id = ANY(${[...seen].sort()}::text[]) ORDER BY id FOR UPDATE`.execute(trx);
  for (const g of shapes.values()) {
    const rows = g.at.map((i) => {
      const { messageId, input, nowIso } = items[i]!;
      const patch: Record<string, unknown> = patchColumns(input.patch);
      return sql`(${sql.join([messageId, input.to, input.from.join(','), nowIso, input.orSendingSince?.toISOString() ?? null, ...g.columns.map((c) => patch[c] ?? null)].map((v) => sql`${v}::text`))})`;
    });
    const sets = [
      sql`status = v.to_status`,
      sql`updated_at = v.now_iso`,
      ...(g.inc ? [sql`attempts = m.attempts + 1`] : []),
      ...(g.next ? [sql`job_seq = m.job_seq + 1`] : []),
      ...g.columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(`p_${c}`)}`),
    ];
    const names = ['id', 'to_status', 'from_csv', 'now_iso', 'since_iso', ...g.columns.map((c) => `p_${c}`)].map((n) =>
      sql.ref(n),
    );
    const updated = await sql<TransitionedRow & { id: string }>`
      UPDATE messages AS m SET ${sql.join(sets)}
      FROM (VALUES ${sql.join(rows)}) AS v(${sql.join(names)})
      WHERE m.id = v.id
        AND (m.status = ANY(string_to_array(v.from_csv, ',')) OR (v.since_iso IS NOT NULL AND m.status = 'sending' AND m.updated_at < v.since_iso))
      RETURNING m.id, m.borrower_id, m.attempts, m.experiment, m.arm, m.tenant, m.send_at, m.chain_seq, m.chain_hash`.execute(
      trx,
    );
    const byId = new Map(updated.rows.map((r) => [r.id, r]));
    for (const i of g.at) {
      const { messageId, input, nowIso } = items[i]!;
      const row = byId.get(messageId);
      if (!row) continue;
      touches.push(...touchOf(row, input));
      links[i] = linkOf(messageId, input, nowIso, row);
    }
  }
  for (const i of later)
    links[i] = await applyTransition(trx, 'postgres', items[i]!.messageId, items[i]!.input, items[i]!.nowIso, touches);
  return links;
}

function linkOf(
  messageId: string,
  input: TransitionInput,
  nowIso: string,
  row: Pick<TransitionedRow, 'borrower_id' | 'attempts' | 'chain_seq' | 'chain_hash'>,
): BulkLink {
  const attempt = Number(row.attempts);
  const data = { ...(input.data ?? {}), ...(input.patch?.incrementAttempts ? { attempt } : {}) };
  return {
    pos: { chain: messageChain(messageId), messageId, borrowerId: row.borrower_id, now: nowIso, head: headOfRow(row) },
    input: { type: input.type, actor: input.actor, data },
  };
}

export function newBorrower(id: string, nowIso: string): Borrower {
  return {
    id,
    tenant: tenantOfBorrowerKey(id),
    ref: refOfBorrowerKey(id),
    name: null,
    locale: 'en-US',
    language: { preference: null, recordedAt: null },
    timezone: null,
    phone: null,
    email: null,
    consent: { ...DEFAULT_CONSENT },
    optOuts: [],
    blackouts: [],
    region: null,
    status: 'active',
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

export function borrowerRow(b: Borrower, nowIso: string): BorrowersTable {
  return {
    id: b.id,
    name: b.name,
    locale: b.locale,
    language_preference: b.language?.preference ?? null,
    language_recorded_at: b.language?.recordedAt ?? null,
    timezone: b.timezone === null ? null : json(b.timezone),
    phone: b.phone,
    email: b.email,
    consent: json(b.consent),
    opt_outs: json(b.optOuts),
    blackouts: json(b.blackouts),
    status: b.status,
    created_at: nowIso,
    updated_at: nowIso,
    erased_at: null,
    region: b.region ?? null,
  };
}

/** The region a patch sets: undefined keeps the stored one, null clears it. */
const regionOf = (p: BorrowerPatch): string | null | undefined => (p.address === null ? null : p.address?.region);
/**
 * The language preference once `locale` is said: the same language said again keeps when it was
 * first recorded; another is recorded now.
 */
export function languageAfter(current: Borrower['language'], locale: string, nowIso: string): BorrowerLanguage {
  return current?.preference === locale && current.recordedAt !== null
    ? current
    : { preference: locale, recordedAt: nowIso };
}

/** The borrower as it will be once the patch is stored (absent fields keep their value). */
export function applyPatch(b: Borrower, p: BorrowerPatch | undefined, nowIso: string): Borrower {
  if (!p) return b;
  return {
    ...b,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.locale !== undefined ? { locale: p.locale, language: languageAfter(b.language, p.locale, nowIso) } : {}),
    ...(p.timezone !== undefined ? { timezone: p.timezone } : {}),
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    ...(p.consent !== undefined ? { consent: { ...b.consent, ...p.consent } } : {}),
    ...(p.blackouts !== undefined ? { blackouts: p.blackouts } : {}),
    ...(regionOf(p) !== undefined ? { region: regionOf(p) } : {}),
  };
}

export function borrowerUpdateSet(
  p: BorrowerPatch,
  existing: Borrower | undefined,
  nowIso: string,
): Partial<BorrowersTable> {
  const set: Partial<BorrowersTable> = { updated_at: nowIso };
  if (p.name !== undefined) set.name = p.name;
  if (p.locale !== undefined) {
    set.locale = p.locale;
    const language = languageAfter(existing?.language, p.locale, nowIso);
    set.language_preference = language.preference;
    set.language_recorded_at = language.recordedAt;
  }
  if (p.timezone !== undefined) set.timezone = p.timezone === null ? null : json(p.timezone);
  if (p.phone !== undefined) set.phone = p.phone;
  if (p.email !== undefined) set.email = p.email;
  if (p.consent !== undefined) set.consent = json({ ...(existing?.consent ?? DEFAULT_CONSENT), ...p.consent });
  if (p.blackouts !== undefined) set.blackouts = json(p.blackouts);
  const region = regionOf(p);
  if (region !== undefined) set.region = region;
  return set;
}

/**
 * A wrong-number (wrong-address) detachment belonged to the address the borrower had: a new one
 * for the channel lifts it. The same address again, or none, keeps it.
 */
export function detachmentsLifted(p: BorrowerPatch, existing: Borrower): OptOut[] {
  const phone = p.phone != null && p.phone !== existing.phone;
  const email = p.email != null && p.email !== existing.email;
  return existing.optOuts.filter((o) => o.detached && (o.channel === 'email' ? email : phone));
}

export async function upsertBorrowerIn(
  trx: Conn,
  dialect: Dialect,
  p: BorrowerPatch,
  nowIso: string,
): Promise<{ borrower: Borrower; created: boolean }> {
  // Insert-or-nothing first: concurrent first sightings of one borrower (PostgreSQL) wait for
  // each other here instead of colliding on the primary key.
  const inserted = await trx
    .insertInto('borrowers')
    .values({
      id: p.id,
      name: p.name ?? null,
      locale: p.locale ?? 'en-US',
      language_preference: p.locale ?? null,
      language_recorded_at: p.locale !== undefined ? nowIso : null,
      timezone: p.timezone === undefined || p.timezone === null ? null : json(p.timezone),
      phone: p.phone ?? null,
      email: p.email ?? null,
      consent: json({ ...DEFAULT_CONSENT, ...(p.consent ?? {}) }),
      opt_outs: '[]',
      blackouts: json(p.blackouts ?? []),
      status: 'active',
      created_at: nowIso,
      updated_at: nowIso,
      erased_at: null,
      region: regionOf(p) ?? null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = toBorrower(
      await trx.selectFrom('borrowers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow(),
    );
    const set = borrowerUpdateSet(p, existing, nowIso);
    const lifted = detachmentsLifted(p, existing);
    if (lifted.length > 0) set.opt_outs = json(existing.optOuts.filter((o) => !lifted.includes(o)));
    await trx.updateTable('borrowers').set(set).where('id', '=', p.id).execute();
    for (const o of lifted)
      await appendEvent(
        trx,
        dialect,
        { chain: borrowerChain(p.id), messageId: null, borrowerId: p.id, now: nowIso },
        {
          type: 'borrower.opted_in',
          actor: 'borrower-update',
          data: { channel: o.channel, lifted: 'detached', reason: 'new-address' },
        },
      );
  }
  const row = await trx.selectFrom('borrowers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  return { borrower: toBorrower(row), created: inserted !== undefined };
}
