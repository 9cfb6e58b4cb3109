/**
 * The audit store: the source of truth for borrowers, reminders, messages and their events.
 * One implementation over kysely serves SQLite and PostgreSQL with the same queries.
 */
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Channel } from '../../queues/index.js';
import { openDb, type Dialect } from './db.js';
import { appendEvent, appendEventsBulk, type BulkLink } from './event-chain.js';
import { borrowerChain, messageChain } from './hash-chain.js';
import { migrateToLatest } from './migrations.js';
import { createApiKey, findApiKeyByHash, listApiKeys, revokeApiKey } from './api-keys.js';
import { type AuditRead, borrowerTimeline, type Cursor, exportMessages, listReads, type MessageFilter, messageStats, recordRead, searchMessages, type StatRow, type TimelineEntry } from './audit-queries.js';
import { type ContentRef, contentsOf, storeContent } from './event-content.js';
import { deliveryOf, recordDelivery } from './outbound-deliveries.js';
import { makeRelayFeed, type RelayFeed } from './relay-feed.js';
import { makeRetention, type RetentionOptions, type RetentionReport } from './retention.js';
import { makeStrategyAccounts, type StrategyAccounts } from './strategy-accounts.js';
import { makeSuppressionList, type SuppressionList } from './suppressions.js';
import { verifyChains, type VerifyReport } from './verify.js';
import { claimWebhook, releaseWebhook } from './webhook-receipts.js';
import type { ApiKeyRecord, ApiRole } from '../domain/keys.js';
import type { BorrowersTable, Database, EventsTable, MessagesTable, RemindersTable } from './schema.js';
import {
  type AuditEvent,
  type Borrower,
  type BorrowerStatus,
  type Message,
  type MessageStatus,
  type OptOut,
  PENDING_STATUSES,
  type Reminder,
} from '../domain/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

/** The fields of a borrower a caller may set; absent ones are left as they are. */
export interface BorrowerPatch {
  id: string;
  name?: string | null | undefined;
  locale?: string | undefined;
  timezone?: string | string[] | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  consent?: Partial<Borrower['consent']> | undefined;
  blackouts?: Borrower['blackouts'] | undefined;
}

export interface NewMessage {
  id: string;
  channel: Channel;
  template: string;
  locale: string;
  to: string;
  sendAt: string;
}

export interface NewReminder {
  id: string;
  externalId: string | null;
  requestHash: string;
  borrower: BorrowerPatch;
  /** Inline borrower data to upsert; when false the borrower must already exist. */
  upsertBorrower: boolean;
  channel: Channel | 'auto';
  template: string;
  debt: Reminder['debt'];
  sendAt: string;
  expiresAt: string | null;
  metadata: Record<string, unknown> | null;
  contact: Reminder['contact'];
  /** Resolves the messages once the borrower is known (the channel `auto` looks at contact data). */
  messages: (borrower: Borrower) => NewMessage[] | { error: { path: string; message: string } };
}

export type AcceptResult =
  | { kind: 'created'; reminder: Reminder; messages: Message[] }
  | { kind: 'repeat'; reminder: Reminder; messages: Message[] }
  | { kind: 'conflict'; reminderId: string }
  | { kind: 'invalid'; path: string; message: string };

export interface EventInput {
  type: string;
  actor: string;
  data?: Record<string, unknown>;
}

export interface TransitionInput extends EventInput {
  from: readonly MessageStatus[];
  /** Also move a message that has been `sending` since before this instant (its worker died). */
  orSendingSince?: Date;
  to: MessageStatus;
  patch?: Partial<
    Pick<MessagesTable, 'template_version' | 'locale' | 'subject' | 'body' | 'provider' | 'provider_id' | 'error_code' | 'error_message' | 'render_data'>
  > & { incrementAttempts?: boolean };
}

export interface OutboxEntry {
  messageId: string;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  payload: Record<string, unknown>;
}

export interface StoredTemplateVersion {
  version: string;
  key: string;
  channel: string;
  locale: string;
  sources: { template: string; layout?: string | undefined; partials: Record<string, string> };
}

export interface OutboxRecord extends OutboxEntry {
  id: number;
  createdAt: string;
}

const DEFAULT_CONSENT: Borrower['consent'] = { sms: null, voice: null, email: null };

/**
 * The store: borrowers, reminders and messages here, and one repository per other aggregate.
 * It hands out no connection: no module outside src/audit names a table or holds a query builder.
 */
