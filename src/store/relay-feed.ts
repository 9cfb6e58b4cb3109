/**
 * The outbound-event relay's view of the event log: new events of some types after a cursor, and
 * the cursor itself. It must lose nothing however long a transaction stays open, and never send
 * an event twice:
 * - PostgreSQL: ids are taken when rows are inserted, not when transactions commit, so a long
 *   transaction can commit lower ids after higher ones were relayed. Every event records its
 *   transaction id; the relay takes only events of transactions older than the oldest still
 *   running (`pg_snapshot_xmin`), all of which have committed or aborted, in (transaction, id)
 *   order, and the cursor is that pair.
 * - SQLite: one writer at a time, so commits come in id order; the cursor is the id, and events
 *   are taken once they are a moment old (`before`).
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './db.js';
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Database } from './schema.js';

export interface RelayEvent {
  id: number;
  /** The writing transaction (PostgreSQL; 0 on SQLite). */
  tx: number;
  type: string;
  messageId: string | null;
  borrowerId: string;
  /** The tenant of the event's borrower. */
  tenant: string;
  at: string;
  data: Record<string, unknown>;
}

export interface RelayCursor {
  tx: number;
  id: number;
}

/** New events for the outbound relay, and its cursor. */
export interface RelayFeed {
  /** Where the relay called `name` has got to (the start, before its first advance). */
  cursor(name: string): Promise<RelayCursor>;
  /** Events of these types after the cursor whose transactions have finished (SQLite: older than `before`), in order. */
  eventsAfter(after: RelayCursor, before: string, types: string[], limit: number): Promise<RelayEvent[]>;
  /** Moves the relay's cursor past `last`. */
  advance(name: string, last: RelayCursor): Promise<void>;
}

export function makeRelayFeed(db: Kysely<Database>, dialect: Dialect): RelayFeed {
  return {
    async cursor(name: string): Promise<RelayCursor> {
      const row = await db
        .selectFrom('relay_cursor')
        .select(['last_id', 'last_tx'])
        .where('name', '=', name)
        .executeTakeFirst();
      return { tx: Number(row?.last_tx ?? 0), id: Number(row?.last_id ?? 0) };
    },

    /** Events of these types after the cursor whose transactions have finished (SQLite: older than `before`), in order. */
    async eventsAfter(after: RelayCursor, before: string, types: string[], limit: number): Promise<RelayEvent[]> {
      let q = db
        .selectFrom('events')
        .select(['id', 'txid', 'type', 'message_id', 'borrower_id', 'at', 'data'])
        .where('type', 'in', types)
        .where('chain', 'not like', 'r:%');
      if (dialect === 'postgres') {
        q = q
          .where(sql<boolean>`(coalesce(txid, 0), id) > (${after.tx}, ${after.id})`)
          .where(sql<boolean>`coalesce(txid, 0) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`)
          .orderBy(sql`coalesce(txid, 0)`)
          .orderBy('id');
      } else {
        q = q.where('id', '>', after.id).where('at', '<', before).orderBy('id');
      }
      const rows = await q.limit(limit).execute();
      return rows.map((r) => ({
        id: Number(r.id),
        tx: Number(r.txid ?? 0),
        type: r.type,
        messageId: r.message_id,
        borrowerId: r.borrower_id,
        tenant: tenantOfBorrowerKey(r.borrower_id),
        at: r.at,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },

    async advance(name: string, last: RelayCursor): Promise<void> {
      await db
        .insertInto('relay_cursor')
        .values({ name, last_id: last.id, last_tx: last.tx })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: last.id, last_tx: last.tx }))
        .execute();
    },
  };
}
