/**
 * Recomputes every hash chain and checks it against the chain heads and the registry, reading
 * in batches (constant memory whatever the size of the store). Detects an edited, deleted,
 * inserted or reordered event, a truncated chain, and a whole message deleted with its events.
 * A message chain's head is on its message row (0027): a message row deleted while its events
 * remain leaves its chain without a head, and a row whose events were all deleted is a head
 * without a chain.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { eventHash, GENESIS_HASH, isMessageChain, messageChain, messageIdOfChain } from './hash-chain.js';
import { type ChainHead, headOfRow, isRegistryChain, registeredBy, registryChainFor } from './event-chain.js';
import type { Database, EventsTable } from './schema.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';

export interface BrokenLink {
  chain: string;
  seq: number;
  expected: string;
  found: string | null;
}

export type VerifyReport =
  { ok: true; checked: number; chains: number } | { ok: false; checked: number; brokenAt: BrokenLink };

const BATCH = 2_000;

class Broken extends Error {
  constructor(readonly link: BrokenLink) {
    super(`chain ${link.chain} broken at ${link.seq}`);
  }
}

/**
 * With `tenant`: only the chains of that tenant's borrowers and their messages (each such chain
 * is wholly one borrower's), each checked as fully as in the whole run, registration included.
 * Registry and address chains belong to no tenant: the whole run checks them.
 */
