/**
 * 0025-promises-by-borrower: the borrower's promises (the plan, the timeline) and the kept-rate
 * reports, which join promises to the messages of their borrower, read promises by borrower.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('promises_borrower_ix').on('promises').columns(['borrower_id', 'agreed_at']).execute();
}
