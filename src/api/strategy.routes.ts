/**
 * POST /v1/accounts/:accountRef/overdue (the strategy picks the stage), the delinquency file in
 * bulk (POST /v1/accounts/overdue/batch, up to 1,000 accounts; POST /v1/accounts/overdue/import,
 * a streamed NDJSON or CSV file of any length) and GET /v1/borrowers/:id/plan.
 */
import { accountRefParam, actingTenant, scopedBorrower, storedBorrowerId, type TenantDirectory } from './tenancy.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import {
  type ImportFormat,
  ImportInterruptedError,
  importAccounts,
  MAX_LINE_CHARS,
  type Validated,
} from '../scheduler/account-import.js';
import {
  type ImportEncoding,
  ImportEncodingError,
  ImportTooLargeError,
  importBytes,
} from '../scheduler/import-source.js';
import type { Logger } from '../observability/logger.js';
import type { OverdueAccount, StrategyRunner } from '../scheduler/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, sendProblem, validationProblem, validationProblemBody, zodFieldErrors } from './problem.js';
import { BorrowerId, BorrowerInput, Debt, MAX_BATCH } from '../schemas/request.schemas.js';

/**
 * The debt of an account the path or the item names: `debt.accountRef` may be left out (it is that
 * account), and if given must be the same, since payments and promises find the account by it.
 */
const AccountDebt = Debt.extend({ accountRef: Debt.shape.accountRef.optional() });
const notTheAccount = (given: string, account: string) =>
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

/** One account of a batch or a file, checked: what the strategy runner takes, or the fields that are wrong. */
export function validateOverdueItem(raw: unknown, tenant: string = DEFAULT_TENANT): Validated {
  const parsed = OverdueItem.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { accountRef, borrower, borrowerId, debt } = parsed.data;
  const id = storedBorrowerId(tenant, borrower?.id ?? borrowerId!);
  return {
    ok: true,
    account: {
      accountRef,
      borrower: borrower ? { ...borrower, id } : { id },
      upsertBorrower: borrower !== undefined,
      debt: { ...debt, accountRef },
    },
  };
}

const IMPORT_TYPES = new Map<string, ImportFormat>([
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
  ['text/csv', 'csv'],
]);
const IMPORT_ENCODINGS = new Map<string, ImportEncoding>([
  ['', 'identity'],
  ['identity', 'identity'],
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
]);
/** The decompressed bound when the app is built without one (IMPORT_MAX_BYTES's default). */
const DEFAULT_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

type ImportLimits = { maxLineChars: number; maxBytes: number };

function batchRoutes(
  router: Router,
  deps: {
    strategyRunner: StrategyRunner;
    keyRing: KeyRing;
    tenants: TenantDirectory;
    accountImport?: ImportLimits | undefined;
    log?: Logger;
  },
): void {
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
        return {
          index,
          status: 400,
          problem: validationProblemBody([
            { path: 'accountRef', message: `the same account as item ${earlier}: send each account once a batch` },
          ]),
        };
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
    const format = IMPORT_TYPES.get(type);
    if (!format)
      throw new HttpProblem(
        415,
        'Unsupported media type',
        `send the file as application/x-ndjson or text/csv (got "${type.slice(0, 60) || 'none'}")`,
      );
    const coding = (req.get('content-encoding') ?? '').trim().toLowerCase();
    const encoding = IMPORT_ENCODINGS.get(coding);
    if (!encoding)
      throw new HttpProblem(
        415,
        'Unsupported media type',
        `Content-Encoding "${coding.slice(0, 40)}" is not read here: send the file gzip-compressed (Content-Encoding: gzip) or as it is`,
      );
    const tenant = await actingTenant(req, deps.tenants);
    const limits = deps.accountImport ?? { maxLineChars: MAX_LINE_CHARS, maxBytes: DEFAULT_IMPORT_MAX_BYTES };
    try {
      const report = await importAccounts(
        {
          validate: (raw) => validateOverdueItem(raw, tenant),
          accountsOverdue: (accounts) =>
            deps.strategyRunner.accountsOverdue(req.principal!.keyId, `api:${req.principal!.keyId}`, accounts),
        },
        importBytes(req, encoding, limits.maxBytes),
        format,
        { maxLineChars: limits.maxLineChars },
      );
      res.status(200).json(report);
    } catch (err) {
      if (!(err instanceof ImportInterruptedError)) throw err;
      answerInterrupted(req, res, err, deps.log);
    }
  });
}

