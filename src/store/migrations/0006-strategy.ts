/** 0006-strategy: accounts under a collection strategy, and reminders by external id. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('strategy_accounts')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('days_overdue', 'integer', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_accounts_pk', ['client_id', 'account_ref'])
    .execute();
  await db.schema.createIndex('strategy_accounts_borrower_ix').on('strategy_accounts').column('borrower_id').execute();
  await db.schema.createIndex('reminders_external_ix').on('reminders').column('external_id').execute();
}
