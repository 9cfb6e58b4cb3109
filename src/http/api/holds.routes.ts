/**
 * Holds on a borrower and a cease (docs/compliance.md, "Holds: disputes, paid claims, hardship"):
 * open a dispute or a hold, close or release it, list them; cease all communication.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { DISPUTE_RESOLUTIONS, type BorrowerHold } from '../../domain/holds.js';
import type { Borrower } from '../../domain/entities.js';
import { closeHold, type CloseHoldPorts } from '../../usecases/close-hold/close-hold.usecase.js';
import { openHold, type OpenHoldPorts, type OpenHoldResult } from '../../usecases/open-hold/open-hold.usecase.js';
import { type KeyRing, requireRole } from './auth.js';
import { presentBorrower } from './borrowers.routes.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { scopedBorrower, type TenantDirectory } from './tenancy.js';

const Detail = z.string().trim().min(1).max(1000);
export const DisputeInput = z.object({ detail: Detail.optional() }).strict();
export const DisputeCloseInput = z
  .object({ resolution: z.enum(DISPUTE_RESOLUTIONS), detail: Detail.optional() })
  .strict();
export const HoldInput = z.object({ kind: z.enum(['paid-claim', 'hardship']), detail: Detail.optional() }).strict();
export const HoldReleaseInput = z.object({ detail: Detail.optional() }).strict();
export const CeaseInput = z.object({ detail: Detail.optional() }).strict();
const HoldId = z.string().min(1).max(64);

/** What the hold routes do, with the store and the queues (src/services/holds.ts, borrower-actions.ts; wired in src/compose). */
export interface HoldActions {
  openHold: OpenHoldPorts['openHold'];
  endHold: CloseHoldPorts['endHold'];
  /** The borrower's holds, newest first; undefined: no such borrower. */
  listHolds(borrowerId: string): Promise<BorrowerHold[] | undefined>;
  /** Ceases the borrower (once) and suppresses what was pending; undefined: no such borrower. */
  ceaseBorrower(
    borrowerId: string,
    actor: string,
    detail?: string,
  ): Promise<{ borrower: Borrower; suppressed: string[]; alreadyCeased: boolean } | undefined>;
  /** Ends the borrower's paid-claim holds: a payment was reported for one of its accounts. */
  releasePaidClaims(borrowerId: string, actor: string): Promise<string[]>;
  profileNameOf: OpenHoldPorts['profileNameOf'];
  holdDays: OpenHoldPorts['holdDays'];
  validationPeriodsOf?: OpenHoldPorts['validationPeriodsOf'];
}

/** A hold as its tenant sees it: the borrower by its own id, no tenant or store key. */
export function presentHold(h: BorrowerHold, borrowerRef: string) {
  const { tenant: _tenant, borrowerId: _key, ...rest } = h;
  return { ...rest, borrowerId: borrowerRef };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw validationProblem(zodFieldErrors(r.error));
  return r.data;
}

function holdIdOf(req: Request): string {
  const r = HoldId.safeParse(req.params.holdId);
  if (!r.success) throw validationProblem(zodFieldErrors(r.error, ['holdId']));
  return r.data;
}

