/**
 * The migrations: the schema a fresh store gets, pinned in test/fixtures/migrations/ (taken from
 * the store before the migrations were split into files, so the split changed nothing), and the
 * migrations that move data, on the store as a deployment that upgrades would have it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { type Db, openDb } from '../../src/store/db.js';
import { migrateStore } from '../../src/store/migrations.js';
import { migrations } from '../../src/store/migrations/index.js';
import { dumpSchema } from '../support/schema-dump.js';

interface Store extends Pick<Db, 'db' | 'dialect'> {
  schema?: string;
  close(): Promise<void>;
}

/** A fresh store on SQLite; on PostgreSQL too when TEST_DATABASE_URL is set, in a schema of its own. */
function variants(): Array<{ name: string; open: () => Promise<Store> }> {
  const list = [
    {
      name: 'sqlite',
      open: async (): Promise<Store> => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-mig-'));
        const { db, dialect } = await openDb(`sqlite:${path.join(dir, 'm.db')}`);
        return {
          db,
          dialect,
          close: async () => (await db.destroy(), fs.rmSync(dir, { recursive: true, force: true })),
        };
      },
    },
  ];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    list.push({
      name: 'postgres',
      open: async (): Promise<Store> => {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const { db, dialect } = await openDb(pgUrl, { schema, poolSize: 2 });
        return {
          db,
          dialect,
          schema,
          close: async () => (await db.destroy(), fs.appendFileSync(inject('schemasToDrop'), `${schema}\n`)),
        };
      },
    });
  }
  return list;
}

