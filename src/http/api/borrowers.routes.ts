/** PUT /v1/borrowers/:id: create or update contact data, locale, time zone, consent, blackouts. */
import { CHANNELS } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import type { Borrower } from '../../domain/entities.js';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../../store/audit-store.js';
import { resolveBorrower } from '../../services/borrower-actions.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { DispatchQueues } from '../../jobs/dispatch-queues.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { BorrowerPut } from '../../schemas/request.schemas.js';
import { actingTenant, scopedBorrower, type TenantDirectory } from './tenancy.js';
import { maskRecipient } from '../../observability/logger.js';
import { maskAccount } from './present.js';

export const OptOutInput = z
  .object({ channel: z.enum(CHANNELS), source: z.string().trim().min(1).max(200).default('collection-system') })
  .strict();
export const SearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(2, 'at least 2 characters: a name, a phone number, an email address or an account’s last 4 digits')
      .max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    tenant: z.string().max(40).optional(),
  })
  .strict();
export const ResolveInput = z.object({ note: z.string().max(500).optional() }).strict();

/** The path's borrower, in the request's tenant: its store key and its id as the tenant knows it. */
async function borrowerIdOf(req: Request, tenants: TenantDirectory): Promise<{ stored: string; external: string }> {
  return scopedBorrower(req, tenants);
}

/** A borrower as its tenant knows it: its own id, and no store key or tenant. */
export function presentBorrower(b: Borrower): Omit<Borrower, 'tenant' | 'ref'> {
  const { tenant: _tenant, ref, ...rest } = b;
  return { ...rest, id: ref };
}

export function borrowersRouter(deps: {
  store: AuditStore;
  queues: DispatchQueues;
  keyRing: KeyRing;
  clock: Clock;
  strategyRunner?: StrategyRunner;
  optOuts: OptOuts;
  tenants: TenantDirectory;
  /** Bounds the searches running at once (heavy-read-limit.ts). */
  heavyReadLimit: RequestHandler;
}): Router {
  const router = Router();

  router.post(
    '/v1/borrowers/:id/resolve',
    requireRole(deps.keyRing, ['collector']),
    async (req: Request, res: Response) => {
      const { stored: id, external } = await borrowerIdOf(req, deps.tenants);
      const body = ResolveInput.safeParse(req.body ?? {});
      if (!body.success) throw validationProblem(zodFieldErrors(body.error));
      const result = await resolveBorrower(deps, id, `api:${req.principal!.keyId}`, body.data.note);
      if (!result) throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
      // Every cadence stops; the strategy sends its one thank-you (a repeat changes nothing).
      const thanks =
        deps.strategyRunner && !result.alreadyResolved
          ? await deps.strategyRunner.resolved(result.borrower, `api:${req.principal!.keyId}`)
          : [];
      res.json({ ...result, borrower: presentBorrower(result.borrower), thanks: thanks.map((m) => m.id) });
    },
  );

  router.post(
    '/v1/borrowers/:id/opt-out',
    requireRole(deps.keyRing, ['collector', 'agent']),
    async (req: Request, res: Response) => {
      const { stored: id, external } = await borrowerIdOf(req, deps.tenants);
      const body = OptOutInput.safeParse(req.body);
      if (!body.success) throw validationProblem(zodFieldErrors(body.error));
      const { role, keyId } = req.principal!;
      const result = await deps.optOuts.optOutBorrower(
        id,
        body.data.channel,
        body.data.source,
        role === 'agent' ? 'agent' : 'api',
        `api:${keyId}`,
      );
      if (!result) throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
      res.json({ ...result, borrower: presentBorrower(result.borrower) });
    },
  );

  // Finding a borrower as an agent on the phone would: masked results, every search in the read log.
  router.get(
    '/v1/borrowers',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    deps.heavyReadLimit,
    async (req: Request, res: Response) => {
      const q = SearchQuery.safeParse(req.query);
      if (!q.success) throw validationProblem(zodFieldErrors(q.error));
      const tenant = await actingTenant(req, deps.tenants);
      const { kind, hits } = await deps.store.audit.searchBorrowers(tenant, q.data.q, q.data.limit);
      const { keyId, role } = req.principal!;
      const shown = kind === 'phone' || kind === 'email' ? maskRecipient(q.data.q.trim()) : q.data.q.trim();
      await deps.store.reads.record(
        { keyId, role, tenant: req.principal!.tenant, action: 'search', target: null, filter: { kind, q: shown } },
        deps.clock.now(),
      );
      res.json({
        kind,
        items: hits.map(({ borrower: b, accounts }) => ({
          id: b.ref,
          name: b.name,
          status: b.status,
          phone: b.phone ? maskRecipient(b.phone) : null,
          email: b.email ? maskRecipient(b.email) : null,
          accounts: accounts.map(maskAccount),
        })),
      });
    },
  );

  router.put('/v1/borrowers/:id', requireRole(deps.keyRing, ['collector']), async (req: Request, res: Response) => {
    const { external, stored } = await scopedBorrower(req, deps.tenants);
    const body = BorrowerPut.safeParse(req.body);
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    if (body.data.id !== undefined && body.data.id !== external) {
      throw validationProblem([{ path: 'id', message: `differs from the id in the path ("${external}")` }]);
    }
    const { borrower, created } = await deps.store.upsertBorrower({ ...body.data, id: stored }, deps.clock.now());
    res.status(created ? 201 : 200).json(presentBorrower(borrower));
  });
  return router;
}
