/**
 * Hands messages to BullMQ. The job id comes from the message (jobIdOf), so adding the same
 * message twice (a retried request, the feeder after a crash, the reconciler) is a no-op while the
 * job exists; once it is gone, the worker's check of the audit store stops a second send.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DispatchJob } from '../../queues/index.js';
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

/**
 * Which of the messages have no job in Redis: one pipelined round trip per queue in the batch (on
 * a Redis Cluster a pipeline must stay in one slot, and each queue has a slot of its own).
 */
export async function withoutJobs(queues: DispatchQueues, messages: Message[]): Promise<Message[]> {
  if (messages.length === 0) return [];
  const byQueue = new Map<Queue<DispatchJob>, number[]>();
  messages.forEach((m, i) => {
    const q = queues.forMessage(m);
    const list = byQueue.get(q);
    if (list) list.push(i);
    else byQueue.set(q, [i]);
  });
  const missing = new Array<boolean>(messages.length).fill(false);
  await Promise.all(
    [...byQueue].map(async ([queue, idx]) => {
      // BullMQ types its client as a union that hides ioredis's pipeline (a Cluster has the same one).
      const client = (await queue.client) as unknown as Redis;
      const pipeline = client.pipeline();
      for (const i of idx) pipeline.exists(queue.toKey(jobIdOf(messages[i]!)));
      const replies = (await pipeline.exec()) ?? [];
      idx.forEach((i, j) => {
        const [err, n] = replies[j] ?? [null, 0];
        if (err) throw err;
        missing[i] = n === 0;
      });
    }),
  );
  return messages.filter((_m, i) => missing[i]);
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
