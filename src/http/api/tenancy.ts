/**
 * Which tenant's data a request reaches. A tenant's key reaches its own tenant only; anything of
 * another tenant answers 404 as if it did not exist (never 403: the key must not learn that it
 * does). A deployment-wide key (compliance, admin) reaches every tenant; on a route about one
 * borrower it names the tenant with `?tenant=` (the default tenant if it names none).
 */
import type { Request } from 'express';
import type { SenderKind } from '../../domain/sender.js';
import { DEFAULT_TENANT, TenantId } from '../../domain/tenant.js';
import { borrowerKey } from '../../store/borrower-key.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { BorrowerId } from '../../schemas/request.schemas.js';

export interface TenantDirectory {
  /** Whether a tenant of this id exists (the default tenant always does). */
  has(id: string): Promise<boolean>;
}

/** The `?tenant=` a deployment-wide key may give; a tenant's key may give only its own. */
async function namedTenant(req: Request, dir: TenantDirectory): Promise<string | undefined> {
  const raw = req.query.tenant;
  if (raw === undefined) return undefined;
  const parsed = TenantId.safeParse(raw);
  if (!parsed.success)
    throw validationProblem([{ path: 'tenant', message: parsed.error.issues[0]?.message ?? 'not a tenant id' }]);
  const own = req.principal!.tenant;
  if (own !== null && own !== parsed.data) throw new HttpProblem(404, 'Not found', `no tenant "${parsed.data}"`);
  if (!(await dir.has(parsed.data)))
    throw validationProblem([{ path: 'tenant', message: `unknown tenant "${parsed.data}"` }]);
  return parsed.data;
}

/** The one tenant a request acts for (routes about one borrower, or that create data). */
export async function actingTenant(req: Request, dir: TenantDirectory): Promise<string> {
  const named = await namedTenant(req, dir);
  return req.principal!.tenant ?? named ?? DEFAULT_TENANT;
}

/** The tenant a list, search, export or count is limited to; undefined: every tenant (a deployment-wide key naming none). */
export async function tenantFilter(req: Request, dir: TenantDirectory): Promise<string | undefined> {
  const named = await namedTenant(req, dir);
  return req.principal!.tenant ?? named;
}

/** Who a tenant is (a creditor, or a collection agency): its record's kind, else the deployment's, else a creditor. */
export function senderKindOf(deps: {
  kindOf?: ((tenant: string) => Promise<SenderKind | undefined>) | undefined;
  senderKind?: SenderKind | undefined;
}): (tenant: string) => Promise<SenderKind> {
  return async (tenant) => (deps.kindOf ? await deps.kindOf(tenant) : undefined) ?? deps.senderKind ?? 'creditor';
}

/** Whether the request's key may see a record of this tenant (the record's `tenant`). */
export function mayReach(req: Request, tenant: string): boolean {
  const own = req.principal!.tenant;
  return own === null || tenant === own;
}

/** The store's key of a borrower id already checked against `BorrowerId` (a body's field), in a tenant. */
export const storedBorrowerId = borrowerKey;

/** A borrower a request names, scoped to the tenant it acts for. */
export interface ScopedBorrower {
  /** The id as the tenant knows it. */
  external: string;
  /** The id as stored. */
  stored: string;
  tenant: string;
}

/**
 * The one way a route turns a borrower id it was given (`:id` by default) into a stored one: checked
 * against `BorrowerId` (no `~`, so no id can name another tenant's borrower), then scoped to the
 * request's tenant. A bad id is a 400 naming `field`.
 */
export async function scopedBorrower(
  req: Request,
  dir: TenantDirectory,
  raw: unknown = req.params.id,
  field = 'id',
): Promise<ScopedBorrower> {
  const id = BorrowerId.safeParse(raw);
  if (!id.success) throw validationProblem(zodFieldErrors(id.error, [field]));
  const tenant = await actingTenant(req, dir);
  return { external: id.data, stored: borrowerKey(tenant, id.data), tenant };
}

/** An account reference a path names (`:accountRef`): 1 to 64 characters; which tenant's is decided by the query that reads it. */
export function accountRefParam(req: Request): string {
  const ref = String(req.params.accountRef ?? '');
  if (ref.length < 1 || ref.length > 64)
    throw validationProblem([{ path: 'accountRef', message: 'at most 64 characters' }]);
  return ref;
}

/** How a record's borrower is shown: its id as the tenant knows it, and the tenant to a deployment-wide key. */
export function shownBorrower(
  req: Request,
  record: { borrowerRef: string; tenant: string },
): { borrowerId: string; tenant?: string } {
  return req.principal!.tenant === null
    ? { borrowerId: record.borrowerRef, tenant: record.tenant }
    : { borrowerId: record.borrowerRef };
}
