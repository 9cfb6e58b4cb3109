/**
 * The store as the schedule. A message due beyond the horizon is a `scheduled` row and no job;
 * the feeder claims the rows entering the horizon, in due order, adds their jobs and marks them
 * `queued`. On PostgreSQL the claim is `FOR UPDATE SKIP LOCKED` inside one transaction, so
 * several feeders take disjoint batches; on SQLite (one writer) the mark is conditional on
 * `scheduled`. Either way the jobs are added before the mark: a crash in between leaves rows
 * `scheduled` whose jobs exist, and the next claim adds them again (a no-op: job id = message id)
 * and marks them. A worker that meets a `scheduled` row takes it as due.
 */
import type { Kysely } from 'kysely';
import type { Message } from '../domain/index.js';
import type { Dialect } from './db.js';
import { bulkTransitionIn } from './messages.repo.js';
import { toMessage } from './rows.js';
import type { Database } from './schema.js';
import type { TransitionInput } from './store-types.js';

export interface Schedule {
  /**
   * Claims up to `limit` `scheduled` rows due by `until`, calls `enqueue` with them, then marks
   * them `queued` (actor `feeder`). Returns those it moved. If `enqueue` throws nothing is marked.
   */
  feedDue(
    until: Date,
    limit: number,
    enqueue: (messages: Message[]) => Promise<void>,
    now: Date,
    tenant?: string,
  ): Promise<Message[]>;
  /** How many rows wait in the store, and when the next is due (for /metrics and the bench). */
  pending(): Promise<{ count: number; nextDueAt: string | null }>;
  /** When the longest-waiting message that is due by `now` and not yet sent fell due (null: none is late). */
  oldestDue(now: Date): Promise<string | null>;
}

/** Every status a message has between being accepted and its provider taking it. */
const UNSENT = ['accepted', 'scheduled', 'queued', 'deferred', 'sending'];

const QUEUED_BY_FEEDER: TransitionInput = { from: ['scheduled'], to: 'queued', type: 'queued', actor: 'feeder' };

export function makeSchedule(db: Kysely<Database>, dialect: Dialect): Schedule {
  const due = (conn: Kysely<Database>, until: Date, limit: number, tenant: string | undefined) => {
    let q = conn
      .selectFrom('messages')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('due_at', '<=', until.toISOString());
    if (tenant !== undefined) q = q.where('tenant', '=', tenant);
    return q.orderBy('due_at').orderBy('id').limit(limit);
  };

  return {
    async feedDue(until, limit, enqueue, now, tenant) {
      const claimThenMark = async (claimer: Kysely<Database>, marker: (ids: string[]) => Promise<string[]>) => {
        const q = due(claimer, until, limit, tenant);
        const messages = (await (dialect === 'postgres' ? q.forUpdate().skipLocked() : q).execute()).map(toMessage);
        if (messages.length === 0) return [];
        await enqueue(messages);
        const moved = new Set(await marker(messages.map((m) => m.id)));
        return messages.filter((m) => moved.has(m.id));
      };
      const nowIso = now.toISOString();
      // PostgreSQL: claim, add and mark in one transaction (the row locks keep feeders apart).
      if (dialect === 'postgres')
        return db
          .transaction()
          .execute((trx) => claimThenMark(trx, (ids) => bulkTransitionIn(trx, dialect, ids, QUEUED_BY_FEEDER, nowIso)));
      // SQLite: one writer; the mark is conditional on `scheduled`, in a transaction of its own.
      return claimThenMark(db, (ids) =>
        db.transaction().execute((trx) => bulkTransitionIn(trx, dialect, ids, QUEUED_BY_FEEDER, nowIso)),
      );
    },

    async pending() {
      const row = await db
        .selectFrom('messages')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('due_at').as('next')])
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return { count: Number(row?.n ?? 0), nextDueAt: (row?.next as string | null | undefined) ?? null };
    },

    async oldestDue(now) {
      // messages_due_ix (status, due_at): one short range per status.
      const row = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.min('due_at').as('oldest'))
        .where('status', 'in', UNSENT)
        .where('due_at', '<=', now.toISOString())
        .executeTakeFirst();
      return (row?.oldest as string | null | undefined) ?? null;
    },
  };
}

export interface Leases {
  /**
   * Takes or renews the lease on `name` for `ttlMs` if it is free, expired or already `holder`'s.
   * Held: `{ lastRunAt }` (when the job last started, anywhere); not held: undefined.
   */
  claim(name: string, holder: string, ttlMs: number, now: Date): Promise<{ lastRunAt: string | null } | undefined>;
  /** Records a run that started at `startedAt` (the holder keeps the lease). */
  ran(name: string, holder: string, startedAt: Date): Promise<void>;
  /** Gives the lease up (a clean shutdown), so another process takes over at once. */
  release(name: string, holder: string, now: Date): Promise<void>;
}

export function makeLeases(db: Kysely<Database>): Leases {
  const known = new Set<string>();
  return {
    async claim(name, holder, ttlMs, now) {
      const nowIso = now.toISOString();
      if (!known.has(name)) {
        await db
          .insertInto('leases')
          .values({ name, holder: null, expires_at: new Date(0).toISOString(), last_run_at: null })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        known.add(name);
      }
      const row = await db
        .updateTable('leases')
        .set({ holder, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
        .where('name', '=', name)
        .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('holder', '=', holder)]))
        .returning('last_run_at')
        .executeTakeFirst();
      return row ? { lastRunAt: row.last_run_at } : undefined;
    },

    async ran(name, holder, startedAt) {
      await db
        .updateTable('leases')
        .set({ last_run_at: startedAt.toISOString() })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },

    async release(name, holder, now) {
      await db
        .updateTable('leases')
        .set({ holder: null, expires_at: now.toISOString() })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },
  };
}
