/**
 * Record a promise to pay (or a payment plan agreed) on an account of the tenant: the reports count it,
 * and the promise holds the account's cadence until it is kept or broken (services/promises.ts,
 * docs/outcomes.md). A repeat makes nothing twice; a promise that was made but not yet set up (a crash
 * between the two) is set up by the repeat.
 */
import type { OutcomesRepo } from '../../store/outcomes.repo.js';
import type { Clock } from '../../domain/clock.js';
import {
  currencyProblem,
  type FieldProblem,
  instalmentsProblem,
  promisedDateProblem,
  reportedAtProblem,
} from '../../policy/reported-outcome.js';
import type { MakePromise } from '../../services/promises.js';
import { requestHash } from '../request-hash.js';

/** Exactly what recording a promise needs from the store. */
export interface RecordPromisePorts {
  /** The borrower of the tenant's account and the currency of its debt; undefined: the tenant has no such account. */
  findAccount: OutcomesRepo['accountBorrower'];
  /** Records the outcome once: the same id and body again is a repeat; the same id with another body a conflict. */
  recordOutcome: OutcomesRepo['record'];
  /** Whether the borrower is resolved (no promise on a settled account). */
  borrowerStatus?(borrowerId: string): Promise<string | undefined>;
  /** Makes the promise drive the cadence (idempotent by its id); absent: it is only counted. */
  makePromise?(p: MakePromise): Promise<unknown>;
  /** How far ahead a promised date may be (PROMISE_MAX_AHEAD_DAYS). */
  maxAheadDays?: number;
}

/** A promise as the API takes it (already parsed; amount and currency together or neither): its fingerprint is of exactly these fields. */
export interface PromiseReport {
  id: string;
  kind: 'promise' | 'plan';
  /** The date promised (a plan's first instalment), YYYY-MM-DD. */
  promisedFor: string;
  /** When it was agreed; absent: now. */
  agreedAt?: string | undefined;
  amount?: string | undefined;
  currency?: string | undefined;
  /** A plan's instalments, ascending (the first's date is `promisedFor`). */
  instalments?: ReadonlyArray<{ dueDate: string; amount: string }> | undefined;
}

export interface RecordPromise {
  tenant: string;
  accountRef: string;
  promise: PromiseReport;
  /** Where it came from: the collection system (api) or the borrower's own reply. */
  source?: 'api' | 'reply';
}

export type RecordPromiseResult =
  | { kind: 'invalid'; errors: FieldProblem[] }
  | { kind: 'unknown-account'; accountRef: string }
  | Awaited<ReturnType<OutcomesRepo['record']>>;

export async function recordPromise(
  ports: RecordPromisePorts,
  clock: Clock,
  cmd: RecordPromise,
): Promise<RecordPromiseResult> {
  const p = cmd.promise;
  const now = clock.now();
  const late = p.agreedAt === undefined ? undefined : reportedAtProblem(p.agreedAt, now, 'agreedAt');
  if (late) return { kind: 'invalid', errors: [late] };
  const maxAhead = ports.maxAheadDays ?? 90;
  const dates = p.instalments?.length
    ? instalmentsProblem(p.instalments, now, maxAhead)
    : promisedDateProblem(p.promisedFor, now, maxAhead, 'promisedFor');
  if (dates) return { kind: 'invalid', errors: [dates] };
  const account = await ports.findAccount(cmd.tenant, cmd.accountRef);
  if (!account) return { kind: 'unknown-account', accountRef: cmd.accountRef };
  const currency = currencyProblem(account.currency, p.currency);
  if (currency) return { kind: 'invalid', errors: [currency] };
  if (ports.borrowerStatus && (await ports.borrowerStatus(account.borrowerId)) === 'resolved')
    return {
      kind: 'invalid',
      errors: [{ path: 'accountRef', message: 'the account is resolved (paid): there is nothing left to promise' }],
    };
  const r = await ports.recordOutcome(
    {
      kind: 'promise',
      tenant: cmd.tenant,
      accountRef: cmd.accountRef,
      borrowerId: account.borrowerId,
      callerId: p.id,
      amount: p.amount ?? null,
      currency: p.currency ?? null,
      full: null,
      at: new Date(p.agreedAt ?? now.toISOString()).toISOString(),
      promisedFor: p.promisedFor,
      requestHash: requestHash(p),
    },
    now,
  );
  if (r.kind !== 'conflict' && ports.makePromise)
    await ports.makePromise({
      id: r.outcome.id,
      tenant: cmd.tenant,
      borrowerId: account.borrowerId,
      accountRef: cmd.accountRef,
      kind: p.kind,
      source: cmd.source ?? 'api',
      currency: p.currency ?? (account.currency || null),
      agreedAt: r.outcome.at,
      instalments: p.instalments?.length ? p.instalments : [{ dueDate: p.promisedFor, amount: p.amount ?? null }],
    });
  return r;
}
