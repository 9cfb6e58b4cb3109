/** 0012-suppression-chains: the chain each suppression records its events on. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('suppressions').addColumn('chain', 'text').execute();
}
