/**
 * Outbound events to the collection system. A relay reads new audit events (the source of
 * truth, so a crash loses none) and adds one job per event, with the event's id as job id (so
 * none is sent twice on purpose); a worker POSTs each, signed with HMAC-SHA256 over the timestamp
 * and the body, retrying with backoff from its own queue.
 */
import type { Clock } from '../domain/clock.js';
import { createHmac } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import { OutboundEventJob } from '../../queues/index.js';
import type { Database } from '../audit/schema.js';
import { recordDelivery } from '../audit/outbound-deliveries.js';
import { contentRefIn, contentsOf } from '../audit/event-content.js';

const TYPE_OF: Record<string, OutboundEventJob['type']> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  failed: 'message.failed',
  suppressed: 'message.suppressed',
  'borrower.opted_out': 'borrower.opted_out',
  'borrower.escalated': 'borrower.escalated',
};

export function makeEventRelay(deps: { db: Kysely<Database>; queue: Queue<OutboundEventJob>; clock: Clock; settleMs?: number; batch?: number }) {
  const settleMs = deps.settleMs ?? 2_000;
  return {
    /** Relays events older than a moment (transactions still open may hold lower ids), in id order. */
    async run(): Promise<{ relayed: number }> {
      const cursor = await deps.db.selectFrom('relay_cursor').select('last_id').where('name', '=', 'events-out').executeTakeFirst();
      const after = Number(cursor?.last_id ?? 0);
      const before = new Date(deps.clock.now().getTime() - settleMs).toISOString();
      const rows = await deps.db
        .selectFrom('events')
        .select(['id', 'type', 'message_id', 'borrower_id', 'at', 'data', 'chain', 'seq'])
        .where('id', '>', after)
        .where('type', 'in', Object.keys(TYPE_OF))
        .where('chain', 'not like', 'r:%')
        .where('at', '<', before)
        .orderBy('id')
        .limit(deps.batch ?? 500)
        .execute();
      if (rows.length === 0) return { relayed: 0 };
      // Free text kept apart from the hashed events (an opt-out's reason) is sent as `source`.
      const parsed = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
      const refs = parsed.map((d) => contentRefIn(d)).filter((c): c is NonNullable<typeof c> => c !== undefined);
      const texts = refs.length > 0 ? await contentsOf(deps.db, refs.map((c) => c.id)) : new Map<string, { text: string | null }>();
      await deps.queue.addBulk(
        rows.map((r, i) => {
          const id = `evt_${r.id}`;
          const { content, ...rest } = parsed[i]!;
          const ref = contentRefIn({ content });
          const data: OutboundEventJob = {
            id,
            type: TYPE_OF[r.type]!,
            createdAt: r.at,
            data: { ...(r.message_id ? { messageId: r.message_id } : {}), borrowerId: r.borrower_id, ...rest, ...(ref ? { source: texts.get(ref.id)?.text ?? null } : {}) },
          };
          return { name: data.type, data, opts: { jobId: id } };
        }),
      );
      const last = Number(rows[rows.length - 1]!.id);
      await deps.db
        .insertInto('relay_cursor')
        .values({ name: 'events-out', last_id: last })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: last }))
        .execute();
      return { relayed: rows.length };
    },
  };
}

export function signEvent(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** POSTs one event; anything but 2xx throws, so BullMQ retries it with backoff. Each outcome is recorded. */
export function makeEventDelivery(deps: { url: string; secret: string; clock: Clock; timeoutMs: number; db?: Kysely<Database> }) {
  return async (job: Job): Promise<number> => {
    const event = OutboundEventJob.parse(job.data);
    const attempt = job.attemptsMade + 1;
    try {
      const status = await post(event);
      if (deps.db) await recordDelivery(deps.db, event.id, 'delivered', attempt, null, deps.clock.now());
      return status;
    } catch (err) {
      const last = attempt >= (job.opts.attempts ?? 1);
      if (deps.db) await recordDelivery(deps.db, event.id, last ? 'failed' : 'retrying', attempt, (err as Error).message.slice(0, 300), deps.clock.now()).catch(() => undefined);
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
