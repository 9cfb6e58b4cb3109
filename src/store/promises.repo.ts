/**
 * Promises and plans (0021): made once per reported promise, then moved along by payments and the
 * clock. Every change is a conditional update, so a repeat or a second process changes nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Instalment, InstalmentState, PromiseKind, PromiseState } from '../policy/promises.js';
import { decimalOf, unitsOf } from '../policy/promises.js';
import type { Database, PromiseInstalmentsTable, PromisesTable } from './schema.js';

export interface PromiseInstalmentRow extends Instalment {
  courtesyReminderId: string | null;
  decidedAt: string | null;
}

export interface BorrowerPromise {
  id: string;
  tenant: string;
  borrowerId: string;
  accountRef: string;
  kind: PromiseKind;
  source: 'api' | 'reply';
  currency: string | null;
  agreedAt: string;
  state: PromiseState;
  /** What payments reported since it was agreed add up to. */
  paid: string;
  misses: number;
  holdId: string | null;
  createdAt: string;
  /** When what its end asks for (the hold ended, the message sent) was done; null while open or unfinished. */
  closedAt: string | null;
  instalments: PromiseInstalmentRow[];
}

/** A promise to make: what the caller knows of it (the store starts it open, with nothing paid). */
export type NewPromise = Pick<
  BorrowerPromise,
  'id' | 'tenant' | 'borrowerId' | 'accountRef' | 'kind' | 'source' | 'currency' | 'agreedAt'
> & { instalments: ReadonlyArray<{ dueDate: string; amount: string | null }> };

export interface PromisesRepo {
  /** Makes it once (a repeat answers the stored one, `created: false`); the account's older open promises become `replaced`. */
  create(
    p: NewPromise,
    now: Date,
  ): Promise<{ promise: BorrowerPromise; created: boolean; replaced: BorrowerPromise[] }>;
  get(id: string): Promise<BorrowerPromise | undefined>;
  /** The account's open promises. */
  openOf(tenant: string, accountRef: string): Promise<BorrowerPromise[]>;
  /** The borrower's promises, newest first. */
  ofBorrower(borrowerId: string): Promise<BorrowerPromise[]>;
  /** Promises the watcher must look at: open ones, and ended ones whose end is not finished. */
  unsettled(limit: number, afterId?: string): Promise<BorrowerPromise[]>;
  /** What the account's payments reported at or after `since` add up to (a payment repeated counts once). */
  paidSince(tenant: string, accountRef: string, since: string): Promise<string>;
  /** Records what was paid towards it (shown in the plan). */
  setPaid(id: string, paid: string): Promise<void>;
  /** Moves instalments from `due` to `state`; the seqs that moved. */
  decide(id: string, seqs: readonly number[], state: Exclude<InstalmentState, 'due'>, now: Date): Promise<number[]>;
  /** open → `state` (and the misses so far); false when it was not open. */
  end(id: string, state: Exclude<PromiseState, 'open'>, misses: number): Promise<boolean>;
  setMisses(id: string, misses: number): Promise<void>;
  setHold(id: string, holdId: string): Promise<void>;
  setCourtesy(id: string, seq: number, reminderId: string): Promise<void>;
  /** Its end is finished (hold ended, message sent). */
  settle(id: string, now: Date): Promise<void>;
}

function toInstalment(r: PromiseInstalmentsTable): PromiseInstalmentRow {
  return {
    seq: r.seq,
    dueDate: r.due_date,
    amount: r.amount,
    state: r.state as InstalmentState,
    courtesyReminderId: r.courtesy_reminder_id,
    decidedAt: r.decided_at,
  };
}

function toPromise(r: PromisesTable, instalments: PromiseInstalmentsTable[]): BorrowerPromise {
  return {
    id: r.id,
    tenant: r.tenant,
    borrowerId: r.borrower_id,
    accountRef: r.account_ref,
    kind: r.kind as PromiseKind,
    source: r.source as 'api' | 'reply',
    currency: r.currency,
    agreedAt: r.agreed_at,
    state: r.state as PromiseState,
    paid: r.paid,
    misses: r.misses,
    holdId: r.hold_id,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    instalments: instalments
      .filter((i) => i.promise_id === r.id)
      .sort((a, b) => a.seq - b.seq)
      .map(toInstalment),
  };
}