export async function verifyChains(
  db: Kysely<Database>,
  tenant?: string,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<VerifyReport> {
  const batch = options.batchSize ?? BATCH;
  let checked = 0;
  let chains = 0;
  try {
    let cursor: { chain: string; seq: number } | null = null;
    let current: { chain: string; seq: number; hash: string } | null = null;

    let heads = new Map<string, ChainHead>();
    // Events a batch: fewer where registry events list many chains each (about `batch` chains a batch).
    let limit = batch;
    // The registrations read for the batch before (the next batch's chains are mostly of the same calls).
    let registrations = new Map<string, Set<string>>();
    const finish = async (chain: { chain: string; seq: number; hash: string }) => {
      const head = heads.get(chain.chain) ?? (await headsOf(db, [chain.chain])).get(chain.chain);
      if (!head) throw new Broken({ chain: chain.chain, seq: chain.seq, expected: 'a chain head', found: null });
      if (Number(head.seq) !== chain.seq || head.hash !== chain.hash) {
        // The newest events were deleted (the head is further on) or the head was rewritten.
        throw new Broken({
          chain: chain.chain,
          seq: Math.min(Number(head.seq), chain.seq + 1),
          expected: head.hash,
          found: Number(head.seq) > chain.seq ? null : chain.hash,
        });
      }
      chains++;
    };

    for (;;) {
      // The client went away: stop reading (the caller answers nobody).
      options.signal?.throwIfAborted();
      let q = db.selectFrom('events').selectAll().orderBy('chain').orderBy('seq').limit(limit);
      if (tenant !== undefined) {
        // Tenant ids are lower-case letters, digits and -: nothing LIKE reads as a wildcard.
        q =
          tenant === DEFAULT_TENANT
            ? q.where('borrower_id', '<>', '').where('borrower_id', 'not like', '%~%')
            : q.where('borrower_id', 'like', `${tenant}~%`);
        // Registry entries name the borrower of the chain they register, but the registry is one chain of all tenants.
        q = q.where('chain', 'not like', 'r:%');
      }
      if (cursor) {
        const c = cursor;
        q = q.where((eb) =>
          eb.or([eb('chain', '>', c.chain), eb.and([eb('chain', '=', c.chain), eb('seq', '>', c.seq)])]),
        );
      }
      const rows = await q.execute();
      if (rows.length === 0) break;

      const inBatch = [...new Set(rows.map((r) => r.chain))];
      heads = await headsOf(db, inBatch);

      // Registration checks for this batch: each new chain's registration, each registered chain's head.
      const firstLinks = rows.filter((r) => Number(r.seq) === 1 && !isRegistryChain(r.chain));
      let registered: Set<string>;
      ({ registered, registrations } = await registeredAmong(db, firstLinks, registrations));
      const refs = rows
        .filter((r) => isRegistryChain(r.chain))
        .flatMap((r) => registeredBy(r.ref_chain, JSON.parse(r.data) as Record<string, unknown>));
      // A registered chain's head: a message's on its row, any other's in chain_heads.
      const present = new Set(await readInChunks(refs, async (some) => [...(await headsOf(db, some)).keys()]));

      for (const r of rows) {
        const seq = Number(r.seq);
        if (!current || current.chain !== r.chain) {
          if (current) await finish(current);
          current = { chain: r.chain, seq: 0, hash: GENESIS_HASH };
        }
        checkLink(r, seq, current, registered, present);
        current = { chain: r.chain, seq, hash: r.hash };
        checked++;
      }
      const last = rows[rows.length - 1]!;
      cursor = { chain: last.chain, seq: Number(last.seq) };
      limit = Math.max(1, Math.floor((batch * rows.length) / (rows.length + refs.length)));
    }
    if (current) await finish(current);
    if (tenant !== undefined) return { ok: true, checked, chains };

    // Heads whose chain has no events left at all (in chain_heads, or on a message row).
    const { rows: counted } = await sql<{ n: number | string }>`select
      (select count(*) from chain_heads where seq > 0) + (select count(*) from messages where chain_seq > 0) as n`.execute(
      db,
    );
    const headCount = Number(counted[0]!.n);
    if (headCount !== chains) await findOrphanHead(db, batch);
    return { ok: true, checked, chains };
  } catch (err) {
    if (err instanceof Broken) return { ok: false, checked, brokenAt: err.link };
    throw err;
  }
}

/** The stored heads of these chains: message chains' from their rows, the others' from `chain_heads`. */
async function headsOf(db: Kysely<Database>, chains: readonly string[]): Promise<Map<string, ChainHead>> {
  const heads = new Map<string, ChainHead>();
  const messages = chains.filter(isMessageChain).map(messageIdOfChain);
  const others = chains.filter((c) => !isMessageChain(c));
  if (messages.length > 0)
    for (const r of await db
      .selectFrom('messages')
      .select(['id', 'chain_seq', 'chain_hash'])
      .where('id', 'in', messages)
      .execute()) {
      const head = headOfRow(r);
      if (head) heads.set(messageChain(r.id), head);
    }
  if (others.length > 0)
    for (const h of await db
      .selectFrom('chain_heads')
      .select(['chain', 'seq', 'hash'])
      .where('chain', 'in', others)
      .execute())
      heads.set(h.chain, { seq: Number(h.seq), hash: h.hash });
  return heads;
}

/** One event against the one before it: sequence, link, hash, and its registration. */
function checkLink(
  r: Selectable<EventsTable>,
  seq: number,
  current: { chain: string; seq: number; hash: string },
  registered: Set<string>,
  present: Set<string>,
): void {
  if (seq !== current.seq + 1)
    throw new Broken({
      chain: r.chain,
      seq: current.seq + 1,
      expected: `event ${current.seq + 1}`,
      found: `event ${seq}`,
    });
  if (r.prev_hash !== current.hash)
    throw new Broken({ chain: r.chain, seq, expected: current.hash, found: r.prev_hash });
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const recomputed = eventHash(r.prev_hash, {
    chain: r.chain,
    seq,
    messageId: r.message_id,
    borrowerId: r.borrower_id,
    type: r.type,
    at: r.at,
    actor: r.actor,
    data,
    ...(r.ref_chain ? { refChain: r.ref_chain } : {}),
  });
  if (recomputed !== r.hash) throw new Broken({ chain: r.chain, seq, expected: recomputed, found: r.hash });
  if (seq === 1 && !isRegistryChain(r.chain) && !registered.has(r.chain)) {
    throw new Broken({ chain: r.chain, seq: 1, expected: 'registered in the chain registry', found: 'not registered' });
  }
  if (isRegistryChain(r.chain)) {
    for (const listed of registeredBy(r.ref_chain, data)) {
      // A whole chain (a message and all its events) is gone, or registered in the wrong shard.
      if (!present.has(listed) || registryChainFor(listed) !== r.chain)
        throw new Broken({ chain: r.chain, seq, expected: `chain ${listed}`, found: null });
    }
  }
}

/**
 * Which of these new chains are registered. A registration lists the chains one call began in
 * its shard, at the time of their first events: read by (shard, time) through the registry's
 * index (0028), `type` written out so the partial index applies. Registrations of one chain
 * in `ref_chain` (stores written before) are found the same way, or by `ref_chain` if their
 * time differs. `cache`: what the batch before read, by shard and time (consecutive chains are
 * mostly of one call); the answer carries this batch's, so what is kept is bounded by one batch.
 */
async function registeredAmong(
  db: Kysely<Database>,
  firstLinks: Array<Selectable<EventsTable>>,
  cache: Map<string, Set<string>>,
): Promise<{ registered: Set<string>; registrations: Map<string, Set<string>> }> {
  const registrations = new Map<string, Set<string>>();
  const keyOf = (chain: string, at: string) => `${chain} ${at}`;
  const toRead = new Map<string, { shard: string; at: string }>();
  for (const r of firstLinks) {
    const shard = registryChainFor(r.chain);
    const key = keyOf(shard, r.at);
    // Read again when the chain is not in what was read before (another call of that time may have committed since).
    const known = cache.get(key);
    if (known?.has(r.chain) && !toRead.has(key)) registrations.set(key, known);
    else toRead.set(key, { shard, at: r.at });
  }
  const wanted = [...toRead.entries()];
  for (let i = 0; i < wanted.length; i += 100) {
    const chunk = wanted.slice(i, i + 100);
    for (const [key] of chunk) registrations.set(key, new Set());
    const rows = await db
      .selectFrom('events')
      .select(['chain', 'at', 'ref_chain', 'data'])
      .where(sql<boolean>`type = 'chain.registered'`)
      .where('chain', 'in', [...new Set(chunk.map(([, w]) => w.shard))])
      .where('at', 'in', [...new Set(chunk.map(([, w]) => w.at))])
      .execute();
    for (const row of rows) {
      // Shards and times are asked as two lists: keep only the pairs asked for.
      const listed = registrations.get(keyOf(row.chain, row.at));
      if (!listed || !toRead.has(keyOf(row.chain, row.at))) continue;
      for (const c of registeredBy(row.ref_chain, JSON.parse(row.data) as Record<string, unknown>)) listed.add(c);
    }
  }
  const registered = new Set<string>();
  const unfound: string[] = [];
  for (const r of firstLinks) {
    if (registrations.get(keyOf(registryChainFor(r.chain), r.at))!.has(r.chain)) registered.add(r.chain);
    else unfound.push(r.chain);
  }
  const byRef = await readInChunks(unfound, async (some) =>
    (await db.selectFrom('events').select('ref_chain').where('ref_chain', 'in', some).execute()).map(
      (r) => r.ref_chain!,
    ),
  );
  for (const chain of byRef) registered.add(chain);
  return { registered, registrations };
}

/** `read` over `values` 500 at a time (a statement's parameters stay bounded), the answers joined. */
async function readInChunks(values: string[], read: (some: string[]) => Promise<string[]>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < values.length; i += 500) out.push(...(await read(values.slice(i, i + 500))));
  return out;
}