export function holdsRouter(deps: {
  holds: HoldActions;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
}): Router {
  const router = Router();
  const opening: OpenHoldPorts = {
    openHold: deps.holds.openHold,
    profileNameOf: deps.holds.profileNameOf,
    holdDays: deps.holds.holdDays,
    validationPeriodsOf: deps.holds.validationPeriodsOf,
  };
  const closing: CloseHoldPorts = { endHold: deps.holds.endHold };
  const sourceOf = (req: Request) => (req.principal!.role === 'agent' ? ('agent' as const) : ('api' as const));
  const noBorrower = (external: string) => new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
  const opened = (res: Response, r: OpenHoldResult, external: string) => {
    if (r.kind === 'not-found') throw noBorrower(external);
    res.status(r.kind === 'opened' ? 201 : 200).json(presentHold(r.hold, external));
  };

  router.post(
    '/v1/borrowers/:id/disputes',
    requireRole(deps.keyRing, ['collector', 'compliance', 'agent']),
    async (req: Request, res: Response) => {
      const { stored, external, tenant } = await scopedBorrower(req, deps.tenants);
      const body = parse(DisputeInput, req.body);
      const r = await openHold(opening, deps.clock, {
        tenant,
        borrowerId: stored,
        kind: 'dispute',
        source: sourceOf(req),
        detail: body.detail ?? null,
        actor: `api:${req.principal!.keyId}`,
      });
      opened(res, r, external);
    },
  );

  router.post(
    '/v1/borrowers/:id/holds',
    requireRole(deps.keyRing, ['collector', 'agent', 'compliance']),
    async (req: Request, res: Response) => {
      const { stored, external, tenant } = await scopedBorrower(req, deps.tenants);
      const body = parse(HoldInput, req.body);
      const r = await openHold(opening, deps.clock, {
        tenant,
        borrowerId: stored,
        kind: body.kind,
        source: sourceOf(req),
        detail: body.detail ?? null,
        actor: `api:${req.principal!.keyId}`,
      });
      opened(res, r, external);
    },
  );

  router.get(
    '/v1/borrowers/:id/holds',
    requireRole(deps.keyRing, ['agent', 'compliance', 'collector']),
    async (req: Request, res: Response) => {
      const { stored, external } = await scopedBorrower(req, deps.tenants);
      const items = await deps.holds.listHolds(stored);
      if (!items) throw noBorrower(external);
      res.json({ items: items.map((h) => presentHold(h, external)) });
    },
  );

  const ending =
    (what: 'dispute' | 'release', schema: typeof DisputeCloseInput | typeof HoldReleaseInput) =>
    async (req: Request, res: Response) => {
      const { stored, external } = await scopedBorrower(req, deps.tenants);
      const holdId = holdIdOf(req);
      const body = parse<{ detail?: string | undefined; resolution?: (typeof DISPUTE_RESOLUTIONS)[number] }>(
        schema,
        req.body,
      );
      const actor = `api:${req.principal!.keyId}`;
      const r = await closeHold(
        closing,
        what === 'dispute'
          ? { what, resolution: body.resolution!, borrowerId: stored, holdId, actor, detail: body.detail }
          : { what, borrowerId: stored, holdId, actor, detail: body.detail },
      );
      if (r.kind === 'not-found')
        throw new HttpProblem(
          404,
          'Not found',
          `borrower "${external}" has no ${what === 'dispute' ? 'dispute' : 'hold'} "${holdId}" (field holdId)`,
        );
      res.json({
        hold: presentHold(r.hold, external),
        alreadyClosed: r.kind === 'already-closed',
        rescheduled: r.kind === 'closed' ? r.rescheduled : [],
      });
    };

  router.post(
    '/v1/borrowers/:id/disputes/:holdId/close',
    requireRole(deps.keyRing, ['collector', 'compliance']),
    ending('dispute', DisputeCloseInput),
  );
  router.post(
    '/v1/borrowers/:id/holds/:holdId/release',
    requireRole(deps.keyRing, ['collector', 'agent', 'compliance']),
    ending('release', HoldReleaseInput),
  );

  router.post(
    '/v1/borrowers/:id/cease',
    requireRole(deps.keyRing, ['collector', 'compliance']),
    async (req: Request, res: Response) => {
      const { stored, external } = await scopedBorrower(req, deps.tenants);
      const body = parse(CeaseInput, req.body);
      const r = await deps.holds.ceaseBorrower(stored, `api:${req.principal!.keyId}`, body.detail);
      if (!r) throw noBorrower(external);
      res.json({ ...r, borrower: presentBorrower(r.borrower) });
    },
  );
  return router;
}
