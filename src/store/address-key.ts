/**
 * The suppression-address key: what erased borrowers' suppressed addresses are hashed under
 * (address-hash.ts). It is a data key kept in the store (`wrapped_keys`), wrapped with AES-256-GCM
 * under a key derived from SIGNING_SECRET (HKDF label "suppression-key-wrap:v1"; the wiring
 * derives it), so rotating the secret re-wraps the key and every hashed entry keeps matching.
 *
 * At start-up: a store with no key stores the keys entries were hashed under before it was kept
 * (HKDF of SIGNING_SECRET, and of SIGNING_SECRET_PREVIOUS during a rotation, label
 * "suppression-address:v1"), so they match with no rewrite; processes starting at once insert the
 * same row and all use whichever came first. A stored key is unwrapped with the current secret's
 * key; failing that, with the previous secret's, and then re-wrapped under the current one. When
 * neither unwraps it the start is refused (AddressKeyUnavailableError): a new key would match none
 * of the hashed entries, and everyone erased after saying stop would be contacted again.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AddressKeyUnavailableError } from './address-key-unavailable.error.js';
import type { Database } from './schema.js';

/** The row's name in `wrapped_keys`. */
export const ADDRESS_KEY_NAME = 'suppression-address';
const KEY_BYTES = 32;
const FORMAT = 'v1';

/** A key that wraps the data key, and the fingerprint of the secret it is derived from (named in errors). */
export interface WrappingKey {
  key: Buffer;
  fingerprint: string;
}

/** What the wiring gives the store: derived from SIGNING_SECRET and SIGNING_SECRET_PREVIOUS. */
export interface AddressKeySource {
  /** The current secret's wrapping key. */
  wrap: WrappingKey;
  /** The previous secret's, during a rotation: a key still wrapped under it is re-wrapped under `wrap`. */
  previous?: WrappingKey;
  /** The keys a store without one starts with, current first: those entries were hashed under so far. */
  initial: readonly Buffer[];
}

/** What happened to the key at start-up (the wiring logs it). */
export interface AddressKeyOpened {
  kind: 'created' | 'unwrapped' | 'rewrapped';
  /** How many keys entries are matched under (the first hashes new ones). */
  keys: number;
  /** The fingerprint of the secret it is wrapped under now. */
  wrappedUnder: string;
}

/** The row's binding: a ciphertext of one row cannot be passed off as another's. */
const aad = (name: string) => Buffer.from(`reminder-dispatch:wrapped-key:${name}`);

export function wrapKeys(wrapping: Buffer, name: string, keys: readonly Buffer[]): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapping, iv).setAAD(aad(name));
  const ciphertext = Buffer.concat([cipher.update(Buffer.concat(keys)), cipher.final()]);
  return [FORMAT, iv, ciphertext, cipher.getAuthTag()].map((p) => p.toString('base64url')).join('.');
}

/** The keys, or undefined when `wrapping` is not the key they were wrapped under. */
export function unwrapKeys(wrapping: Buffer, name: string, wrapped: string): Buffer[] | undefined {
  const [format, iv, ciphertext, tag, ...rest] = wrapped.split('.');
  if (format !== FORMAT || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0)
    throw new Error(`the stored ${name} key is not in a known format (${FORMAT}.<iv>.<ciphertext>.<tag>)`);
  const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(iv, 'base64url'))
    .setAAD(aad(name))
    .setAuthTag(Buffer.from(tag, 'base64url'));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    return undefined;
  }
  const keys: Buffer[] = [];
  for (let i = 0; i < plain.length; i += KEY_BYTES) keys.push(plain.subarray(i, i + KEY_BYTES));
  return keys;
}

/** The stored key (created on a store's first keyed start), unwrapped; re-wrapped under the current secret after a rotation. */
export async function openAddressKey(
  db: Kysely<Database>,
  source: AddressKeySource,
  now: Date,
): Promise<{ keys: Buffer[]; opened: AddressKeyOpened }> {
  const name = ADDRESS_KEY_NAME;
  const nowIso = now.toISOString();
  const created = await db
    .insertInto('wrapped_keys')
    .values({
      name,
      wrapped: wrapKeys(source.wrap.key, name, source.initial),
      wrapped_under: source.wrap.fingerprint,
      created_at: nowIso,
      wrapped_at: nowIso,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .execute();
  const row = await db.selectFrom('wrapped_keys').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const keys = unwrapKeys(source.wrap.key, name, row.wrapped);
  if (keys) {
    const kind = created.length > 0 ? 'created' : 'unwrapped';
    return { keys, opened: { kind, keys: keys.length, wrappedUnder: source.wrap.fingerprint } };
  }
  const before = source.previous && unwrapKeys(source.previous.key, name, row.wrapped);
  if (!before)
    throw new AddressKeyUnavailableError(row.wrapped_under, {
      current: source.wrap.fingerprint,
      previous: source.previous?.fingerprint ?? null,
    });
  // Only if nobody re-wrapped it meanwhile (another process starting too): either way the keys are the same.
  await db
    .updateTable('wrapped_keys')
    .set({
      wrapped: wrapKeys(source.wrap.key, name, before),
      wrapped_under: source.wrap.fingerprint,
      wrapped_at: nowIso,
    })
    .where('name', '=', name)
    .where('wrapped', '=', row.wrapped)
    .execute();
  return { keys: before, opened: { kind: 'rewrapped', keys: before.length, wrappedUnder: source.wrap.fingerprint } };
}
