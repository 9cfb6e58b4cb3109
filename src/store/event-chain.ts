/**
 * Appending to the hash chains. Every chain (one per message `m:<id>`, one per borrower
 * `b:<id>`) keeps its head (last seq and hash) in `chain_heads`, so deleting the newest event
 * is detected; every new chain is registered in one of 16 registry chains (`r:0`…`r:f`), one
 * registration event per call and shard listing the chains it began there, so deleting a whole
 * message with all its events is detected too. Writers on different messages
 * touch different rows: nothing serialises on one global row.
 */
import type { EventType } from '../domain/events.js';
import { createHash } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Dialect } from './db.js';
import { eventHash, GENESIS_HASH } from './hash-chain.js';
import type { Database } from './schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface ChainEventInput {
  type: EventType;
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

/** A chain's head, read without a lock: the caller holds the lock that orders the chain. */
async function headOf(trx: Conn, chain: string): Promise<{ seq: number; hash: string } | null> {
  const row = await trx.selectFrom('chain_heads').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

async function insertLink(
  trx: Conn,
  pos: ChainPosition,
  prev: { seq: number; hash: string } | null,
  input: ChainEventInput,
): Promise<{ seq: number; hash: string }> {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const data = input.data ?? {};
  const hash = eventHash(prevHash, {
    chain: pos.chain,
    seq,
    messageId: pos.messageId,
    borrowerId: pos.borrowerId,
    type: input.type,
    at: pos.now,
    actor: input.actor,
    data,
  });
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
      ref_chain: null,
    })
    .execute();
  if (seq === 1) {
    await trx
      .insertInto('chain_heads')
      .values({ chain: pos.chain, seq, hash })
      .onConflict((oc) => oc.column('chain').doUpdateSet({ seq, hash }))
      .execute();
  } else {
    await trx.updateTable('chain_heads').set({ seq, hash }).where('chain', '=', pos.chain).execute();
  }
  return { seq, hash };
}

/**
 * Appends one event. The caller holds the lock that orders its chain (the message or borrower
 * row it updated in the same transaction); a new chain is registered here (a list of one).
 */
export async function appendEvent(
  trx: Conn,
  dialect: Dialect,
  pos: ChainPosition,
  input: ChainEventInput,
): Promise<void> {
  const prev = pos.isNew ? null : await headOf(trx, pos.chain);
  await insertLink(trx, pos, prev, input);
  if (!prev && !isRegistryChain(pos.chain)) await registerChains(trx, dialect, [pos]);
}

export interface BulkLink {
  pos: ChainPosition;
  input: ChainEventInput;
}

/**
 * Appends events to many chains in a few statements: heads read in one query, events and heads
 * written in bulk, and new chains registered shard by shard. A chain may get several events (the
 * intake's `accepted` then `queued`): they follow one another in the order given. The caller
 * holds the locks that order each chain (its rows were updated in this transaction).
 */
export async function appendEventsBulk(trx: Conn, dialect: Dialect, links: BulkLink[]): Promise<void> {
  if (links.length === 0) return;
  const known = new Map<string, { seq: number; hash: string }>();
  // Chains begun in this call have no stored head to read.
  const begun = new Set(links.filter((l) => l.pos.isNew).map((l) => l.pos.chain));
  const toRead = [...new Set(links.filter((l) => !l.pos.isNew && !begun.has(l.pos.chain)).map((l) => l.pos.chain))];
  for (let i = 0; i < toRead.length; i += 500) {
    const rows = await trx
      .selectFrom('chain_heads')
      .select(['chain', 'seq', 'hash'])
      .where('chain', 'in', toRead.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.chain, { seq: Number(r.seq), hash: r.hash });
  }
  const events: Insertable<Database['events']>[] = [];
  // One head per chain, its last event's (a multi-row upsert may not touch a row twice).
  const heads = new Map<string, Database['chain_heads']>();
  const fresh: ChainPosition[] = [];
  for (const l of links) {
    const prev = known.get(l.pos.chain) ?? null;
    const seq = prev ? prev.seq + 1 : 1;
    const prevHash = prev ? prev.hash : GENESIS_HASH;
    const data = l.input.data ?? {};
    const hash = eventHash(prevHash, {
      chain: l.pos.chain,
      seq,
      messageId: l.pos.messageId,
      borrowerId: l.pos.borrowerId,
      type: l.input.type,
      at: l.pos.now,
      actor: l.input.actor,
      data,
    });
    events.push({
      chain: l.pos.chain,
      seq,
      message_id: l.pos.messageId,
      borrower_id: l.pos.borrowerId,
      type: l.input.type,
      at: l.pos.now,
      actor: l.input.actor,
      data: JSON.stringify(data),
      prev_hash: prevHash,
      hash,
      ref_chain: null,
    });
    known.set(l.pos.chain, { seq, hash });
    heads.set(l.pos.chain, { chain: l.pos.chain, seq, hash });
    if (!prev && !isRegistryChain(l.pos.chain)) fresh.push(l.pos);
  }
  await insertEventsAndHeads(trx, events, [...heads.values()]);

  await registerChains(trx, dialect, fresh);
}

