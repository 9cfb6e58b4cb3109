/** 0016-outcomes: payments and promises by account, and the experiment and arm of each message. */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // Payments and promises the collection system reports, by account; reminders find their
  // account by it; messages record the experiment and arm they were sent in.
  await db.schema.alterTable('reminders').addColumn('account_ref', 'text').execute();
  const accountOf =
    dialect === 'postgres' ? sql`(debt::json ->> 'accountRef')` : sql`json_extract(debt, '$.accountRef')`;
  await sql`update reminders set account_ref = ${accountOf}`.execute(db);
  await db.schema.createIndex('reminders_account_ix').on('reminders').columns(['account_ref']).execute();
  await db.schema.alterTable('messages').addColumn('experiment', 'text').execute();
  await db.schema.alterTable('messages').addColumn('arm', 'text').execute();
  await db.schema.createIndex('messages_experiment_ix').on('messages').columns(['experiment', 'arm']).execute();
  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('caller_id', 'text', (c) => c.notNull())
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'text')
    .addColumn('currency', 'text')
    .addColumn('full', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('promised_for', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outcomes_tenant_at_ix').on('outcomes').columns(['tenant', 'at']).execute();
  await db.schema.createIndex('outcomes_borrower_ix').on('outcomes').columns(['borrower_id', 'at']).execute();
}
