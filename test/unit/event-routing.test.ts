/**
 * Where each tenant's events go and what signs them (compose/event-routing.ts): a tenant's own
 * address and key, the operator's EVENTS_WEBHOOK_URL for the default tenant, and the operator's
 * copy of every tenant only when EVENTS_ALL_TENANTS says so.
 */
import { describe, expect, it } from 'vitest';
import { makeEventRouting } from '../../src/compose/event-routing.js';
import type { EffectiveTenant } from '../../src/compose/tenants.js';
import { derivedEventsSecret } from '../../src/http/webhooks/signing-keys.js';

const SECRET = 'deployment-secret';
const OPERATOR = 'https://ops.example/events';
const tenants = (events: Record<string, EffectiveTenant['events']>) => {
  const all = Object.entries(events).map(([id, e]) => ({ id, events: e }) as EffectiveTenant);
  return { get: async (id: string) => all.find((t) => t.id === id), list: async () => all };
};
/** `url: null`: no EVENTS_WEBHOOK_URL. */
const routing = (events: Record<string, EffectiveTenant['events']>, o: { all?: boolean; url?: string | null } = {}) =>
  makeEventRouting({
    tenants: tenants(events),
    config: { eventsWebhookUrl: o.url === null ? undefined : (o.url ?? OPERATOR), eventsAllTenants: o.all ?? false },
    signingSecret: SECRET,
  });

describe('event routing', () => {
  it('sends the default tenant’s events to EVENTS_WEBHOOK_URL, signed with the key derived for it', async () => {
    const r = routing({ default: undefined });
    expect(await r.destinations('default')).toEqual(['tenant']);
    expect(await r.target('default', 'tenant')).toEqual({
      url: OPERATOR,
      secret: derivedEventsSecret(SECRET, 'default'),
    });
  });

  it('sends a named tenant’s events nowhere while it has no events address', async () => {
    const r = routing({ default: undefined, acme: undefined });
    expect(await r.destinations('acme')).toEqual([]);
    expect(await r.target('acme', 'tenant')).toBeUndefined();
  });

  it('signs a tenant’s events with its own secret when it gives one, else with the key derived for it alone', async () => {
    const r = routing({
      acme: { url: 'https://acme.example/ev', secret: 'a'.repeat(32) },
      bravo: { url: 'https://bravo.example/ev' },
    });
    expect(await r.target('acme', 'tenant')).toEqual({ url: 'https://acme.example/ev', secret: 'a'.repeat(32) });
    expect(await r.target('bravo', 'tenant')).toEqual({
      url: 'https://bravo.example/ev',
      secret: derivedEventsSecret(SECRET, 'bravo'),
    });
    expect(derivedEventsSecret(SECRET, 'bravo')).not.toBe(derivedEventsSecret(SECRET, 'default'));
  });

  it('copies every tenant’s events to the operator only with EVENTS_ALL_TENANTS', async () => {
    const events = { default: undefined, acme: { url: 'https://acme.example/ev' }, bravo: undefined };
    expect(await routing(events).destinations('acme')).toEqual(['tenant']);
    const all = routing(events, { all: true });
    expect(await all.destinations('acme')).toEqual(['tenant', 'operator']);
    expect(await all.destinations('bravo')).toEqual(['operator']);
    // The default tenant's receiver is the operator's already: one copy.
    expect(await all.destinations('default')).toEqual(['tenant']);
    expect(await all.target('acme', 'operator')).toEqual({
      url: OPERATOR,
      secret: derivedEventsSecret(SECRET, 'default'),
    });
  });

  it('reads nothing while no receiver is configured anywhere', async () => {
    expect(await routing({ default: undefined, acme: undefined }, { url: null }).enabled()).toBe(false);
    expect(
      await routing({ default: undefined, acme: { url: 'https://acme.example/ev' } }, { url: null }).enabled(),
    ).toBe(true);
  });
});
