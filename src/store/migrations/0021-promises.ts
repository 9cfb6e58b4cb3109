/**
 * 0021-promises: promises and payment plans that drive the cadence. A promise is a plan of one
 * instalment; each instalment is kept or missed by its own due date. A hold may now hold one
 * account (a promise holds the account it was made on, not the borrower's other debts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promises')
    // The outcome's id (`<tenant>:promise:<caller id>`): one promise per reported outcome.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('agreed_at', 'text', (c) => c.notNull())
    // open → kept (every instalment paid) or broken (missed past the limit); superseded by a newer promise.
    .addColumn('state', 'text', (c) => c.notNull())
    // What payments reported since it was agreed add up to (a decimal string), and the misses so far.
    .addColumn('paid', 'text', (c) => c.notNull())
    .addColumn('misses', 'integer', (c) => c.notNull())
    .addColumn('hold_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  // The watcher looks at open promises on every round; the account's open promise on every payment.
  await db.schema.createIndex('promises_state_ix').on('promises').columns(['state', 'tenant']).execute();
  await db.schema.createIndex('promises_account_ix').on('promises').columns(['tenant', 'account_ref']).execute();
  await db.schema
    .createTable('promise_instalments')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    // Null: a promise that named no amount (any payment keeps it).
    .addColumn('amount', 'text')
    // due → kept | missed
    .addColumn('state', 'text', (c) => c.notNull())
    // The reminder sent the day before (the courtesy), once.
    .addColumn('courtesy_reminder_id', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('promise_instalments_pk', ['promise_id', 'seq'])
    .execute();
  await db.schema.alterTable('borrower_holds').addColumn('account_ref', 'text').execute();
  await db.schema.alterTable('borrower_holds').addColumn('promise_id', 'text').execute();
}
