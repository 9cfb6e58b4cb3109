/**
 * Retention: a borrower's personal data and message content are erased once the profile's
 * period has passed since the borrower's last activity, as an erasure on request erases them
 * (erase-borrower.ts: the same path, suppressions kept as keyed hashes, the language preference
 * cleared). The rows stay as tombstones and every event stays, so the hash chains still verify;
 * the erasure itself is an event on each chain.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import type { AddressHasher } from './address-hash.js';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';
import type { AuditStore } from './audit-store.js';
import { eraseBorrowerData } from './erase-borrower.js';
import { NO_ADDRESS_KEY } from './erasure.js';

export interface RetentionReport {
  cutoff: string;
  dryRun: boolean;
  borrowers: { id: string; lastActivity: string; messages: number }[];
}

export function retentionCutoff(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export interface RetentionOptions {
  years: number;
  now: Date;
  dryRun: boolean;
  limit?: number;
  /** Only this tenant's borrowers (retention per tenant: each tenant's own period); absent: every borrower. */
  tenant?: string;
}

/** A tenant's borrowers by their store key (borrower-key.ts: `acme~b1`; the default tenant's keys are bare). */
function ofTenant(tenant: string): ['b.id', 'like' | 'not like', string] {
  return tenant === DEFAULT_TENANT ? ['b.id', 'not like', '%~%'] : ['b.id', 'like', `${tenant}~%`];
}

/** Runs retention on a store (the store's own `retention.apply`). */
export function applyRetention(store: Pick<AuditStore, 'retention'>, opts: RetentionOptions): Promise<RetentionReport> {
  return store.retention.apply(opts);
}

/** `hasher`: what erased borrowers' suppressions are kept under; without it only a dry run is possible. */
export function makeRetention(db: Kysely<Database>, dialect: Dialect, hasher: AddressHasher | undefined) {
  return { apply: (opts: RetentionOptions) => eraseExpired(db, dialect, hasher, opts) };
}

async function eraseExpired(
  db: Kysely<Database>,
  dialect: Dialect,
  hasher: AddressHasher | undefined,
  opts: RetentionOptions,
): Promise<RetentionReport> {
  const cutoff = retentionCutoff(opts.now, opts.years).toISOString();
  // Borrowers with nothing newer than the cutoff: neither the record nor any message moved since.
  const rows = await db
    .selectFrom('borrowers as b')
    .select(['b.id', 'b.updated_at'])
    .select((eb) =>
      eb
        .selectFrom('messages as m')
        .select((x) => x.fn.max('m.updated_at').as('u'))
        .whereRef('m.borrower_id', '=', 'b.id')
        .as('last_message'),
    )
    .select((eb) =>
      eb
        .selectFrom('messages as m')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('m.borrower_id', '=', 'b.id')
        .as('messages'),
    )
    .where('b.erased_at', 'is', null)
    .where('b.updated_at', '<', cutoff)
    .$if(opts.tenant !== undefined, (q) => q.where(...ofTenant(opts.tenant!)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('messages as m')
            .select('m.id')
            .whereRef('m.borrower_id', '=', 'b.id')
            .where('m.updated_at', '>=', cutoff),
        ),
      ),
    )
    .orderBy('b.id')
    .limit(opts.limit ?? 10_000)
    .execute();
  const borrowers = rows.map((r) => ({
    id: r.id,
    lastActivity: [r.updated_at, r.last_message ?? ''].sort().at(-1)!,
    messages: Number(r.messages ?? 0),
  }));
  if (opts.dryRun) return { cutoff, dryRun: true, borrowers };
  // Erasing without the key would leave the suppressions as plain addresses, or lose them.
  if (!hasher) throw new Error(NO_ADDRESS_KEY);

  const nowIso = opts.now.toISOString();
  for (const b of borrowers) {
    await db.transaction().execute((trx) =>
      eraseBorrowerData(trx, dialect, hasher, b.id, nowIso, {
        actor: 'retention',
        borrowerEvent: { cutoff, years: opts.years },
        messageEvent: { cutoff },
      }),
    );
  }
  return { cutoff, dryRun: false, borrowers };
}
