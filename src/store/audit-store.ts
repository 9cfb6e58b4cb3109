/**
 * The audit store: the source of truth for borrowers, reminders, messages and their events.
 * One implementation over kysely serves SQLite and PostgreSQL with the same queries.
 */
import type { EventType } from '../domain/events.js';
import { type Kysely, sql } from 'kysely';
import type { ApiKeyRecord, ApiRole } from '../domain/keys.js';
import {
  type AuditEvent,
  type Borrower,
  type BorrowerStatus,
  type Channel,
  type Message,
  type OptOut,
  PENDING_STATUSES,
  type Reminder,
} from '../domain/index.js';
import {
  createApiKey,
  type CreatedApiKey,
  findApiKeyByHash,
  listApiKeys,
  revokeApiKey,
  type StoredKey,
} from './api-keys.js';
import {
  type AuditRead,
  borrowerTimeline,
  type Cursor,
  listReads,
  type MessageFilter,
  type MessagePage,
  recordRead,
  type RecordedRead,
  type StatRow,
  type TimelineEntry,
} from './audit-queries.js';
import { makeBorrowerEventsRepo, makeBorrowersRepo } from './borrowers.repo.js';
import { openDb, type Dialect } from './db.js';
import { type ContentRef, contentsOf, storeContent } from './event-content.js';
import { type GroupCommit, type GroupCommitOptions, makeGroupCommit } from './group-commit.js';
import { makeIntakeRepo } from './intake.repo.js';
import { makeMessagesRepo, makeTransitionsRepo } from './messages.repo.js';
import { migrateToLatest } from './migrations.js';
import { deliveryOf, type OutboundDelivery, recordDelivery } from './outbound-deliveries.js';
import { makeOutboxRepo } from './outbox.repo.js';
import { makeRelayFeed, type RelayFeed } from './relay-feed.js';
import { type Leases, makeLeases, makeSchedule, type Schedule } from './schedule.repo.js';
import { makeRetention, type RetentionOptions, type RetentionReport } from './retention.js';
import type { Database } from './schema.js';
import { makeStrategyAccounts, type StrategyAccounts } from './strategy-accounts.js';
import type {
  AcceptResult,
  BorrowerPatch,
  EventInput,
  NewReminder,
  OutboxEntry,
  OutboxRecord,
  StoredTemplateVersion,
  TransitionInput,
} from './store-types.js';
import { makeSuppressionList, type SuppressionList } from './suppressions.js';
import { type AddressHasher, makeAddressHasher } from './address-hash.js';
import { type AddressKeyOpened, type AddressKeySource, openAddressKey } from './address-key.js';
import { type Erasure, makeErasure } from './erasure.js';
import type { VerifyReport } from './verify.js';
import type { ExportFormat } from './export-format.js';
import { exportText, type HeavyReads, makeInlineHeavyReads, makeThreadedHeavyReads } from './heavy-reads.js';
import { makeTenantsRepo, type TenantsRepo } from './tenants.repo.js';
import { makeOutcomesRepo, type OutcomesRepo } from './outcomes.repo.js';
import { makeHoldsRepo, type HoldsRepo } from './holds.repo.js';
import { makePromisesRepo, type PromisesRepo } from './promises.repo.js';
import { makeAddressFactsRepo, type AddressFactsRepo } from './address-facts.repo.js';
import { makeValidationNoticesRepo, type ValidationNoticesRepo } from './validation-notices.repo.js';
import { makeSilenceRepo, type SilenceRepo } from './silence.repo.js';
import { makeInboxRepo, type InboxRepo } from './inbox.repo.js';
import { type BouncesRepo, makeBouncesRepo } from './bounces.repo.js';
import type { BorrowerSearchResult } from './borrower-search.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { claimWebhook, releaseWebhook } from './webhook-receipts.js';
import { ALWAYS_AVAILABLE, type StoreAvailability } from './availability.js';

export type {
  AcceptResult,
  BorrowerPatch,
  EventInput,
  MessagePatch,
  NewMessage,
  NewReminder,
  OutboxEntry,
  OutboxRecord,
  StoredTemplateVersion,
  TransitionInput,
} from './store-types.js';
export { toMessage } from './rows.js';

/**
 * The store: borrowers, reminders and messages here, and one repository per other aggregate.
 * It hands out no connection: no module outside src/store names a table or holds a query builder.
 */
/** What a send needs: the message, its reminder and its borrower. */
export interface MessageWithContext {
  reminder: Reminder;
  message: Message;
  borrower: Borrower;
}

