/** 0013-store-is-the-schedule: when each message is next due, its job sequence, and the leases. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // due_at: when a message is next due; the feeder reads (status, due_at) in order.
  await db.schema.alterTable('messages').addColumn('due_at', 'text').execute();
  await db.schema
    .alterTable('messages')
    .addColumn('job_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update messages set due_at = send_at`.execute(db);
  await db.schema.createIndex('messages_due_ix').on('messages').columns(['status', 'due_at']).execute();
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();
}
