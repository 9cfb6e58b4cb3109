/** The data a template sees: the borrower's name and the debt, optional fields present as null (strict mode). */
import type { Borrower, Reminder } from '../audit/types.js';

export function templateContext(borrower: Borrower, reminder: Reminder): Record<string, unknown> {
  const d = reminder.debt;
  return {
    borrower: { id: borrower.id, name: borrower.name ?? null },
    debt: {
      accountRef: d.accountRef,
      creditor: d.creditor,
      amountDue: d.amountDue,
      dueDate: d.dueDate,
      daysOverdue: d.daysOverdue,
      minimumPayment: d.minimumPayment ?? null,
      paymentUrl: d.paymentUrl ?? null,
    },
    metadata: reminder.metadata ?? {},
  };
}

/** Dates are shown in the borrower's zone; with several candidate zones, the first. */
export function displayZone(borrower: Borrower): string | null {
  const tz = borrower.timezone;
  if (tz === null) return null;
  return Array.isArray(tz) ? (tz[0] ?? null) : tz;
}
