/**
 * The store's side of retention by jurisdiction and erasure on request, on SQLite and PostgreSQL:
 * retention runs per tenant at each tenant's period; an erasure keeps the borrower's suppressions
 * as keyed hashes that match only under the key (or the previous one), and leaves alone an address
 * another borrower of the tenant still carries.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { retentionJob } from '../../src/jobs/retention-job.js';
import { type AuditStore, openAuditStore } from '../../src/store/audit-store.js';
import { openDb } from '../../src/store/db.js';
import { verifyChains } from '../../src/store/verify.js';
import { dbVariants } from '../support/harness.js';

const T0 = new Date('2020-01-10T12:00:00Z');
const LATER = new Date('2022-02-01T12:00:00Z');
const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);

describe.each(dbVariants())('retention per tenant and erasure in the store on $name', (variant) => {
  let dir: string;
  let made: { url: string; schema?: string };
  let store: AuditStore & { db: Awaited<ReturnType<typeof openDb>>['db'] };
  const open = (keys: Buffer[]) =>
    openAuditStore(made.url, { ...(made.schema ? { schema: made.schema } : {}), readThreads: 1, addressKeys: keys });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-erasure-'));
    made = variant.make(dir);
    const opened = await open([KEY]);
    // A connection of the test's own, to read the rows.
    const { db } = await openDb(made.url, made.schema ? { schema: made.schema, poolSize: 2 } : {});
    store = Object.assign(opened, { db });
  });
  afterAll(async () => {
    await store?.close();
    await store?.db.destroy();
    if (made?.schema) fs.appendFileSync(inject('schemasToDrop'), `${made.schema}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies each tenant’s own period: a 1-year tenant’s borrower goes, a 5-year tenant’s stays', async () => {
    await store.upsertBorrower({ id: 'acme~r1', name: 'Acme Old', phone: '+14155550181', locale: 'en-US' }, T0);
    await store.upsertBorrower({ id: 'r2', name: 'Default Old', phone: '+14155550182', locale: 'en-US' }, T0);
    const dry = await store.retention.apply({ years: 1, tenant: 'acme', now: LATER, dryRun: true });
    expect(dry.borrowers.map((b) => b.id)).toEqual(['acme~r1']);
    const dryDefault = await store.retention.apply({ years: 1, tenant: 'default', now: LATER, dryRun: true });
    expect(dryDefault.borrowers.map((b) => b.id)).toContain('r2');
    expect(dryDefault.borrowers.map((b) => b.id)).not.toContain('acme~r1');

    const job = retentionJob({
      store,
      tenants: async () => [
        { id: 'default', retentionYears: 5 },
        { id: 'acme', retentionYears: 1 },
      ],
      clock: { now: () => LATER },
      log: pino({ level: 'silent' }),
    });
    expect(await job()).toEqual({ erased: 1 });
    expect(await store.getBorrower('acme~r1')).toMatchObject({ name: null, phone: null });
    expect(await store.getBorrower('r2')).toMatchObject({ name: 'Default Old', phone: '+14155550182' });
    expect(await verifyChains(store.db)).toMatchObject({ ok: true });
  });

  it('keeps an erased borrower’s suppressions as keyed hashes, matched under the key or the previous one only', async () => {
    const phone = '+14155550191';
    const email = 'Kept.Hashed@Example.com';
    await store.upsertBorrower({ id: 'acme~e1', name: 'To Erase', phone, email, locale: 'en-US' }, T0);
    await store.suppressionsOf('acme').add([{ address: phone, channel: 'sms', source: 'api', actor: 'test' }], T0);
    await store.addOptOut(
      'acme~e1',
      { channel: 'email', source: 'unsubscribe', at: T0.toISOString() },
      { type: 'borrower.opted_out', actor: 'test', data: { channel: 'email' } },
      T0,
    );
    const r = await store.erasure.erase({
      borrowerId: 'acme~e1',
      actor: 'api:key_c',
      basis: 'pipl-art-47',
      now: LATER,
    });
    expect(r).toMatchObject({ kind: 'erased', suppressionsKept: 2 });

    const rows = await store.db.selectFrom('suppressions').selectAll().where('tenant', '=', 'acme').execute();
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('kept.hashed');
    expect(rows.filter((x: { address: string }) => x.address.startsWith('hmac:')).length).toBe(2);
    expect((await store.suppressionsOf('acme').of(phone)).map((s) => s.channel)).toEqual(['sms']);
    expect((await store.suppressionsOf('acme').of(email.toLowerCase())).map((s) => s.channel)).toEqual(['email']);
    // Another tenant's list is its own.
    expect(await store.suppressionsOf('default').of(phone)).toEqual([]);
    // Adding the number again keeps the first (hashed) entry: nothing new.
    expect(
      await store.suppressionsOf('acme').add([{ address: phone, channel: 'sms', source: 'import', actor: 't' }], LATER),
    ).toEqual([]);

    const stranger = await open([OTHER_KEY]);
    const rotated = await open([OTHER_KEY, KEY]);
    try {
      expect(await stranger.suppressionsOf('acme').of(phone)).toEqual([]);
      expect((await rotated.suppressionsOf('acme').of(phone)).map((s) => s.channel)).toEqual(['sms']);
    } finally {
      await stranger.close();
      await rotated.close();
    }
    expect(await store.erasure.erase({ borrowerId: 'acme~e1', actor: 'x', basis: 'other', now: LATER })).toMatchObject({
      kind: 'already-erased',
    });
    expect(await verifyChains(store.db)).toMatchObject({ ok: true });
  });

  it('leaves an address another borrower of the tenant still carries as it is', async () => {
    const shared = '+14155550192';
    await store.upsertBorrower({ id: 'acme~s1', name: 'Sharer One', phone: shared, locale: 'en-US' }, T0);
    await store.upsertBorrower({ id: 'acme~s2', name: 'Sharer Two', phone: shared, locale: 'en-US' }, T0);
    await store.suppressionsOf('acme').add([{ address: shared, channel: 'sms', source: 'api', actor: 'test' }], T0);
    const r = await store.erasure.erase({ borrowerId: 'acme~s1', actor: 'api:k', basis: 'gdpr-art-17', now: LATER });
    expect(r).toMatchObject({ kind: 'erased', suppressionsKept: 0 });
    expect(await store.getBorrower('acme~s1')).toMatchObject({ name: null, phone: null });
    const entries = await store.suppressionsOf('acme').of(shared);
    expect(entries).toEqual([expect.objectContaining({ address: shared, channel: 'sms' })]);
  });

  it('refuses to erase without the address key (a store opened without SIGNING_SECRET)', async () => {
    const keyless = await openAuditStore(made.url, { ...(made.schema ? { schema: made.schema } : {}), readThreads: 1 });
    try {
      await keyless.upsertBorrower({ id: 'acme~k1', name: 'Keyless', locale: 'en-US' }, T0);
      await expect(
        keyless.erasure.erase({ borrowerId: 'acme~k1', actor: 'x', basis: 'other', now: LATER }),
      ).rejects.toThrow(/suppression-address key/);
    } finally {
      await keyless.close();
    }
  });
});
