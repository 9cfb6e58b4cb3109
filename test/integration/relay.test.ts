/**
 * The outbound-event relay loses nothing however long a transaction stays open: on PostgreSQL a
 * transaction holds an event (a lower id) open well past the old 2 s settle window while later
 * events commit; the relay waits for it and then sends both, in order, once. Real PostgreSQL and
 * SQLite stores, a real BullMQ queue.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { waitFor } from '../support/wait.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { appendEvent } from '../../src/store/event-chain.js';
import { type AuditStore, openAuditStore } from '../../src/store/audit-store.js';
import { EVENTS_OUT_QUEUE, type OutboundEventJob } from '../../queues/index.js';
import { makeEventRelay } from '../../src/http/webhooks/outbound-events.js';
import { dbVariants, dropData } from '../support/harness.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe.each(dbVariants())('the outbound-event relay on $name', (variant) => {
  let dir: string;
  let db: { url: string; schema?: string };
  let store: AuditStore;
  let connection: Redis;
  let queue: Queue<OutboundEventJob>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-relay-'));
    db = variant.make(dir);
    store = await openAuditStore(db.url, db.schema ? { schema: db.schema } : {});
    connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    queue = new Queue<OutboundEventJob>(EVENTS_OUT_QUEUE, { connection, prefix: `t${randomBytes(5).toString('hex')}` });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    connection?.disconnect();
    await store?.close();
    await dropData({ dir, db });
  });

  const escalate = async (borrowerId: string) => {
    await store.upsertBorrower({ id: borrowerId }, new Date());
    await store.recordBorrowerEvent(
      borrowerId,
      { type: 'borrower.escalated', actor: 'test', data: { accountRef: borrowerId, why: 'test' } },
      new Date(),
    );
  };
  // Every event here is the default tenant's, which has a receiver.
  const toDefaultReceiver = { enabled: async () => true, destinations: async () => ['tenant' as const] };
  /**
   * Runs the relay until it has relayed `n` events in all. The relay waits for every older transaction
   * in the cluster to end, and other test files write to the same PostgreSQL at the same time: a
   * run may find their transactions open and relay nothing yet.
   */
  const relayUntil = async (relay: { run(): Promise<{ relayed: number }> }, n: number) => {
    let total = 0;
    await waitFor(async () => ((total += (await relay.run()).relayed) >= n ? true : undefined), {
      what: `${n} events relayed`,
      timeoutMs: 20_000,
    });
    return total;
  };
  const relayed = async () =>
    (await queue.getJobs(['waiting', 'delayed', 'active', 'completed']))
      .map((j) => j.data.data.borrowerId as string)
      .sort();

  it('relays each event once, however often it runs', async () => {
    const relay = makeEventRelay({
      store,
      queue,
      routing: toDefaultReceiver,
      clock: { now: () => new Date(Date.now() + 60_000) },
    });
    await escalate('relay-a');
    await escalate('relay-b');
    expect(await relayUntil(relay, 2)).toBe(2);
    expect((await relay.run()).relayed).toBe(0);
    expect(await relayed()).toEqual(['relay-a', 'relay-b']);
  });

  it.runIf(variant.name === 'postgres')(
    'waits for a transaction held open past the settle window, then sends its event too',
    { timeout: 30_000 },
    async () => {
      // The relay's clock runs a minute ahead: the old settle window would call everything settled.
      const relay = makeEventRelay({
        store,
        queue,
        routing: toDefaultReceiver,
        clock: { now: () => new Date(Date.now() + 60_000) },
      });
      await store.upsertBorrower({ id: 'relay-held' }, new Date());
      const other = await openDb(db.url, db.schema ? { schema: db.schema } : {});
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let inserted!: () => void;
      const didInsert = new Promise<void>((r) => (inserted = r));
      const tx = other.db.transaction().execute(async (trx) => {
        await appendEvent(
          trx,
          'postgres',
          { chain: 'b:relay-held', messageId: null, borrowerId: 'relay-held', now: new Date().toISOString() },
          { type: 'borrower.escalated', actor: 'test', data: { accountRef: 'held', why: 'test' } },
        );
        inserted();
        await held;
      });
      try {
        await didInsert;
        await escalate('relay-later');
        // The later event committed, but an older transaction is still open: nothing goes yet
        // (the relay's clock is a minute ahead, so the old settle window would have sent it).
        expect((await relay.run()).relayed).toBe(0);
        release();
        await tx;
        expect(await relayUntil(relay, 2)).toBe(2);
        const jobs = (await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).map((j) => j.data);
        const order = jobs
          .filter((j) => ['relay-held', 'relay-later'].includes(j.data.borrowerId as string))
          .sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)));
        expect(order.map((j) => j.data.borrowerId)).toEqual(['relay-held', 'relay-later']);
        expect((await relay.run()).relayed).toBe(0);
      } finally {
        release();
        await tx.catch(() => undefined);
        await other.db.destroy();
      }
    },
  );
});