export interface AuditStore {
  /** The collection strategy's accounts. */
  readonly strategy: StrategyAccounts;
  /** Opted-out addresses (the default tenant's). */
  readonly suppressions: SuppressionList;
  /** Each tenant's opt-outs: a number that opts out of one tenant's messages is not opted out of another's. */
  suppressionsOf(tenant: string): SuppressionList;
  /** Tenant records. */
  readonly tenants: TenantsRepo;
  /** Payments and promises, and the rows of the outcome reports. */
  readonly outcomes: OutcomesRepo;
  /** Holds on a borrower (a dispute, a claim to have paid, hardship): nothing is sent while one is open. */
  readonly holds: HoldsRepo;
  readonly promises: PromisesRepo;
  /** What channels learned about addresses (a landline, a hard bounce): docs/reach.md. */
  readonly addressFacts: AddressFactsRepo;
  /** The validation notices sent (12 CFR 1006.34), per borrower and account. */
  readonly validationNotices: ValidationNoticesRepo;
  /** Texts with no delivery report whose reminder names a fallback (docs/reach.md). */
  readonly silence: SilenceRepo;
  /** The agents' inbox: who replied, their conversations, each key's read marks. */
  readonly inbox: InboxRepo;
  /** Soft bounces of email addresses in a row, per tenant. */
  readonly bounces: BouncesRepo;
  /** Free text events commit to by hash (erased by retention). */
  readonly content: {
    put(owner: string, text: string, now: Date): Promise<ContentRef>;
    get(ids: string[]): Promise<Map<string, { text: string | null; erasedAt: string | null }>>;
  };
  /**
   * When this store began a signing scheme or key (undefined: not recorded): `unsubscribe-u2`, or
   * `secret:<fingerprint>` for a SIGNING_SECRET first used then.
   */
  keySchemeSince(name: string): Promise<string | undefined>;
  /** Records that a scheme or key is in use from `now`, unless recorded already; when it began. */
  noteKeyScheme(name: string, now: Date): Promise<string>;
  /** Provider callbacks already processed. */
  readonly webhooks: { claim(key: string, now: Date): Promise<boolean>; release(key: string): Promise<void> };
  /** What became of each outbound event. */
  readonly deliveries: {
    record(
      eventId: string,
      status: 'delivered' | 'retrying' | 'failed',
      attempts: number,
      error: string | null,
      now: Date,
    ): Promise<void>;
    of(eventId: string): Promise<OutboundDelivery>;
  };
  /** The schedule: `scheduled` rows claimed by the feeder as they enter the horizon. */
  readonly schedule: Schedule;
  /** Leases on maintenance runs, so one process runs each per period (kept in the store: they survive Redis). */
  readonly leases: Leases;
  /** New events for the outbound relay, and its cursor. */
  readonly relay: RelayFeed;
  /** Who read what (compliance reads of content). */
  readonly reads: {
    record(read: AuditRead, now: Date): Promise<void>;
    list(limit: number, beforeId?: number, tenant?: string): Promise<RecordedRead[]>;
  };
  /**
   * Compliance's queries: search, export, stats, timelines, chain verification. All but the
   * timeline are heavy reads (heavy-reads.ts): off the event loop on SQLite.
   */
  readonly audit: {
    search(f: MessageFilter, limit: number, cursor?: Cursor): Promise<MessagePage>;
    /** Every matching message as CSV or NDJSON text, a page at a time (formatted off the event loop on SQLite). */
    export(f: MessageFilter, format: ExportFormat): AsyncGenerator<string>;
    stats(from: string, to: string, tenant?: string): Promise<StatRow[]>;
    timeline(borrowerId: string, limit: number): Promise<TimelineEntry[]>;
    /**
     * Every chain; with a tenant, that tenant's borrowers' and messages' chains (and the registry
     * entries of them). An aborted signal stops the run (its promise rejects).
     */
    verify(tenant?: string, signal?: AbortSignal): Promise<VerifyReport>;
    /** A tenant's borrowers by name, phone, email or an account's last four digits. */
    searchBorrowers(tenant: string, q: string, limit: number): Promise<BorrowerSearchResult>;
  };
  /** API keys kept in the store (`npm run keys`). */
  readonly apiKeys: {
    create(role: ApiRole, label: string | null, now: Date, tenant?: string): Promise<CreatedApiKey>;
    list(): Promise<StoredKey[]>;
    revoke(id: string, now: Date): Promise<boolean>;
    findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  };
  readonly retention: { apply(opts: RetentionOptions): Promise<RetentionReport> };
  /** Erasure on request: a borrower's personal data gone now, their suppressions kept as keyed hashes (erasure.ts). */
  readonly erasure: Erasure;
  /** Reminders of a client by their external ids, or by a prefix of them (a strategy stage's steps). */
  remindersByExternalIds(clientId: string, externalIds: string[]): Promise<Array<{ id: string; externalId: string }>>;
  remindersByExternalPrefix(clientId: string, prefix: string): Promise<Array<{ id: string; externalId: string }>>;
  /** A borrower's events of one type, newest first, with the event's row id (outbound events are named by it). */
  borrowerEventsOfType(
    borrowerId: string,
    type: EventType,
  ): Promise<Array<{ id: number; at: string; data: Record<string, unknown> }>>;
  /** Throws (StoreUnavailableError when it is down or locked) unless the database takes writes now. */
  ping(): Promise<void>;
  /** Whether the database answers, as the service's own queries find (availability.ts). */
  readonly availability: StoreAvailability;
  close(): Promise<void>;
  upsertBorrower(patch: BorrowerPatch, now: Date): Promise<{ borrower: Borrower; created: boolean }>;
  getBorrower(id: string): Promise<Borrower | undefined>;
  acceptReminders(items: NewReminder[], clientId: string, now: Date, actor: string): Promise<AcceptResult[]>;
  getReminder(id: string): Promise<{ reminder: Reminder; messages: Message[] } | undefined>;
  getMessage(id: string): Promise<Message | undefined>;
  getReminderOfMessage(messageId: string): Promise<MessageWithContext | undefined>;
  /** The same for many messages in one query, answered in the order asked. */
  getRemindersOfMessages(messageIds: readonly string[]): Promise<Array<MessageWithContext | undefined>>;
  listEvents(messageId: string): Promise<AuditEvent[]>;
  /** Moves a message from one of `from` to `to` and records the event; false when it was in no `from` state. */
  transition(messageId: string, input: TransitionInput, now: Date): Promise<boolean>;
  /**
   * Transitions gathered from concurrent callers and committed together (group commit); each
   * call answers as `transition` does once its transaction has committed.
   */
  groupCommit(options: GroupCommitOptions): GroupCommit;
  /** The same for many messages in one transaction; returns the ids that moved. */
  transitionMany(messageIds: string[], input: TransitionInput, now: Date): Promise<string[]>;
  /** Accepted rows older than `before`: the reconciler's input (a crash between commit and enqueue). */
  findAccepted(before: Date, limit: number): Promise<Message[]>;
  /** Messages that should have a job (queued, deferred, sending; due by `dueBy` if given), in id order after `afterId`. */
  findAwaitingJob(afterId: string, limit: number, dueBy?: Date): Promise<Message[]>;
  /** Sets the borrower's status and records a borrower event; false if unknown. */
  /** Sets the status and writes `event`, once: a borrower already in `status` is left as it is (`changed: false`, no event). */
  setBorrowerStatus(
    id: string,
    status: BorrowerStatus,
    event: EventInput,
    now: Date,
  ): Promise<{ borrower: Borrower; changed: boolean } | undefined>;
  /** Adds an opt-out for a channel (once) and records a borrower event; undefined if unknown. */
  addOptOut(
    id: string,
    optOut: OptOut,
    event: EventInput,
    now: Date,
  ): Promise<{ borrower: Borrower; added: boolean } | undefined>;
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
  getRenderData(
    messageId: string,
  ): Promise<{ context: Record<string, unknown>; timezone: string | null; stopKeyAction?: string } | undefined>;
  /** The newest outbox entries; with a tenant, of that tenant's messages only. */
  listOutbox(limit: number, tenant?: string): Promise<OutboxRecord[]>;
}

