/**
 * GET /v1/tenants, GET /v1/tenants/:id, PUT /v1/tenants/:id (admin). A deployment-wide admin key
 * sees and changes every tenant; a tenant's admin key sees its own only (another's is 404) and
 * cannot change tenants. The body is checked like the CLI's file: shape, senders, profile, and the
 * templates for the tenant's kind of sender. An events secret is never answered back: only its
 * last four characters (`events.secretEndsWith`).
 */
import type { TenantsRouteStore } from '../../store/ports.js';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../domain/clock.js';
import type { SenderKind } from '../../domain/sender.js';
import { CHANNELS } from '../../domain/channels.js';
import { DEFAULT_TENANT, presentTenant, type Tenant } from '../../domain/tenant.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem } from './problem.js';
import { putTenant } from '../../usecases/put-tenant/put-tenant.usecase.js';

export type TenantCheck = (
  raw: unknown,
) =>
  | { ok: true; tenant: Omit<Tenant, 'createdAt' | 'updatedAt'> }
  | { ok: false; errors: Array<{ path: string; message: string }> };

export interface TenantsRouteDeps {
  store: TenantsRouteStore;
  keyRing: KeyRing;
  clock: Clock;
  tenants: { refresh(): Promise<void> };
  checkTenant: TenantCheck;
  /** The deployment's kind of sender (SENDER_KIND): the default tenant's while it is not stored. */
  defaultKind?: SenderKind;
}

/** The default tenant as the deployment's configuration makes it, until a record is stored for it. */
function unstoredDefault(
  kind: SenderKind,
): Omit<Tenant, 'createdAt' | 'updatedAt'> & { createdAt: null; updatedAt: null; stored: false } {
  return {
    id: DEFAULT_TENANT,
    name: DEFAULT_TENANT,
    kind,
    profile: null,
    channels: [...CHANNELS],
    contact: null,
    senders: {},
    events: null,
    // Not stored yet: no times, rather than times that are not times.
    createdAt: null,
    updatedAt: null,
    stored: false,
  };
}

export function tenantsRouter(deps: TenantsRouteDeps): Router {
  const router = Router();
  const admin = requireRole(deps.keyRing, ['admin']);

  router.get('/v1/tenants', admin, async (req: Request, res: Response) => {
    const own = req.principal!.tenant;
    const stored = await deps.store.tenants.list();
    const all = stored.some((t) => t.id === DEFAULT_TENANT)
      ? stored
      : [unstoredDefault(deps.defaultKind ?? 'creditor'), ...stored];
    res.json({ items: (own === null ? all : all.filter((t) => t.id === own)).map(presentTenant) });
  });

  router.get('/v1/tenants/:id', admin, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const own = req.principal!.tenant;
    const t =
      own === null || own === id
        ? ((await deps.store.tenants.get(id)) ??
          (id === DEFAULT_TENANT ? unstoredDefault(deps.defaultKind ?? 'creditor') : undefined))
        : undefined;
    if (!t) throw new HttpProblem(404, 'Not found', `no tenant "${id.slice(0, 40)}"`);
    res.json(presentTenant(t));
  });

  router.put('/v1/tenants/:id', admin, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const own = req.principal!.tenant;
    if (own !== null && own !== id) throw new HttpProblem(404, 'Not found', `no tenant "${id.slice(0, 40)}"`);
    if (own !== null)
      throw new HttpProblem(403, 'Forbidden', 'creating and changing tenants takes a deployment-wide admin key');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.id !== undefined && body.id !== id)
      throw validationProblem([{ path: 'id', message: `differs from the id in the path ("${id.slice(0, 40)}")` }]);
    const checked = deps.checkTenant({ ...body, id });
    if (!checked.ok) throw validationProblem(checked.errors);
    const { tenant, created } = await putTenant(
      { putTenant: (t, now) => deps.store.tenants.put(t, now), refreshTenants: () => deps.tenants.refresh() },
      deps.clock,
      checked.tenant,
    );
    res.status(created ? 201 : 200).json(presentTenant(tenant));
  });

  return router;
}

export type { TenantsRouteStore };
