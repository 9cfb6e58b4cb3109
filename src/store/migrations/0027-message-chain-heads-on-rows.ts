/**
 * 0027-message-chain-heads-on-rows: each message's chain head (the seq and hash of its newest
 * event) kept on the message row instead of in `chain_heads` (issue 32), so a transition's own
 * conditional update reads the head it links from and the batch writes the new one with the
 * rows it moved: no head read or upsert of `chain_heads` per batch for messages. The heads of
 * `m:` chains move here from `chain_heads` once; borrower, registry and address chains keep
 * theirs there.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('chain_seq', 'integer').execute();
  await db.schema.alterTable('messages').addColumn('chain_hash', 'text').execute();
  // Both dialects take UPDATE … FROM (SQLite since 3.33). `m:` chains by a range of the key, so
  // the primary key's index finds them (and LIKE's case rules play no part).
  await sql`update messages set chain_seq = h.seq, chain_hash = h.hash
    from chain_heads h where h.chain = 'm:' || messages.id`.execute(db);
  await sql`delete from chain_heads where chain >= 'm:' and chain < 'm;'`.execute(db);
}