export interface AuditStore {
  readonly dialect: Dialect;
  /** The collection strategy's accounts. */
  readonly strategy: StrategyAccounts;
  /** Opted-out addresses. */
  readonly suppressions: SuppressionList;
  /** Free text events commit to by hash (erased by retention). */
  readonly content: {
    put(owner: string, text: string, now: Date): Promise<ContentRef>;
    get(ids: string[]): Promise<Map<string, { text: string | null; erasedAt: string | null }>>;
  };
  /** Provider callbacks already processed. */
  readonly webhooks: { claim(key: string, now: Date): Promise<boolean>; release(key: string): Promise<void> };
  /** What became of each outbound event. */
  readonly deliveries: {
    record(eventId: string, status: 'delivered' | 'retrying' | 'failed', attempts: number, error: string | null, now: Date): Promise<void>;
    of(eventId: string): ReturnType<typeof deliveryOf>;
  };
  /** New events for the outbound relay, and its cursor. */
  readonly relay: RelayFeed;
  /** Who read what (compliance reads of content). */
  readonly reads: { record(read: AuditRead, now: Date): Promise<void>; list(limit: number, beforeId?: number): ReturnType<typeof listReads> };
  /** Compliance's queries: search, export, stats, timelines, chain verification. */
  readonly audit: {
    search(f: MessageFilter, limit: number, cursor?: Cursor): ReturnType<typeof searchMessages>;
    export(f: MessageFilter): AsyncGenerator<Message>;
    stats(from: string, to: string): Promise<StatRow[]>;
    timeline(borrowerId: string, limit: number): Promise<TimelineEntry[]>;
    verify(): Promise<VerifyReport>;
  };
  /** API keys kept in the store (`npm run keys`). */
  readonly apiKeys: {
    create(role: ApiRole, label: string | null, now: Date): ReturnType<typeof createApiKey>;
    list(): ReturnType<typeof listApiKeys>;
    revoke(id: string, now: Date): Promise<boolean>;
    findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  };
  readonly retention: { apply(opts: RetentionOptions): Promise<RetentionReport> };
  /** Reminders of a client by their external ids, or by a prefix of them (a strategy stage's steps). */
  remindersByExternalIds(clientId: string, externalIds: string[]): Promise<Array<{ id: string; externalId: string }>>;
  remindersByExternalPrefix(clientId: string, prefix: string): Promise<Array<{ id: string; externalId: string }>>;
  /** A borrower's events of one type, newest first, with the event's row id (outbound events are named by it). */
  borrowerEventsOfType(borrowerId: string, type: string): Promise<Array<{ id: number; at: string; data: Record<string, unknown> }>>;
  ping(): Promise<void>;
  close(): Promise<void>;
  upsertBorrower(patch: BorrowerPatch, now: Date): Promise<{ borrower: Borrower; created: boolean }>;
  getBorrower(id: string): Promise<Borrower | undefined>;
  acceptReminders(items: NewReminder[], clientId: string, now: Date, actor: string): Promise<AcceptResult[]>;
  getReminder(id: string): Promise<{ reminder: Reminder; messages: Message[] } | undefined>;
  getMessage(id: string): Promise<Message | undefined>;
  getReminderOfMessage(messageId: string): Promise<{ reminder: Reminder; message: Message; borrower: Borrower } | undefined>;
  listEvents(messageId: string): Promise<AuditEvent[]>;
  /** Moves a message from one of `from` to `to` and records the event; false when it was in no `from` state. */
  transition(messageId: string, input: TransitionInput, now: Date): Promise<boolean>;
  /** The same for many messages in one transaction; returns the ids that moved. */
  transitionMany(messageIds: string[], input: TransitionInput, now: Date): Promise<string[]>;
  /** Accepted rows older than `before`: the reconciler's input (a crash between commit and enqueue). */
  findAccepted(before: Date, limit: number): Promise<Message[]>;
  /** Messages that should have a job (queued, deferred, sending), in id order after `afterId`. */
  findAwaitingJob(afterId: string, limit: number): Promise<Message[]>;
  /** Sets the borrower's status and records a borrower event; false if unknown. */
  setBorrowerStatus(id: string, status: BorrowerStatus, event: EventInput, now: Date): Promise<Borrower | undefined>;
  /** Adds an opt-out for a channel (once) and records a borrower event; undefined if unknown. */
  addOptOut(id: string, optOut: OptOut, event: EventInput, now: Date): Promise<{ borrower: Borrower; added: boolean } | undefined>;
  /** Removes a channel's opt-out (the borrower texted START); false if there was none. */
  removeOptOut(id: string, channel: Channel, event: EventInput, now: Date): Promise<boolean>;
  /** Borrowers reachable at a phone number (inbound SMS from it). */
  borrowersByPhone(phone: string): Promise<Borrower[]>;
  /** Borrowers reachable at an email address (compared lower-cased). */
  borrowersByEmail(email: string): Promise<Borrower[]>;
  /** The newest reminder of a borrower (its creditor names the sender of a confirmation). */
  latestReminder(borrowerId: string): Promise<Reminder | undefined>;
  /** Records an event on the borrower's chain (an inbound message, say). */
  recordBorrowerEvent(id: string, event: EventInput, now: Date): Promise<void>;
  /** Messages of a borrower that have not been sent yet (optionally one channel). */
  pendingMessages(borrowerId: string, channel?: Channel): Promise<Message[]>;
  listBorrowerEvents(borrowerId: string): Promise<AuditEvent[]>;
  recordOutbox(entry: OutboxEntry, now: Date): Promise<void>;
  /** Keeps the files of a template version (once per version). */
  rememberTemplateVersion(v: StoredTemplateVersion, now: Date): Promise<void>;
  getTemplateVersion(version: string): Promise<StoredTemplateVersion | undefined>;
  /** The data a message was rendered with, to re-render it. */
  getRenderData(messageId: string): Promise<{ context: Record<string, unknown>; timezone: string | null } | undefined>;
  listOutbox(limit: number): Promise<OutboxRecord[]>;
}

