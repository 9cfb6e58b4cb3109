/**
 * Outbound events to the collection systems. A relay reads new audit events (the source of
 * truth, so a crash loses none) and adds one job per event and receiver, with the event's id as
 * job id (so none is sent twice on purpose); a worker POSTs each to its tenant's receiver, signed
 * with HMAC-SHA256 over the timestamp and the body under that tenant's key, retrying with backoff
 * from its own queue. Which receiver and key: compose/event-routing.ts.
 */
import type { Clock } from '../../domain/clock.js';
import { createHmac } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import { OutboundEventJob } from '../../../queues/index.js';
import type { RelayStore } from '../../store/ports.js';
import { contentRefIn } from '../../store/event-content.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import { storeUnavailable } from '../../store/store-unavailable.js';

/** The tenant's own receiver, or the operator's copy of another tenant's event. */
export type EventDestination = 'tenant' | 'operator';

/** Where a tenant's events go and what signs them (compose/event-routing.ts). */
export interface EventRouting {
  /** Whether any receiver is configured at all (none: the relay does not read). */
  enabled(): Promise<boolean>;
  /** The receivers of a tenant's events (none: its events are not sent). */
  destinations(tenant: string): Promise<EventDestination[]>;
  /** The address and the signing secret of one receiver; undefined: there is none now. */
  target(tenant: string, to: EventDestination): Promise<{ url: string; secret: string } | undefined>;
}

const TYPE_OF: Record<string, OutboundEventJob['type']> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  failed: 'message.failed',
  suppressed: 'message.suppressed',
  'borrower.opted_out': 'borrower.opted_out',
  'borrower.escalated': 'borrower.escalated',
  'reply.understood': 'borrower.replied',
  'consent.revoked': 'consent.revoked',
  'contact.wrong_number': 'contact.wrong_number',
  'borrower.ceased': 'borrower.ceased',
  'dispute.opened': 'dispute.opened',
  'dispute.closed': 'dispute.closed',
  'hold.opened': 'hold.opened',
  'hold.released': 'hold.released',
  'promise.kept': 'promise.kept',
  'promise.broken': 'promise.broken',
  'validation-notice.required': 'validation-notice.required',
};

export function makeEventRelay(deps: {
  store: Pick<RelayStore, 'relay' | 'content'>;
  queue: Queue<OutboundEventJob>;
  routing: Pick<EventRouting, 'enabled' | 'destinations'>;
  clock: Clock;
  settleMs?: number;
  batch?: number;
}) {
  const settleMs = deps.settleMs ?? 2_000;
  const { relay, content } = deps.store;
  return {
    /** Relays the events of finished transactions in commit-safe order (see relay-feed.ts): nothing is skipped however long a transaction stays open. */
    async run(): Promise<{ relayed: number }> {
      if (!(await deps.routing.enabled())) return { relayed: 0 };
      const after = await relay.cursor('events-out');
      const before = new Date(deps.clock.now().getTime() - settleMs).toISOString();
      const rows = await relay.eventsAfter(after, before, Object.keys(TYPE_OF), deps.batch ?? 500);
      if (rows.length === 0) return { relayed: 0 };
      // Free text kept apart from the hashed events (an opt-out's reason) is sent as `source`.
      const refs = rows.map((r) => contentRefIn(r.data)).filter((c): c is NonNullable<typeof c> => c !== undefined);
      const texts =
        refs.length > 0 ? await content.get(refs.map((c) => c.id)) : new Map<string, { text: string | null }>();
      const destinations = new Map<string, EventDestination[]>();
      for (const tenant of new Set(rows.map((r) => r.tenant)))
        destinations.set(tenant, await deps.routing.destinations(tenant));
      // One job per event and receiver: each tenant's events to its own receiver only.
      const jobs = rows.flatMap((r) => {
        const id = `evt_${r.id}`;
        const tenant = r.tenant;
        const { content: _ref, ...rest } = r.data;
        const ref = contentRefIn(r.data);
        const event = {
          id,
          type: TYPE_OF[r.type]!,
          createdAt: r.at,
          data: {
            ...(r.messageId ? { messageId: r.messageId } : {}),
            borrowerId: r.borrowerId,
            ...rest,
            ...(ref ? { source: texts.get(ref.id)?.text ?? null } : {}),
          },
        };
        return destinations.get(tenant)!.map((to) => {
          const data: OutboundEventJob = { ...event, tenant, to };
          return { name: data.type, data, opts: { jobId: jobIdOf(id, to) } };
        });
      });
      if (jobs.length > 0) await deps.queue.addBulk(jobs);
      const last = rows[rows.length - 1]!;
      await relay.advance('events-out', { tx: last.tx, id: last.id });
      return { relayed: jobs.length };
    },
  };
}

