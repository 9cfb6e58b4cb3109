/** Putting a tenant record, with plain in-memory fakes for the store's tenants and the API's directory. */
import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../src/domain/tenant.js';
import { putTenant, type PutTenantPorts } from '../../src/usecases/put-tenant/put-tenant.usecase.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const clock = { now: () => NOW };

describe('putTenant', () => {
  it('stores the record, then reloads the directory, and says whether it was new', async () => {
    const stored = new Map<string, Tenant>();
    const steps: string[] = [];
    const ports: PutTenantPorts = {
      putTenant: async (t, now) => {
        steps.push(`put ${t.id}`);
        const created = !stored.has(t.id);
        const tenant = { ...t, createdAt: now.toISOString(), updatedAt: now.toISOString() } as Tenant;
        stored.set(t.id, tenant);
        return { tenant, created };
      },
      refreshTenants: async () => {
        steps.push('refresh');
      },
    };
    const record = { id: 'acme', name: 'Acme' } as Omit<Tenant, 'createdAt' | 'updatedAt'>;
    expect((await putTenant(ports, clock, record)).created).toBe(true);
    expect((await putTenant(ports, clock, record)).created).toBe(false);
    expect(steps).toEqual(['put acme', 'refresh', 'put acme', 'refresh']);
  });
});
