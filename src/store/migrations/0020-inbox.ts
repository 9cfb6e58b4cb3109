/** 0020-inbox: the agents' inbox: each key's read mark per borrower, and an index to find who replied. */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // How far a key has read a borrower's replies: the id of the last `inbound.sms` event it marked read.
  await db.schema
    .createTable('inbox_marks')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('last_event_id', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_marks_pk', ['tenant', 'key_id', 'borrower_id'])
    .execute();
  // The inbox lists the borrowers with inbound texts, newest first: a partial index holds only
  // those events, so every other event is written as cheaply as before.
  await sql`create index events_inbound_ix on events (borrower_id, id) where type = 'inbound.sms'`.execute(db);
}
