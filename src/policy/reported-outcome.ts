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

/** The calendar date at `at` in a zone (YYYY-MM-DD). */
function dateIn(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
}

/**
 * A promised date is not in the past and not more than `maxAheadDays` ahead. "Past" and "ahead" are
 * judged generously across zones (the borrower's day may still be yesterday, or already tomorrow).
 */
export function promisedDateProblem(
  date: string,
  now: Date,
  maxAheadDays: number,
  field: string,
): FieldProblem | undefined {
  const earliest = dateIn(now.getTime(), 'Etc/GMT+12');
  const latest = dateIn(now.getTime() + maxAheadDays * 86_400_000, 'Etc/GMT-14');
  if (date < earliest) return { path: field, message: `is in the past (today is ${dateIn(now.getTime(), 'UTC')} UTC)` };
  if (date > latest)
    return { path: field, message: `is more than ${maxAheadDays} days ahead (PROMISE_MAX_AHEAD_DAYS)` };
  return undefined;
}

/**
 * A plan's instalments: the first within the promise's bounds, each next one after the one before
 * and at most `maxAheadDays` after it (a plan of monthly instalments may run for years).
 */
export function instalmentsProblem(
  instalments: ReadonlyArray<{ dueDate: string }>,
  now: Date,
  maxAheadDays: number,
): FieldProblem | undefined {
  const first = instalments[0];
  if (!first) return { path: 'instalments', message: 'must name at least one instalment' };
  const p = promisedDateProblem(first.dueDate, now, maxAheadDays, 'instalments.0.dueDate');
  if (p) return p;
  for (let i = 1; i < instalments.length; i++) {
    const [prev, d] = [instalments[i - 1]!.dueDate, instalments[i]!.dueDate];
    if (d <= prev)
      return { path: `instalments.${i}.dueDate`, message: "must be after the previous instalment's dueDate" };
    if (Date.parse(d) - Date.parse(prev) > maxAheadDays * 86_400_000)
      return { path: `instalments.${i}.dueDate`, message: `is more than ${maxAheadDays} days after the previous one` };
  }
  return undefined;
}
