/**
 * Appending to the hash chains. Every chain (one per message `m:<id>`, one per borrower
 * `b:<id>`) keeps its head (last seq and hash), so deleting the newest event is detected: a
 * message's on its own row (`messages.chain_seq`, `chain_hash`, 0027), read by the update that
 * moves the message and written with the batch; every other chain's in `chain_heads`. Every new
 * chain is registered in one of 16 registry chains (`r:0`…`r:f`), one registration event per call
 * and shard listing the chains it began there, so deleting a whole message with all its events is
 * detected too. Writers on different messages
 * touch different rows: nothing serialises on one global row.
 */
import type { EventType } from '../domain/events.js';
import { createHash } from 'node:crypto';
import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './db.js';
import { eventHash, GENESIS_HASH, isMessageChain, messageChain, messageIdOfChain } from './hash-chain.js';
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
  /**
   * The chain's head as read with the row that orders it (a message's, returned by the update
   * that moved it): skip reading it. null: that row has no head yet.
   */
  head?: ChainHead | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const REGISTRY_SHARDS = 16;
export const isRegistryChain = (chain: string) => chain.startsWith('r:');

export function registryChainFor(chain: string): string {
  const n = createHash('sha256').update(chain).digest()[0]! % REGISTRY_SHARDS;
  return `r:${n.toString(16)}`;
}

/** A message row's head columns as a head (null: none yet). */
export function headOfRow(row: { chain_seq: number | string | null; chain_hash: string | null }): ChainHead | null {
  return row.chain_seq === null || row.chain_hash === null
    ? null
    : { seq: Number(row.chain_seq), hash: row.chain_hash };
}

/** A chain's head, read without a lock: the caller holds the lock that orders the chain. */
async function headOf(trx: Conn, chain: string): Promise<ChainHead | null> {
  if (isMessageChain(chain)) {
    // The caller holds the message row's lock (it updated the row in this transaction).
    const row = await trx
      .selectFrom('messages')
      .select(['chain_seq', 'chain_hash'])
      .where('id', '=', messageIdOfChain(chain))
      .executeTakeFirst();
    return row ? headOfRow(row) : null;
  }
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
  if (isMessageChain(pos.chain)) {
    await trx
      .updateTable('messages')
      .set({ chain_seq: seq, chain_hash: hash })
      .where('id', '=', messageIdOfChain(pos.chain))
      .execute();
  } else if (seq === 1) {
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
  const prev = pos.isNew ? null : pos.head !== undefined ? pos.head : await headOf(trx, pos.chain);
  await insertLink(trx, pos, prev, input);
  if (!prev && !isRegistryChain(pos.chain)) await registerChains(trx, dialect, [pos]);
}

export interface BulkLink {
  pos: ChainPosition;
  input: ChainEventInput;
}

/**
 * Appends events to many chains in a few statements: heads read in one query per kind of chain
 * (none for chains begun here or whose head came with their row), events and heads written in
 * bulk, and new chains registered shard by shard. A chain may get several events (the intake's
 * `accepted` then `queued`): they follow one another in the order given. The caller holds the
 * locks that order each chain (its rows were updated in this transaction).
 */
export async function appendEventsBulk(trx: Conn, dialect: Dialect, links: BulkLink[]): Promise<void> {
  if (links.length === 0) return;
  await writeLinks(trx, dialect, planLinks(links, await headsOf(trx, links)));
}

/** A batch of links worked out: the events to insert, each chain's new head, the chains begun. */
export interface LinkPlan {
  events: Insertable<Database['events']>[];
  /** One head per chain, its last event's (a multi-row write may not touch a row twice). */
  heads: Map<string, ChainHead>;
  /** The first link of each chain begun here (to be registered). */
  fresh: ChainPosition[];
}

/** The stored heads the links build on: those that came with their rows, the rest read. */
async function headsOf(trx: Conn, links: BulkLink[]): Promise<Map<string, ChainHead>> {
  const known = new Map<string, ChainHead>();
  const settled = new Set<string>();
  // Chains begun in this call have no stored head to read.
  for (const l of links) if (l.pos.isNew) settled.add(l.pos.chain);
  for (const l of links) {
    if (settled.has(l.pos.chain) || l.pos.head === undefined) continue;
    // The first link's head is the stored one; a later link of the chain here follows it.
    settled.add(l.pos.chain);
    if (l.pos.head) known.set(l.pos.chain, l.pos.head);
  }
  const toRead = [...new Set(links.map((l) => l.pos.chain).filter((c) => !settled.has(c)))];
  const messages = toRead.filter(isMessageChain);
  const others = toRead.filter((c) => !isMessageChain(c));
  for (let i = 0; i < messages.length; i += 500) {
    const rows = await trx
      .selectFrom('messages')
      .select(['id', 'chain_seq', 'chain_hash'])
      .where('id', 'in', messages.slice(i, i + 500).map(messageIdOfChain))
      .execute();
    for (const r of rows) {
      const head = headOfRow(r);
      if (head) known.set(messageChain(r.id), head);
    }
  }
  for (let i = 0; i < others.length; i += 500) {
    const rows = await trx
      .selectFrom('chain_heads')
      .select(['chain', 'seq', 'hash'])
      .where('chain', 'in', others.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.chain, { seq: Number(r.seq), hash: r.hash });
  }
  return known;
}

/** The links' events and new heads, from the heads they build on (no I/O). */
export function planLinks(links: BulkLink[], stored: ReadonlyMap<string, ChainHead> = new Map()): LinkPlan {
  const known = new Map(stored);
  const events: Insertable<Database['events']>[] = [];
  const heads = new Map<string, ChainHead>();
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
    heads.set(l.pos.chain, { seq, hash });
    if (!prev && !isRegistryChain(l.pos.chain)) fresh.push(l.pos);
  }
  return { events, heads, fresh };
}

