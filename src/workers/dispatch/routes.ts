/**
 * Provider failover (docs/reach.md): which route a message goes through. The primary while its
 * circuit admits; the secondary while the primary's is open (the primary's half-open probe still
 * goes to the primary, so sends return to it once it is back). A message is pinned to the route of
 * an attempt whose outcome is unknown (`Message.route` still set from that claim): it is never sent
 * through the other route too.
 */
import type { Channel, Message } from '../../domain/index.js';
import type { CircuitBreaker } from '../../providers/circuit-breaker.js';
import type { EmailProvider, SmsProvider } from '../../providers/provider.js';
import type { DispatchDeps, TenantSending } from './ports.js';

export type Route = 'primary' | 'secondary';

/** How a route is named in the audit and the metrics: `twilio:primary`, `smtp:secondary`. */
export function routeLabel(channel: Channel, route: Route): string {
  return `${channel === 'email' ? 'smtp' : 'twilio'}:${route}`;
}

/** The channel's secondary route, when it has one (only then are routes recorded). */
export function secondaryRouteOf(
  deps: Pick<DispatchDeps, 'secondary'>,
  channel: Channel,
): { provider: SmsProvider | EmailProvider; breaker: CircuitBreaker } | undefined {
  if (channel === 'sms') return deps.secondary?.sms;
  if (channel === 'email') return deps.secondary?.email;
  return undefined;
}

/**
 * The secondary route a message of this tenant may take: email keeps the tenant's From on either
 * relay; an SMS needs the tenant's sender on the secondary route, unless it sends as the
 * deployment (no sender of its own), whose secondary sender is the route's own.
 */
export function usableSecondary(
  deps: Pick<DispatchDeps, 'secondary'>,
  channel: Channel,
  tenant: TenantSending | undefined,
): { provider: SmsProvider | EmailProvider; breaker: CircuitBreaker } | undefined {
  const secondary = secondaryRouteOf(deps, channel);
  if (!secondary) return undefined;
  if (channel === 'sms' && tenant?.sms && !tenant.smsSecondary) return undefined;
  return secondary;
}

/** The route an earlier attempt of unknown outcome holds the message to (undefined: free). */
export function pinnedRoute(message: Pick<Message, 'route'>): Route | undefined {
  if (message.route?.endsWith(':secondary')) return 'secondary';
  if (message.route?.endsWith(':primary')) return 'primary';
  return undefined;
}

export type RouteChoice = { ok: true; route: Route } | { ok: false; retryAt: number; breakers: string };

/** The route the breakers admit this message to now, or when to look again. */
export function chooseRoute(
  deps: Pick<DispatchDeps, 'breakers' | 'secondary'>,
  message: Pick<Message, 'channel' | 'route'>,
  tenant: TenantSending | undefined,
  now: number,
): RouteChoice {
  const primary = deps.breakers[message.channel];
  const secondary = usableSecondary(deps, message.channel, tenant);
  // Pinned to the secondary but it is gone (configuration changed): the primary is all there is.
  const pinned = secondary ? pinnedRoute(message) : undefined;
  if (pinned !== 'secondary') {
    const admitted = primary.admit(now);
    if (admitted.ok) return { ok: true, route: 'primary' };
    if (!secondary || pinned === 'primary') return { ok: false, retryAt: admitted.retryAt, breakers: primary.name };
    const other = secondary.breaker.admit(now);
    if (other.ok) return { ok: true, route: 'secondary' };
    return {
      ok: false,
      retryAt: Math.min(admitted.retryAt, other.retryAt),
      breakers: `${primary.name}, ${secondary.breaker.name}`,
    };
  }
  const admitted = secondary!.breaker.admit(now);
  return admitted.ok
    ? { ok: true, route: 'secondary' }
    : { ok: false, retryAt: admitted.retryAt, breakers: secondary!.breaker.name };
}
