/**
 * PostgreSQL: a parameterised statement that repeats is prepared under a name on the connection
 * (db.ts `preparingStatements`), answers exactly as unnamed, and `select *` is never named.
 */
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('prepared statements on PostgreSQL', () => {
  let store: Db;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    // One connection: every statement runs where pg_prepared_statements is read.
    store = await openDb(url!, { schema, poolSize: 1 });
    await sql`create table things (id text primary key, n integer not null)`.execute(store.db);
    await store.db
      .insertInto('things' as never)
      .values([
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ] as never)
      .execute();
  });
  afterAll(async () => {
    // Dropped once every file is done (global-setup.ts): a drop now can fail another file's migrator.
    await store.db.destroy();
    appendFileSync(inject('schemasToDrop'), `${schema}\n`);
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(store.db)).rows.map(
      (r) => r.statement,
    );

  it('names a text that repeats, and answers as before every time', async () => {
    const text = 'select id, n from things where n >= ';
    const answers: unknown[] = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        (await sql`select id, n from things where n >= ${i % 2 === 0 ? 1 : 2} order by id`.execute(store.db)).rows,
      );
    expect(answers).toEqual([
      [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      [{ id: 'b', n: 2 }],
      [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      [{ id: 'b', n: 2 }],
      [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
    ]);
    expect((await prepared()).some((s) => s.startsWith(text))).toBe(true);
  });

  it('never names select * (a migration could change its columns under the plan), nor a text seen once', async () => {
    for (let i = 0; i < 4; i++) await sql`select * from things where id = ${'a'}`.execute(store.db);
    await sql`select n from things where id = ${'once'}`.execute(store.db);
    const names = await prepared();
    expect(names.some((s) => s.startsWith('select * from things'))).toBe(false);
    expect(names.some((s) => s.startsWith('select n from things'))).toBe(false);
  });

  it('plans every named statement with its values, never with a generic plan', async () => {
    // A generic plan made while a table was small stayed a scan of the whole client's rows with every
    // row compared against a thousand parameters: the nightly import's account look-up, 272 ms a call
    // at 30,000 accounts against 7.7 ms planned with its values (docs/performance.md).
    const [row] = (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(store.db)).rows;
    expect(row?.plan_cache_mode).toBe('force_custom_plan');
  });
});
