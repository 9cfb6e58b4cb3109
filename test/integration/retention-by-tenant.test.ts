/**
 * The store's side of retention by jurisdiction and erasure on request, on SQLite and PostgreSQL:
 * retention runs per tenant at each tenant's period; an erasure, and retention's erasure alike,
 * keeps the borrower's suppressions as keyed hashes, clears the language preference, and leaves
 * alone an address another borrower of the tenant still carries. (The key's rotation:
 * suppression-key-rotation.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addressKeySource } from '../../src/compose/startup/address-key-source.js';
import { retentionJob } from '../../src/jobs/retention-job.js';
import { type AuditStore, openAuditStore } from '../../src/store/audit-store.js';
import { openDb } from '../../src/store/db.js';
import { verifyChains } from '../../src/store/verify.js';
import { dbVariants } from '../support/harness.js';

const T0 = new Date('2020-01-10T12:00:00Z');
const LATER = new Date('2022-02-01T12:00:00Z');
const SECRET = 'retention-by-tenant-secret';

describe.each(dbVariants())('retention per tenant and erasure in the store on $name', (variant) => {
  let dir: string;
  let made: { url: string; schema?: string };
  let store: AuditStore & { db: Awaited<ReturnType<typeof openDb>>['db'] };
  const open = (secret: string) =>
    openAuditStore(made.url, {
      ...(made.schema ? { schema: made.schema } : {}),
      readThreads: 1,
      addressKey: addressKeySource(secret, undefined),
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-erasure-'));
    made = variant.make(dir);
    const opened = await open(SECRET);
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

  it('keeps an erased borrower’s suppressions as keyed hashes, and clears their language preference', async () => {
    const phone = '+14155550191';
    const email = 'Kept.Hashed@Example.com';
    await store.upsertBorrower({ id: 'acme~e1', name: 'To Erase', phone, email, locale: 'es-US' }, T0);
    expect((await store.getBorrower('acme~e1'))!.language).toEqual({
      preference: 'es-US',
      recordedAt: T0.toISOString(),
    });
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
    expect(await store.getBorrower('acme~e1')).toMatchObject({
      locale: 'en-US',
      language: { preference: null, recordedAt: null },
    });

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

  it('refuses to erase, on request or by retention, without the address key (a store opened without SIGNING_SECRET)', async () => {
    const keyless = await openAuditStore(made.url, { ...(made.schema ? { schema: made.schema } : {}), readThreads: 1 });
    try {
      await keyless.upsertBorrower({ id: 'acme~k1', name: 'Keyless', locale: 'en-US' }, T0);
      await expect(
        keyless.erasure.erase({ borrowerId: 'acme~k1', actor: 'x', basis: 'other', now: LATER }),
      ).rejects.toThrow(/suppression-address key/);
      await expect(keyless.retention.apply({ years: 1, tenant: 'acme', now: LATER, dryRun: false })).rejects.toThrow(
        /suppression-address key/,
      );
      // A dry run erases nothing: it needs no key.
      const dry = await keyless.retention.apply({ years: 1, tenant: 'acme', now: LATER, dryRun: true });
      expect(dry.borrowers.map((b) => b.id)).toContain('acme~k1');
      expect((await keyless.getBorrower('acme~k1'))!.name).toBe('Keyless');
    } finally {
      await keyless.close();
    }
  });

  it('keeps an expired borrower’s suppressions as keyed hashes and clears their language preference, as an erasure does', async () => {
    const phone = '+14155550193';
    const email = 'Retained.Out@Example.com';
    await store.upsertBorrower({ id: 'acme~x1', name: 'Expired Stopper', phone, email, locale: 'es-US' }, T0);
    await store
      .suppressionsOf('acme')
      .add([{ address: phone, channel: 'sms', source: 'inbound-keyword', actor: 't' }], T0);
    await store.addOptOut(
      'acme~x1',
      { channel: 'email', source: 'unsubscribe', at: T0.toISOString() },
      { type: 'borrower.opted_out', actor: 'test', data: { channel: 'email' } },
      T0,
    );
    const report = await store.retention.apply({ years: 1, tenant: 'acme', now: LATER, dryRun: false });
    expect(report.borrowers.map((b) => b.id)).toContain('acme~x1');

    expect(await store.getBorrower('acme~x1')).toMatchObject({
      name: null,
      phone: null,
      email: null,
      locale: 'en-US',
      language: { preference: null, recordedAt: null },
    });
    const rows = await store.db.selectFrom('suppressions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('retained.out');
    const row = await store.db
      .selectFrom('borrowers')
      .selectAll()
      .where('id', '=', 'acme~x1')
      .executeTakeFirstOrThrow();
    expect([row.language_preference, row.language_recorded_at]).toEqual([null, null]);
    // Still suppressed, for any borrower a later import gives the number or the email.
    expect((await store.suppressionsOf('acme').of(phone)).map((s) => s.channel)).toEqual(['sms']);
    expect((await store.suppressionsOf('acme').of(email)).map((s) => s.channel)).toEqual(['email']);
    expect(
      await store.suppressionsOf('acme').add([{ address: phone, channel: 'sms', source: 'import', actor: 't' }], LATER),
    ).toEqual([]);
    const erased = (await store.listBorrowerEvents('acme~x1')).find((e) => e.type === 'borrower.erased');
    expect(erased?.data).toMatchObject({ years: 1, suppressionsKept: 2 });
    expect(await verifyChains(store.db)).toMatchObject({ ok: true });
  });
});
