/**
 * Outcomes the collection system reports (payments, promises and plans), each an event on the
 * borrower's chain, and the rows the outcome reports are computed from. A repeat of an outcome id
 * changes nothing; the same id with another body is a conflict.
 */
import { type Kysely, sql } from 'kysely';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { borrowerKey } from './borrower-key.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import {
  type ArmCounts,
  experimentCounts,
  type ExperimentFilter,
  type GroupCountsIn,
  groupCounts,
  type GroupFilter,
  type PeriodFilter,
  reachCounts,
  type ReachCountsIn,
  type ReviewCounts,
  reviewCounts,
} from './outcome-queries.js';
import { borrowerChain } from './hash-chain.js';
import type { Database, OutcomesTable } from './schema.js';

export interface Outcome {
  id: string;
  kind: 'payment' | 'promise';
  tenant: string;
  accountRef: string;
  borrowerId: string;
  amount: string | null;
  currency: string | null;
  full: boolean | null;
  at: string;
  promisedFor: string | null;
  createdAt: string;
}

export interface NewOutcome extends Omit<Outcome, 'id' | 'createdAt'> {
  callerId: string;
  requestHash: string;
}

/** Rows whose `borrower_id` is a borrower of `tenant` (stored as `<tenant>~<id>`, or bare for the default tenant). */
function borrowerOfTenant(tenant: string) {
  if (tenant === DEFAULT_TENANT) return sql<boolean>`borrower_id not like '%~%'`;
  const prefix = borrowerKey(tenant, '');
  return sql<boolean>`substr(borrower_id, 1, ${prefix.length}) = ${prefix}`;
}

function toOutcome(r: OutcomesTable): Outcome {
  return {
    id: r.caller_id,
    kind: r.kind as Outcome['kind'],
    tenant: r.tenant,
    accountRef: r.account_ref,
    borrowerId: r.borrower_id,
    amount: r.amount,
    currency: r.currency,
    full: r.full === null ? null : Number(r.full) === 1,
    at: r.at,
    promisedFor: r.promised_for,
    createdAt: r.created_at,
  };
}

export interface OutcomesRepo {
  /** The borrower of the tenant's newest reminder for the account; undefined: no such account. */
  accountBorrower(tenant: string, accountRef: string): Promise<{ borrowerId: string; currency: string } | undefined>;
  record(o: NewOutcome, now: Date): Promise<{ kind: 'created' | 'repeat'; outcome: Outcome } | { kind: 'conflict' }>;
  /** The reports' counts, computed by the database (outcome-queries.ts). */
  experimentCounts(f: ExperimentFilter): Promise<ArmCounts[]>;
  groupCounts(f: GroupFilter): Promise<GroupCountsIn[]>;
  reviewCounts(f: PeriodFilter): Promise<ReviewCounts>;
  /** Reach per tenant and channel (policy/reach-report.ts). */
  reachCounts(f: PeriodFilter): Promise<ReachCountsIn>;
}

export function makeOutcomesRepo(db: Kysely<Database>, dialect: Dialect): OutcomesRepo {
  return {
    async accountBorrower(tenant, accountRef) {
      // The tenant is in the query: another tenant's reminders on the same reference never crowd this one's out.
      const row = await db
        .selectFrom('reminders')
        .select(['borrower_id', 'debt'])
        .where('account_ref', '=', accountRef)
        .where(borrowerOfTenant(tenant))
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      const debt = JSON.parse(row.debt) as { amountDue?: { currency?: string } };
      return { borrowerId: row.borrower_id, currency: debt.amountDue?.currency ?? '' };
    },

    record: (o, now) => recordOutcome(db, dialect, o, now),
    experimentCounts: (f) => experimentCounts(db, dialect, f),
    groupCounts: (f) => groupCounts(db, dialect, f),
    reviewCounts: (f) => reviewCounts(db, dialect, f),
    reachCounts: (f) => reachCounts(db, dialect, f),
  };
}

/** One outcome and its borrower event, in one transaction; a repeat or a conflict writes nothing. */
async function recordOutcome(
  db: Kysely<Database>,
  dialect: Dialect,
  o: NewOutcome,
  now: Date,
): ReturnType<OutcomesRepo['record']> {
  const id = `${o.tenant}:${o.kind}:${o.callerId}`;
  const nowIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row: OutcomesTable = {
      id,
      tenant: o.tenant,
      kind: o.kind,
      caller_id: o.callerId,
      account_ref: o.accountRef,
      borrower_id: o.borrowerId,
      amount: o.amount,
      currency: o.currency,
      full: o.full === null ? null : o.full ? 1 : 0,
      at: o.at,
      promised_for: o.promisedFor,
      request_hash: o.requestHash,
      created_at: nowIso,
    };
    const inserted = await trx
      .insertInto('outcomes')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const before = await trx.selectFrom('outcomes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return before.request_hash === o.requestHash
        ? { kind: 'repeat' as const, outcome: toOutcome(before) }
        : { kind: 'conflict' as const };
    }
    // The borrower row orders its chain (event-chain.ts): concurrent outcomes of one borrower append one after another.
    await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', o.borrowerId).execute();
    const data = {
      id: o.callerId,
      accountRef: o.accountRef,
      at: o.at,
      ...(o.kind === 'payment'
        ? { amount: o.amount, currency: o.currency, full: o.full }
        : { promisedFor: o.promisedFor }),
    };
    await appendEvent(
      trx,
      dialect,
      { chain: borrowerChain(o.borrowerId), messageId: null, borrowerId: o.borrowerId, now: nowIso },
      { type: o.kind === 'payment' ? 'payment.reported' : 'promise.reported', actor: 'collection-system', data },
    );
    return { kind: 'created' as const, outcome: toOutcome(row) };
  });
}
