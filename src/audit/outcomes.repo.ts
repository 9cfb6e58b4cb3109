/**
 * Outcomes the collection system reports (payments, promises and plans), each an event on the
 * borrower's chain, and the rows the outcome reports are computed from. A repeat of an outcome id
 * changes nothing; the same id with another body is a conflict.
 */
import type { Kysely } from 'kysely';
import { tenantOfBorrower } from '../domain/tenant.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
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

/** A message as the reports see it. */
export interface ReportMessage {
  id: string;
  borrowerId: string;
  channel: string;
  template: string;
  status: string;
  sendAt: string;
  experiment: string | null;
  arm: string | null;
  stage: string | null;
}

/** A borrower event the reports count (opt-outs, inbound texts). */
export interface ReportEvent {
  borrowerId: string;
  type: string;
  at: string;
  kind: string | null;
}

export interface OutcomesRepo {
  /** The borrower of the tenant's newest reminder for the account; undefined: no such account. */
  accountBorrower(tenant: string, accountRef: string): Promise<{ borrowerId: string; currency: string } | undefined>;
  record(o: NewOutcome, now: Date): Promise<{ kind: 'created' | 'repeat'; outcome: Outcome } | { kind: 'conflict' }>;
  /** Messages sent at or after `from` (with an experiment, that experiment's), of a tenant or of all. */
  messages(f: { tenant?: string | undefined; experiment?: string | undefined; from: string; to: string }): Promise<ReportMessage[]>;
  /** Outcomes of the borrowers given (or of the tenant) from `from` on. */
  outcomes(f: { tenant?: string | undefined; from: string }): Promise<Outcome[]>;
  /** Opt-outs and inbound texts of the borrowers given, from `from` on. */
  events(borrowerIds: readonly string[], from: string): Promise<ReportEvent[]>;
}

export function makeOutcomesRepo(db: Kysely<Database>, dialect: Dialect): OutcomesRepo {
  return {
    async accountBorrower(tenant, accountRef) {
      const rows = await db.selectFrom('reminders').select(['borrower_id', 'debt']).where('account_ref', '=', accountRef).orderBy('created_at', 'desc').limit(50).execute();
      const mine = rows.find((r) => tenantOfBorrower(r.borrower_id) === tenant);
      if (!mine) return undefined;
      const debt = JSON.parse(mine.debt) as { amountDue?: { currency?: string } };
      return { borrowerId: mine.borrower_id, currency: debt.amountDue?.currency ?? '' };
    },

    record: (o, now) => recordOutcome(db, dialect, o, now),

    async messages(f) {
      let q = db
        .selectFrom('messages as m')
        .innerJoin('reminders as r', 'r.id', 'm.reminder_id')
        .select(['m.id', 'm.borrower_id', 'm.channel', 'm.template', 'm.status', 'm.send_at', 'm.experiment', 'm.arm', 'r.metadata'])
        .where('m.send_at', '>=', f.from)
        .where('m.send_at', '<', f.to);
      if (f.tenant) q = q.where('m.tenant', '=', f.tenant);
      if (f.experiment) q = q.where('m.experiment', '=', f.experiment);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        borrowerId: r.borrower_id,
        channel: r.channel,
        template: r.template,
        status: r.status,
        sendAt: r.send_at,
        experiment: r.experiment,
        arm: r.arm,
        stage: stageOf(r.metadata),
      }));
    },

    async outcomes(f) {
      let q = db.selectFrom('outcomes').selectAll().where('at', '>=', f.from);
      if (f.tenant) q = q.where('tenant', '=', f.tenant);
      return (await q.execute()).map(toOutcome);
    },

    async events(borrowerIds, from) {
      const out: ReportEvent[] = [];
      for (let i = 0; i < borrowerIds.length; i += 500) {
        const rows = await db
          .selectFrom('events')
          .select(['borrower_id', 'type', 'at', 'data'])
          .where('chain', 'in', borrowerIds.slice(i, i + 500).map(borrowerChain))
          .where('type', 'in', ['borrower.opted_out', 'inbound.sms'])
          .where('at', '>=', from)
          .execute();
        for (const r of rows) out.push({ borrowerId: r.borrower_id, type: r.type, at: r.at, kind: ((JSON.parse(r.data) as { kind?: string }).kind ?? null) as string | null });
      }
      return out;
    },
  };
}

/** One outcome and its borrower event, in one transaction; a repeat or a conflict writes nothing. */
async function recordOutcome(db: Kysely<Database>, dialect: Dialect, o: NewOutcome, now: Date): ReturnType<OutcomesRepo['record']> {
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
      return before.request_hash === o.requestHash ? { kind: 'repeat' as const, outcome: toOutcome(before) } : { kind: 'conflict' as const };
    }
    const data = { id: o.callerId, accountRef: o.accountRef, at: o.at, ...(o.kind === 'payment' ? { amount: o.amount, currency: o.currency, full: o.full } : { promisedFor: o.promisedFor }) };
    await appendEvent(
      trx,
      dialect,
      { chain: borrowerChain(o.borrowerId), messageId: null, borrowerId: o.borrowerId, now: nowIso },
      { type: o.kind === 'payment' ? 'payment.reported' : 'promise.reported', actor: 'collection-system', data },
    );
    return { kind: 'created' as const, outcome: toOutcome(row) };
  });
}

function stageOf(metadata: string | null): string | null {
  if (!metadata) return null;
  const m = JSON.parse(metadata) as { strategy?: { stage?: string } };
  return m.strategy?.stage ?? null;
}