/**
 * Writes a plan: its events, the heads of message chains onto their rows (unless the caller
 * inserted the rows with them: `messageHeadsOnRows`), the other heads into `chain_heads`, and
 * the registrations of the chains it begins. On PostgreSQL a group commit's events and its
 * messages' heads go in one statement (the insert a data-modifying `WITH` of the update): one
 * round trip fewer per batch.
 */
export async function writeLinks(
  trx: Conn,
  dialect: Dialect,
  plan: LinkPlan,
  options: { messageHeadsOnRows?: boolean } = {},
): Promise<void> {
  const onRows: Array<[string, ChainHead]> = [];
  const others: Database['chain_heads'][] = [];
  for (const [chain, head] of plan.heads)
    if (!isMessageChain(chain)) others.push({ chain, ...head });
    else if (!options.messageHeadsOnRows) onRows.push([messageIdOfChain(chain), head]);
  if (
    dialect === 'postgres' &&
    onRows.length > 0 &&
    onRows.length <= HEADS_CHUNK &&
    plan.events.length <= EVENTS_CHUNK
  ) {
    await insertEventsAndHeads(trx, [], others);
    const params = plan.events.flatMap((e) => EVENT_COLUMNS.map((c) => e[c] ?? null));
    for (const [id, h] of onRows) params.push(id, h.seq, h.hash);
    await trx.executeQuery(CompiledQuery.raw(messageHeadsText(dialect, onRows.length, plan.events.length), params));
  } else {
    await insertEventsAndHeads(trx, plan.events, others);
    for (let i = 0; i < onRows.length; i += HEADS_CHUNK) {
      const part = onRows.slice(i, i + HEADS_CHUNK);
      const params = part.flatMap(([id, h]) => [id, h.seq, h.hash]);
      await trx.executeQuery(CompiledQuery.raw(messageHeadsText(dialect, part.length, 0), params));
    }
  }

  await registerChains(trx, dialect, plan.fresh);
}

const EVENTS_CHUNK = 200;
const HEADS_CHUNK = 300;
const EVENT_COLUMNS = [
  'chain',
  'seq',
  'message_id',
  'borrower_id',
  'type',
  'at',
  'actor',
  'data',
  'prev_hash',
  'hash',
  'ref_chain',
] as const;

/**
 * The update that moves `rows` messages' heads, after inserting `events` events (PostgreSQL
 * only), as text: one per dialect and size, made once and kept, so the hot path builds no query.
 */
const headTexts = new Map<string, string>();
function messageHeadsText(dialect: Dialect, rows: number, events: number): string {
  const key = `${dialect}|${rows}|${events}`;
  let text = headTexts.get(key);
  if (text) return text;
  let n = 0;
  const p = () => (dialect === 'postgres' ? `$${++n}` : '?');
  const row = (casts: readonly string[]) => `(${casts.map((c) => p() + c).join(', ')})`;
  const pg = dialect === 'postgres';
  const insert =
    events > 0
      ? `e as (insert into events (${EVENT_COLUMNS.join(', ')}) values ${Array.from({ length: events }, () => row(EVENT_COLUMNS.map(() => ''))).join(', ')}), `
      : '';
  const heads = Array.from({ length: rows }, () => row(pg ? ['::text', '::integer', '::text'] : ['', '', ''])).join(
    ', ',
  );
  text = `with ${insert}v(id, seq, hash) as (values ${heads}) update messages set chain_seq = v.seq, chain_hash = v.hash from v where messages.id = v.id`;
  // Batches come in few sizes (a group commit's, one event a row); a bound all the same.
  if (headTexts.size >= 1_000) headTexts.clear();
  headTexts.set(key, text);
  return text;
}

async function insertEventsAndHeads(
  trx: Conn,
  events: Insertable<Database['events']>[],
  heads: Database['chain_heads'][],
): Promise<void> {
  for (let i = 0; i < events.length; i += EVENTS_CHUNK)
    await trx
      .insertInto('events')
      .values(events.slice(i, i + EVENTS_CHUNK))
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
