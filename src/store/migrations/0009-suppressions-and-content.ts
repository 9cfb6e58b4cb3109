/** 0009-suppressions-and-content: the suppression list, event content (erasable on its own), and borrowers by phone and email. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suppressions')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_pk', ['tenant', 'address', 'channel'])
    .execute();
  await db.schema
    .createTable('event_content')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema.createIndex('event_content_borrower_ix').on('event_content').column('borrower_id').execute();
  // Opt-outs by address find every borrower that carries it.
  await db.schema.createIndex('borrowers_phone_ix').on('borrowers').column('phone').execute();
  await db.schema.createIndex('borrowers_email_ix').on('borrowers').column('email').execute();
}
