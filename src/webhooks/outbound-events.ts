/**
 * Outbound events to the collection system. A relay reads new audit events (the source of
 * truth, so a crash loses none) and adds one job per event, with the event's id as job id (so
 * none is sent twice on purpose); a worker POSTs each, signed with HMAC-SHA256 over the timestamp
 * and the body, retrying with backoff from its own queue.
 */
import type { Clock } from '../domain/clock.js';
import { createHmac } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import { OutboundEventJob } from '../../queues/index.js';
import type { AuditStore } from '../audit/audit-store.js';
import { contentRefIn } from '../audit/event-content.js';

const TYPE_OF: Record<string, OutboundEventJob['type']> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  failed: 'message.failed',
  suppressed: 'message.suppressed',
  'borrower.opted_out': 'borrower.opted_out',
  'borrower.escalated': 'borrower.escalated',
};

/** What the relay and the delivery worker need of the store. */
export type EventsStore = Pick<AuditStore, 'relay' | 'content' | 'deliveries'>;

export function makeEventRelay(deps: { store: Pick<EventsStore, 'relay' | 'content'>; queue: Queue<OutboundEventJob>; clock: Clock; settleMs?: number; batch?: number }) {
  const settleMs = deps.settleMs ?? 2_000;
  const { relay, content } = deps.store;
  return {
    /** Relays the events of finished transactions in commit-safe order (see relay-feed.ts): nothing is skipped however long a transaction stays open. */
    async run(): Promise<{ relayed: number }> {
      const after = await relay.cursor('events-out');
      const before = new Date(deps.clock.now().getTime() - settleMs).toISOString();
      const rows = await relay.eventsAfter(after, before, Object.keys(TYPE_OF), deps.batch ?? 500);
      if (rows.length === 0) return { relayed: 0 };
      // Free text kept apart from the hashed events (an opt-out's reason) is sent as `source`.
      const refs = rows.map((r) => contentRefIn(r.data)).filter((c): c is NonNullable<typeof c> => c !== undefined);
      const texts = refs.length > 0 ? await content.get(refs.map((c) => c.id)) : new Map<string, { text: string | null }>();
      await deps.queue.addBulk(
        rows.map((r) => {
          const id = `evt_${r.id}`;
          const { content: _ref, ...rest } = r.data;
          const ref = contentRefIn(r.data);
          const data: OutboundEventJob = {
            id,
            type: TYPE_OF[r.type]!,
            createdAt: r.at,
            data: { ...(r.messageId ? { messageId: r.messageId } : {}), borrowerId: r.borrowerId, ...rest, ...(ref ? { source: texts.get(ref.id)?.text ?? null } : {}) },
          };
          return { name: data.type, data, opts: { jobId: id } };
        }),
      );
      const last = rows[rows.length - 1]!;
      await relay.advance('events-out', { tx: last.tx, id: last.id });
      return { relayed: rows.length };
    },
  };
}

export function signEvent(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** POSTs one event; anything but 2xx throws, so BullMQ retries it with backoff. Each outcome is recorded. */
export function makeEventDelivery(deps: { url: string; secret: string; clock: Clock; timeoutMs: number; store?: Pick<EventsStore, 'deliveries'> }) {
  return async (job: Job): Promise<number> => {
    const event = OutboundEventJob.parse(job.data);
    const attempt = job.attemptsMade + 1;
    try {
      const status = await post(event);
      await deps.store?.deliveries.record(event.id, 'delivered', attempt, null, deps.clock.now());
      return status;
    } catch (err) {
      const last = attempt >= (job.opts.attempts ?? 1);
      await deps.store?.deliveries.record(event.id, last ? 'failed' : 'retrying', attempt, (err as Error).message.slice(0, 300), deps.clock.now()).catch(() => undefined);
      throw err;
    }
  };

  async function post(event: OutboundEventJob): Promise<number> {
    const body = JSON.stringify(event);
    const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
    const res = await fetch(deps.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-reminder-event-id': event.id,
        'x-reminder-timestamp': timestamp,
        'x-reminder-signature': `v1=${signEvent(deps.secret, timestamp, body)}`,
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