describe.each(variants())('migrations on $name', ({ name, open }) => {
  it('give a fresh store the schema pinned for it, every migration recorded under its name', async () => {
    const store = await open();
    try {
      await migrateStore(store.db, store.dialect, store.schema);
      await expect(await dumpSchema(store.db, store.dialect)).toMatchFileSnapshot(
        `../fixtures/migrations/${name}.schema.txt`,
      );
    } finally {
      await store.close();
    }
  });

  it('find nothing to run on a store already at the latest', async () => {
    const store = await open();
    try {
      await migrateStore(store.db, store.dialect, store.schema);
      const before = await dumpSchema(store.db, store.dialect);
      await migrateStore(store.db, store.dialect, store.schema);
      expect(await dumpSchema(store.db, store.dialect)).toBe(before);
    } finally {
      await store.close();
    }
  });

  it('0011 copies each borrower opt-out to its address and channel, with its source and date, once', async () => {
    const store = await open();
    const { db } = store;
    try {
      await migrateStore(db, store.dialect, store.schema, '0010-outbound-deliveries');
      const row = (id: string, phone: string | null, email: string | null, optOuts: unknown[]) => ({
        id,
        name: null,
        locale: 'en-US',
        timezone: null,
        phone,
        email,
        consent: '{}',
        opt_outs: JSON.stringify(optOuts),
        blackouts: '[]',
        status: 'active',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-02-01T00:00:00.000Z',
        erased_at: null,
      });
      await db
        .insertInto('borrowers')
        .values([
          row('b-1', '+14155550100', 'Pat@Example.com', [
            { channel: 'sms', source: 'inbound-sms "STOP"', at: '2026-01-15T10:00:00.000Z' },
            { channel: 'email', source: 'one-click' },
          ]),
          row('b-2', '+14155550100', null, [{ channel: 'sms', source: 'api', at: '2026-01-20T10:00:00.000Z' }]),
          row('b-3', null, null, [{ channel: 'voice', source: 'api' }]),
          row('b-4', '+14155550101', null, []),
        ])
        .execute();
      await migrateStore(db, store.dialect, store.schema);
      const rows = await db
        .selectFrom('suppressions')
        .select(['tenant', 'address', 'channel', 'source', 'detail', 'actor', 'at', 'chain'])
        .orderBy('address')
        .orderBy('channel')
        .execute();
      expect(rows).toEqual([
        {
          tenant: 'default',
          address: '+14155550100',
          channel: 'sms',
          source: 'borrower-opt-out',
          detail: 'inbound-sms "STOP"',
          actor: 'migration',
          at: '2026-01-15T10:00:00.000Z',
          chain: null,
        },
        {
          tenant: 'default',
          address: 'pat@example.com',
          channel: 'email',
          source: 'borrower-opt-out',
          detail: 'one-click',
          actor: 'migration',
          at: '2026-02-01T00:00:00.000Z',
          chain: null,
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it('0026 gives each borrower of an experiment the first message that reached them, and the days after', async () => {
    const store = await open();
    const { db } = store;
    try {
      await migrateStore(db, store.dialect, store.schema, '0025-promises-by-borrower');
      const message = (id: string, borrower: string, status: string, sendAt: string, experiment: string | null) => ({
        id,
        reminder_id: `rem-${id}`,
        borrower_id: borrower,
        channel: 'sms',
        template: 'gentle-overdue',
        template_version: null,
        locale: 'en-US',
        to_addr: '+14155550100',
        subject: null,
        body: null,
        status,
        provider: null,
        provider_id: null,
        attempts: 1,
        error_code: null,
        error_message: null,
        send_at: sendAt,
        due_at: sendAt,
        job_seq: 0,
        created_at: sendAt,
        updated_at: sendAt,
        render_data: null,
        tenant: 'default',
        experiment,
        arm: experiment ? 'warm' : null,
      });
      const at = '2026-03-01T00:00:00.000Z';
      for (const b of ['b-1', 'b-2', 'b-3'])
        await db
          .insertInto('borrowers')
          .values({
            id: b,
            name: null,
            locale: 'en-US',
            timezone: null,
            phone: '+14155550100',
            email: null,
            consent: '{}',
            opt_outs: '[]',
            blackouts: '[]',
            status: 'active',
            created_at: at,
            updated_at: at,
            erased_at: null,
          })
          .execute();
      for (const [id, b] of [
        ['m1', 'b-1'],
        ['m2', 'b-1'],
        ['m3', 'b-1'],
        ['m4', 'b-2'],
        ['m5', 'b-3'],
      ] as const)
        await db
          .insertInto('reminders')
          .values({
            id: `rem-${id}`,
            client_id: 'c',
            external_id: null,
            request_hash: 'h',
            borrower_id: b,
            channel: 'sms',
            template: 'gentle-overdue',
            debt: '{}',
            send_at: at,
            expires_at: null,
            metadata: null,
            contact: null,
            created_at: at,
            account_ref: null,
          })
          .execute();
      // The earlier of two that reached b-1 counts, not the one that failed before both; b-2 was never reached.
      await db
        .insertInto('messages')
        .values([
          message('m1', 'b-1', 'failed', '2026-03-01T09:00:00.000Z', 'exp'),
          message('m2', 'b-1', 'delivered', '2026-03-05T09:00:00.000Z', 'exp'),
          message('m3', 'b-1', 'sent', '2026-03-09T09:00:00.000Z', 'exp'),
          message('m4', 'b-2', 'failed', '2026-03-02T09:00:00.000Z', 'exp'),
          message('m5', 'b-3', 'sent', '2026-03-02T09:00:00.000Z', null),
        ])
        .execute();
      await migrateStore(db, store.dialect, store.schema);
      expect(await db.selectFrom('first_touches').selectAll().execute()).toEqual([
        {
          experiment: 'exp',
          borrower_id: 'b-1',
          tenant: 'default',
          arm: 'warm',
          first_at: '2026-03-05T09:00:00.000Z',
          first7: '2026-03-12T09:00:00.000Z',
          first14: '2026-03-19T09:00:00.000Z',
          first30: '2026-04-04T09:00:00.000Z',
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it('0027 moves each message chain head onto its message row, the other chains keeping theirs', async () => {
    const store = await open();
    const { db } = store;
    try {
      await migrateStore(db, store.dialect, store.schema, '0026-first-touches');
      const at = '2026-03-01T00:00:00.000Z';
      await sql`insert into borrowers (id, locale, consent, opt_outs, blackouts, status, created_at, updated_at)
        values ('b-1', 'en-US', '{}', '[]', '[]', 'active', ${at}, ${at})`.execute(db);
      await sql`insert into reminders (id, client_id, request_hash, borrower_id, channel, template, debt, send_at, created_at)
        values ('rem-1', 'c', 'h', 'b-1', 'sms', 'gentle-overdue', '{}', ${at}, ${at})`.execute(db);
      for (const id of ['m1', 'm2'])
        await sql`insert into messages (id, reminder_id, borrower_id, channel, template, locale, to_addr, status, send_at, due_at, created_at, updated_at)
          values (${id}, 'rem-1', 'b-1', 'sms', 'gentle-overdue', 'en-US', '+14155550100', 'sent', ${at}, ${at}, ${at}, ${at})`.execute(
          db,
        );
      const heads = [
        { chain: 'm:m1', seq: 4, hash: 'a'.repeat(64) },
        { chain: 'b:b-1', seq: 2, hash: 'b'.repeat(64) },
        { chain: 'r:3', seq: 7, hash: 'c'.repeat(64) },
        { chain: 'a:default:sms:+14155550100', seq: 1, hash: 'd'.repeat(64) },
      ];
      await db.insertInto('chain_heads').values(heads).execute();
      await migrateStore(db, store.dialect, store.schema);
      const rows = await db.selectFrom('messages').select(['id', 'chain_seq', 'chain_hash']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'm1', chain_seq: 4, chain_hash: 'a'.repeat(64) },
        { id: 'm2', chain_seq: null, chain_hash: null },
      ]);
      expect(await db.selectFrom('chain_heads').selectAll().orderBy('chain').execute()).toEqual(
        heads.slice(1).sort((x, y) => (x.chain < y.chain ? -1 : 1)),
      );
    } finally {
      await store.close();
    }
  });
});

describe.each(variants())('migration 0029 on $name', ({ open }) => {
  it('keeps a locale other than the default as the language preference, undated; en-US as not recorded', async () => {
    const store = await open();
    const { db } = store;
    try {
      await migrateStore(db, store.dialect, store.schema, '0028-registry-by-time');
      const at = '2026-03-01T00:00:00.000Z';
      for (const [id, locale] of [
        ['b-en', 'en-US'],
        ['b-es', 'es-MX'],
        ['b-zh', 'zh-CN'],
      ])
        await sql`insert into borrowers (id, locale, consent, opt_outs, blackouts, status, created_at, updated_at)
          values (${id}, ${locale}, '{}', '[]', '[]', 'active', ${at}, ${at})`.execute(db);
      await migrateStore(db, store.dialect, store.schema);
      const rows = await db
        .selectFrom('borrowers')
        .select(['id', 'locale', 'language_preference', 'language_recorded_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'b-en', locale: 'en-US', language_preference: null, language_recorded_at: null },
        { id: 'b-es', locale: 'es-MX', language_preference: 'es-MX', language_recorded_at: null },
        { id: 'b-zh', locale: 'zh-CN', language_preference: 'zh-CN', language_recorded_at: null },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('the migration list', () => {
  it('runs every file of src/store/migrations/, oldest first, each under its file name', async () => {
    const dir = new URL('../../src/store/migrations/', import.meta.url);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(files);
    for (const [i, file] of files.entries()) {
      const mod = (await import(/* @vite-ignore */ new URL(`${file}.ts`, dir).href)) as { up: unknown };
      expect(mod.up, file).toBe(migrations[i]!.up);
    }
  });
});
