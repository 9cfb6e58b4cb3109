/** 0003-chain-heads-keys-reads: each chain's head (filled from the events there), API keys, the audit's read log, and messages by creation. */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema.alterTable('events').addColumn('ref_chain', 'text').execute();
  await db.schema.createIndex('events_ref_chain_ix').on('events').column('ref_chain').execute();
  await db.schema
    .createTable('chain_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into chain_heads (chain, seq, hash) select e.chain, e.seq, e.hash from events e where e.seq = (select max(e2.seq) from events e2 where e2.chain = e.chain)`.execute(
    db,
  );
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('audit_reads')
    .addColumn('id', sql.raw(autoId), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_created_ix').on('messages').columns(['created_at', 'id']).execute();
}
