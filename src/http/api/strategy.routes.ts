/**
 * POST /v1/accounts/:accountRef/overdue (the strategy picks the stage), the delinquency file in
 * bulk (POST /v1/accounts/overdue/batch, up to 1,000 accounts; POST /v1/accounts/overdue/import,
 * a streamed NDJSON or CSV file of any length) and GET /v1/borrowers/:id/plan.
 */
import type { StrategyRouteStore } from '../../store/ports.js';
import { accountRefParam, actingTenant, scopedBorrower, storedBorrowerId, type TenantDirectory } from './tenancy.js';
import { Router, type Request, type Response } from 'express';
import {
  type ImportFormat,
  ImportInterruptedError,
  importAccounts,
  MAX_LINE_CHARS,
} from '../../services/account-import.js';
import { type ImportEncoding, ImportEncodingError, ImportTooLargeError, importBytes } from '../../lib/import-source.js';
import type { Logger } from '../../observability/logger.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, sendProblem, validationProblem, validationProblemBody, zodFieldErrors } from './problem.js';
import {
  acceptOverdueAccount,
  acceptOverdueBatch,
  type BatchItemOutcome,
  validateOverdueItem,
} from '../../usecases/accept-overdue-accounts/accept-overdue-accounts.usecase.js';
import { OverdueBatch } from '../../usecases/accept-overdue-accounts/overdue-account.schemas.js';
import { borrowerPlan } from '../../usecases/borrower-plan/borrower-plan.usecase.js';
import { presentHold } from './holds.routes.js';
import type { Clock } from '../../domain/clock.js';

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
    const outcomes = await acceptOverdueBatch(
      {
        accountsOverdue: (accounts) =>
          deps.strategyRunner.accountsOverdue(req.principal!.keyId, `api:${req.principal!.keyId}`, accounts),
      },
      { tenant, accounts: batch.data.accounts },
    );
    const results = outcomes.map(presentBatchItem);
    const count = (s: number) => results.filter((r) => r.status === s).length;
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

/** One account of a batch as the answer lists it. */
function presentBatchItem(o: BatchItemOutcome) {
  switch (o.kind) {
    case 'scheduled':
      return { index: o.index, status: 202, accountRef: o.accountRef, stage: o.stage, why: o.why, steps: o.steps };
    case 'unchanged':
      return { index: o.index, status: 200, accountRef: o.accountRef, stage: o.stage };
    case 'invalid':
      return o.accountRef === undefined
        ? { index: o.index, status: 400, problem: validationProblemBody(o.errors) }
        : { index: o.index, status: 400, accountRef: o.accountRef, problem: validationProblemBody(o.errors) };
  }
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
  store: StrategyRouteStore;
  strategyRunner: StrategyRunner;
  keyRing: KeyRing;
  tenants: TenantDirectory;
  accountImport?: ImportLimits | undefined;
  log?: Logger;
  clock?: Clock;
}): Router {
  const router = Router();
  batchRoutes(router, deps);

  router.post(
    '/v1/accounts/:accountRef/overdue',
    requireRole(deps.keyRing, ['collector']),
    async (req: Request, res: Response) => {
      const result = await acceptOverdueAccount(
        {
          actingTenant: () => actingTenant(req, deps.tenants),
          borrowerExists: async (tenant, id) => Boolean(await deps.store.getBorrower(storedBorrowerId(tenant, id))),
          accountOverdue: (input) => deps.strategyRunner.accountOverdue(input),
        },
        {
          clientId: req.principal!.keyId,
          actor: `api:${req.principal!.keyId}`,
          accountRef: accountRefParam(req),
          body: req.body,
        },
      );
      if (result.kind === 'invalid') throw validationProblem(result.errors);
      res.status(202).json(result.plan);
    },
  );

  router.get(
    '/v1/borrowers/:id/plan',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    async (req: Request, res: Response) => {
      const { external, stored: id } = await scopedBorrower(req, deps.tenants);
      const plan = await borrowerPlan(
        {
          getBorrower: (b) => deps.store.getBorrower(b),
          planOf: (b) => deps.strategyRunner.planOf(b),
          unclosedHolds: (b) => deps.store.holds.unclosed(b),
          promisesOf: (b) => deps.store.promises.ofBorrower(b),
        },
        { borrowerId: id, ...(deps.clock ? { now: deps.clock.now() } : {}) },
      );
      if (plan.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
      res.json({
        borrowerId: external,
        status: plan.status,
        accounts: plan.accounts,
        holds: plan.holds.map((h) => presentHold(h, external)),
      });
    },
  );

  return router;
}

export type { StrategyRouteStore };
