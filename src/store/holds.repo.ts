/** Holds on a borrower: opened and closed with an event on the borrower's chain, in one transaction. */
import type { Kysely } from 'kysely';
import { type BorrowerHold, type HoldKind, type HoldResolution, type HoldSource, newHoldId } from '../domain/holds.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import { borrowerChain } from './hash-chain.js';
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Conn } from './rows.js';
import type { BorrowerHoldsTable, Database } from './schema.js';
import type { EventInput } from './store-types.js';

/** A hold to open: what the caller decides (the store gives the id, the tenant from the borrower's key). */
export interface NewHold {
  borrowerId: string;
  kind: HoldKind;
  until: string | null;
  source: HoldSource;
  detail: string | null;
  ruleRef: string | null;
  /** The one account held (a promise's); absent: every account of the borrower. */
  accountRef?: string | null;
  promiseId?: string | null;
}

export interface HoldsRepo {
  /**
   * Opens a hold and writes `event` (its data joined by the hold's id, kind and `until`) on the
   * borrower's chain. A dispute while one is open answers the open one (`created: false`, no
   * event). Undefined: no such borrower.
   */
  open(hold: NewHold, event: EventInput, now: Date): Promise<{ hold: BorrowerHold; created: boolean } | undefined>;
  /**
   * Closes one of the borrower's holds (of one of `kinds`, if given) and writes `event`; a hold
   * already closed is answered as it is (`changed: false`, no event). Undefined: the borrower has
   * no such hold.
   */
  close(
    borrowerId: string,
    holdId: string,
    end: { closedBy: string; resolution: HoldResolution; detail?: string | null; kinds?: readonly HoldKind[] },
    event: EventInput,
    now: Date,
  ): Promise<{ hold: BorrowerHold; changed: boolean } | undefined>;
  /** The borrower's holds, newest first. */
  list(borrowerId: string): Promise<BorrowerHold[]>;
  /** The borrower's holds not closed, oldest first (one that lapsed by its `until` included: compare with holdIsOpen). */
  unclosed(borrowerId: string): Promise<BorrowerHold[]>;
  /** `unclosed` for many borrowers in one query (the workers' gate): a list per borrower id given, in order. */
  unclosedOfMany(borrowerIds: readonly string[]): Promise<BorrowerHold[][]>;
}

/** Rows grouped by borrower: a list per id given, in order. */
function byBorrower(rows: readonly BorrowerHoldsTable[], ids: readonly string[]): BorrowerHold[][] {
  const by = new Map<string, BorrowerHold[]>();
  for (const r of rows) {
    const list = by.get(r.borrower_id);
    if (list) list.push(toHold(r));
    else by.set(r.borrower_id, [toHold(r)]);
  }
  return ids.map((id) => by.get(id) ?? []);
}

function toHold(r: BorrowerHoldsTable): BorrowerHold {
  return {
    id: r.id,
    tenant: r.tenant,
    borrowerId: r.borrower_id,
    kind: r.kind as HoldKind,
    openedAt: r.opened_at,
    until: r.until,
    source: r.source as HoldSource,
    detail: r.detail,
    ruleRef: r.rule_ref,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    resolution: r.resolution as HoldResolution | null,
    closeDetail: r.close_detail,
    accountRef: r.account_ref,
    promiseId: r.promise_id,
  };
}

function eventData(h: BorrowerHold, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  // The hold's free text stays in its row (it is not personal data on the chain).
  return {
    holdId: h.id,
    kind: h.kind,
    until: h.until,
    ...(h.ruleRef ? { rule: h.ruleRef } : {}),
    ...(h.accountRef ? { accountRef: h.accountRef } : {}),
    ...(h.promiseId ? { promiseId: h.promiseId } : {}),
    ...extra,
  };
}

async function append(trx: Conn, dialect: Dialect, borrowerId: string, event: EventInput, nowIso: string) {
  await appendEvent(
    trx,
    dialect,
    { chain: borrowerChain(borrowerId), messageId: null, borrowerId, now: nowIso },
    event,
  );
}

export function makeHoldsRepo(db: Kysely<Database>, dialect: Dialect): HoldsRepo {
  return {
    async open(input, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Touching the borrower locks it (PostgreSQL): two disputes at once find each other.
        const touched = await trx
          .updateTable('borrowers')
          .set({ updated_at: nowIso })
          .where('id', '=', input.borrowerId)
          .returning('id')
          .executeTakeFirst();
        if (!touched) return undefined;
        if (input.kind === 'dispute') {
          const open = await trx
            .selectFrom('borrower_holds')
            .selectAll()
            .where('borrower_id', '=', input.borrowerId)
            .where('kind', '=', 'dispute')
            .where('closed_at', 'is', null)
            .orderBy('opened_at')
            .executeTakeFirst();
          if (open) return { hold: toHold(open), created: false };
        }
        const row: BorrowerHoldsTable = {
          id: newHoldId(),
          tenant: tenantOfBorrowerKey(input.borrowerId),
          borrower_id: input.borrowerId,
          kind: input.kind,
          opened_at: nowIso,
          until: input.until,
          source: input.source,
          detail: input.detail,
          rule_ref: input.ruleRef,
          closed_at: null,
          closed_by: null,
          resolution: null,
          close_detail: null,
          account_ref: input.accountRef ?? null,
          promise_id: input.promiseId ?? null,
        };
        await trx.insertInto('borrower_holds').values(row).execute();
        const hold = toHold(row);
        await append(trx, dialect, input.borrowerId, { ...event, data: eventData(hold, event.data) }, nowIso);
        return { hold, created: true };
      });
    },

    async close(borrowerId, holdId, end, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        let q = trx
          .updateTable('borrower_holds')
          .set({
            closed_at: nowIso,
            closed_by: end.closedBy,
            resolution: end.resolution,
            close_detail: end.detail ?? null,
          })
          .where('id', '=', holdId)
          .where('borrower_id', '=', borrowerId)
          .where('closed_at', 'is', null);
        if (end.kinds) q = q.where('kind', 'in', [...end.kinds]);
        const updated = await q.returning('id').executeTakeFirst();
        let sel = trx
          .selectFrom('borrower_holds')
          .selectAll()
          .where('id', '=', holdId)
          .where('borrower_id', '=', borrowerId);
        if (end.kinds) sel = sel.where('kind', 'in', [...end.kinds]);
        const row = await sel.executeTakeFirst();
        if (!row) return undefined;
        const hold = toHold(row);
        if (updated) {
          await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', borrowerId).execute();
          await append(
            trx,
            dialect,
            borrowerId,
            { ...event, data: eventData(hold, { resolution: end.resolution, ...event.data }) },
            nowIso,
          );
        }
        return { hold, changed: updated !== undefined };
      });
    },

    async list(borrowerId) {
      const rows = await db
        .selectFrom('borrower_holds')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .orderBy('opened_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toHold);
    },

    async unclosed(borrowerId) {
      const rows = await db
        .selectFrom('borrower_holds')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .where('closed_at', 'is', null)
        .orderBy('opened_at')
        .orderBy('id')
        .execute();
      return rows.map(toHold);
    },

    async unclosedOfMany(borrowerIds) {
      const ids = [...new Set(borrowerIds)];
      const rows = ids.length
        ? await db
            .selectFrom('borrower_holds')
            .selectAll()
            .where('borrower_id', 'in', ids)
            .where('closed_at', 'is', null)
            .orderBy('opened_at')
            .orderBy('id')
            .execute()
        : [];
      return byBorrower(rows, borrowerIds);
    },
  };
}
