/**
 * 0028-registry-by-time: registrations found by shard and time. A registration event now lists
 * every chain one call began in its shard (`data.chains`) instead of naming one in `ref_chain`,
 * at the time of those chains' first events; verification finds a chain's registration by
 * (its shard, the time of its first event) through this index, which holds registry events
 * only. Registrations written before keep `ref_chain` and its index.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index events_registry_ix on events (chain, at) where type = 'chain.registered'`.execute(db);
}