/** Heads whose chain has no events left at all (a chain deleted whole, head and all but the head). */
async function findOrphanHead(db: Kysely<Database>, batch: number): Promise<void> {
  // Message rows' heads, then the other chains' (each page in key order, after the last key seen).
  await findOrphanIn(db, async (after) =>
    (
      await db
        .selectFrom('messages')
        .select(['id', 'chain_hash'])
        .where('id', '>', after)
        .where('chain_seq', '>', 0)
        .orderBy('id')
        .limit(batch)
        .execute()
    ).map((r) => ({ key: r.id, chain: messageChain(r.id), hash: r.chain_hash ?? '' })),
  );
  await findOrphanIn(db, async (after) =>
    (
      await db
        .selectFrom('chain_heads')
        .selectAll()
        .where('chain', '>', after)
        .where('seq', '>', 0)
        .orderBy('chain')
        .limit(batch)
        .execute()
    ).map((r) => ({ key: r.chain, chain: r.chain, hash: r.hash })),
  );
}

async function findOrphanIn(
  db: Kysely<Database>,
  pageAfter: (after: string) => Promise<Array<{ key: string; chain: string; hash: string }>>,
): Promise<void> {
  let after = '';
  for (;;) {
    const page = await pageAfter(after);
    if (page.length === 0) return;
    const withEvents = new Set(
      (
        await db
          .selectFrom('events')
          .select('chain')
          .distinct()
          .where(
            'chain',
            'in',
            page.map((p) => p.chain),
          )
          .execute()
      ).map((r) => r.chain),
    );
    const orphan = page.find((p) => !withEvents.has(p.chain));
    if (orphan) throw new Broken({ chain: orphan.chain, seq: 1, expected: orphan.hash, found: null });
    after = page[page.length - 1]!.key;
  }
}