/**
 * An import that stopped part-way has stored what it read before: the answer says how far, with
 * the counts so far, and closes the connection (the rest of the body is not read).
 */
function answerInterrupted(req: Request, res: Response, err: ImportInterruptedError, log: Logger | undefined): void {
  const { report, committedThrough, cause } = err;
  const [status, title] =
    cause instanceof ImportTooLargeError
      ? [413, 'Payload too large']
      : cause instanceof ImportEncodingError
        ? [400, 'Malformed body']
        : [500, 'Import interrupted'];
  // A client that went away hears nothing (a request read to its end counts as destroyed: ask the socket).
  const gone = res.headersSent || !res.socket || res.socket.destroyed;
  log?.[status === 500 && !gone ? 'error' : 'warn'](
    { err: cause, path: req.path, committedThrough, keyId: req.principal?.keyId, clientGone: gone },
    'account import stopped part-way',
  );
  if (gone) return;
  const said = (cause as Error)?.message ?? String(cause);
  res.set('Connection', 'close');
  sendProblem(
    res,
    status,
    title,
    `${status === 500 ? 'the import failed part-way' : said}. Lines 1 to ${committedThrough} are stored (${report.scheduled} accounts entered their stage, ${report.unchanged} unchanged, ${report.rejected} bad lines); nothing after line ${committedThrough} is. Sending the same file again completes it: the lines already done come back unchanged.`,
    { ...report, committedThrough },
  );
}

export function strategyRouter(deps: {
  store: AuditStore;
  strategyRunner: StrategyRunner;
  keyRing: KeyRing;
  tenants: TenantDirectory;
  accountImport?: ImportLimits | undefined;
  log?: Logger;
}): Router {
  const router = Router();
  batchRoutes(router, deps);

  router.post(
    '/v1/accounts/:accountRef/overdue',
    requireRole(deps.keyRing, ['collector']),
    async (req: Request, res: Response) => {
      const accountRef = accountRefParam(req);
      const input = OverdueInput.safeParse(req.body);
      if (!input.success) throw validationProblem(zodFieldErrors(input.error));
      const { borrower, borrowerId } = input.data;
      if (input.data.debt.accountRef !== undefined && input.data.debt.accountRef !== accountRef)
        throw validationProblem([
          { path: 'debt.accountRef', message: notTheAccount(input.data.debt.accountRef, accountRef) },
        ]);
      const debt = { ...input.data.debt, accountRef };
      const id = storedBorrowerId(await actingTenant(req, deps.tenants), borrower?.id ?? borrowerId!);
      if (!borrower && !(await deps.store.getBorrower(id)))
        throw validationProblem([{ path: 'borrowerId', message: `no borrower with id "${borrowerId}"` }]);
      const result = await deps.strategyRunner.accountOverdue({
        clientId: req.principal!.keyId,
        actor: `api:${req.principal!.keyId}`,
        account: {
          accountRef,
          borrower: borrower ? { ...borrower, id } : { id },
          upsertBorrower: borrower !== undefined,
          debt,
        },
      });
      if ('error' in result && result.error) throw validationProblem([result.error]);
      res.status(202).json(result);
    },
  );

  router.get(
    '/v1/borrowers/:id/plan',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    async (req: Request, res: Response) => {
      const { external, stored: id } = await scopedBorrower(req, deps.tenants);
      const borrower = await deps.store.getBorrower(id);
      if (!borrower) throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
      res.json({ borrowerId: external, status: borrower.status, accounts: await deps.strategyRunner.planOf(id) });
    },
  );

  return router;
}
