/** 0014-event-transactions: the transaction of each event and the relay cursor's (PostgreSQL fills them; SQLite gets the columns). */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    // Every event records its transaction; rows already there get this migration's, and
    // the relay's cursor is put at that transaction, so nothing is relayed twice.
    await sql`alter table events add column txid bigint default (pg_current_xact_id()::text::bigint)`.execute(db);
    await sql`alter table relay_cursor add column last_tx bigint not null default 0`.execute(db);
    await sql`update relay_cursor set last_tx = pg_current_xact_id()::text::bigint`.execute(db);
    await sql`create index events_txid_ix on events (txid, id)`.execute(db);
  } else {
    await db.schema.alterTable('events').addColumn('txid', 'integer').execute();
    await db.schema
      .alterTable('relay_cursor')
      .addColumn('last_tx', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}