/** The promises with their instalments. */
async function withInstalmentsIn(db: Kysely<Database>, rows: PromisesTable[]): Promise<BorrowerPromise[]> {
  if (rows.length === 0) return [];
  const inst = await db
    .selectFrom('promise_instalments')
    .selectAll()
    .where(
      'promise_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => toPromise(r, inst));
}

/** Makes it once; the account's older open promises become `replaced`. */
async function createPromise(db: Kysely<Database>, p: NewPromise, now: Date) {
  const nowIso = now.toISOString();
  const made = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('promises')
      .values({
        id: p.id,
        tenant: p.tenant,
        borrower_id: p.borrowerId,
        account_ref: p.accountRef,
        kind: p.kind,
        source: p.source,
        currency: p.currency,
        agreed_at: p.agreedAt,
        state: 'open',
        paid: '0.00',
        misses: 0,
        hold_id: null,
        created_at: nowIso,
        closed_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { created: false, replaced: [] as string[] };
    await trx
      .insertInto('promise_instalments')
      .values(
        p.instalments.map((i, seq) => ({
          promise_id: p.id,
          seq,
          due_date: i.dueDate,
          amount: i.amount,
          state: 'due',
          courtesy_reminder_id: null,
          decided_at: null,
        })),
      )
      .execute();
    // The newest promise on an account is the one that counts; an older one open is replaced.
    const replaced = await trx
      .updateTable('promises')
      .set({ state: 'replaced' })
      .where('tenant', '=', p.tenant)
      .where('account_ref', '=', p.accountRef)
      .where('state', '=', 'open')
      .where('id', '!=', p.id)
      .returning('id')
      .execute();
    return { created: true, replaced: replaced.map((r) => r.id) };
  });
  const promise = (
    await withInstalmentsIn(db, await db.selectFrom('promises').selectAll().where('id', '=', p.id).execute())
  )[0]!;
  const replaced = made.replaced.length
    ? await withInstalmentsIn(
        db,
        await db.selectFrom('promises').selectAll().where('id', 'in', made.replaced).execute(),
      )
    : [];
  return { promise, created: made.created, replaced };
}

export function makePromisesRepo(db: Kysely<Database>): PromisesRepo {
  const withInstalments = (rows: PromisesTable[]) => withInstalmentsIn(db, rows);
  const one = async (id: string) =>
    (await withInstalments(await db.selectFrom('promises').selectAll().where('id', '=', id).execute()))[0];

  return {
    create: (p, now) => createPromise(db, p, now),

    get: one,

    async openOf(tenant, accountRef) {
      return withInstalments(
        await db
          .selectFrom('promises')
          .selectAll()
          .where('tenant', '=', tenant)
          .where('account_ref', '=', accountRef)
          .where('state', '=', 'open')
          .orderBy('created_at')
          .execute(),
      );
    },

    async ofBorrower(borrowerId) {
      return withInstalments(
        await db
          .selectFrom('promises')
          .selectAll()
          .where('borrower_id', '=', borrowerId)
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .execute(),
      );
    },

    async unsettled(limit, afterId) {
      let q = db
        .selectFrom('promises')
        .selectAll()
        .where((eb) => eb.or([eb('state', '=', 'open'), eb('closed_at', 'is', null)]));
      if (afterId !== undefined) q = q.where('id', '>', afterId);
      return withInstalments(await q.orderBy('id').limit(limit).execute());
    },

    async paidSince(tenant, accountRef, since) {
      const rows = await db
        .selectFrom('outcomes')
        .select('amount')
        .where('tenant', '=', tenant)
        .where('account_ref', '=', accountRef)
        .where('kind', '=', 'payment')
        .where('at', '>=', since)
        .execute();
      return decimalOf(rows.reduce((sum, r) => sum + (r.amount ? unitsOf(r.amount) : 0n), 0n));
    },

    async setPaid(id, paid) {
      await db.updateTable('promises').set({ paid }).where('id', '=', id).execute();
    },

    async decide(id, seqs, state, now) {
      if (seqs.length === 0) return [];
      const moved = await db
        .updateTable('promise_instalments')
        .set({ state, decided_at: now.toISOString() })
        .where('promise_id', '=', id)
        .where('seq', 'in', [...seqs])
        .where('state', '=', 'due')
        .returning('seq')
        .execute();
      return moved.map((m) => m.seq);
    },

    async end(id, state, misses) {
      const r = await db
        .updateTable('promises')
        .set({ state, misses })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .returning('id')
        .executeTakeFirst();
      return r !== undefined;
    },

    async setMisses(id, misses) {
      await db.updateTable('promises').set({ misses }).where('id', '=', id).execute();
    },

    async setHold(id, holdId) {
      await db.updateTable('promises').set({ hold_id: holdId }).where('id', '=', id).execute();
    },

    async setCourtesy(id, seq, reminderId) {
      await db
        .updateTable('promise_instalments')
        .set({ courtesy_reminder_id: reminderId })
        .where('promise_id', '=', id)
        .where('seq', '=', seq)
        .execute();
    },

    async settle(id, now) {
      await db
        .updateTable('promises')
        .set({ closed_at: now.toISOString() })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .execute();
    },
  };
}