export async function openAuditStore(url: string, options: { schema?: string } = {}): Promise<AuditStore> {
  const { db, dialect } = await openDb(url, options);
  await migrateToLatest(db, dialect, dialect === 'postgres' ? options.schema : undefined);
  return makeAuditStore(db, dialect);
}

const json = (v: unknown) => JSON.stringify(v);
function parseJson<T>(v: string | null): T | null {
  return v === null ? null : (JSON.parse(v) as T);
}

function toBorrower(r: BorrowersTable): Borrower {
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

function toReminder(r: RemindersTable): Reminder {
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

function toEvent(r: Selectable<EventsTable>): AuditEvent {
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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Moves one message between states and appends the event, inside the caller's transaction. */
async function transitionIn(trx: Conn, dialect: Dialect, messageId: string, input: TransitionInput, nowIso: string): Promise<boolean> {
  const { incrementAttempts, ...patch } = input.patch ?? {};
  // The conditional update also locks the row (PostgreSQL), so events of one message are
  // appended one at a time and its chain never forks.
  const updated = await trx
    .updateTable('messages')
    .set({
      ...patch,
      status: input.to,
      updated_at: nowIso,
      ...(incrementAttempts ? { attempts: sql<number>`attempts + 1` } : {}),
    })
    .where('id', '=', messageId)
    .where((eb) => {
      const inFrom = eb('status', 'in', [...input.from]);
      return input.orSendingSince ? eb.or([inFrom, eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', input.orSendingSince.toISOString())])]) : inFrom;
    })
    .returning(['borrower_id', 'attempts'])
    .executeTakeFirst();
  if (!updated) return false;
  const data = { ...(input.data ?? {}), ...(incrementAttempts ? { attempt: Number(updated.attempts) } : {}) };
  await appendEvent(
    trx,
    dialect,
    { chain: messageChain(messageId), messageId, borrowerId: updated.borrower_id, now: nowIso },
    { type: input.type, actor: input.actor, data },
  );
  return true;
}

function newBorrower(id: string, nowIso: string): Borrower {
  return { id, name: null, locale: 'en-US', timezone: null, phone: null, email: null, consent: { ...DEFAULT_CONSENT }, optOuts: [], blackouts: [], status: 'active', createdAt: nowIso, updatedAt: nowIso };
}

function borrowerRow(b: Borrower, nowIso: string): BorrowersTable {
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
function applyPatch(b: Borrower, p: BorrowerPatch | undefined): Borrower {
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

function borrowerUpdateSet(p: BorrowerPatch, existing: Borrower | undefined, nowIso: string): Partial<BorrowersTable> {
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

async function upsertBorrowerIn(trx: Conn, p: BorrowerPatch, nowIso: string): Promise<{ borrower: Borrower; created: boolean }> {
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
    await trx.updateTable('borrowers').set(borrowerUpdateSet(p, toBorrower(existingRow), nowIso)).where('id', '=', p.id).execute();
  }
  const row = await trx.selectFrom('borrowers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  return { borrower: toBorrower(row), created: inserted !== undefined };
}

export function makeAuditStore(db: Kysely<Database>, dialect: Dialect): AuditStore {
  async function messagesOf(conn: Conn, reminderId: string): Promise<Message[]> {
    const rows = await conn.selectFrom('messages').selectAll().where('reminder_id', '=', reminderId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toMessage);
  }

  const strategy = makeStrategyAccounts(db);
  const suppressions = makeSuppressionList(db, dialect);
  const relay = makeRelayFeed(db);
  const retention = makeRetention(db, dialect);
  return {
    dialect,
    strategy,
    suppressions,
    relay,
    retention,
    content: { put: (owner, text, now) => storeContent(db, owner, text, now), get: (ids) => contentsOf(db, ids) },
    webhooks: { claim: (key, now) => claimWebhook(db, key, now), release: (key) => releaseWebhook(db, key) },
    deliveries: { record: (eventId, status, attempts, error, now) => recordDelivery(db, eventId, status, attempts, error, now), of: (eventId) => deliveryOf(db, eventId) },
    reads: { record: (read, now) => recordRead(db, read, now), list: (limit, beforeId) => listReads(db, limit, beforeId) },
    audit: {
      search: (f, limit, cursor) => searchMessages(db, f, limit, cursor),
      export: (f) => exportMessages(db, f),
      stats: (from, to) => messageStats(db, dialect, from, to),
      timeline: (borrowerId, limit) => borrowerTimeline(db, borrowerId, limit),
      verify: () => verifyChains(db),
    },
    apiKeys: {
      create: (role, label, now) => createApiKey(db, role, label, now),
      list: () => listApiKeys(db),
      revoke: (id, now) => revokeApiKey(db, id, now),
      findByHash: (hash) => findApiKeyByHash(db, hash),
    },

    async remindersByExternalIds(clientId, externalIds) {
      if (externalIds.length === 0) return [];
      const rows = await db.selectFrom('reminders').select(['id', 'external_id']).where('client_id', '=', clientId).where('external_id', 'in', externalIds).execute();
      return rows.map((r) => ({ id: r.id, externalId: r.external_id! }));
    },

    async remindersByExternalPrefix(clientId, prefix) {
      // A range on (client_id, external_id): the unique index serves it.
      const rows = await db.selectFrom('reminders').select(['id', 'external_id']).where('client_id', '=', clientId).where('external_id', '>=', prefix).where('external_id', '<', `${prefix}\uffff`).execute();
      return rows.map((r) => ({ id: r.id, externalId: r.external_id! }));
    },

    async borrowerEventsOfType(borrowerId, type) {
      const rows = await db.selectFrom('events').select(['id', 'at', 'data']).where('chain', '=', borrowerChain(borrowerId)).where('type', '=', type).orderBy('seq', 'desc').execute();
      return rows.map((r) => ({ id: Number(r.id), at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    async close() {
      await db.destroy();
    },

    async upsertBorrower(patch, now) {
      return db.transaction().execute((trx) => upsertBorrowerIn(trx, patch, now.toISOString()));
    },

    async getBorrower(id) {
      const row = await db.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toBorrower(row) : undefined;
    },

    async acceptReminders(items, clientId, now, actor) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Resolve every item against the borrower as it will be (stored row + inline data)
        // before writing anything, so an invalid item leaves no trace, not even its borrower.
        const ids = [...new Set(items.map((i) => i.borrower.id))];
        const known = new Map<string, Borrower>();
        for (let i = 0; i < ids.length; i += 500) {
          const rows = await trx.selectFrom('borrowers').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
          for (const row of rows) known.set(row.id, toBorrower(row));
        }
        // A repeated idempotency key answers with the original and changes nothing.
        const keys = [...new Set(items.map((i) => i.externalId).filter((k): k is string => k !== null))];
        const earlier = new Map<string, RemindersTable>();
        for (let i = 0; i < keys.length; i += 500) {
          const rows = await trx.selectFrom('reminders').selectAll().where('client_id', '=', clientId).where('external_id', 'in', keys.slice(i, i + 500)).execute();
          for (const row of rows) earlier.set(row.external_id!, row);
        }
        const patches = new Map<string, BorrowerPatch>();
        const resolvedItems: Array<{ item: NewReminder; messages: NewMessage[] } | { invalid: { path: string; message: string } } | { earlier: RemindersTable; item: NewReminder }> = [];
        for (const item of items) {
          const id = item.borrower.id;
          const original = item.externalId !== null ? earlier.get(item.externalId) : undefined;
          if (original) {
            resolvedItems.push({ earlier: original, item });
            continue;
          }
          const base = known.get(id) ?? (patches.has(id) ? newBorrower(id, nowIso) : undefined);
          if (!base && !item.upsertBorrower) {
            resolvedItems.push({ invalid: { path: 'borrowerId', message: `no borrower with id "${id}": send the borrower inline or create it with PUT /v1/borrowers/:id` } });
            continue;
          }
          const pending = patches.get(id);
          const merged = applyPatch(applyPatch(base ?? newBorrower(id, nowIso), pending), item.upsertBorrower ? item.borrower : undefined);
          const resolved = item.messages(merged);
          if (!Array.isArray(resolved)) {
            resolvedItems.push({ invalid: resolved.error });
            continue;
          }
          if (item.upsertBorrower) patches.set(id, { ...pending, ...item.borrower, consent: { ...pending?.consent, ...item.borrower.consent } });
          resolvedItems.push({ item, messages: resolved });
        }
        // Borrowers in id order, so concurrent batches lock rows in the same order. New ones are
        // inserted in bulk (built in memory); known ones, or any a concurrent request just
        // created, are updated one by one.
        const borrowers = new Map<string, Borrower>(known);
        const newIds = [...patches.keys()].filter((id) => !known.has(id)).sort();
        const fresh = new Map(newIds.map((id) => [id, applyPatch(newBorrower(id, nowIso), patches.get(id))]));
        const insertedBorrowers = new Set<string>();
        for (let i = 0; i < newIds.length; i += 100) {
          const values = newIds.slice(i, i + 100).map((id) => borrowerRow(fresh.get(id)!, nowIso));
          const rows = await trx.insertInto('borrowers').values(values).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
          for (const r of rows) insertedBorrowers.add(r.id);
        }
        for (const id of newIds) if (insertedBorrowers.has(id)) borrowers.set(id, fresh.get(id)!);
        for (const id of [...patches.keys()].sort()) {
          if (!insertedBorrowers.has(id)) borrowers.set(id, (await upsertBorrowerIn(trx, patches.get(id)!, nowIso)).borrower);
        }

        // Reminders in bulk; a key taken meanwhile (a concurrent repeat) is answered below.
        const pending = resolvedItems.flatMap((entry) => ('item' in entry && 'messages' in entry ? [entry] : []));
        const reminderValues = new Map<string, RemindersTable>();
        for (const { item } of pending) {
          reminderValues.set(item.id, {
            id: item.id,
            client_id: clientId,
            external_id: item.externalId,
            request_hash: item.requestHash,
            borrower_id: item.borrower.id,
            channel: item.channel,
            template: item.template,
            debt: json(item.debt),
            send_at: item.sendAt,
            expires_at: item.expiresAt,
            metadata: item.metadata === null ? null : json(item.metadata),
            contact: item.contact ? json(item.contact) : null,
            created_at: nowIso,
          });
        }
        const insertedReminders = new Set<string>();
        const allValues = [...reminderValues.values()];
        for (let i = 0; i < allValues.length; i += 100) {
          const rows = await trx.insertInto('reminders').values(allValues.slice(i, i + 100)).onConflict((oc) => oc.columns(['client_id', 'external_id']).doNothing()).returning('id').execute();
          for (const r of rows) insertedReminders.add(r.id);
        }

        const messageRows: MessagesTable[] = [];
        const links: BulkLink[] = [];
        const results: AcceptResult[] = [];
        for (const entry of resolvedItems) {
          if ('invalid' in entry) {
            results.push({ kind: 'invalid', ...entry.invalid });
            continue;
          }
          if ('earlier' in entry) {
            results.push(
              entry.earlier.request_hash === entry.item.requestHash
                ? { kind: 'repeat', reminder: toReminder(entry.earlier), messages: await messagesOf(trx, entry.earlier.id) }
                : { kind: 'conflict', reminderId: entry.earlier.id },
            );
            continue;
          }
          const { item, messages: resolved } = entry;
          if (!insertedReminders.has(item.id)) {
            const original = await trx.selectFrom('reminders').selectAll().where('client_id', '=', clientId).where('external_id', '=', item.externalId).executeTakeFirstOrThrow();
            results.push(
              original.request_hash !== item.requestHash
                ? { kind: 'conflict', reminderId: original.id }
                : { kind: 'repeat', reminder: toReminder(original), messages: await messagesOf(trx, original.id) },
            );
            continue;
          }
          const borrower = borrowers.get(item.borrower.id)!;
          const created: Message[] = [];
          for (const m of resolved) {
            const messageValues: MessagesTable = {
              id: m.id,
              reminder_id: item.id,
              borrower_id: borrower.id,
              channel: m.channel,
              template: m.template,
              template_version: null,
              locale: m.locale,
              to_addr: m.to,
              subject: null,
              body: null,
              status: 'accepted',
              provider: null,
              provider_id: null,
              attempts: 0,
              error_code: null,
              error_message: null,
              send_at: m.sendAt,
              created_at: nowIso,
              updated_at: nowIso,
              render_data: null,
            };
            messageRows.push(messageValues);
            created.push(toMessage(messageValues));
            links.push({
              pos: { chain: messageChain(m.id), messageId: m.id, borrowerId: borrower.id, now: nowIso, isNew: true },
              input: { type: 'accepted', actor, data: { reminderId: item.id, channel: m.channel, template: m.template, sendAt: m.sendAt } },
            });
          }
          // Built from what was written: no read-back per item.
          results.push({ kind: 'created', reminder: toReminder(reminderValues.get(item.id)!), messages: created });
        }
        for (let i = 0; i < messageRows.length; i += 100) await trx.insertInto('messages').values(messageRows.slice(i, i + 100)).execute();
        await appendEventsBulk(trx, dialect, links);
        return results;
      });
    },

    async getReminder(id) {
      const row = await db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return { reminder: toReminder(row), messages: await messagesOf(db, id) };
    },

    async getMessage(id) {
      const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },

    async getReminderOfMessage(messageId) {
      const m = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
      if (!m) return undefined;
      const r = await db.selectFrom('reminders').selectAll().where('id', '=', m.reminder_id).executeTakeFirst();
      const b = await db.selectFrom('borrowers').selectAll().where('id', '=', m.borrower_id).executeTakeFirst();
      if (!r || !b) return undefined;
      return { reminder: toReminder(r), message: toMessage(m), borrower: toBorrower(b) };
    },

    async listEvents(messageId) {
      const rows = await db.selectFrom('events').selectAll().where('chain', '=', messageChain(messageId)).orderBy('seq').execute();
      return rows.map(toEvent);
    },

    async transition(messageId, input, now) {
      return db.transaction().execute((trx) => transitionIn(trx, dialect, messageId, input, now.toISOString()));
    },

    async transitionMany(messageIds, input, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const moved: string[] = [];
        if (input.patch || input.orSendingSince) {
          for (const id of messageIds) if (await transitionIn(trx, dialect, id, input, nowIso)) moved.push(id);
          return moved;
        }
        // A plain state change for many messages: one update (which locks the rows) and the
        // events in bulk.
        const links: BulkLink[] = [];
        for (let i = 0; i < messageIds.length; i += 500) {
          const rows = await trx
            .updateTable('messages')
            .set({ status: input.to, updated_at: nowIso })
            .where('id', 'in', messageIds.slice(i, i + 500))
            .where('status', 'in', [...input.from])
            .returning(['id', 'borrower_id'])
            .execute();
          for (const r of rows) {
            moved.push(r.id);
            links.push({ pos: { chain: messageChain(r.id), messageId: r.id, borrowerId: r.borrower_id, now: nowIso }, input: { type: input.type, actor: input.actor, data: input.data ?? {} } });
          }
        }
        await appendEventsBulk(trx, dialect, links);
        return moved;
      });
    },

    async findAccepted(before, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('status', '=', 'accepted')
        .where('created_at', '<', before.toISOString())
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async findAwaitingJob(afterId, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('status', 'in', ['queued', 'deferred', 'sending'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async setBorrowerStatus(id, status, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('borrowers').set({ status, updated_at: nowIso }).where('id', '=', id).returning('id').executeTakeFirst();
        if (!updated) return undefined;
        await appendEvent(trx, dialect, { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso }, event);
        return toBorrower(await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      });
    },

    async addOptOut(id, optOut, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Touch the row first: it locks it (PostgreSQL) so concurrent opt-outs do not overwrite each other.
        const touched = await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', id).returning('id').executeTakeFirst();
        if (!touched) return undefined;
        const current = toBorrower(await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
        const added = !current.optOuts.some((o) => o.channel === optOut.channel);
        if (added) {
          await trx.updateTable('borrowers').set({ opt_outs: json([...current.optOuts, optOut]) }).where('id', '=', id).execute();
          await appendEvent(trx, dialect, { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso }, event);
        }
        return { borrower: toBorrower(await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()), added };
      });
    },

    async removeOptOut(id, channel, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const touched = await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', id).returning('id').executeTakeFirst();
        if (!touched) return false;
        const current = toBorrower(await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
        if (!current.optOuts.some((o) => o.channel === channel)) return false;
        await trx.updateTable('borrowers').set({ opt_outs: json(current.optOuts.filter((o) => o.channel !== channel)) }).where('id', '=', id).execute();
        await appendEvent(trx, dialect, { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso }, event);
        return true;
      });
    },

    async borrowersByPhone(phone) {
      return (await db.selectFrom('borrowers').selectAll().where('phone', '=', phone).execute()).map(toBorrower);
    },

    async borrowersByEmail(email) {
      const lower = email.toLowerCase();
      // Stored as given; most are lower-case already, so the index answers first.
      const exact = await db.selectFrom('borrowers').selectAll().where('email', '=', lower).execute();
      const folded = await db.selectFrom('borrowers').selectAll().where(sql<string>`lower(email)`, '=', lower).where('email', '!=', lower).execute();
      return [...exact, ...folded].map(toBorrower);
    },

    async latestReminder(borrowerId) {
      const row = await db.selectFrom('reminders').selectAll().where('borrower_id', '=', borrowerId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      return row ? toReminder(row) : undefined;
    },

    async recordBorrowerEvent(id, event, now) {
      const nowIso = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', id).execute();
        await appendEvent(trx, dialect, { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso }, event);
      });
    },

    async pendingMessages(borrowerId, channel) {
      let q = db.selectFrom('messages').selectAll().where('borrower_id', '=', borrowerId).where('status', 'in', [...PENDING_STATUSES]);
      if (channel) q = q.where('channel', '=', channel);
      return (await q.orderBy('created_at').execute()).map(toMessage);
    },

    async listBorrowerEvents(borrowerId) {
      const rows = await db.selectFrom('events').selectAll().where('chain', '=', borrowerChain(borrowerId)).orderBy('seq').execute();
      return rows.map(toEvent);
    },

    async rememberTemplateVersion(v, now) {
      await db
        .insertInto('template_versions')
        .values({ version: v.version, key: v.key, channel: v.channel, locale: v.locale, sources: json(v.sources), created_at: now.toISOString() })
        .onConflict((oc) => oc.column('version').doNothing())
        .execute();
    },

    async getTemplateVersion(version) {
      const row = await db.selectFrom('template_versions').selectAll().where('version', '=', version).executeTakeFirst();
      return row ? { version: row.version, key: row.key, channel: row.channel, locale: row.locale, sources: JSON.parse(row.sources) as StoredTemplateVersion['sources'] } : undefined;
    },

    async getRenderData(messageId) {
      const row = await db.selectFrom('messages').select('render_data').where('id', '=', messageId).executeTakeFirst();
      return row?.render_data ? (JSON.parse(row.render_data) as { context: Record<string, unknown>; timezone: string | null }) : undefined;
    },

    async recordOutbox(entry, now) {
      await db
        .insertInto('outbox')
        .values({
          message_id: entry.messageId,
          channel: entry.channel,
          to_addr: entry.to,
          subject: entry.subject,
          body: entry.body,
          payload: json(entry.payload),
          created_at: now.toISOString(),
        })
        .execute();
    },

    async listOutbox(limit) {
      const rows = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: Number(r.id),
        messageId: r.message_id,
        channel: r.channel as Channel,
        to: r.to_addr,
        subject: r.subject,
        body: r.body,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
      }));
    },
  };
}

export { PENDING_STATUSES };
