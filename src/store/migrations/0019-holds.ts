/** 0019-holds: holds on a borrower (a dispute, a claim to have paid, hardship); nothing is sent while one is open. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per hold. `until` is null for a dispute (open until closed); `closed_at` null while
  // open. The gate reads a borrower's holds that are not closed on every send, hence the index.
  await db.schema
    .createTable('borrower_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('rule_ref', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('resolution', 'text')
    .addColumn('close_detail', 'text')
    .execute();
  await db.schema
    .createIndex('borrower_holds_borrower_ix')
    .on('borrower_holds')
    .columns(['borrower_id', 'closed_at'])
    .execute();
}