export interface OpenAuditStoreOptions {
  /** PostgreSQL: the schema. */
  schema?: string;
  /** The worker threads heavy reads run in (default 2), each with its own connection. */
  readThreads?: number;
  /** SQLite: how long a write waits for another process's lock (SQLITE_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /**
   * The wrapping of the key erased borrowers' suppressions are hashed under (address-key.ts),
   * derived from SIGNING_SECRET and SIGNING_SECRET_PREVIOUS by the wiring. Without it erasure and
   * retention refuse; with it, a stored key that neither secret unwraps refuses the open
   * (AddressKeyUnavailableError).
   */
  addressKey?: AddressKeySource;
  /** Told what became of the stored key at open (created, unwrapped, re-wrapped after a rotation). */
  onAddressKey?: (opened: AddressKeyOpened) => void;
  /** When the store is opened (the stored key's dates); default now. */
  now?: Date;
}

export async function openAuditStore(url: string, options: OpenAuditStoreOptions = {}): Promise<AuditStore> {
  const { db, dialect, availability } = await openDb(url, {
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  await migrateToLatest(db, dialect, dialect === 'postgres' ? options.schema : undefined);
  let hasher: AddressHasher | undefined;
  if (options.addressKey) {
    try {
      const { keys, opened } = await openAddressKey(db, options.addressKey, options.now ?? new Date());
      options.onAddressKey?.(opened);
      hasher = makeAddressHasher(keys);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  // An in-memory database is the service's own: no thread can open it, so it reads inline.
  const heavy =
    url === 'sqlite::memory:'
      ? makeInlineHeavyReads(db, dialect)
      : makeThreadedHeavyReads({ url, schema: options.schema, threads: options.readThreads ?? 2 });
  return makeAuditStore(db, dialect, heavy, availability, hasher);
}

/** The store over a connection; `heavy` answers the heavy reads (by default on the same connection). */
export function makeAuditStore(
  db: Kysely<Database>,
  dialect: Dialect,
  heavy: HeavyReads = makeInlineHeavyReads(db, dialect),
  availability: StoreAvailability = ALWAYS_AVAILABLE,
  addressHasher?: AddressHasher,
): AuditStore {
  const lists = new Map<string, SuppressionList>();
  const suppressionLists = (tenant: string): SuppressionList => {
    let list = lists.get(tenant);
    if (!list) lists.set(tenant, (list = makeSuppressionList(db, dialect, tenant, addressHasher)));
    return list;
  };
  return {
    ...makeBorrowersRepo(db, dialect),
    ...makeBorrowerEventsRepo(db, dialect),
    ...makeIntakeRepo(db, dialect),
    ...makeMessagesRepo(db),
    ...makeTransitionsRepo(db, dialect),
    ...makeOutboxRepo(db, dialect),
    strategy: makeStrategyAccounts(db, dialect),
    schedule: makeSchedule(db, dialect),
    leases: makeLeases(db),
    suppressions: suppressionLists(DEFAULT_TENANT),
    suppressionsOf: suppressionLists,
    tenants: makeTenantsRepo(db),
    holds: makeHoldsRepo(db, dialect),
    promises: makePromisesRepo(db),
    addressFacts: makeAddressFactsRepo(db),
    validationNotices: makeValidationNoticesRepo(db, dialect),
    silence: makeSilenceRepo(db),
    inbox: makeInboxRepo(db),
    bounces: makeBouncesRepo(db),
    outcomes: {
      ...makeOutcomesRepo(db, dialect),
      experimentCounts: heavy.experimentCounts,
      groupCounts: heavy.groupCounts,
      reviewCounts: heavy.reviewCounts,
      reachCounts: heavy.reachCounts,
    },
    relay: makeRelayFeed(db, dialect),
    groupCommit: (options) => makeGroupCommit(db, dialect, options),
    retention: makeRetention(db, dialect, addressHasher),
    erasure: makeErasure(db, dialect, addressHasher),
    content: { put: (owner, text, now) => storeContent(db, owner, text, now), get: (ids) => contentsOf(db, ids) },
    keySchemeSince: async (name) =>
      (await db.selectFrom('key_schemes').select('since').where('name', '=', name).executeTakeFirst())?.since,
    noteKeyScheme: async (name, now) => {
      await db
        .insertInto('key_schemes')
        .values({ name, since: now.toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return (await db.selectFrom('key_schemes').select('since').where('name', '=', name).executeTakeFirstOrThrow())
        .since;
    },
    webhooks: { claim: (key, now) => claimWebhook(db, key, now), release: (key) => releaseWebhook(db, key) },
    deliveries: {
      record: (eventId, status, attempts, error, now) => recordDelivery(db, eventId, status, attempts, error, now),
      of: (eventId) => deliveryOf(db, eventId),
    },
    reads: {
      record: (read, now) => recordRead(db, read, now),
      list: (limit, beforeId, tenant) => listReads(db, limit, beforeId, tenant),
    },
    audit: {
      search: (f, limit, cursor) => heavy.messages(f, limit, cursor),
      export: (f, format) => exportText(heavy, f, format),
      stats: (from, to, tenant) => heavy.stats(from, to, tenant),
      timeline: (borrowerId, limit) => borrowerTimeline(db, borrowerId, limit),
      verify: (tenant, signal) => heavy.verify(tenant, signal),
      searchBorrowers: (tenant, q, limit) => heavy.searchBorrowers(tenant, q, limit),
    },
    apiKeys: {
      create: (role, label, now, tenant) => createApiKey(db, role, label, now, tenant),
      list: () => listApiKeys(db),
      revoke: (id, now) => revokeApiKey(db, id, now),
      findByHash: (hash) => findApiKeyByHash(db, hash),
    },
    async ping() {
      // SQLite reads beside another process's write lock (WAL): only taking the lock shows it is free.
      if (dialect === 'sqlite') await db.transaction().execute(async () => undefined);
      else await sql`select 1`.execute(db);
    },
    availability,
    async close() {
      await heavy.close();
      await db.destroy();
    },
  };
}

export { PENDING_STATUSES };
