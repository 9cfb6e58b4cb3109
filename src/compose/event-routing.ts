/**
 * Where each tenant's outbound events go, and the secret that signs them (docs/tenants.md):
 *
 * - a tenant whose record gives `events.url`: there, signed with its `events.secret`, or without
 *   one with HKDF(SIGNING_SECRET, "events:<tenant>");
 * - the default tenant without one: EVENTS_WEBHOOK_URL, the operator's own, signed with
 *   HKDF(SIGNING_SECRET, "events:default");
 * - a named tenant without one: nowhere;
 * - with EVENTS_ALL_TENANTS=true, the operator receives a copy of every tenant's events at
 *   EVENTS_WEBHOOK_URL too (signed with the operator's key, "events:default").
 */
import type { Config } from '../config/config.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import type { EventDestination, EventRouting } from '../http/webhooks/outbound-events.js';
import { derivedEventsSecret } from '../http/webhooks/signing-keys.js';
import type { TenantRegistry } from './tenants.js';

export function makeEventRouting(deps: {
  tenants: Pick<TenantRegistry, 'get' | 'list'>;
  config: Pick<Config, 'eventsWebhookUrl' | 'eventsAllTenants'>;
  signingSecret: string;
}): EventRouting {
  const { config, tenants, signingSecret } = deps;
  const derived = new Map<string, string>();
  const keyOf = (tenant: string) => {
    let key = derived.get(tenant);
    if (key === undefined) derived.set(tenant, (key = derivedEventsSecret(signingSecret, tenant)));
    return key;
  };
  const operator = () =>
    config.eventsWebhookUrl ? { url: config.eventsWebhookUrl, secret: keyOf(DEFAULT_TENANT) } : undefined;

  async function target(tenant: string, to: EventDestination) {
    if (to === 'operator') return operator();
    const own = (await tenants.get(tenant))?.events;
    if (own) return { url: own.url, secret: own.secret ?? keyOf(tenant) };
    return tenant === DEFAULT_TENANT ? operator() : undefined;
  }

  return {
    async enabled() {
      return config.eventsWebhookUrl !== undefined || (await tenants.list()).some((t) => t.events !== undefined);
    },
    async destinations(tenant) {
      const own = (await tenants.get(tenant))?.events !== undefined;
      const out: EventDestination[] = [];
      if (own || (tenant === DEFAULT_TENANT && config.eventsWebhookUrl)) out.push('tenant');
      // A copy for the operator, unless the tenant's own receiver is already the operator's.
      if (config.eventsWebhookUrl && config.eventsAllTenants && (own || tenant !== DEFAULT_TENANT))
        out.push('operator');
      return out;
    },
    target,
  };
}
