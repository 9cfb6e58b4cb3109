/**
 * Accept overdue accounts into the collection strategy: one the path names (POST /v1/accounts/:accountRef/overdue),
 * a batch (POST /v1/accounts/overdue/batch), or the lines of a delinquency file (npm run import and
 * POST /v1/accounts/overdue/import give `validateOverdueItem` to the import as its `validate`). Each account is
 * checked here, its borrower id scoped to the tenant, and the valid ones handed to the strategy runner.
 */
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import type { Validated } from '../../services/account-import.js';
import type { AccountResult, OverdueAccount, StrategyRunner } from '../../services/strategy-runner.js';
import { type FieldError, zodFieldErrors } from '../../schemas/field-errors.js';
import { notTheAccount, OverdueInput, OverdueItem } from './overdue-account.schemas.js';

/** Exactly what accepting one account needs. */
export interface AcceptOverdueAccountPorts {
  /** The tenant the caller acts for, asked only once the body is valid. */
  actingTenant(): Promise<string>;
  /** Whether the tenant has a borrower of this id (an account may name one instead of sending it). */
  borrowerExists(tenant: string, id: string): Promise<boolean>;
  accountOverdue: StrategyRunner['accountOverdue'];
}

/** Exactly what accepting a batch needs: the runner, for the caller's client. */
export interface AcceptOverdueBatchPorts {
  accountsOverdue(accounts: OverdueAccount[]): Promise<{ results: AccountResult[] }>;
}

/** One account of a batch or a file, checked: what the strategy runner takes, or the fields that are wrong. */
export function validateOverdueItem(raw: unknown, tenant: string = DEFAULT_TENANT): Validated {
  const parsed = OverdueItem.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { accountRef, borrower, borrowerId, debt } = parsed.data;
  const id = borrower?.id ?? borrowerId!;
  return {
    ok: true,
    account: {
      accountRef,
      tenant,
      borrower: borrower ? { ...borrower, id } : { id },
      upsertBorrower: borrower !== undefined,
      debt: { ...debt, accountRef },
    },
  };
}

export interface AcceptOverdueAccount {
  clientId: string;
  actor: string;
  /** The account the path names. */
  accountRef: string;
  /** The body as received. */
  body: unknown;
}

type Accepted = Exclude<Awaited<ReturnType<StrategyRunner['accountOverdue']>>, { error: unknown }>;
export type AcceptOverdueAccountResult =
  { kind: 'invalid'; errors: FieldError[] } | { kind: 'accepted'; plan: Accepted };

export async function acceptOverdueAccount(
  ports: AcceptOverdueAccountPorts,
  cmd: AcceptOverdueAccount,
): Promise<AcceptOverdueAccountResult> {
  const { accountRef } = cmd;
  const input = OverdueInput.safeParse(cmd.body);
  if (!input.success) return { kind: 'invalid', errors: zodFieldErrors(input.error) };
  const { borrower, borrowerId } = input.data;
  if (input.data.debt.accountRef !== undefined && input.data.debt.accountRef !== accountRef)
    return {
      kind: 'invalid',
      errors: [{ path: 'debt.accountRef', message: notTheAccount(input.data.debt.accountRef, accountRef) }],
    };
  const debt = { ...input.data.debt, accountRef };
  const tenant = await ports.actingTenant();
  const id = borrower?.id ?? borrowerId!;
  if (!borrower && !(await ports.borrowerExists(tenant, id)))
    return { kind: 'invalid', errors: [{ path: 'borrowerId', message: `no borrower with id "${borrowerId}"` }] };
  const result = await ports.accountOverdue({
    clientId: cmd.clientId,
    actor: cmd.actor,
    account: {
      accountRef,
      tenant,
      borrower: borrower ? { ...borrower, id } : { id },
      upsertBorrower: borrower !== undefined,
      debt,
    },
  });
  if ('error' in result && result.error) return { kind: 'invalid', errors: [result.error] };
  return { kind: 'accepted', plan: result as Accepted };
}

/** What became of one account of a batch, by its place in it. */
export type BatchItemOutcome =
  | { index: number; kind: 'invalid'; errors: FieldError[]; accountRef?: string }
  | { index: number; kind: 'scheduled'; accountRef: string; stage: string; why: string; steps: number }
  | { index: number; kind: 'unchanged'; accountRef: string; stage: string };

/**
 * A batch of accounts (already known to be a list of the allowed length): each is checked on its own, an account a
 * batch names twice is refused the second time, and the valid ones go to the runner together.
 */
export async function acceptOverdueBatch(
  ports: AcceptOverdueBatchPorts,
  cmd: { tenant: string; accounts: unknown[] },
): Promise<BatchItemOutcome[]> {
  const seen = new Map<string, number>();
  const valid: Array<{ index: number; account: OverdueAccount }> = [];
  const outcomes: BatchItemOutcome[] = cmd.accounts.map((raw, index) => {
    const c = validateOverdueItem(raw, cmd.tenant);
    if (!c.ok) return { index, kind: 'invalid', errors: c.errors };
    const earlier = seen.get(c.account.accountRef);
    if (earlier !== undefined)
      return {
        index,
        kind: 'invalid',
        errors: [
          { path: 'accountRef', message: `the same account as item ${earlier}: send each account once a batch` },
        ],
      };
    seen.set(c.account.accountRef, index);
    valid.push({ index, account: c.account });
    return { index, kind: 'invalid', errors: [] };
  });
  const done = valid.length ? await ports.accountsOverdue(valid.map((v) => v.account)) : { results: [] };
  done.results.forEach((r, i) => {
    const index = valid[i]!.index;
    outcomes[index] =
      r.status === 'scheduled'
        ? { index, kind: 'scheduled', accountRef: r.accountRef, stage: r.stage, why: r.why, steps: r.steps }
        : r.status === 'unchanged'
          ? { index, kind: 'unchanged', accountRef: r.accountRef, stage: r.stage }
          : { index, kind: 'invalid', accountRef: r.accountRef, errors: [r.error] };
  });
  return outcomes;
}
