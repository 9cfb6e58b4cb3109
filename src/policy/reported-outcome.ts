/**
 * What an outcome a collection system reports (a payment, a promise to pay) must be to be recorded: dated
 * neither in the future nor before the records kept, and in the currency of the account's debt. Time is an
 * argument; each rule answers the field it refuses, for a 400 that names it.
 */

/** A refused field and why, as the API names it (`paidAt`, `currency`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** How far back an outcome may be dated: the 3 years records are kept (docs/compliance.md); older is a typo or a backfill the reports cannot attribute. */
export const OUTCOME_MAX_AGE_DAYS = 3 * 366;
/** Clocks disagree: an outcome a few minutes ahead of ours is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A reported time (a payment's `paidAt`, a promise's `agreedAt`) is not in the future and not older than OUTCOME_MAX_AGE_DAYS. */
export function reportedAtProblem(at: string, now: Date, field: string): FieldProblem | undefined {
  const t = Date.parse(at);
  if (t > now.getTime() + CLOCK_SKEW_MS) return { path: field, message: 'is in the future: report what has happened' };
  if (t < now.getTime() - OUTCOME_MAX_AGE_DAYS * 86_400_000)
    return { path: field, message: `is more than ${OUTCOME_MAX_AGE_DAYS} days ago` };
  return undefined;
}

/** An outcome's currency, when both it and the account's debt name one, is the debt's. */
export function currencyProblem(accountCurrency: string, reported: string | undefined): FieldProblem | undefined {
  if (!reported || !accountCurrency || reported === accountCurrency) return undefined;
  return { path: 'currency', message: `the account's debt is in ${accountCurrency}, not ${reported}` };
}
