/** PUT /v1/borrowers/:id: create or update contact data, locale, time zone, consent, blackouts. */
import type { BorrowersRouteStore } from '../../store/ports.js';
import { CHANNELS } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import type { Borrower, BorrowerLanguage } from '../../domain/entities.js';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  resolveBorrower,
  type ResolveBorrowerPorts,
} from '../../usecases/resolve-borrower/resolve-borrower.usecase.js';
import { searchBorrowers } from '../../usecases/search-borrowers/search-borrowers.usecase.js';
import { eraseBorrower, type EraseBorrowerPorts } from '../../usecases/erase-borrower/erase-borrower.usecase.js';
import { ERASURE_BASES } from '../../store/erasure.js';
import type { OptOuts } from '../../services/opt-outs.js';
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
/** Why a borrower is erased: the law the request was made under, and the tenant's own reference for it (no personal data). */
export const EraseInput = z
  .object({
    basis: z.enum(ERASURE_BASES),
    reference: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:/#-]+$/, 'a ticket or case id: letters, digits and . _ : / # - only (no personal data)')
      .optional(),
  })
  .strict();

/** The path's borrower, in the request's tenant: its store key and its id as the tenant knows it. */
async function borrowerIdOf(req: Request, tenants: TenantDirectory): Promise<{ stored: string; external: string }> {
  return scopedBorrower(req, tenants);
}

/** A borrower as its tenant knows it: its own id, no store key or tenant, where it lives as `address.region`, its language. */
export function presentBorrower(
  b: Borrower,
): Omit<Borrower, 'tenant' | 'ref' | 'region'> & { address: { region: string | null } } {
  const { tenant: _tenant, ref, region, ...rest } = b;
  return { ...rest, id: ref, address: { region: region ?? null }, language: languageOfBorrower(b) };
}

/** The borrower's language preference as recorded (none said: both null). */
export function languageOfBorrower(b: Borrower): BorrowerLanguage {
  return b.language ?? { preference: null, recordedAt: null };
}

/** Cancels a borrower's pending messages before an erasure (src/services/borrower-actions.ts): the ids cancelled. */
export type CancelForErasure = EraseBorrowerPorts['cancelPending'];

/** Resolves a borrower and cancels what was pending, once (src/services/borrower-actions.ts, wired with the store and the queues). */
export type ResolveBorrower = ResolveBorrowerPorts['resolveBorrower'];

export function borrowersRouter(deps: {
  store: BorrowersRouteStore;
  resolveBorrower: ResolveBorrower;
  cancelForErasure: CancelForErasure;
  keyRing: KeyRing;
  clock: Clock;
  strategyRunner?: StrategyRunner;
  optOuts: OptOuts;
  tenants: TenantDirectory;
  /** Bounds the searches running at once (heavy-read-limit.ts). */
  heavyReadLimit: RequestHandler;
}): Router {
  const router = Router();
  // Every cadence stops; the strategy (when one runs) sends its one thank-you (a repeat changes nothing).
  const resolving: ResolveBorrowerPorts = {
    resolveBorrower: deps.resolveBorrower,
    startThankYou: async (borrower, actor) =>
      deps.strategyRunner ? await deps.strategyRunner.resolved(borrower, actor) : [],
  };

  router.post(
    '/v1/borrowers/:id/resolve',
    requireRole(deps.keyRing, ['collector']),
    async (req: Request, res: Response) => {
      const { stored: id, external } = await borrowerIdOf(req, deps.tenants);
      const body = ResolveInput.safeParse(req.body ?? {});
      if (!body.success) throw validationProblem(zodFieldErrors(body.error));
      const r = await resolveBorrower(resolving, {
        borrowerId: id,
        actor: `api:${req.principal!.keyId}`,
        note: body.data.note,
      });
      if (r.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
      const result = r.resolved;
      res.json({ ...result, borrower: presentBorrower(result.borrower), thanks: r.thanks });
    },
  );

  // Erasure on request (PIPL art. 47, GDPR art. 17): compliance only; refused while a legal hold stands.
  router.post(
    '/v1/borrowers/:id/erase',
    requireRole(deps.keyRing, ['compliance'], { onlyThese: true }),
    eraseHandler(deps),
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
      const { keyId, role } = req.principal!;
      const { kind, hits } = await searchBorrowers(
        {
          searchBorrowers: (t, text, limit) => deps.store.audit.searchBorrowers(t, text, limit),
          recordRead: (read, now) => deps.store.reads.record(read, now),
        },
        deps.clock,
        { tenant, q: q.data.q, limit: q.data.limit, reader: { keyId, role, tenant: req.principal!.tenant } },
      );
      res.json({
        kind,
        items: hits.map(({ borrower: b, accounts, lastContact }) => ({
          id: b.ref,
          name: b.name,
          status: b.status,
          timezone: b.timezone,
          phone: b.phone ? maskRecipient(b.phone) : null,
          email: b.email ? maskRecipient(b.email) : null,
          accounts: accounts.map(maskAccount),
          lastContact,
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

/** POST /v1/borrowers/:id/erase: parse, call erase-borrower, present (a legal hold: 409 naming each). */
function eraseHandler(
  deps: Pick<Parameters<typeof borrowersRouter>[0], 'store' | 'cancelForErasure' | 'clock' | 'tenants'>,
) {
  return async (req: Request, res: Response) => {
    const { stored: id, external } = await borrowerIdOf(req, deps.tenants);
    const body = EraseInput.safeParse(req.body ?? {});
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    const r = await eraseBorrower(
      {
        borrowerExists: async (b) => (await deps.store.getBorrower(b)) !== undefined,
        unclosedHolds: (b) => deps.store.holds.unclosed(b),
        cancelPending: deps.cancelForErasure,
        erase: (e) => deps.store.erasure.erase(e),
      },
      deps.clock,
      {
        borrowerId: id,
        actor: `api:${req.principal!.keyId}`,
        basis: body.data.basis,
        reference: body.data.reference,
      },
    );
    if (r.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
    if (r.kind === 'held')
      throw new HttpProblem(
        409,
        'Legal hold',
        `borrower "${external}" cannot be erased while a legal hold stands: ${r.holds.map((h) => h.why).join('; ')}`,
        { holds: r.holds },
      );
    res.json(
      r.kind === 'erased'
        ? {
            id: external,
            erasedAt: r.erasedAt,
            alreadyErased: false,
            cancelled: r.cancelled,
            messages: r.messages,
            suppressionsKept: r.suppressionsKept,
          }
        : {
            id: external,
            erasedAt: r.erasedAt,
            alreadyErased: true,
            cancelled: [],
            messages: [],
            suppressionsKept: 0,
          },
    );
  };
}

export type { BorrowersRouteStore };
