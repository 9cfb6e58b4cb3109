/**
 * The suppression list: addresses (E.164 phone numbers, lower-cased email addresses) that must
 * not be contacted on a channel, whatever borrower row carries them. Keyed by tenant, address and
 * channel (one tenant, `default`, until tenants exist). Every addition and removal is an event on
 * the address's own chain, named by a hash of the address so the chain name holds no personal data.
 */
import { randomBytes } from 'node:crypto';
import { storeContent } from './event-content.js';
import type { Kysely, Transaction } from 'kysely';
import { maskRecipient, type AddressChannel } from '../policy/address.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import type { AddressHasher } from './address-hash.js';
import type { Database } from './schema.js';

export { DEFAULT_TENANT } from '../domain/tenant.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';

/** Where an opt-out came from. */
export const SUPPRESSION_SOURCES = [
  'inbound-keyword',
  'email-one-click',
  'email-unsubscribe-page',
  'provider-21610',
  'api',
  'agent',
  'borrower-opt-out',
  'import',
  // A reply in the borrower's own words, understood as a revocation (src/policy/replies).
  'reply',
  // The stop key pressed during a call.
  'voice-keypress',
  // Email that cannot arrive: a hard bounce (5.x.x), or SOFT_BOUNCE_LIMIT soft bounces in a row.
  'hard-bounce',
  'soft-bounces',
] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

export interface Suppression {
  /** The tenant whose list it is on. */
  tenant: string;
  address: string;
  channel: AddressChannel;
  source: SuppressionSource;
  /** What came with it: the keyword received, the list imported, the reason given. */
  detail: string | null;
  actor: string;
  at: string;
}

export interface NewSuppression {
  address: string;
  channel: AddressChannel;
  source: SuppressionSource;
  detail?: string | null;
  actor: string;
  /** When it happened, if earlier than now (an imported list keeps its dates). */
  at?: string;
}

/** A new chain for an address: random, so its name says nothing about the address (a hash of a phone number can be reversed by trying them all). */
const newAddressChain = () => `a:${randomBytes(16).toString('hex')}`;

function toSuppression(r: Omit<Database['suppressions'], 'chain'>): Suppression {
  return {
    tenant: r.tenant,
    address: r.address,
    channel: r.channel as AddressChannel,
    source: r.source as SuppressionSource,
    detail: r.detail,
    actor: r.actor,
    at: r.at,
  };
}

/** A tenant's opted-out addresses; each addition and removal is an event on the address's own chain. */
export interface SuppressionList {
  /** Adds what is not there yet; returns what was added (an address already suppressed on a channel keeps its first entry). */
  add(entries: NewSuppression[], now: Date): Promise<Suppression[]>;
  /** Removes the address from the given channels (all when none given); returns what was removed. */
  remove(
    address: string,
    channels: readonly AddressChannel[] | undefined,
    reason: { source: string; actor: string },
    now: Date,
  ): Promise<Suppression[]>;
  /** The entries for an address as stored anywhere (a borrower's `Kim@Example.com` finds `kim@example.com`). */
  of(address: string): Promise<Suppression[]>;
  /** The same for many addresses, answered in the order asked. */
  ofMany(addresses: readonly string[]): Promise<Suppression[][]>;
}

/** Stores an entry unless the address is on the channel already (its first entry stays); whether it was stored. */
async function insertEntry(trx: Transaction<Database>, row: Database['suppressions']): Promise<boolean> {
  const inserted = await trx
    .insertInto('suppressions')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant', 'address', 'channel']).doNothing())
    .returning('address')
    .execute();
  return inserted.length > 0;
}

/** Deletes one entry: the address (as stored) on one channel of a tenant's list. */
async function deleteEntry(trx: Transaction<Database>, tenant: string, address: string, channel: string) {
  await trx
    .deleteFrom('suppressions')
    .where('tenant', '=', tenant)
    .where('address', '=', address)
    .where('channel', '=', channel)
    .execute();
}

/** An opt-out recorded on an erased borrower for an address of theirs (not on the list yet, maybe). */
export interface ErasedOptOut {
  address: string;
  channel: AddressChannel;
  at: string;
}

/**
 * Keeps an erased borrower's suppressions as keyed hashes (address-hash.ts), in the erasure's
 * transaction: each entry of the tenant's list for `addresses` is rewritten under the current key
 * (same channel, source, date and chain), and each of `optOuts` not on the list gets a hashed entry
 * of its own (`borrower-opt-out`). Erasure on request and retention both come here (erase-borrower.ts).
 * Returns how many hashed entries the addresses now have.
 */
export async function keepSuppressionsHashed(
  trx: Transaction<Database>,
  hasher: AddressHasher,
  p: { tenant: string; addresses: readonly string[]; optOuts: readonly ErasedOptOut[]; actor: string },
): Promise<number> {
  const rows =
    p.addresses.length === 0
      ? []
      : await trx
          .selectFrom('suppressions')
          .selectAll()
          .where('tenant', '=', p.tenant)
          .where('address', 'in', [...p.addresses])
          .execute();
  let kept = 0;
  for (const r of rows) {
    await insertEntry(trx, { ...r, address: hasher.current(r.address) });
    await deleteEntry(trx, p.tenant, r.address, r.channel);
    kept++;
  }
  for (const o of p.optOuts) {
    if (rows.some((r) => r.address === o.address && r.channel === o.channel)) continue;
    const row = {
      tenant: p.tenant,
      address: hasher.current(o.address),
      channel: o.channel,
      source: 'borrower-opt-out',
      detail: null,
      actor: p.actor,
      at: o.at,
      chain: null,
    };
    if (await insertEntry(trx, row)) kept++;
  }
  return kept;
}

