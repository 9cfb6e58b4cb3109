/**
 * Erasure on request (PIPL art. 47, GDPR art. 17): one borrower's personal data and content go at
 * once, by the same path retention takes later (erase-borrower.ts, eraseBorrowerData): their
 * suppressions survive as keyed hashes of the address, their language preference goes with the
 * rest of their contact data. The hash chains still verify (tombstones); `borrower.erased` records
 * who, when and why, with no personal data. Whether a legal hold forbids it is the use case's to
 * decide, before calling this.
 */
import type { Kysely } from 'kysely';
import type { AddressHasher } from './address-hash.js';
import type { Dialect } from './db.js';
import { eraseBorrowerData } from './erase-borrower.js';
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

/** Thrown by erasure and retention when the store was opened without the suppression-address key. */
export const NO_ADDRESS_KEY =
  'erasing a borrower needs the suppression-address key (the store was opened without SIGNING_SECRET)';

export function makeErasure(db: Kysely<Database>, dialect: Dialect, hasher: AddressHasher | undefined): Erasure {
  return {
    async erase(req) {
      if (!hasher) throw new Error(NO_ADDRESS_KEY);
      const nowIso = req.now.toISOString();
      return db.transaction().execute(async (trx): Promise<ErasureResult> => {
        const b = await trx.selectFrom('borrowers').selectAll().where('id', '=', req.borrowerId).executeTakeFirst();
        if (!b) return { kind: 'not-found' };
        if (b.erased_at !== null && b.name === null && b.phone === null && b.email === null)
          return { kind: 'already-erased', erasedAt: b.erased_at };
        const { messages, suppressionsKept } = await eraseBorrowerData(trx, dialect, hasher, b.id, nowIso, {
          actor: req.actor,
          borrowerEvent: {
            reason: 'erasure-request',
            basis: req.basis,
            ...(req.reference ? { reference: req.reference } : {}),
          },
          messageEvent: { reason: 'erasure-request' },
        });
        return { kind: 'erased', erasedAt: nowIso, messages, suppressionsKept };
      });
    },
  };
}
