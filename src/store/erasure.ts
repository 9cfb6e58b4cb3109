/**
 * Erasure on request (PIPL art. 47, GDPR art. 17): one borrower's personal data and content go at
 * once, as retention would erase them later (retention.ts, eraseBorrowerContent), and more: the
 * sandbox outbox's copies of their messages, and what was learned about their addresses (soft
 * bounces, address facts). Their suppressions survive: each entry for their phone number or email
 * is kept as a keyed hash of the address (address-hash.ts), and an opt-out recorded only on the
 * borrower gets such an entry too, so a later import or reminder to that address, under any
 * borrower id, stays suppressed. An address another borrower of the tenant still carries is that
 * borrower's data too: its entries stay as they are. The hash chains still verify (tombstones);
 * `borrower.erased` records who, when and why, with no personal data. Whether a legal hold
 * forbids it is the use case's to decide, before calling this.
 */
import type { Kysely } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type { OptOut } from '../domain/entities.js';
import type { AddressHasher } from './address-hash.js';
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Dialect } from './db.js';
import { eraseBorrowerContent } from './retention.js';
import type { Database } from './schema.js';

export const ERASURE_BASES = ['pipl-art-47', 'gdpr-art-17', 'other'] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];

export interface ErasureRequest {
  /** The borrower's store key. */
  borrowerId: string;
  /** Who asked (`api:<key id>`). */
  actor: string;
  basis: ErasureBasis;
  /** The request's reference in the tenant's own records (a ticket id; no personal data). */
  reference?: string;
  now: Date;
}

export type ErasureResult =
  | { kind: 'erased'; erasedAt: string; messages: string[]; suppressionsKept: number }
  | { kind: 'already-erased'; erasedAt: string }
  | { kind: 'not-found' };

export interface Erasure {
  erase(req: ErasureRequest): Promise<ErasureResult>;
}

/** Which address a channel's opt-out is for. */
const addressOf = (channel: Channel, b: { phone: string | null; email: string | null }) =>
  channel === 'email' ? (b.email?.toLowerCase() ?? null) : b.phone;

export function makeErasure(db: Kysely<Database>, dialect: Dialect, hasher: AddressHasher | undefined): Erasure {
  return {
    async erase(req) {
      if (!hasher)
        throw new Error('erasure needs the suppression-address key (the store was opened without SIGNING_SECRET)');
      const nowIso = req.now.toISOString();
      return db.transaction().execute(async (trx): Promise<ErasureResult> => {
        const b = await trx.selectFrom('borrowers').selectAll().where('id', '=', req.borrowerId).executeTakeFirst();
        if (!b) return { kind: 'not-found' };
        if (b.erased_at !== null && b.name === null && b.phone === null && b.email === null)
          return { kind: 'already-erased', erasedAt: b.erased_at };
        const tenant = tenantOfBorrowerKey(b.id);
        const sameTenant = (id: string) => tenantOfBorrowerKey(id) === tenant;
        const own: string[] = [];
        for (const address of [b.phone, b.email?.toLowerCase() ?? null]) {
          if (address === null) continue;
          const others = await trx
            .selectFrom('borrowers')
            .select('id')
            .where('id', '!=', b.id)
            .where((eb) => eb.or([eb('phone', '=', address), eb('email', '=', address)]))
            .execute();
          if (!others.some((o) => sameTenant(o.id))) own.push(address);
        }

        // The suppressions survive as keyed hashes: the entries made for the address...
        let kept = 0;
        const rows =
          own.length === 0
            ? []
            : await trx
                .selectFrom('suppressions')
                .selectAll()
                .where('tenant', '=', tenant)
                .where('address', 'in', own)
                .execute();
        for (const r of rows) {
          await trx
            .insertInto('suppressions')
            .values({ ...r, address: hasher.current(r.address) })
            .onConflict((oc) => oc.columns(['tenant', 'address', 'channel']).doNothing())
            .execute();
          await trx
            .deleteFrom('suppressions')
            .where('tenant', '=', tenant)
            .where('address', '=', r.address)
            .where('channel', '=', r.channel)
            .execute();
          kept++;
        }
        // ...and an opt-out recorded only on the borrower.
        for (const o of JSON.parse(b.opt_outs) as OptOut[]) {
          const address = addressOf(o.channel, b);
          // A detached opt-out was someone else's address (a wrong number): not this borrower's to keep.
          if (o.detached || address === null || !own.includes(address)) continue;
          if (rows.some((r) => r.address === address && r.channel === o.channel)) continue;
          const added = await trx
            .insertInto('suppressions')
            .values({
              tenant,
              address: hasher.current(address),
              channel: o.channel,
              source: 'borrower-opt-out',
              detail: null,
              actor: req.actor,
              at: o.at,
              chain: null,
            })
            .onConflict((oc) => oc.columns(['tenant', 'address', 'channel']).doNothing())
            .returning('channel')
            .execute();
          kept += added.length;
        }
        if (own.length > 0) {
          await trx.deleteFrom('email_soft_bounces').where('tenant', '=', tenant).where('address', 'in', own).execute();
          await trx.deleteFrom('address_facts').where('tenant', '=', tenant).where('address', 'in', own).execute();
        }
        // The sandbox outbox's copies of what was sent.
        await trx
          .updateTable('outbox')
          .set({ to_addr: '[erased]', subject: null, body: '', payload: '{}' })
          .where('message_id', 'in', (eb) =>
            eb.selectFrom('messages as m').select('m.id').where('m.borrower_id', '=', b.id),
          )
          .execute();

        const messages = await eraseBorrowerContent(trx, dialect, b.id, nowIso, {
          actor: req.actor,
          borrowerEvent: {
            reason: 'erasure-request',
            basis: req.basis,
            ...(req.reference ? { reference: req.reference } : {}),
            suppressionsKept: kept,
          },
          messageEvent: { reason: 'erasure-request' },
        });
        return { kind: 'erased', erasedAt: nowIso, messages, suppressionsKept: kept };
      });
    },
  };
}
