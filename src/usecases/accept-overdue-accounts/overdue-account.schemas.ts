/**
 * An overdue account as the faces take it: the body of POST /v1/accounts/:accountRef/overdue (the path names the
 * account), an item of POST /v1/accounts/overdue/batch, a line of the delinquency file (the item names it).
 */
import { z } from 'zod';
import { BorrowerId, BorrowerInput, DebtObject, itemizationIssues, MAX_BATCH } from '../../schemas/request.schemas.js';

/**
 * The debt of an account the path or the item names: `debt.accountRef` may be left out (it is that
 * account), and if given must be the same, since payments and promises find the account by it.
 */
const AccountDebt = DebtObject.extend({ accountRef: DebtObject.shape.accountRef.optional() }).superRefine(
  itemizationIssues,
);

/** What is wrong with a `debt.accountRef` that names another account than the path or the item. */
export const notTheAccount = (given: string, account: string) =>
  `"${given.slice(0, 64)}" is not the account "${account.slice(0, 64)}": leave debt.accountRef out, or send the same`;

export const OverdueInput = z
  .object({ borrower: BorrowerInput.optional(), borrowerId: BorrowerId.optional(), debt: AccountDebt })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.borrower && !r.borrowerId)
      ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'required: the borrower inline, or borrowerId' });
  });

const AccountRef = z.string().min(1, 'required').max(64, 'at most 64 characters');
export const OverdueItem = z
  .object({
    accountRef: AccountRef,
    borrower: BorrowerInput.optional(),
    borrowerId: BorrowerId.optional(),
    debt: AccountDebt,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.borrower && !r.borrowerId)
      ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'required: the borrower inline, or borrowerId' });
    if (r.debt.accountRef !== undefined && r.debt.accountRef !== r.accountRef)
      ctx.addIssue({
        code: 'custom',
        path: ['debt', 'accountRef'],
        message: notTheAccount(r.debt.accountRef, r.accountRef),
      });
  });

export const OverdueBatch = z
  .object({
    accounts: z
      .array(z.unknown())
      .min(1, 'at least one account')
      .max(MAX_BATCH, `at most ${MAX_BATCH} accounts per batch`),
  })
  .strict();
