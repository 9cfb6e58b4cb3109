/** 0004-retention: when a borrower was erased, and messages by borrower and last update. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('borrowers').addColumn('erased_at', 'text').execute();
  await db.schema
    .createIndex('messages_borrower_updated_ix')
    .on('messages')
    .columns(['borrower_id', 'updated_at'])
    .execute();
}
