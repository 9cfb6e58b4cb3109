/**
 * Tamper evidence: after a run of sends the chains verify; then, with SQL run straight against
 * the database, each kind of tampering is reported as broken at the right place. Then the
 * registry: a batch's new chains registered in one event per shard, and registrations written
 * before that (one chain an event, in `ref_chain`) still verifying beside them.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryChainFor } from '../../src/store/event-chain.js';
import { eventHash, GENESIS_HASH } from '../../src/store/hash-chain.js';
import type { Database } from '../../src/store/schema.js';
import { verifyChains } from '../../src/store/verify.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

describe.each(dbVariants())('audit chain on $name', (variant) => {
  let h: Harness;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ db: variant });
    for (let i = 0; i < 6; i++) {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: i % 2 ? 'email' : 'sms' }, { phone: `+1415555040${i}` }),
      });
      ids.push(res.body.messages[0].id);
    }
    await h.api('POST', '/v1/borrowers/b-chain/opt-out', { body: { channel: 'sms' } }); // unknown borrower: 404, no event
    await h.api('PUT', '/v1/borrowers/b-chain', { body: { name: 'Chain Test' } });
    await h.api('POST', '/v1/borrowers/b-chain/opt-out', { body: { channel: 'sms', source: 'test' } });
    await waitFor(
      async () => {
        for (const id of ids) if ((await h.service.store.getMessage(id))?.status !== 'sent') return undefined;
        return true;
      },
      { what: 'all sent' },
    );
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const db = () => h.service.store.db;
  const verify = () => verifyChains(db(), undefined, { batchSize: 7 }); // small batches: the chain crosses batch edges

  async function eventRow(messageId: string, seq: number) {
    return db()
      .selectFrom('events')
      .selectAll()
      .where('chain', '=', `m:${messageId}`)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
  }

  it('verifies after a run of sends', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true });
    // 6 messages × 4 events, their 6 registrations (a request each), the borrower's event and its registration.
    expect(report.checked).toBe(6 * 4 + 6 + 1 + 1);
    const api = await h.api('GET', '/v1/audit/verify', { role: 'compliance' });
    expect(api.body).toMatchObject({ ok: true, checked: report.checked });
  });

  it('(a) reports an edited event at its chain and seq', async () => {
    const row = await eventRow(ids[1]!, 3);
    await sql`update events set data = ${JSON.stringify({ attempt: 2, templateVersion: 'forged' })} where id = ${row.id}`.execute(
      db(),
    );
    const report = await verify();
    expect(report).toMatchObject({ ok: false, brokenAt: { chain: `m:${ids[1]}`, seq: 3, found: row.hash } });
    await sql`update events set data = ${row.data} where id = ${row.id}`.execute(db());
    expect((await verify()).ok).toBe(true);
  });

  it('(b) reports a deleted event, in the middle or at the end of a chain', async () => {
    const middle = await eventRow(ids[2]!, 2);
    await sql`delete from events where id = ${middle.id}`.execute(db());
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { chain: `m:${ids[2]}`, seq: 2 } });
    await db().insertInto('events').values(middle).execute();
    expect((await verify()).ok).toBe(true);

    const last = await eventRow(ids[3]!, 4);
    await sql`delete from events where id = ${last.id}`.execute(db());
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: { chain: `m:${ids[3]}`, seq: 4, expected: last.hash, found: null },
    });
    await db().insertInto('events').values(last).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('(c) reports a whole message deleted with all its events', async () => {
    const id = ids[4]!;
    const message = await db().selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const events = await db().selectFrom('events').selectAll().where('chain', '=', `m:${id}`).execute();
    // The chain's head is on the message row (0027): deleting the row deletes the head with it.
    expect(message).toMatchObject({ chain_seq: 4, chain_hash: events.find((e) => Number(e.seq) === 4)!.hash });
    await sql`delete from events where chain = ${`m:${id}`}`.execute(db());
    await sql`delete from messages where id = ${id}`.execute(db());
    const report = await verify();
    expect(report).toMatchObject({
      ok: false,
      brokenAt: { chain: registryChainFor(`m:${id}`), expected: `chain m:${id}`, found: null },
    });
    await db().insertInto('messages').values(message).execute();
    await db().insertInto('events').values(events).execute();
    expect((await verify()).ok).toBe(true);
  });

  describe('with the head on the message row', () => {
    const head = async (id: string) =>
      db().selectFrom('messages').select(['chain_seq', 'chain_hash']).where('id', '=', id).executeTakeFirstOrThrow();

    it('keeps no head of a message chain in chain_heads', async () => {
      const stray = await db().selectFrom('chain_heads').select('chain').where('chain', 'like', 'm:%').execute();
      expect(stray).toEqual([]);
      // Each row names its newest event (cutting it off is case (b), whose head is now the row's).
      for (const id of ids) expect(await head(id)).toEqual({ chain_seq: 4, chain_hash: (await eventRow(id, 4)).hash });
    });

    it('reports a head rewritten on the row', async () => {
      const last = await eventRow(ids[3]!, 4);
      await sql`update messages set chain_hash = ${'0'.repeat(64)} where id = ${ids[3]!}`.execute(db());
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: `m:${ids[3]}`, seq: 4, expected: '0'.repeat(64), found: last.hash },
      });
      await sql`update messages set chain_seq = 9 where id = ${ids[3]!}`.execute(db());
      await sql`update messages set chain_hash = ${last.hash} where id = ${ids[3]!}`.execute(db());
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { chain: `m:${ids[3]}`, seq: 5, found: null } });
      await sql`update messages set chain_seq = null, chain_hash = null where id = ${ids[3]!}`.execute(db());
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: `m:${ids[3]}`, seq: 4, expected: 'a chain head', found: null },
      });
      await sql`update messages set chain_seq = 4, chain_hash = ${last.hash} where id = ${ids[3]!}`.execute(db());
      expect((await verify()).ok).toBe(true);
    });

    it('reports a message row deleted while its events remain', async () => {
      const id = ids[4]!;
      const message = await db().selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await sql`delete from messages where id = ${id}`.execute(db());
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: `m:${id}`, seq: 4, expected: 'a chain head', found: null },
      });
      await db().insertInto('messages').values(message).execute();
      expect((await verify()).ok).toBe(true);
    });

    it('reports a message row whose events were all deleted', async () => {
      const id = ids[5]!;
      const events = await db().selectFrom('events').selectAll().where('chain', '=', `m:${id}`).execute();
      await sql`delete from events where chain = ${`m:${id}`}`.execute(db());
      // The registry's entry still finds its chain's head (on the row); the head finds no events.
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: `m:${id}`, seq: 1, expected: events.find((e) => Number(e.seq) === 4)!.hash, found: null },
      });
      await db().insertInto('events').values(events).execute();
      expect((await verify()).ok).toBe(true);
    });
  });

  it('(d) reports two events whose order was swapped', async () => {
    const a = await eventRow(ids[5]!, 2);
    const b = await eventRow(ids[5]!, 3);
    await sql`update events set seq = -1 where id = ${a.id}`.execute(db());
    await sql`update events set seq = 2 where id = ${b.id}`.execute(db());
    await sql`update events set seq = 3 where id = ${a.id}`.execute(db());
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { chain: `m:${ids[5]}`, seq: 2 } });
    await sql`update events set seq = -1 where id = ${a.id}`.execute(db());
    await sql`update events set seq = 3 where id = ${b.id}`.execute(db());
    await sql`update events set seq = 2 where id = ${a.id}`.execute(db());
    expect((await verify()).ok).toBe(true);
  });

  it('reports an event inserted into a chain', async () => {
    const row = await eventRow(ids[0]!, 4);
    await db()
      .insertInto('events')
      .values({ ...row, id: undefined as never, seq: 5, type: 'delivered', prev_hash: row.hash, hash: 'f'.repeat(64) })
      .execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { chain: `m:${ids[0]}`, seq: 5 } });
    await sql`delete from events where chain = ${`m:${ids[0]}`} and seq = 5`.execute(db());
    expect((await verify()).ok).toBe(true);
  });

  describe('the registry', () => {
    // Message chains, one per message row (their heads are on the rows since 0027).
    const messageChains = async () =>
      (await db().selectFrom('messages').select('id').execute()).map((r) => `m:${r.id}`);
    const newChains = async (before: Set<string>) => (await messageChains()).filter((c) => !before.has(c));
    const registryEvents = () =>
      db().selectFrom('events').selectAll().where('chain', 'like', 'r:%').orderBy('chain').orderBy('seq').execute();
    let batchChains: string[] = [];

    it('registers the new chains of a batch in one event per shard', async () => {
      const before = new Set(await messageChains());
      const lastId = Math.max(0, ...(await registryEvents()).map((r) => Number(r.id)));
      const eventsBefore = await countEvents(db());
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const N = 48;
      const res = await h.api('POST', '/v1/reminders/batch', {
        body: {
          reminders: Array.from({ length: N }, (_, i) =>
            reminderBody({ sendAt: tomorrow }, { phone: `+1415555${String(1000 + i)}` }),
          ),
        },
      });
      expect(res.body.accepted).toBe(N);
      batchChains = await newChains(before);
      expect(batchChains).toHaveLength(N);
      const shards = new Set(batchChains.map(registryChainFor));
      const regs = (await registryEvents()).filter((r) => Number(r.id) > lastId);
      // One `scheduled` event a message, one registration a shard: not one a message.
      expect(regs).toHaveLength(shards.size);
      expect((await countEvents(db())) - eventsBefore).toBe(N + shards.size);
      const listed: string[] = [];
      for (const r of regs) {
        const { chains } = JSON.parse(r.data) as { chains: string[] };
        expect(chains).toEqual([...chains].sort());
        expect(r).toMatchObject({ type: 'chain.registered', ref_chain: null, message_id: null, borrower_id: '' });
        for (const c of chains) expect(registryChainFor(c)).toBe(r.chain);
        listed.push(...chains);
      }
      expect(listed.sort()).toEqual([...batchChains].sort());
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('reports a message deleted with its events out of a batch registration', async () => {
      const chain = batchChains[5]!;
      const id = chain.slice(2);
      const message = await db().selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const events = await db().selectFrom('events').selectAll().where('chain', '=', chain).execute();
      // The whole message: its events and its row, which holds its chain's head.
      await sql`delete from events where chain = ${chain}`.execute(db());
      await sql`delete from messages where id = ${id}`.execute(db());
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: registryChainFor(chain), expected: `chain ${chain}`, found: null },
      });
      await db().insertInto('messages').values(message).execute();
      await db().insertInto('events').values(events).execute();
      expect((await verify()).ok).toBe(true);
    });

    it('reports an edited registration list: a chain taken out, or one put in', async () => {
      const shard = registryChainFor(batchChains[0]!);
      const reg = (await registryEvents()).filter((r) => r.chain === shard).at(-1)!;
      const { chains } = JSON.parse(reg.data) as { chains: string[] };
      const edit = (forged: string[]) =>
        sql`update events set data = ${JSON.stringify({ chains: forged })} where id = ${reg.id}`.execute(db());
      // Taken out: the chain is found unregistered (the message chains are read before the registry).
      await edit(chains.slice(1));
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: chains[0], seq: 1, found: 'not registered' },
      });
      // One put in: the registration's hash no longer matches (nor would a chain's taken out, read that far).
      await edit([...chains, 'm:msg_forged'].sort());
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { chain: shard, seq: reg.seq, found: reg.hash } });
      await sql`update events set data = ${reg.data} where id = ${reg.id}`.execute(db());
      expect((await verify()).ok).toBe(true);
    });

    it('reports a registry chain cut short: its newest registration deleted', async () => {
      const shard = registryChainFor(batchChains[0]!);
      const last = (await registryEvents()).filter((r) => r.chain === shard).at(-1)!;
      const { chains } = JSON.parse(last.data) as { chains: string[] };
      await sql`delete from events where id = ${last.id}`.execute(db());
      // The chains it listed are read before the registry: the first of them is found unregistered.
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: chains[0], seq: 1, found: 'not registered' },
      });
      // The messages it listed deleted too, events and rows (their heads): the registry's head shows the cut.
      const ids = chains.map((c) => c.slice(2));
      const events = await db().selectFrom('events').selectAll().where('chain', 'in', chains).execute();
      const rows = await db().selectFrom('messages').selectAll().where('id', 'in', ids).execute();
      await db().deleteFrom('events').where('chain', 'in', chains).execute();
      await db().deleteFrom('messages').where('id', 'in', ids).execute();
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: shard, seq: last.seq, expected: last.hash, found: null },
      });
      await db()
        .insertInto('events')
        .values([...events, last])
        .execute();
      await db().insertInto('messages').values(rows).execute();
      expect((await verify()).ok).toBe(true);
    });

    it('verifies registrations written before (one chain an event, in ref_chain) beside the new ones', async () => {
      const at = new Date().toISOString();
      // Two borrower chains registered the old way, one of them at another time than its first event.
      const old = ['b:old-form-1', 'b:old-form-2'];
      for (const [i, chain] of old.entries()) {
        await writeChain(db(), chain, chain.slice(2), at);
        await registerOldForm(db(), chain, chain.slice(2), i === 0 ? at : new Date(Date.now() + 1_000).toISOString());
      }
      expect(await verify()).toMatchObject({ ok: true });
      expect(await verifyChains(db(), 'default', { batchSize: 7 })).toMatchObject({ ok: true });
      // A whole chain deleted out of an old-form registration is still found.
      const gone = await db().selectFrom('events').selectAll().where('chain', '=', old[1]!).execute();
      const head = await db()
        .selectFrom('chain_heads')
        .selectAll()
        .where('chain', '=', old[1]!)
        .executeTakeFirstOrThrow();
      await sql`delete from events where chain = ${old[1]!}`.execute(db());
      await sql`delete from chain_heads where chain = ${old[1]!}`.execute(db());
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { chain: registryChainFor(old[1]!), expected: `chain ${old[1]}`, found: null },
      });
      await db().insertInto('events').values(gone).execute();
      await db().insertInto('chain_heads').values(head).execute();
      expect((await verify()).ok).toBe(true);
    });

    it('finds a chain with events but no registration, in the whole run and in its tenant’s', async () => {
      const at = new Date().toISOString();
      for (const [borrower, tenant] of [
        ['unregistered-1', 'default'],
        ['acme~unregistered-2', 'acme'],
      ] as const) {
        const chain = `b:${borrower}`;
        await writeChain(db(), chain, borrower, at);
        const broken = { ok: false, brokenAt: { chain, seq: 1, found: 'not registered' } };
        expect(await verify()).toMatchObject(broken);
        expect(await verifyChains(db(), tenant, { batchSize: 7 })).toMatchObject(broken);
        await sql`delete from events where chain = ${chain}`.execute(db());
        await sql`delete from chain_heads where chain = ${chain}`.execute(db());
      }
      expect((await verify()).ok).toBe(true);
    });
  });
});

async function countEvents(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A chain of one event, hashed as the store would, with its head: but registered nowhere. */
async function writeChain(db: Kysely<Database>, chain: string, borrowerId: string, at: string): Promise<void> {
  const fields = { chain, seq: 1, messageId: null, borrowerId, type: 'borrower.updated', at, actor: 'test', data: {} };
  const hash = eventHash(GENESIS_HASH, fields);
  await db
    .insertInto('events')
    .values({
      chain,
      seq: 1,
      message_id: null,
      borrower_id: borrowerId,
      type: fields.type,
      at,
      actor: 'test',
      data: '{}',
      prev_hash: GENESIS_HASH,
      hash,
      ref_chain: null,
    })
    .execute();
  await db.insertInto('chain_heads').values({ chain, seq: 1, hash }).execute();
}

/** A registration as the store wrote it before batches were registered together: one chain, in ref_chain. */
async function registerOldForm(db: Kysely<Database>, chain: string, borrowerId: string, at: string): Promise<void> {
  const registry = registryChainFor(chain);
  const head = await db.selectFrom('chain_heads').selectAll().where('chain', '=', registry).executeTakeFirst();
  const prev = head && Number(head.seq) > 0 ? { seq: Number(head.seq), hash: head.hash } : null;
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const hash = eventHash(prevHash, {
    chain: registry,
    seq,
    messageId: null,
    borrowerId,
    type: 'chain.registered',
    at,
    actor: 'audit',
    data: {},
    refChain: chain,
  });
  await db
    .insertInto('events')
    .values({
      chain: registry,
      seq,
      message_id: null,
      borrower_id: borrowerId,
      type: 'chain.registered',
      at,
      actor: 'audit',
      data: '{}',
      prev_hash: prevHash,
      hash,
      ref_chain: chain,
    })
    .execute();
  await db
    .insertInto('chain_heads')
    .values({ chain: registry, seq, hash })
    .onConflict((oc) => oc.column('chain').doUpdateSet({ seq, hash }))
    .execute();
}