async function insertEventsAndHeads(
  trx: Conn,
  events: Insertable<Database['events']>[],
  heads: Database['chain_heads'][],
): Promise<void> {
  for (let i = 0; i < events.length; i += 200)
    await trx
      .insertInto('events')
      .values(events.slice(i, i + 200))
      .execute();
  for (let i = 0; i < heads.length; i += 300) {
    await trx
      .insertInto('chain_heads')
      .values(heads.slice(i, i + 300))
      .onConflict((oc) =>
        oc.column('chain').doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), hash: eb.ref('excluded.hash') })),
      )
      .execute();
  }
}

/** At most this many chains in one registration (a bigger batch writes several in its shard). */
export const REGISTRATION_MAX = 1_000;

/**
 * The chains a registration event registers: `data.chains` (a batch's chains of one shard,
 * sorted) or, in stores written before that, `ref_chain` (one chain an event).
 */
export function registeredBy(refChain: string | null, data: Record<string, unknown>): string[] {
  if (refChain) return [refChain];
  return Array.isArray(data.chains) ? (data.chains as string[]) : [];
}

/**
 * Registers new chains: ONE event per shard of the registry for all the chains a call begins in
 * it (`data.chains`, sorted, covered by the hash), at the time of their first events so that
 * verification finds a chain's registration by its shard and that time (the index of 0028). The
 * shards' heads are read (and on PostgreSQL locked) in one query in chain order, so concurrent
 * writers never deadlock, then every registration event and every shard head written in bulk.
 */
async function registerChains(trx: Conn, dialect: Dialect, fresh: ChainPosition[]): Promise<void> {
  if (fresh.length === 0) return;
  // By shard, then by the time of the chains' first events (one time per call, as a rule).
  const byShard = new Map<string, Map<string, string[]>>();
  for (const pos of fresh) {
    const r = registryChainFor(pos.chain);
    let times = byShard.get(r);
    if (!times) byShard.set(r, (times = new Map()));
    const list = times.get(pos.now);
    if (list) list.push(pos.chain);
    else times.set(pos.now, [pos.chain]);
  }
  const shards = [...byShard.keys()].sort();
  if (dialect === 'postgres') {
    // Every shard's head row exists before it is locked (seq 0: no registration yet).
    await trx
      .insertInto('chain_heads')
      .values(shards.map((chain) => ({ chain, seq: 0, hash: GENESIS_HASH })))
      .onConflict((oc) => oc.column('chain').doNothing())
      .execute();
  }
  let q = trx.selectFrom('chain_heads').select(['chain', 'seq', 'hash']).where('chain', 'in', shards).orderBy('chain');
  if (dialect === 'postgres') q = q.forUpdate();
  const heads = new Map((await q.execute()).map((r) => [r.chain, { seq: Number(r.seq), hash: r.hash }]));
  const regEvents: Insertable<Database['events']>[] = [];
  const newHeads: Database['chain_heads'][] = [];
  for (const registry of shards) {
    const stored = heads.get(registry);
    let head = stored && stored.seq > 0 ? stored : null;
    const times = byShard.get(registry)!;
    for (const at of [...times.keys()].sort()) {
      const all = [...new Set(times.get(at))].sort();
      for (let i = 0; i < all.length; i += REGISTRATION_MAX) {
        const seq = head ? head.seq + 1 : 1;
        const prevHash = head ? head.hash : GENESIS_HASH;
        const data = { chains: all.slice(i, i + REGISTRATION_MAX) };
        const hash = eventHash(prevHash, {
          chain: registry,
          seq,
          messageId: null,
          borrowerId: '',
          type: 'chain.registered',
          at,
          actor: 'audit',
          data,
        });
        regEvents.push({
          chain: registry,
          seq,
          message_id: null,
          borrower_id: '',
          type: 'chain.registered',
          at,
          actor: 'audit',
          data: JSON.stringify(data),
          prev_hash: prevHash,
          hash,
          ref_chain: null,
        });
        head = { seq, hash };
      }
    }
    newHeads.push({ chain: registry, seq: head!.seq, hash: head!.hash });
  }
  await insertEventsAndHeads(trx, regEvents, newHeads);
}
