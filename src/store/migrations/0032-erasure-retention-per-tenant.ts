/**
 * 0032-erasure-retention-per-tenant: a tenant's own retention period (null: its profile's), for
 * retention by jurisdiction and erasure on request (docs/audit.md, "Retention and erasure").
 * Erased borrowers' suppressions need no column: their `address` becomes a keyed hash.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tenants').addColumn('retention_years', 'integer').execute();
}
