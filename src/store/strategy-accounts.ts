/** Where each account stands in the collection strategy: one row per (client, account). */
import type { Kysely } from 'kysely';
import type { PlannedStep } from '../policy/strategy.js';
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Dialect } from './db.js';
import { appendEventsBulk, type BulkLink, type ChainEventInput } from './event-chain.js';
import { borrowerChain } from './hash-chain.js';
import type { Database, StrategyAccountsTable } from './schema.js';

export interface StrategyAccount {
  clientId: string;
  accountRef: string;
  /** The borrower's key in the store. */
  borrowerId: string;
  /** The tenant whose account it is. */
  tenant: string;
  stage: string;
  why: string;
  daysOverdue: number;
  enteredAt: string;
  updatedAt: string;
  plan: PlannedStep[];
}

const toAccount = (r: StrategyAccountsTable): StrategyAccount => ({
  clientId: r.client_id,
  accountRef: r.account_ref,
  borrowerId: r.borrower_id,
  tenant: tenantOfBorrowerKey(r.borrower_id),
  stage: r.stage,
  why: r.why,
  daysOverdue: Number(r.days_overdue),
  enteredAt: r.entered_at,
  updatedAt: r.updated_at,
  plan: JSON.parse(r.plan) as PlannedStep[],
});

const toRow = (a: Omit<StrategyAccount, 'tenant'>): StrategyAccountsTable => ({
  client_id: a.clientId,
  account_ref: a.accountRef,
  borrower_id: a.borrowerId,
  stage: a.stage,
  why: a.why,
  days_overdue: a.daysOverdue,
  entered_at: a.enteredAt,
  updated_at: a.updatedAt,
  plan: JSON.stringify(a.plan),
});

/** An account entering a stage, with the events its borrower's chain records for it (`strategy.stage`, then any hand-off). */
export interface EnteringAccount extends Omit<StrategyAccount, 'tenant'> {
  events: ChainEventInput[];
}

/**
 * Each borrower's events in the order given, in rounds of one event per chain (a late account's
 * stage and hand-off, or two accounts of one borrower), so every round is appended in bulk.
 */
function inRounds(links: BulkLink[]): BulkLink[][] {
  const rounds: BulkLink[][] = [];
  const seen = new Map<string, number>();
  for (const l of links) {
    const n = seen.get(l.pos.chain) ?? 0;
    seen.set(l.pos.chain, n + 1);
    (rounds[n] ??= []).push(l);
  }
  return rounds;
}

/** The collection strategy's accounts: each one's stage, and the moves between stages. */
export interface StrategyAccounts {
  get(clientId: string, accountRef: string): Promise<StrategyAccount | undefined>;
  /** The stage of each of these accounts that has one. */
  stagesOf(clientId: string, accountRefs: string[]): Promise<Map<string, string>>;
  /** A borrower's accounts, the most recently changed first. */
  ofBorrower(borrowerId: string): Promise<StrategyAccount[]>;
  /** The stages of many borrowers' accounts, oldest change first (a later account wins). */
  stagesOfBorrowers(borrowerIds: string[]): Promise<Array<{ borrowerId: string; stage: string }>>;
  /** Accounts entering a stage, in one transaction, each with its event on its borrower's chain. */
  enter(accounts: EnteringAccount[]): Promise<void>;
  /** Still in its stage: only the days overdue move. */
  touch(clientId: string, accountRef: string, daysOverdue: number, at: string): Promise<void>;
  /** Paid or settled. */
  resolve(clientId: string, accountRef: string, at: string): Promise<void>;
}

