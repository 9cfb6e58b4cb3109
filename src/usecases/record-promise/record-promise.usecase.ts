/**
 * Record a promise to pay (or a payment plan agreed) the collection system saw on an account of the tenant.
 * It changes nothing else: the reports count it (docs/outcomes.md).
 */
import type { OutcomesRepo } from '../../store/outcomes.repo.js';
import type { Clock } from '../../domain/clock.js';
import { currencyProblem, type FieldProblem, reportedAtProblem } from '../../policy/reported-outcome.js';
import { requestHash } from '../request-hash.js';

/** Exactly what recording a promise needs from the store. */
export interface RecordPromisePorts {
  /** The borrower of the tenant's account and the currency of its debt; undefined: the tenant has no such account. */
  findAccount: OutcomesRepo['accountBorrower'];
  /** Records the outcome once: the same id and body again is a repeat; the same id with another body a conflict. */
  recordOutcome: OutcomesRepo['record'];
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
}

export interface RecordPromise {
  tenant: string;
  accountRef: string;
  promise: PromiseReport;
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
  const account = await ports.findAccount(cmd.tenant, cmd.accountRef);
  if (!account) return { kind: 'unknown-account', accountRef: cmd.accountRef };
  const currency = currencyProblem(account.currency, p.currency);
  if (currency) return { kind: 'invalid', errors: [currency] };
  return ports.recordOutcome(
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
}
