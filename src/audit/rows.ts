/** Rows to records and back, and the few writes every repository shares (inside the caller's transaction). */
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type { AuditEvent, Borrower, BorrowerStatus, Message, MessageStatus, Reminder } from '../domain/index.js';
import type { Dialect } from './db.js';
import { appendEvent, appendEventsBulk, type BulkLink } from './event-chain.js';
import { messageChain } from './hash-chain.js';
import type { BorrowersTable, Database, EventsTable, MessagesTable, RemindersTable } from './schema.js';
import type { BorrowerPatch, TransitionInput } from './store-types.js';

export type Conn = Kysely<Database> | Transaction<Database>;

export const DEFAULT_CONSENT: Borrower['consent'] = { sms: null, voice: null, email: null };

export const json = (v: unknown) => JSON.stringify(v);
export function parseJson<T>(v: string | null): T | null {
  return v === null ? null : (JSON.parse(v) as T);
}

export function toBorrower(r: BorrowersTable): Borrower {
  return {
    id: r.id,
    name: r.name,
    locale: r.locale,
    timezone: parseJson<string | string[]>(r.timezone),
    phone: r.phone,
    email: r.email,
    consent: { ...DEFAULT_CONSENT, ...(parseJson<Partial<Borrower['consent']>>(r.consent) ?? {}) },
    optOuts: parseJson<Borrower['optOuts']>(r.opt_outs) ?? [],
    blackouts: parseJson<Borrower['blackouts']>(r.blackouts) ?? [],
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
    attempts: Number(r.attempts),
    error: r.error_code === null && r.error_message === null ? null : { code: r.error_code, message: r.error_message },
    sendAt: r.send_at,
    dueAt: r.due_at ?? r.send_at,
    jobSeq: Number(r.job_seq ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Moves one message between states and appends the event, inside the caller's transaction. */
/** The conditional update of a transition: the event to append, or null if the row had moved on. */
async function applyTransition(trx: Conn, messageId: string, input: TransitionInput, nowIso: string): Promise<BulkLink | null> {
  const { incrementAttempts, nextJob, ...patch } = input.patch ?? {};
  // The conditional update also locks the row (PostgreSQL), so events of one message are
  // appended one at a time and its chain never forks.
  const updated = await trx
    .updateTable('messages')
    .set({
      ...patch,
      status: input.to,
      updated_at: nowIso,
      ...(incrementAttempts ? { attempts: sql<number>`attempts + 1` } : {}),
      ...(nextJob ? { job_seq: sql<number>`job_seq + 1` } : {}),
    })
    .where('id', '=', messageId)
    .where((eb) => {
      const inFrom = eb('status', 'in', [...input.from]);
      return input.orSendingSince ? eb.or([inFrom, eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', input.orSendingSince.toISOString())])]) : inFrom;
    })
    .returning(['borrower_id', 'attempts'])
    .executeTakeFirst();
  if (!updated) return null;
  const data = { ...(input.data ?? {}), ...(incrementAttempts ? { attempt: Number(updated.attempts) } : {}) };
  return { pos: { chain: messageChain(messageId), messageId, borrowerId: updated.borrower_id, now: nowIso }, input: { type: input.type, actor: input.actor, data } };
}

export async function transitionIn(trx: Conn, dialect: Dialect, messageId: string, input: TransitionInput, nowIso: string): Promise<boolean> {
  const link = await applyTransition(trx, messageId, input, nowIso);
  if (!link) return false;
  await appendEvent(trx, dialect, link.pos, link.input);
  return true;
}

/**
 * Many transitions in one transaction (group commit): each row updated on its own condition,
 * then all their events appended in bulk (heads read in one query, events and heads written in
 * multi-row statements). Answers, in order, whether each applied.
 */
export async function transitionsIn(trx: Conn, dialect: Dialect, items: ReadonlyArray<{ messageId: string; input: TransitionInput; nowIso: string }>): Promise<boolean[]> {
  const links: BulkLink[] = [];
  const applied: boolean[] = [];
  for (const it of items) {
    const link = await applyTransition(trx, it.messageId, it.input, it.nowIso);
    applied.push(link !== null);
    if (link) links.push(link);
  }
  await appendEventsBulk(trx, dialect, links);
  return applied;
}

export function newBorrower(id: string, nowIso: string): Borrower {
  return {
    id,
    name: null,
    locale: 'en-US',
    timezone: null,
    phone: null,
    email: null,
    consent: { ...DEFAULT_CONSENT },
    optOuts: [],
    blackouts: [],
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
  };
}

/** The borrower as it will be once the patch is stored (absent fields keep their value). */
export function applyPatch(b: Borrower, p: BorrowerPatch | undefined): Borrower {
  if (!p) return b;
  return {
    ...b,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.locale !== undefined ? { locale: p.locale } : {}),
    ...(p.timezone !== undefined ? { timezone: p.timezone } : {}),
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    ...(p.consent !== undefined ? { consent: { ...b.consent, ...p.consent } } : {}),
    ...(p.blackouts !== undefined ? { blackouts: p.blackouts } : {}),
  };
}

export function borrowerUpdateSet(p: BorrowerPatch, existing: Borrower | undefined, nowIso: string): Partial<BorrowersTable> {
  const set: Partial<BorrowersTable> = { updated_at: nowIso };
  if (p.name !== undefined) set.name = p.name;
  if (p.locale !== undefined) set.locale = p.locale;
  if (p.timezone !== undefined) set.timezone = p.timezone === null ? null : json(p.timezone);
  if (p.phone !== undefined) set.phone = p.phone;
  if (p.email !== undefined) set.email = p.email;
  if (p.consent !== undefined) set.consent = json({ ...(existing?.consent ?? DEFAULT_CONSENT), ...p.consent });
  if (p.blackouts !== undefined) set.blackouts = json(p.blackouts);
  return set;
}

export async function upsertBorrowerIn(trx: Conn, p: BorrowerPatch, nowIso: string): Promise<{ borrower: Borrower; created: boolean }> {
  // Insert-or-nothing first: concurrent first sightings of one borrower (PostgreSQL) wait for
  // each other here instead of colliding on the primary key.
  const inserted = await trx
    .insertInto('borrowers')
    .values({
      id: p.id,
      name: p.name ?? null,
      locale: p.locale ?? 'en-US',
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
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existingRow = await trx.selectFrom('borrowers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    await trx
      .updateTable('borrowers')
      .set(borrowerUpdateSet(p, toBorrower(existingRow), nowIso))
      .where('id', '=', p.id)
      .execute();
  }
  const row = await trx.selectFrom('borrowers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  return { borrower: toBorrower(row), created: inserted !== undefined };
}
