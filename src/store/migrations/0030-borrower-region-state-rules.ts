/**
 * 0030-borrower-region-state-rules: where the borrower lives, as an ISO 3166-2 code (`US-MA`),
 * from `borrower.address.region`. It picks the state and local rules layered on the tenant's
 * profile (src/policy/regions.ts); null when not given.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('borrowers').addColumn('region', 'text').execute();
}
