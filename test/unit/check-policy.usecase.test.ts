/** Checking the policy for a stored borrower, with plain in-memory fakes for the store, the ledger and the opt-outs. */
import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import { US_REGF } from '../../src/policy/profile.js';
import type { Suppression } from '../../src/store/suppressions.js';
import { checkPolicy, type CheckPolicyPorts } from '../../src/usecases/check-policy/check-policy.usecase.js';

const NOW = new Date('2026-06-10T03:00:00Z');
const clock = { now: () => NOW };
const profile = US_REGF;
const borrower = {
  id: 'b-1',
  status: 'active',
  phone: '+12125550100',
  email: null,
  timezone: 'America/New_York',
  locale: 'en-US',
  consent: { sms: true, voice: null, email: null },
  optOuts: [],
  blackouts: [],
} as unknown as Borrower;

function fakes(suppressed: Suppression[] = []) {
  const asked: string[] = [];
  const ports: CheckPolicyPorts = {
    getBorrower: async (id) => (id === 'b-1' ? borrower : undefined),
    history: async () => [],
    suppressionsOf: async (address, tenant) => {
      asked.push(`${tenant}:${address}`);
      return suppressed;
    },
    profileFor: async () => profile,
  };
  return { ports, asked };
}

describe('checkPolicy', () => {
  it('refuses an SMS at 23:00 in the borrower’s zone and names the profile and instant', async () => {
    const f = fakes();
    const r = await checkPolicy(f.ports, clock, { tenant: 'acme', borrowerId: 'b-1', channel: 'sms' });
    expect(r).toMatchObject({ kind: 'checked', profile: profile.name, at: NOW.toISOString(), allowed: false });
    expect(f.asked).toEqual(['acme:+12125550100']);
  });

  it('allows an SMS at noon in the borrower’s zone', async () => {
    const f = fakes();
    const r = await checkPolicy(f.ports, clock, {
      tenant: 'acme',
      borrowerId: 'b-1',
      channel: 'sms',
      at: '2026-06-10T12:00:00-04:00',
    });
    expect(r).toMatchObject({ kind: 'checked', allowed: true, at: '2026-06-10T16:00:00.000Z' });
  });

  it('asks no suppression list for an email to a borrower without an address', async () => {
    const f = fakes();
    await checkPolicy(f.ports, clock, { tenant: 'acme', borrowerId: 'b-1', channel: 'email' });
    expect(f.asked).toEqual([]);
  });

  it('does not find an unknown borrower', async () => {
    const f = fakes();
    expect(await checkPolicy(f.ports, clock, { tenant: 'acme', borrowerId: 'b-9', channel: 'sms' })).toEqual({
      kind: 'not-found',
    });
  });
});

describe('checkPolicy for a borrower with a region', () => {
  const inMa = { ...borrower, region: 'US-MA' } as Borrower;
  const texts = [Date.parse('2026-06-06T14:00:00Z'), Date.parse('2026-06-08T14:00:00Z')].map((at) => ({
    channel: 'sms' as const,
    at,
    outcome: 'delivered' as const,
    direction: 'outbound' as const,
    to: '+12125550100',
  }));

  it('names the layers and cites the agency’s text when the tenant is a collection agency', async () => {
    const ports: CheckPolicyPorts = {
      getBorrower: async () => inMa,
      history: async () => texts,
      suppressionsOf: async () => [],
      profileFor: async () => profile,
      senderKindFor: async () => 'agency',
    };
    const r = await checkPolicy(ports, clock, {
      tenant: 'collectors',
      borrowerId: 'b-1',
      channel: 'voice',
      at: '2026-06-10T12:00:00-04:00',
    });
    expect(r).toMatchObject({ kind: 'checked', profile: 'US-REGF', layers: ['US-REGF', 'US-MA'], region: 'US-MA' });
    expect(r.kind === 'checked' && !r.allowed && r.reasons).toEqual([
      expect.objectContaining({
        code: 'cap-reached',
        layer: 'US-MA',
        rule: 'US-MA: 209 CMR 18.16(1)(d) — at most two calls or texts in seven days',
      }),
    ]);
  });

  it('answers a creditor with 940 CMR 7.04(1)(f), the default when the tenant’s kind is not known', async () => {
    const ports: CheckPolicyPorts = {
      getBorrower: async () => inMa,
      history: async () => texts,
      suppressionsOf: async () => [],
      profileFor: async () => profile,
    };
    const r = await checkPolicy(ports, clock, {
      tenant: 'acme',
      borrowerId: 'b-1',
      channel: 'sms',
      at: '2026-06-10T12:00:00-04:00',
    });
    expect(r.kind === 'checked' && !r.allowed && r.reasons.map((d) => d.rule)).toContain(
      'US-MA: 940 CMR 7.04(1)(f) — at most two calls or texts in seven days',
    );
  });
});
