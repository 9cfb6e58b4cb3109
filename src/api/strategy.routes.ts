/** POST /v1/accounts/:accountRef/overdue (the strategy picks the stage) and GET /v1/borrowers/:id/plan. */
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import { StrategyError } from '../policy/strategy.js';
import type { StrategyRunner } from '../scheduler/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { BorrowerId, BorrowerInput, Debt } from './schemas.js';

export const OverdueInput = z
  .object({ borrower: BorrowerInput.optional(), borrowerId: BorrowerId.optional(), debt: Debt })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.borrower && !r.borrowerId) ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'required: the borrower inline, or borrowerId' });
  });

export function strategyRouter(deps: { store: AuditStore; strategyRunner: StrategyRunner; keyRing: KeyRing }): Router {
  const router = Router();

  router.post('/v1/accounts/:accountRef/overdue', requireRole(deps.keyRing, ['collector']), async (req: Request, res: Response) => {
    const accountRef = String(req.params.accountRef);
    if (accountRef.length > 64) throw validationProblem([{ path: 'accountRef', message: 'at most 64 characters' }]);
    const input = OverdueInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const { borrower, borrowerId, debt } = input.data;
    const id = borrower?.id ?? borrowerId!;
    if (!borrower && !(await deps.store.getBorrower(id))) throw validationProblem([{ path: 'borrowerId', message: `no borrower with id "${id}"` }]);
    let result;
    try {
      result = await deps.strategyRunner.accountOverdue({
        clientId: req.principal!.keyId,
        actor: `api:${req.principal!.keyId}`,
        accountRef,
        borrower: borrower ?? { id },
        upsertBorrower: borrower !== undefined,
        debt,
        requestHashOf: (s) => createHash('sha256').update(`${accountRef}|${s.index}|${s.template}|${s.channel}|${s.day}`).digest('hex'),
      });
    } catch (err) {
      if (err instanceof StrategyError) throw validationProblem([{ path: 'debt.amountDue.currency', message: err.message }]);
      throw err;
    }
    if ('error' in result && result.error) throw validationProblem([result.error]);
    res.status(202).json(result);
  });

  router.get('/v1/borrowers/:id/plan', requireRole(deps.keyRing, ['agent', 'compliance']), async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const borrower = await deps.store.getBorrower(id);
    if (!borrower) throw new HttpProblem(404, 'Not found', `no borrower with id "${id}"`);
    res.json({ borrowerId: id, status: borrower.status, accounts: await deps.strategyRunner.planOf(id) });
  });

  return router;
}
