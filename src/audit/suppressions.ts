/**
 * The suppression list: addresses (E.164 phone numbers, lower-cased email addresses) that must
 * not be contacted on a channel, whatever borrower row carries them. Keyed by tenant, address and
 * channel (one tenant, `default`, until tenants exist). Every addition and removal is an event on
 * the address's own chain, named by a hash of the address so the chain name holds no personal data.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { maskRecipient, type AddressChannel } from '../policy/address.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import type { Database } from './schema.js';

export const DEFAULT_TENANT = 'default';

/** Where an opt-out came from. */
export const SUPPRESSION_SOURCES = ['inbound-keyword', 'email-one-click', 'email-unsubscribe-page', 'provider-21610', 'api', 'agent', 'borrower-opt-out', 'import'] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

export interface Suppression {
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

export const addressChain = (tenant: string, address: string) => `a:${createHash('sha256').update(`${tenant}\0${address}`).digest('hex').slice(0, 32)}`;

function toSuppression(r: Database['suppressions']): Suppression {
  return { address: r.address, channel: r.channel as AddressChannel, source: r.source as SuppressionSource, detail: r.detail, actor: r.actor, at: r.at };
}

export function makeSuppressionList(db: Kysely<Database>, dialect: Dialect, tenant = DEFAULT_TENANT) {
  return {
    /** Adds what is not there yet; returns what was added (an address already suppressed on a channel keeps its first entry). */
    async add(entries: NewSuppression[], now: Date): Promise<Suppression[]> {
      if (entries.length === 0) return [];
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const added: Suppression[] = [];
        for (const e of entries) {
          const row = { tenant, address: e.address, channel: e.channel, source: e.source, detail: e.detail ?? null, actor: e.actor, at: e.at ?? nowIso };
          const inserted = await trx.insertInto('suppressions').values(row).onConflict((oc) => oc.columns(['tenant', 'address', 'channel']).doNothing()).returning('address').execute();
          if (inserted.length === 0) continue;
          await appendEvent(trx, dialect, { chain: addressChain(tenant, e.address), messageId: null, borrowerId: '', now: nowIso }, {
            type: 'address.suppressed',
            actor: e.actor,
            data: { channel: e.channel, source: e.source, detail: e.detail ?? null, address: maskRecipient(e.address), since: row.at },
          });
          added.push(toSuppression(row));
        }
        return added;
      });
    },

    /** Removes the address from the given channels (all when none given); returns what was removed. */
    async remove(address: string, channels: readonly AddressChannel[] | undefined, reason: { source: string; actor: string }, now: Date): Promise<Suppression[]> {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('suppressions').selectAll().where('tenant', '=', tenant).where('address', '=', address);
        if (channels) q = q.where('channel', 'in', [...channels]);
        const rows = await q.execute();
        for (const r of rows) {
          await trx.deleteFrom('suppressions').where('tenant', '=', tenant).where('address', '=', address).where('channel', '=', r.channel).execute();
          await appendEvent(trx, dialect, { chain: addressChain(tenant, address), messageId: null, borrowerId: '', now: nowIso }, {
            type: 'address.unsuppressed',
            actor: reason.actor,
            data: { channel: r.channel, source: reason.source, address: maskRecipient(address), wasSince: r.at },
          });
        }
        return rows.map(toSuppression);
      });
    },

    async of(address: string): Promise<Suppression[]> {
      return (await db.selectFrom('suppressions').selectAll().where('tenant', '=', tenant).where('address', '=', address).orderBy('channel').execute()).map(toSuppression);
    },
  };
}

export type SuppressionList = ReturnType<typeof makeSuppressionList>;
