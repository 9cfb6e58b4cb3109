/**
 * The suppression-address key across rotations of SIGNING_SECRET, on SQLite and PostgreSQL: the
 * key is kept in the store wrapped under the secret, so an erased borrower who said stop stays
 * suppressed after the secret is rotated (previous given) and then after the previous one is
 * dropped; entries hashed before the key was kept still match; a wrong secret refuses the start;
 * processes starting at once store one key. The same through the service: restarts with the
 * rotated secret, then without the previous one, and a start with a wrong secret.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { addressKeySource } from '../../src/compose/startup/address-key-source.js';
import { deriveKey, secretFingerprint, SUPPRESSION_ADDRESS_KEY_INFO } from '../../src/http/webhooks/signing-keys.js';
import { makeAddressHasher } from '../../src/store/address-hash.js';
import type { AddressKeyOpened } from '../../src/store/address-key.js';
import { AddressKeyUnavailableError } from '../../src/store/address-key-unavailable.error.js';
import { type AuditStore, openAuditStore } from '../../src/store/audit-store.js';
import { openDb } from '../../src/store/db.js';
import { dbVariants, dropData, type Harness, sqliteOnly, startHarness } from '../support/harness.js';

const T0 = new Date('2026-01-10T12:00:00Z');
const LATER = new Date('2026-06-01T12:00:00Z');
const OLD = 'rotation-test-old-secret';
const NEW = 'rotation-test-new-secret';
const PHONE = '+14155550771';
const EMAIL = 'said.stop@example.com';

describe.each(dbVariants())('the suppression-address key across rotations on $name', (variant) => {
  let dir: string;
  let made: { url: string; schema?: string };
  const opened: AuditStore[] = [];
  const events: AddressKeyOpened[] = [];

  /** A start of the service's store with these secrets (SIGNING_SECRET, SIGNING_SECRET_PREVIOUS). */
  async function start(secret: string | null, previous?: string): Promise<AuditStore> {
    const store = await openAuditStore(made.url, {
      ...(made.schema ? { schema: made.schema } : {}),
      readThreads: 1,
      ...(secret === null
        ? {}
        : { addressKey: addressKeySource(secret, previous), onAddressKey: (k) => events.push(k) }),
    });
    opened.push(store);
    return store;
  }
  const sms = async (store: AuditStore, address = PHONE) =>
    (await store.suppressionsOf('acme').of(address)).map((s) => s.channel);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-key-rotation-'));
    made = variant.make(dir);
    events.length = 0;
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    if (made?.schema) fs.appendFileSync(inject('schemasToDrop'), `${made.schema}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an erased borrower who said stop suppressed after a rotation and after the previous secret is dropped', async () => {
    const first = await start(OLD);
    expect(events.at(-1)).toMatchObject({ kind: 'created', keys: 1, wrappedUnder: secretFingerprint(OLD) });
    await first.upsertBorrower(
      { id: 'acme~stop1', name: 'Said Stop', phone: PHONE, email: EMAIL, locale: 'en-US' },
      T0,
    );
    await first
      .suppressionsOf('acme')
      .add([{ address: PHONE, channel: 'sms', source: 'inbound-keyword', actor: 'twilio' }], T0);
    await first.addOptOut(
      'acme~stop1',
      { channel: 'email', source: 'unsubscribe', at: T0.toISOString() },
      { type: 'borrower.opted_out', actor: 'test', data: { channel: 'email' } },
      T0,
    );
    expect(
      await first.erasure.erase({ borrowerId: 'acme~stop1', actor: 'api:k', basis: 'other', now: T0 }),
    ).toMatchObject({ kind: 'erased', suppressionsKept: 2 });
    await first.close();

    // The rotation: the new secret, the old one as the previous.
    const rotated = await start(NEW, OLD);
    expect(events.at(-1)).toMatchObject({ kind: 'rewrapped', wrappedUnder: secretFingerprint(NEW) });
    expect(await sms(rotated)).toEqual(['sms']);
    await rotated.close();

    // The previous secret dropped: the key was re-wrapped under the new one, the entries still match.
    const after = await start(NEW);
    expect(events.at(-1)).toMatchObject({ kind: 'unwrapped' });
    expect(await sms(after)).toEqual(['sms']);
    expect(await sms(after, EMAIL.toUpperCase())).toEqual(['email']);
    // Re-imported under a new borrower id: the import's entry is not added, the address stays suppressed.
    await after.upsertBorrower({ id: 'acme~again', name: 'Imported Again', phone: PHONE, locale: 'en-US' }, LATER);
    expect(
      await after.suppressionsOf('acme').add([{ address: PHONE, channel: 'sms', source: 'import', actor: 'i' }], LATER),
    ).toEqual([]);
    expect(await sms(after)).toEqual(['sms']);
    // New erasures hash under the same key.
    await after.upsertBorrower({ id: 'acme~stop2', name: 'Second', phone: '+14155550772', locale: 'en-US' }, LATER);
    await after
      .suppressionsOf('acme')
      .add([{ address: '+14155550772', channel: 'sms', source: 'api', actor: 't' }], LATER);
    await after.erasure.erase({ borrowerId: 'acme~stop2', actor: 'api:k', basis: 'other', now: LATER });
    expect(await sms(after, '+14155550772')).toEqual(['sms']);
  });

  it('refuses to start when neither secret unwraps the stored key, naming what to do; the key stays', async () => {
    await (await start(OLD)).close();
    const { db } = await openDb(made.url, made.schema ? { schema: made.schema, poolSize: 1 } : {});
    try {
      const before = await db.selectFrom('wrapped_keys').selectAll().execute();
      for (const [secret, previous] of [
        [NEW, undefined],
        [NEW, 'another-wrong-secret'],
      ] as const) {
        const refused = start(secret, previous);
        await expect(refused).rejects.toBeInstanceOf(AddressKeyUnavailableError);
        await expect(refused).rejects.toThrow(
          new RegExp(`fingerprint ${secretFingerprint(OLD)}.*SIGNING_SECRET_PREVIOUS set to the secret`),
        );
      }
      expect(await db.selectFrom('wrapped_keys').selectAll().execute()).toEqual(before);
      // The right secret still opens it.
      await start(OLD);
      expect(events.at(-1)).toMatchObject({ kind: 'unwrapped' });
    } finally {
      await db.destroy();
    }
  });

  it('keeps matching entries hashed before the key was stored, under the secret or, during a rotation, the previous one', async () => {
    // A store from before: erased borrowers' entries hashed under keys derived from each secret.
    await (await start(null)).close();
    const legacy = (secret: string, address: string) =>
      makeAddressHasher([deriveKey(secret, SUPPRESSION_ADDRESS_KEY_INFO)]).current(address);
    const { db } = await openDb(made.url, made.schema ? { schema: made.schema, poolSize: 1 } : {});
    try {
      const entry = (address: string) => ({
        tenant: 'acme',
        address,
        channel: 'sms',
        source: 'inbound-keyword',
        detail: null,
        actor: 'twilio',
        at: T0.toISOString(),
        chain: null,
      });
      await db
        .insertInto('suppressions')
        .values([entry(legacy(OLD, '+14155550781')), entry(legacy(NEW, '+14155550782'))])
        .execute();
    } finally {
      await db.destroy();
    }
    // The first start with a key is in the middle of a rotation: both secrets' keys are kept.
    const upgraded = await start(NEW, OLD);
    expect(events.at(-1)).toMatchObject({ kind: 'created', keys: 2 });
    expect(await sms(upgraded, '+14155550781')).toEqual(['sms']);
    expect(await sms(upgraded, '+14155550782')).toEqual(['sms']);
    await upgraded.close();
    const dropped = await start(NEW);
    expect(await sms(dropped, '+14155550781')).toEqual(['sms']);
    expect(await sms(dropped, '+14155550782')).toEqual(['sms']);
  });

  it('stores one key when several processes start at once', async () => {
    await (await start(null)).close();
    // Different previous secrets would give different first keys: whichever is stored first, all use it.
    const stores = await Promise.all([start(NEW), start(NEW, OLD), start(NEW), start(NEW, 'yet-another')]);
    expect(events.map((e) => e.kind).sort()).toEqual(['created', 'unwrapped', 'unwrapped', 'unwrapped']);
    expect(new Set(events.map((e) => e.keys)).size).toBe(1);
    const { db } = await openDb(made.url, made.schema ? { schema: made.schema, poolSize: 1 } : {});
    try {
      expect(await db.selectFrom('wrapped_keys').select('name').execute()).toEqual([{ name: 'suppression-address' }]);
    } finally {
      await db.destroy();
    }
    // An erasure through one is matched by every other.
    await stores[0]!.upsertBorrower({ id: 'acme~c1', name: 'Concurrent', phone: PHONE, locale: 'en-US' }, T0);
    await stores[0]!.suppressionsOf('acme').add([{ address: PHONE, channel: 'sms', source: 'api', actor: 't' }], T0);
    await stores[1]!.erasure.erase({ borrowerId: 'acme~c1', actor: 'api:k', basis: 'other', now: T0 });
    for (const s of stores) expect(await sms(s)).toEqual(['sms']);
  });
});

describe('the suppression-address key across restarts of the service', () => {
  /** The service running now (closed at the end), and the run's data (dropped at the end). */
  let live: Harness | undefined;
  let run: Harness | undefined;
  afterEach(async () => {
    await live?.close();
    if (run) await dropData(run);
    live = run = undefined;
  });

  it('keeps an erased borrower who said stop suppressed through a rotation; a wrong secret does not start', async () => {
    const phone = '+14155550791';
    const first = (run = live = await startHarness({ db: sqliteOnly, role: 'api', service: { signingSecret: OLD } }));
    expect((await first.api('PUT', '/v1/borrowers/b-stop', { body: { name: 'Said Stop', phone } })).status).toBe(201);
    const out = await first.api('POST', '/v1/opt-outs', { body: { address: phone, channel: 'sms', source: 'STOP' } });
    expect(out.status, JSON.stringify(out.body)).toBeLessThan(300);
    const erased = await first.api('POST', '/v1/borrowers/b-stop/erase', {
      role: 'compliance',
      body: { basis: 'gdpr-art-17' },
    });
    expect(erased.body, JSON.stringify(erased.body)).toMatchObject({ suppressionsKept: 1 });
    await first.close();
    live = undefined;

    const restart = (secret: string, env: Record<string, string> = {}) =>
      startHarness({ db: sqliteOnly, role: 'api', reuse: first, env, service: { signingSecret: secret } });
    const rotated = await restart(NEW, { SIGNING_SECRET_PREVIOUS: OLD });
    await rotated.close();
    await expect(restart('a-wrong-secret')).rejects.toThrow(/SIGNING_SECRET_PREVIOUS set to the secret/);

    const after = (live = await restart(NEW));
    // Re-posted under a new borrower id: the number is still suppressed.
    expect((await after.api('PUT', '/v1/borrowers/b-again', { body: { name: 'New Id', phone } })).status).toBe(201);
    const check = await after.api('POST', '/v1/policy/check', { body: { borrowerId: 'b-again', channel: 'sms' } });
    expect(check.body).toMatchObject({ allowed: false, reasons: [expect.objectContaining({ code: 'opted-out' })] });
    const listed = await after.api('GET', `/v1/opt-outs?address=${encodeURIComponent(phone)}`, { role: 'agent' });
    expect(listed.body).toMatchObject({ suppressed: true });
  });
});
