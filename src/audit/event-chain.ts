/**
 * Appending to the hash chains. Every chain (one per message `m:<id>`, one per borrower
 * `b:<id>`) keeps its head (last seq and hash) in `chain_heads`, so deleting the newest event
 * is detected; every new chain is registered in one of 16 registry chains (`r:0`…`r:f`), so
 * deleting a whole message with all its events is detected too. Writers on different messages
 * touch different rows: nothing serialises on one global row.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './db.js';
import { eventHash, GENESIS_HASH } from './hash-chain.js';
import type { Database } from './schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface ChainEventInput {
  type: string;
  actor: string;
  data?: Record<string, unknown>;
}

export interface ChainPosition {
  chain: string;
  messageId: string | null;
  borrowerId: string;
  now: string;
  /** The chain is known to be new (seq 1): skip reading its head. */
  isNew?: boolean;
}

export const REGISTRY_SHARDS = 16;
export const isRegistryChain = (chain: string) => chain.startsWith('r:');

export function registryChainFor(chain: string): string {
  const n = createHash('sha256').update(chain).digest()[0]! % REGISTRY_SHARDS;
  return `r:${n.toString(16)}`;
}

async function headOf(trx: Conn, dialect: Dialect, chain: string, lock: boolean): Promise<{ seq: number; hash: string } | null> {
  let q = trx.selectFrom('chain_heads').select(['seq', 'hash']).where('chain', '=', chain);
  if (lock && dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

async function insertLink(trx: Conn, pos: ChainPosition, prev: { seq: number; hash: string } | null, input: ChainEventInput, refChain: string | null): Promise<{ seq: number; hash: string }> {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const data = input.data ?? {};
  const hash = eventHash(prevHash, { chain: pos.chain, seq, messageId: pos.messageId, borrowerId: pos.borrowerId, type: input.type, at: pos.now, actor: input.actor, data, ...(refChain ? { refChain } : {}) });
  await trx
    .insertInto('events')
    .values({
      chain: pos.chain,
      seq,
      message_id: pos.messageId,
      borrower_id: pos.borrowerId,
      type: input.type,
      at: pos.now,
      actor: input.actor,
      data: JSON.stringify(data),
      prev_hash: prevHash,
      hash,
      ref_chain: refChain,
    })
    .execute();
  if (seq === 1) {
    await trx.insertInto('chain_heads').values({ chain: pos.chain, seq, hash }).onConflict((oc) => oc.column('chain').doUpdateSet({ seq, hash })).execute();
  } else {
    await trx.updateTable('chain_heads').set({ seq, hash }).where('chain', '=', pos.chain).execute();
  }
  return { seq, hash };
}

/**
 * Appends one event. The caller holds the lock that orders its chain (the message or borrower
 * row it updated in the same transaction); registry chains are locked here.
 */
export async function appendEvent(trx: Conn, dialect: Dialect, pos: ChainPosition, input: ChainEventInput): Promise<void> {
  const prev = pos.isNew ? null : await headOf(trx, dialect, pos.chain, false);
  await insertLink(trx, pos, prev, input, null);
  if (!prev && !isRegistryChain(pos.chain)) {
    const registry = registryChainFor(pos.chain);
    if (dialect === 'postgres') {
      await trx.insertInto('chain_heads').values({ chain: registry, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('chain').doNothing()).execute();
    }
    const head = await headOf(trx, dialect, registry, true);
    await insertLink(
      trx,
      { chain: registry, messageId: pos.messageId, borrowerId: pos.borrowerId, now: pos.now },
      head && head.seq > 0 ? head : null,
      { type: 'chain.registered', actor: 'audit' },
      pos.chain,
    );
  }
}