/** Whether an entry for the channel is stored under one of the address's keyed hashes. */
async function hashedEntryOf(trx: Transaction<Database>, tenant: string, hashes: string[], channel: string) {
  const row = await trx
    .selectFrom('suppressions')
    .select('channel')
    .where('tenant', '=', tenant)
    .where('address', 'in', hashes)
    .where('channel', '=', channel)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * `hasher`: the keyed hashes erased borrowers' entries are kept under (address-hash.ts); an
 * address asked about matches its entries stored plain or hashed.
 */
export function makeSuppressionList(
  db: Kysely<Database>,
  dialect: Dialect,
  tenant = DEFAULT_TENANT,
  hasher?: AddressHasher,
): SuppressionList {
  /** What an address may be stored as: itself, and its keyed hashes. */
  const storedForms = (address: string) => [address, ...(hasher?.all(address) ?? [])];

  /** Each addition and removal is an event on the address's own chain (no borrower). */
  const appendAddressEvent = (
    trx: Transaction<Database>,
    chain: string,
    nowIso: string,
    type: 'address.suppressed' | 'address.unsuppressed',
    actor: string,
    data: Record<string, unknown>,
  ) => appendEvent(trx, dialect, { chain, messageId: null, borrowerId: '', now: nowIso }, { type, actor, data });

  /** The suppressions of many addresses in one query, answered in the order asked. */
  async function ofMany(addresses: readonly string[]): Promise<Suppression[][]> {
    // Phone numbers are stored and sent in E.164 already; only an email's capitals can differ.
    const keys = addresses.map((a) => (a.includes('@') ? a.toLowerCase() : a));
    // A hashed entry (an erased borrower's) answers for the address it was made from.
    const askedAs = new Map<string, string>();
    for (const k of keys) for (const form of storedForms(k)) askedAs.set(form, k);
    const rows = await db
      .selectFrom('suppressions')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('address', 'in', [...askedAs.keys()])
      .orderBy('channel')
      .execute();
    const byAddress = new Map<string, Suppression[]>();
    for (const r of rows) {
      const asked = askedAs.get(r.address) ?? r.address;
      const known = byAddress.get(asked) ?? [];
      // Plain and hashed entries of one channel: the plain one is shown (only one is ever made per channel).
      if (!known.some((s) => s.channel === r.channel))
        byAddress.set(asked, [...known, toSuppression({ ...r, address: asked })]);
    }
    return keys.map((k) => byAddress.get(k) ?? []);
  }

  return {
    /** Adds what is not there yet; returns what was added (an address already suppressed on a channel keeps its first entry). */
    async add(entries: NewSuppression[], now: Date): Promise<Suppression[]> {
      if (entries.length === 0) return [];
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const added: Suppression[] = [];
        for (const e of entries) {
          const row = {
            tenant,
            address: e.address,
            channel: e.channel,
            source: e.source,
            detail: e.detail ?? null,
            actor: e.actor,
            at: e.at ?? nowIso,
          };
          // An erased borrower's entry for the channel, kept hashed, is the first entry.
          if (hasher && (await hashedEntryOf(trx, tenant, hasher.all(e.address), e.channel))) continue;
          const known = await trx
            .selectFrom('suppressions')
            .select('chain')
            .where('tenant', '=', tenant)
            .where('address', 'in', storedForms(e.address))
            .where('chain', 'is not', null)
            .executeTakeFirst();
          const chain = known?.chain ?? newAddressChain();
          if (!(await insertEntry(trx, { ...row, chain }))) continue;
          // Free text (a reason typed by a person) stays out of the hashed event: the event commits to it by hash.
          const detail = e.detail ? await storeContent(trx, chain, e.detail, now) : null;
          await appendAddressEvent(trx, chain, nowIso, 'address.suppressed', e.actor, {
            channel: e.channel,
            source: e.source,
            ...(detail ? { content: detail } : {}),
            address: maskRecipient(e.address),
            since: row.at,
          });
          added.push(toSuppression(row));
        }
        return added;
      });
    },

    /** Removes the address from the given channels (all when none given); returns what was removed. */
    async remove(
      address: string,
      channels: readonly AddressChannel[] | undefined,
      reason: { source: string; actor: string },
      now: Date,
    ): Promise<Suppression[]> {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        let q = trx
          .selectFrom('suppressions')
          .selectAll()
          .where('tenant', '=', tenant)
          .where('address', 'in', storedForms(address));
        if (channels) q = q.where('channel', 'in', [...channels]);
        const rows = await q.execute();
        for (const r of rows) {
          await deleteEntry(trx, tenant, r.address, r.channel);
          const chain = r.chain ?? newAddressChain();
          const why = await storeContent(trx, chain, reason.source, now);
          await appendAddressEvent(trx, chain, nowIso, 'address.unsuppressed', reason.actor, {
            channel: r.channel,
            content: why,
            address: maskRecipient(address),
            wasSince: r.at,
          });
        }
        return rows.map((r) => toSuppression({ ...r, address }));
      });
    },

    /** The entries for an address as stored anywhere (a borrower's `Kim@Example.com` finds `kim@example.com`). */
    async of(address: string): Promise<Suppression[]> {
      return (await ofMany([address]))[0]!;
    },

    ofMany,
  };
}
