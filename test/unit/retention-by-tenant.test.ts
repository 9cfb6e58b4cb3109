/** Retention by jurisdiction: the tenant's own period, else its profile's; never below the profile's minimum. */
import { describe, expect, it } from 'vitest';
import { checkTenant } from '../../src/compose/tenants.js';
import { CN, US_REGF } from '../../src/policy/profile.js';
import { effectiveRetentionYears, retentionMinYears, retentionProblem } from '../../src/policy/retention.js';

const tenant = (over: Record<string, unknown>) => ({
  id: 'acme',
  name: 'Acme',
  kind: 'creditor',
  channels: ['email'],
  senders: { email: { from: 'billing@acme.example' } },
  ...over,
});

describe('retention per tenant and profile', () => {
  it('takes the tenant’s own period, else its profile’s default', () => {
    expect(effectiveRetentionYears({ retentionYears: 7 }, US_REGF)).toBe(7);
    expect(effectiveRetentionYears({ retentionYears: null }, US_REGF)).toBe(3);
    expect(effectiveRetentionYears(undefined, CN)).toBe(5);
  });

  it('holds a tenant to its profile’s minimum: 3 years under US-REGF (1006.100), 2 under CN', () => {
    expect(retentionMinYears(US_REGF)).toBe(3);
    expect(retentionMinYears(CN)).toBe(2);
    expect(retentionProblem(2, US_REGF)).toMatch(/at least 3 years/);
    expect(retentionProblem(3, US_REGF)).toBeUndefined();
    expect(retentionProblem(2, CN)).toBeUndefined();
    expect(retentionMinYears({})).toBe(1);
  });

  it('checks a tenant record’s retentionYears against the profile it names, or the deployment’s', () => {
    const short = checkTenant(tenant({ retentionYears: 2 }), { profile: US_REGF });
    expect(short).toMatchObject({ ok: false, errors: [{ path: 'retentionYears' }] });
    expect(checkTenant(tenant({ retentionYears: 2, profile: 'CN' }), { profile: US_REGF })).toMatchObject({
      ok: true,
      tenant: { retentionYears: 2, profile: 'CN' },
    });
    expect(checkTenant(tenant({ retentionYears: 0 }))).toMatchObject({
      ok: false,
      errors: [{ path: 'retentionYears' }],
    });
    expect(checkTenant(tenant({ retentionYears: 2.5 }))).toMatchObject({ ok: false });
    expect(checkTenant(tenant({}), { profile: US_REGF })).toMatchObject({ ok: true, tenant: { retentionYears: null } });
  });
});
