/**
 * How the store learns that its database is unavailable, and what it does meanwhile
 * (src/store/availability.ts), on a real SQLite file whose write lock another connection holds;
 * which driver errors count as "unavailable"; and a worker's owed write waiting for the database
 * (src/workers/dispatch/until-stored.ts). A few seconds in all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unavailability } from '../../src/store/availability.js';
import { openDb, type Db } from '../../src/store/db.js';
import { StoreUnavailableError, storeUnavailable } from '../../src/store/store-unavailable.js';
import { untilStored } from '../../src/workers/dispatch/until-stored.js';
import { WorkerTaskError } from '../../src/lib/thread-pool.js';
import { makeLogger } from '../../src/observability/logger.js';
import { pino } from 'pino';
import { waitFor } from '../support/wait.js';

const quiet = makeLogger({ level: 'silent', destination: pino.destination({ dest: os.devNull, sync: true }) });

describe('which errors mean the database is unavailable', () => {
  it('counts PostgreSQL connection loss, shutdown and start-up, refused sockets and SQLITE_BUSY', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''),
    ])
      expect(storeUnavailable(err)?.reason, err.message).toBe('the database server is not accepting connections');
    expect(storeUnavailable(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))?.reason).toBe(
      'the SQLite database is locked by another process',
    );
  });

  it('counts the error of a heavy-read thread, rebuilt from its name and message', () => {
    const original = new StoreUnavailableError('the SQLite database is locked by another process');
    const rebuilt = new WorkerTaskError(original.message, original.name);
    expect(storeUnavailable(rebuilt)?.reason).toBe('the SQLite database is locked by another process');
  });

  it('does not count a refused statement: a constraint, a syntax error, a missing table', () => {
    for (const err of [
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' }),
      Object.assign(new Error('no such table: nope'), { code: 'SQLITE_ERROR' }),
      Object.assign(new Error('UNIQUE constraint failed: messages.id'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }),
    ])
      expect(storeUnavailable(err), err.message).toBeUndefined();
  });
});

describe('a SQLite file locked by another connection', () => {
  let dir: string | undefined;
  let store: Db | undefined;
  let holder: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    holder?.close();
    await store?.db.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    holder = store = dir = undefined;
  });

  async function lockedStore() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-avail-'));
    const file = path.join(dir, 'a.db');
    store = await openDb(`sqlite:${file}`, { busyTimeoutMs: 100 });
    await sql`create table t (v integer)`.execute(store.db);
    const changes: Array<Unavailability | null> = [];
    store.availability.onChange((down) => changes.push(down));
    holder = new BetterSqlite3(file);
    holder.exec('BEGIN EXCLUSIVE');
    return { store, holder, changes };
  }

  it('marks the store unavailable at the first SQLITE_BUSY, once, and fails the next queries at once', async () => {
    const { store, changes } = await lockedStore();
    const write = () => sql`insert into t values (1)`.execute(store.db);
    await expect(write()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(changes).toEqual([{ reason: 'the SQLite database is locked by another process', since: expect.any(Date) }]);
    expect(store.availability.current()).toMatchObject({ reason: 'the SQLite database is locked by another process' });
    // Within the probe period nothing reaches the file, reads included: the same error, no new change.
    await expect(sql`select 1`.execute(store.db)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      store.db.transaction().execute(async (trx) => sql`insert into t values (3)`.execute(trx)),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(changes).toHaveLength(1);
  });

  it('is available again once a probe takes the write lock after the holder lets go', async () => {
    const { store, holder, changes } = await lockedStore();
    await expect(sql`insert into t values (1)`.execute(store.db)).rejects.toBeInstanceOf(StoreUnavailableError);
    holder.exec('ROLLBACK');
    // The next probe (one a second) writes, and the store is back.
    await waitFor(
      async () =>
        (await sql`insert into t values (2)`.execute(store.db).then(
          () => true,
          () => false,
        )) || undefined,
      { what: 'a write to go through', timeoutMs: 5_000, intervalMs: 200 },
    );
    expect(store.availability.current()).toBeNull();
    expect(changes.map((c) => c?.reason ?? null)).toEqual(['the SQLite database is locked by another process', null]);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(store.db)).rows[0]!.n).toBe(1);
  });
});

describe("a worker's owed write", () => {
  it('waits for the database and lands once it is back', async () => {
    let tries = 0;
    const out = await untilStored(
      async () => {
        tries++;
        if (tries < 3) throw new StoreUnavailableError('the database server is not accepting connections');
        return 'stored';
      },
      quiet,
      10,
    );
    expect(out).toBe('stored');
    expect(tries).toBe(3);
  });

  it('passes any other error on at once', async () => {
    let tries = 0;
    const refused = Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' });
    await expect(
      untilStored(
        async () => {
          tries++;
          throw refused;
        },
        quiet,
        10,
      ),
    ).rejects.toBe(refused);
    expect(tries).toBe(1);
  });
});
