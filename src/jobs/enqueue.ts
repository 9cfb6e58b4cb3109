/**
 * Hands messages to BullMQ. The job id comes from the message (jobIdOf), so adding the same
 * message twice (a retried request, the feeder after a crash, the reconciler) is a no-op while the
 * job exists; once it is gone, the worker's check of the audit store stops a second send.
 */
import type { Redis } from 'ioredis';
import { jobIdOf, type Message } from '../domain/index.js';
import type { DispatchQueues } from './dispatch-queues.js';

/** Adds the messages' jobs: one `addBulk` per channel, each job with its tenant and its place in the tenant's backlog. */
export async function enqueueMessages(queues: DispatchQueues, messages: Message[], now: Date): Promise<void> {
  await queues.add(
    messages.map((m) => ({
      jobId: jobIdOf(m),
      messageId: m.id,
      tenant: m.tenant,
      channel: m.channel,
      delayMs: Date.parse(m.dueAt) - now.getTime(),
    })),
  );
}

/** Which of the messages have no job in Redis: one pipelined round trip for the whole batch. */
export async function withoutJobs(queues: DispatchQueues, messages: Message[]): Promise<Message[]> {
  if (messages.length === 0) return [];
  // The three queues share one connection; BullMQ types it as a union that hides ioredis's pipeline.
  const client = (await queues.byChannel.sms.client) as unknown as Redis;
  const pipeline = client.pipeline();
  for (const m of messages) pipeline.exists(queues.forMessage(m).toKey(jobIdOf(m)));
  const replies = (await pipeline.exec()) ?? [];
  return messages.filter((_m, i) => {
    const [err, n] = replies[i] ?? [null, 0];
    if (err) throw err;
    return n === 0;
  });
}

/** Removes the job of each message that has one (`scheduled` rows have none: nothing to ask Redis); each leaves its tenant's backlog. */
export async function removeJobs(queues: DispatchQueues, messages: Message[]): Promise<void> {
  await Promise.all(
    messages
      .filter((m) => m.status !== 'scheduled')
      .map(async (m) => {
        const n = await queues
          .forMessage(m)
          .remove(jobIdOf(m))
          .catch(() => 0);
        if (n === 1) await queues.removed(m.tenant, m.channel, 1).catch(() => undefined);
      }),
  );
}
