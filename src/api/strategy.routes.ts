/**
 * POST /v1/accounts/:accountRef/overdue (the strategy picks the stage), the delinquency file in
 * bulk (POST /v1/accounts/overdue/batch, up to 1,000 accounts; POST /v1/accounts/overdue/import,
 * a streamed NDJSON or CSV file of any length) and GET /v1/borrowers/:id/plan.
 */
import { accountRefParam, actingTenant, scopedBorrower, storedBorrowerId, type TenantDirectory } from './tenancy.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import { StrategyError } from '../policy/strategy.js';
import { type ImportFormat, importAccounts, type Validated } from '../scheduler/account-import.js';
import type { OverdueAccount, StrategyRunner } from '../scheduler/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, validationProblemBody, zodFieldErrors } from './problem.js';
import { BorrowerId, BorrowerInput, Debt, MAX_BATCH } from './schemas.js';

export const OverdueInput = z
  .object({ borrower: BorrowerInput.optional(), borrowerId: BorrowerId.optional(), debt: Debt })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.borrower && !r.borrowerId) ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'required: the borrower inline, or borrowerId' });
  });

const AccountRef = z.string().min(1, 'required').max(64, 'at most 64 characters');
export const OverdueItem = z
  .object({ accountRef: AccountRef, borrower: BorrowerInput.optional(), borrowerId: BorrowerId.optional(), debt: Debt })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.borrower && !r.borrowerId) ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'required: the borrower inline, or borrowerId' });
  });
export const OverdueBatch = z.object({ accounts: z.array(z.unknown()).min(1, 'at least one account').max(MAX_BATCH, `at most ${MAX_BATCH} accounts per batch`) }).strict();

/** One account of a batch or a file, checked: what the strategy runner takes, or the fields that are wrong. */
export function validateOverdueItem(raw: unknown, tenant: string = DEFAULT_TENANT): Validated {
  const parsed = OverdueItem.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { accountRef, borrower, borrowerId, debt } = parsed.data;
  const id = storedBorrowerId(tenant, borrower?.id ?? borrowerId!);
  return { ok: true, account: { accountRef, borrower: borrower ? { ...borrower, id } : { id }, upsertBorrower: borrower !== undefined, debt } };
}

const IMPORT_TYPES: Record<string, ImportFormat> = { 'application/x-ndjson': 'ndjson', 'application/ndjson': 'ndjson', 'application/jsonl': 'ndjson', 'text/csv': 'csv' };

function batchRoutes(router: Router, deps: { strategyRunner: StrategyRunner; keyRing: KeyRing; tenants: TenantDirectory }): void {
  const collector = requireRole(deps.keyRing, ['collector']);

  router.post('/v1/accounts/overdue/batch', collector, async (req: Request, res: Response) => {
    const batch = OverdueBatch.safeParse(req.body);
    if (!batch.success) throw validationProblem(zodFieldErrors(batch.error));
    const tenant = await actingTenant(req, deps.tenants);
    const checked = batch.data.accounts.map((a) => validateOverdueItem(a, tenant));
    const seen = new Map<string, number>();
    const valid: Array<{ index: number; account: OverdueAccount }> = [];
    const results: unknown[] = checked.map((c, index) => {
      if (!c.ok) return { index, status: 400, problem: validationProblemBody(c.errors) };
      const earlier = seen.get(c.account.accountRef);
      if (earlier !== undefined)
        return { index, status: 400, problem: validationProblemBody([{ path: 'accountRef', message: `the same account as item ${earlier}: send each account once a batch` }]) };
      seen.set(c.account.accountRef, index);
      valid.push({ index, account: c.account });
      return null;
    });
    const done = valid.length
      ? await deps.strategyRunner.accountsOverdue(
          req.principal!.keyId,
          `api:${req.principal!.keyId}`,
          valid.map((v) => v.account),
        )
      : { results: [] };
    done.results.forEach((r, i) => {
      const index = valid[i]!.index;
      results[index] =
        r.status === 'scheduled'
          ? { index, status: 202, accountRef: r.accountRef, stage: r.stage, why: r.why, steps: r.steps }
          : r.status === 'unchanged'
            ? { index, status: 200, accountRef: r.accountRef, stage: r.stage }
            : { index, status: 400, accountRef: r.accountRef, problem: validationProblemBody([r.error]) };
    });
    const count = (s: number) => results.filter((r) => (r as { status: number }).status === s).length;
    res.status(200).json({ scheduled: count(202), unchanged: count(200), rejected: count(400), results });
  });

  router.post('/v1/accounts/overdue/import', collector, async (req: Request, res: Response) => {
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const format = IMPORT_TYPES[type];
    if (!format) throw new HttpProblem(415, 'Unsupported media type', `send the file as application/x-ndjson or text/csv (got "${type.slice(0, 60) || 'none'}")`);
    const tenant = await actingTenant(req, deps.tenants);
    const report = await importAccounts(
      { validate: (raw) => validateOverdueItem(raw, tenant), accountsOverdue: (accounts) => deps.strategyRunner.accountsOverdue(req.principal!.keyId, `api:${req.principal!.keyId}`, accounts) },
      req,
      format,
    );
    res.status(200).json(report);
  });
}

export function strategyRouter(deps: { store: AuditStore; strategyRunner: StrategyRunner; keyRing: KeyRing; tenants: TenantDirectory }): Router {
  const router = Router();
  batchRoutes(router, deps);

  router.post('/v1/accounts/:accountRef/overdue', requireRole(deps.keyRing, ['collector']), async (req: Request, res: Response) => {
    const accountRef = accountRefParam(req);
    const input = OverdueInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const { borrower, borrowerId, debt } = input.data;
    const id = storedBorrowerId(await actingTenant(req, deps.tenants), borrower?.id ?? borrowerId!);
    if (!borrower && !(await deps.store.getBorrower(id))) throw validationProblem([{ path: 'borrowerId', message: `no borrower with id "${borrowerId}"` }]);
    let result;
    try {
      result = await deps.strategyRunner.accountOverdue({
        clientId: req.principal!.keyId,
        actor: `api:${req.principal!.keyId}`,
        accountRef,
        borrower: borrower ? { ...borrower, id } : { id },
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
    const { external, stored: id } = await scopedBorrower(req, deps.tenants);
    const borrower = await deps.store.getBorrower(id);
    if (!borrower) throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
    res.json({ borrowerId: external, status: borrower.status, accounts: await deps.strategyRunner.planOf(id) });
  });

  return router;
}