export function makeStrategyAccounts(db: Kysely<Database>, dialect: Dialect): StrategyAccounts {
  return {
    async get(clientId: string, accountRef: string): Promise<StrategyAccount | undefined> {
      const r = await db
        .selectFrom('strategy_accounts')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('account_ref', '=', accountRef)
        .executeTakeFirst();
      return r ? toAccount(r) : undefined;
    },

    /** The stage of each of these accounts that has one. */
    async stagesOf(clientId: string, accountRefs: string[]): Promise<Map<string, string>> {
      if (accountRefs.length === 0) return new Map();
      const rows = await db
        .selectFrom('strategy_accounts')
        .select(['account_ref', 'stage'])
        .where('client_id', '=', clientId)
        .where('account_ref', 'in', accountRefs)
        .execute();
      return new Map(rows.map((r) => [r.account_ref, r.stage]));
    },

    /** A borrower's accounts, the most recently changed first. */
    async ofBorrower(borrowerId: string): Promise<StrategyAccount[]> {
      return (
        await db
          .selectFrom('strategy_accounts')
          .selectAll()
          .where('borrower_id', '=', borrowerId)
          .orderBy('updated_at', 'desc')
          .execute()
      ).map(toAccount);
    },

    /** The stages of many borrowers' accounts, oldest change first (a later account wins). */
    async stagesOfBorrowers(borrowerIds: string[]): Promise<Array<{ borrowerId: string; stage: string }>> {
      if (borrowerIds.length === 0) return [];
      const rows = await db
        .selectFrom('strategy_accounts')
        .select(['borrower_id', 'stage', 'updated_at'])
        .where('borrower_id', 'in', borrowerIds)
        .orderBy('updated_at')
        .execute();
      return rows.map((r) => ({ borrowerId: r.borrower_id, stage: r.stage }));
    },

    /**
     * Accounts entering a stage, in one transaction: each row inserted or replaced whole, and its
     * events appended to its borrower's chain at `enteredAt` (in bulk: the borrowers' rows locked
     * in id order, the chains' heads read in one query, the events and heads written together).
     */
    async enter(accounts: EnteringAccount[]): Promise<void> {
      if (accounts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        // The borrower rows order their chains (as recordBorrowerEvent's update does): locked first and
        // in id order, so concurrent batches wait for each other before touching the same stage rows.
        const borrowers = [...new Set(accounts.filter((a) => a.events.length > 0).map((a) => a.borrowerId))].sort();
        const at = accounts[0]!.enteredAt;
        for (let i = 0; i < borrowers.length; i += 500) {
          const ids = borrowers.slice(i, i + 500);
          if (dialect === 'postgres')
            await trx.selectFrom('borrowers').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
          await trx.updateTable('borrowers').set({ updated_at: at }).where('id', 'in', ids).execute();
        }
        const rows = accounts.map(toRow);
        for (let i = 0; i < rows.length; i += 200) {
          await trx
            .insertInto('strategy_accounts')
            .values(rows.slice(i, i + 200))
            .onConflict((oc) =>
              oc.columns(['client_id', 'account_ref']).doUpdateSet((eb) => ({
                borrower_id: eb.ref('excluded.borrower_id'),
                stage: eb.ref('excluded.stage'),
                why: eb.ref('excluded.why'),
                days_overdue: eb.ref('excluded.days_overdue'),
                entered_at: eb.ref('excluded.entered_at'),
                updated_at: eb.ref('excluded.updated_at'),
                plan: eb.ref('excluded.plan'),
              })),
            )
            .execute();
        }
        const links = accounts.flatMap((a) =>
          a.events.map((input): BulkLink => ({
            pos: { chain: borrowerChain(a.borrowerId), messageId: null, borrowerId: a.borrowerId, now: a.enteredAt },
            input,
          })),
        );
        for (const round of inRounds(links)) await appendEventsBulk(trx, dialect, round);
      });
    },

    /** Still in its stage: only the days overdue move. */
    async touch(clientId: string, accountRef: string, daysOverdue: number, at: string): Promise<void> {
      await db
        .updateTable('strategy_accounts')
        .set({ days_overdue: daysOverdue, updated_at: at })
        .where('client_id', '=', clientId)
        .where('account_ref', '=', accountRef)
        .execute();
    },

    async resolve(clientId: string, accountRef: string, at: string): Promise<void> {
      await db
        .updateTable('strategy_accounts')
        .set({ stage: 'resolved', why: 'paid or settled', updated_at: at })
        .where('client_id', '=', clientId)
        .where('account_ref', '=', accountRef)
        .execute();
    },
  };
}