/** The job (and the delivery record) of an event for a receiver: the tenant's is the event's id, the operator's copy `<id>-operator`. */
export function jobIdOf(eventId: string, to: EventDestination): string {
  return to === 'tenant' ? eventId : `${eventId}-operator`;
}

export function signEvent(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * POSTs one event to its receiver, signed with that receiver's key (both looked up when it is
 * sent, so a changed address or secret applies to retries); anything but 2xx throws, so BullMQ
 * retries it with backoff. Each outcome is recorded.
 */
export function makeEventDelivery(deps: {
  routing: Pick<EventRouting, 'target'>;
  clock: Clock;
  timeoutMs: number;
  store?: Pick<RelayStore, 'deliveries'>;
  /** The tenant of a borrower, from the store: for jobs of earlier versions, which carry no tenant. */
  borrowerTenant?: (borrowerId: string) => Promise<string | undefined>;
}) {
  return async (job: Job): Promise<number> => {
    const { tenant: given, to = 'tenant', ...event } = OutboundEventJob.parse(job.data);
    const borrowerId = event.data.borrowerId;
    const tenant =
      given ?? (typeof borrowerId === 'string' ? await deps.borrowerTenant?.(borrowerId) : undefined) ?? DEFAULT_TENANT;
    const recordAs = jobIdOf(event.id, to);
    const attempt = job.attemptsMade + 1;
    const target = await deps.routing.target(tenant, to);
    if (!target) {
      // The tenant's receiver was removed since the event was relayed: nowhere to send it.
      await deps.store?.deliveries.record(
        recordAs,
        'failed',
        attempt,
        `tenant "${tenant}" has no events address (events.url) now`,
        deps.clock.now(),
      );
      return 0;
    }
    let status: number;
    try {
      status = await post(event, target);
    } catch (err) {
      const last = attempt >= (job.opts.attempts ?? 1);
      await deps.store?.deliveries
        .record(recordAs, last ? 'failed' : 'retrying', attempt, (err as Error).message.slice(0, 300), deps.clock.now())
        .catch(() => undefined);
      throw err;
    }
    // Delivered: with the database unavailable the record is skipped rather than the event posted
    // again (and an attempt spent) for a row the receiver does not need.
    await deps.store?.deliveries
      .record(recordAs, 'delivered', attempt, null, deps.clock.now())
      .catch((err: unknown) => {
        if (!storeUnavailable(err)) throw err;
      });
    return status;
  };

  async function post(
    event: Omit<OutboundEventJob, 'tenant' | 'to'>,
    target: { url: string; secret: string },
  ): Promise<number> {
    const body = JSON.stringify(event);
    const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
    const res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-reminder-event-id': event.id,
        'x-reminder-timestamp': timestamp,
        'x-reminder-signature': `v1=${signEvent(target.secret, timestamp, body)}`,
      },
      body,
      signal: AbortSignal.timeout(deps.timeoutMs),
      // A redirect would re-send the signed event to wherever it points: it is a failure instead.
      redirect: 'error',
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`the collection system answered ${res.status} to ${event.type} ${event.id}`);
    return res.status;
  }
}
