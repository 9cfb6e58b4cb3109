/**
 * Record a payment the collection system saw on an account of the tenant. Paid in full, the borrower is
 * resolved (what was pending is cancelled) and the strategy's thank-you starts, once each: a repeat of the
 * same payment (a client retrying after an error) finishes what the first may have left undone.
 */
import type { OutcomesRepo } from '../../store/outcomes.repo.js';
import type { Borrower } from '../../domain/entities.js';
import type { Clock } from '../../domain/clock.js';
import { currencyProblem, type FieldProblem, reportedAtProblem } from '../../policy/reported-outcome.js';
import { requestHash } from '../request-hash.js';

/** Exactly what recording a payment needs from the store and the strategy. */
export interface RecordPaymentPorts {
  /** The borrower of the tenant's account and the currency of its debt; undefined: the tenant has no such account. */
  findAccount: OutcomesRepo['accountBorrower'];
  /** Records the outcome once: the same id and body again is a repeat; the same id with another body a conflict. */
  recordOutcome: OutcomesRepo['record'];
  /** Resolves the borrower and cancels what was pending, once (`alreadyResolved` the second time); undefined: no such borrower. */
  resolveBorrower(
    borrowerId: string,
    actor: string,
    note: string,
  ): Promise<{ borrower: Borrower; cancelled: string[]; alreadyResolved: boolean } | undefined>;
  /** Starts the strategy's thank-you for a resolved borrower (idempotent: one per account). */
  startThankYou(borrower: Borrower, actor: string): Promise<void>;
  /** Releases the borrower's open paid-claim holds (the payment it claimed is reported) and reschedules what they held. */
  releasePaidClaims?(borrowerId: string, actor: string): Promise<string[]>;
  /** The account's open promises take the payment into account (kept, in part or in full). */
  paymentReported?(tenant: string, accountRef: string): Promise<void>;
}

/** A payment as the API takes it (already parsed): its fingerprint is of exactly these fields. */
export interface PaymentReport {
  id: string;
  amount: string;
  currency: string;
  paidAt: string;
  kind: 'full' | 'partial';
}

export interface RecordPayment {
  tenant: string;
  accountRef: string;
  /** Who reports it (`api:<keyId>`), for the borrower's events. */
  actor: string;
  payment: PaymentReport;
}

/** An outcome recorded now (`created`) or before (`repeat`). */
export type Recorded = Extract<Awaited<ReturnType<OutcomesRepo['record']>>, { kind: 'created' | 'repeat' }>;

export type RecordPaymentResult =
  | { kind: 'invalid'; errors: FieldProblem[] }
  | { kind: 'unknown-account'; accountRef: string }
  | { kind: 'conflict' }
  /** `cancelled`: the messages the resolve cancelled (a payment in full), null for a partial payment. */
  | (Recorded & { cancelled: string[] | null });

export async function recordPayment(
  ports: RecordPaymentPorts,
  clock: Clock,
  cmd: RecordPayment,
): Promise<RecordPaymentResult> {
  const p = cmd.payment;
  const now = clock.now();
  const late = reportedAtProblem(p.paidAt, now, 'paidAt');
  if (late) return { kind: 'invalid', errors: [late] };
  const account = await ports.findAccount(cmd.tenant, cmd.accountRef);
  if (!account) return { kind: 'unknown-account', accountRef: cmd.accountRef };
  const currency = currencyProblem(account.currency, p.currency);
  if (currency) return { kind: 'invalid', errors: [currency] };
  const r = await ports.recordOutcome(
    {
      kind: 'payment',
      tenant: cmd.tenant,
      accountRef: cmd.accountRef,
      borrowerId: account.borrowerId,
      callerId: p.id,
      amount: p.amount,
      currency: p.currency,
      full: p.kind === 'full',
      at: new Date(p.paidAt).toISOString(),
      promisedFor: null,
      requestHash: requestHash(p),
    },
    now,
  );
  if (r.kind === 'conflict') return r;
  // The payment the borrower said they had made is reported: their paid-claim hold ends (a repeat ends what is left).
  await ports.releasePaidClaims?.(account.borrowerId, cmd.actor);
  if (p.kind !== 'full') {
    await ports.paymentReported?.(cmd.tenant, cmd.accountRef);
    return { ...r, cancelled: null };
  }
  // Resolved as by POST /v1/borrowers/:id/resolve. A repeat asks for the thank-you again even when the borrower
  // was already resolved: the first request may have stopped between the two steps (both are idempotent).
  const resolved = await ports.resolveBorrower(account.borrowerId, cmd.actor, `paid in full (${p.id})`);
  if (resolved && (!resolved.alreadyResolved || r.kind === 'repeat'))
    await ports.startThankYou(resolved.borrower, cmd.actor);
  // After the resolve: a promise kept by a payment in full is thanked by the strategy, not twice.
  await ports.paymentReported?.(cmd.tenant, cmd.accountRef);
  return { ...r, cancelled: resolved?.cancelled ?? [] };
}
