/**
 * What a channel learned about an address (0024, src/domain/address-facts.ts): one row per
 * tenant, address and fact, learned again (a later code, a count) or cleared.
 */
import type { Kysely } from 'kysely';
import type { AddressFact, AddressFactRecord } from '../domain/address-facts.js';
import type { Database } from './schema.js';

export interface LearnedFact extends AddressFactRecord {
  firstAt: string;
  count: number;
}

export interface AddressFactsRepo {
  /** Records the fact (again: its code, message, time and count move on); `created`: new or cleared before. */
  learn(f: Omit<AddressFactRecord, 'at'>, now: Date): Promise<{ fact: LearnedFact; created: boolean }>;
  /** The facts standing on these addresses of a tenant (not cleared). */
  of(tenant: string, addresses: readonly string[]): Promise<LearnedFact[]>;
  /** The facts standing on the stored phone and email of these borrowers (keys) and on these addresses, in one query. */
  ofBorrowers(tenant: string, borrowerKeys: readonly string[], addresses: readonly string[]): Promise<LearnedFact[]>;
  /** Clears the address's facts (those named, or all); the facts cleared. */
  clear(tenant: string, address: string, facts: readonly AddressFact[] | undefined, now: Date): Promise<AddressFact[]>;
}

const toFact = (r: Database['address_facts']): LearnedFact => ({
  tenant: r.tenant,
  address: r.address,
  fact: r.fact as AddressFact,
  code: r.code,
  messageId: r.message_id,
  at: r.last_at,
  firstAt: r.first_at,
  count: Number(r.count),
});

export function makeAddressFactsRepo(db: Kysely<Database>): AddressFactsRepo {
  return {
    async learn(f, now) {
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const key = (q: ReturnType<typeof trx.selectFrom<'address_facts'>>) =>
          q.where('tenant', '=', f.tenant).where('address', '=', f.address).where('fact', '=', f.fact);
        const old = await key(trx.selectFrom('address_facts')).selectAll().executeTakeFirst();
        if (!old) {
          const row = {
            tenant: f.tenant,
            address: f.address,
            fact: f.fact,
            code: f.code,
            message_id: f.messageId,
            first_at: at,
            last_at: at,
            count: 1,
            cleared_at: null,
          };
          // A second process learning the same fact at the same moment: the first row stands.
          const inserted = await trx
            .insertInto('address_facts')
            .values(row)
            .onConflict((oc) => oc.columns(['tenant', 'address', 'fact']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { fact: toFact(row), created: true };
        }
        const current = old ?? (await key(trx.selectFrom('address_facts')).selectAll().executeTakeFirstOrThrow());
        const cleared = current.cleared_at !== null;
        const next = {
          code: f.code,
          message_id: f.messageId,
          last_at: at,
          count: cleared ? 1 : Number(current.count) + 1,
          cleared_at: null,
          ...(cleared ? { first_at: at } : {}),
        };
        await trx
          .updateTable('address_facts')
          .set(next)
          .where('tenant', '=', f.tenant)
          .where('address', '=', f.address)
          .where('fact', '=', f.fact)
          .execute();
        return { fact: toFact({ ...current, ...next }), created: cleared };
      });
    },

    async of(tenant, addresses) {
      if (addresses.length === 0) return [];
      const rows = await db
        .selectFrom('address_facts')
        .selectAll()
        .where('tenant', '=', tenant)
        .where('address', 'in', [...new Set(addresses)])
        .where('cleared_at', 'is', null)
        .orderBy('first_at')
        .execute();
      return rows.map(toFact);
    },

    async ofBorrowers(tenant, borrowerKeys, addresses) {
      const keys = [...new Set(borrowerKeys)];
      const given = [...new Set(addresses)];
      if (keys.length === 0 && given.length === 0) return [];
      const rows = await db
        .selectFrom('address_facts')
        .selectAll()
        .where('tenant', '=', tenant)
        .where('cleared_at', 'is', null)
        .where((eb) =>
          eb.or([
            ...(given.length ? [eb('address', 'in', given)] : []),
            ...(keys.length
              ? [
                  eb('address', 'in', eb.selectFrom('borrowers').select('phone').where('id', 'in', keys)),
                  eb(
                    'address',
                    'in',
                    eb
                      .selectFrom('borrowers')
                      .select((x) => x.fn<string>('lower', ['email']).as('email'))
                      .where('id', 'in', keys),
                  ),
                ]
              : []),
          ]),
        )
        .execute();
      return rows.map(toFact);
    },

    async clear(tenant, address, facts, now) {
      let q = db
        .updateTable('address_facts')
        .set({ cleared_at: now.toISOString() })
        .where('tenant', '=', tenant)
        .where('address', '=', address)
        .where('cleared_at', 'is', null);
      if (facts) q = q.where('fact', 'in', [...facts]);
      const rows = await q.returning('fact').execute();
      return rows.map((r) => r.fact as AddressFact);
    },
  };
}
