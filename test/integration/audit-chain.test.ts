/**
 * Tamper evidence: after a run of sends the chains verify; then, with SQL run straight against
 * the database, each kind of tampering is reported as broken at the right place.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryChainFor } from '../../src/store/event-chain.js';
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
    // 6 messages × 4 events, their 6 registrations, the borrower's event and its registration.
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
});
