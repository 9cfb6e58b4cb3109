/** Borrowers: upsert, status, opt-outs, and the events on a borrower's own chain. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';
import type { AuditStore } from './audit-store.js';
import { appendEvent } from './event-chain.js';
import { borrowerChain } from './hash-chain.js';
import { json, toBorrower, toEvent, toReminder, upsertBorrowerIn } from './rows.js';

type BorrowerRows = Pick<
  AuditStore,
  'upsertBorrower' | 'getBorrower' | 'setBorrowerStatus' | 'addOptOut' | 'removeOptOut'
>;
type BorrowerLookups = Pick<
  AuditStore,
  | 'borrowersByPhone'
  | 'borrowersByEmail'
  | 'latestReminder'
  | 'recordBorrowerEvent'
  | 'listBorrowerEvents'
  | 'borrowerEventsOfType'
>;

export function makeBorrowersRepo(db: Kysely<Database>, dialect: Dialect): BorrowerRows {
  return {
    async upsertBorrower(patch, now) {
      return db.transaction().execute((trx) => upsertBorrowerIn(trx, dialect, patch, now.toISOString()));
    },

    async getBorrower(id) {
      const row = await db.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toBorrower(row) : undefined;
    },

    async setBorrowerStatus(id, status, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Only a change of status writes (the row lock makes concurrent calls wait, then find it changed): one event, however many ask.
        const updated = await trx
          .updateTable('borrowers')
          .set({ status, updated_at: nowIso })
          .where('id', '=', id)
          .where('status', '!=', status)
          .returning('id')
          .executeTakeFirst();
        if (updated)
          await appendEvent(
            trx,
            dialect,
            { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso },
            event,
          );
        const row = await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? { borrower: toBorrower(row), changed: updated !== undefined } : undefined;
      });
    },

    async addOptOut(id, optOut, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Touch the row first: it locks it (PostgreSQL) so concurrent opt-outs do not overwrite each other.
        const touched = await trx
          .updateTable('borrowers')
          .set({ updated_at: nowIso })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirst();
        if (!touched) return undefined;
        const current = toBorrower(
          await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        );
        const added = !current.optOuts.some((o) => o.channel === optOut.channel);
        if (added) {
          await trx
            .updateTable('borrowers')
            .set({ opt_outs: json([...current.optOuts, optOut]) })
            .where('id', '=', id)
            .execute();
          await appendEvent(
            trx,
            dialect,
            { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso },
            event,
          );
        }
        return {
          borrower: toBorrower(
            await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
          ),
          added,
        };
      });
    },

    async removeOptOut(id, channel, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const touched = await trx
          .updateTable('borrowers')
          .set({ updated_at: nowIso })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirst();
        if (!touched) return false;
        const current = toBorrower(
          await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        );
        if (!current.optOuts.some((o) => o.channel === channel)) return false;
        await trx
          .updateTable('borrowers')
          .set({ opt_outs: json(current.optOuts.filter((o) => o.channel !== channel)) })
          .where('id', '=', id)
          .execute();
        await appendEvent(
          trx,
          dialect,
          { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso },
          event,
        );
        return true;
      });
    },
  };
}

/** Borrowers by address, the events on a borrower's own chain, and the newest reminder (a confirmation names its sender). */
export function makeBorrowerEventsRepo(db: Kysely<Database>, dialect: Dialect): BorrowerLookups {
  return {
    async borrowersByPhone(phone) {
      return (await db.selectFrom('borrowers').selectAll().where('phone', '=', phone).execute()).map(toBorrower);
    },

    async borrowersByEmail(email) {
      const lower = email.toLowerCase();
      // Stored as given; most are lower-case already, so the index answers first.
      const exact = await db.selectFrom('borrowers').selectAll().where('email', '=', lower).execute();
      const folded = await db
        .selectFrom('borrowers')
        .selectAll()
        .where(sql<string>`lower(email)`, '=', lower)
        .where('email', '!=', lower)
        .execute();
      return [...exact, ...folded].map(toBorrower);
    },
    async latestReminder(borrowerId) {
      const row = await db
        .selectFrom('reminders')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toReminder(row) : undefined;
    },

    async recordBorrowerEvent(id, event, now) {
      const nowIso = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', id).execute();
        await appendEvent(
          trx,
          dialect,
          { chain: borrowerChain(id), messageId: null, borrowerId: id, now: nowIso },
          event,
        );
      });
    },

    async listBorrowerEvents(borrowerId) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('chain', '=', borrowerChain(borrowerId))
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },

    async borrowerEventsOfType(borrowerId, type) {
      const rows = await db
        .selectFrom('events')
        .select(['id', 'at', 'data'])
        .where('chain', '=', borrowerChain(borrowerId))
        .where('type', '=', type)
        .orderBy('seq', 'desc')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
    },
  };
}
