/**
 * Create or change a tenant record (PUT /v1/tenants/:id, a record already checked): stored, then the API's directory
 * of tenants reloaded so the next request sees it.
 */
import type { Tenant } from '../../domain/tenant.js';
import type { Clock } from '../../domain/clock.js';

/** Exactly what putting a tenant needs: the store's tenant records and the directory that caches them. */
export interface PutTenantPorts {
  putTenant(tenant: Omit<Tenant, 'createdAt' | 'updatedAt'>, now: Date): Promise<{ tenant: Tenant; created: boolean }>;
  /** Reloads the tenants the API knows. */
  refreshTenants(): Promise<void>;
}

export async function putTenant(
  ports: PutTenantPorts,
  clock: Clock,
  tenant: Omit<Tenant, 'createdAt' | 'updatedAt'>,
): Promise<{ tenant: Tenant; created: boolean }> {
  const put = await ports.putTenant(tenant, clock.now());
  await ports.refreshTenants();
  return put;
}
