/**
 * Hands messages to BullMQ. The job id comes from the message (jobIdOf), so adding the same
 * message twice (a retried request, the feeder after a crash, the reconciler) is a no-op while the
 * job exists; once it is gone, the worker's check of the audit store stops a second send.
 */
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { DispatchJob } from '../../queues/index.js';
import { jobIdOf, type Message } from '../domain/index.js';
import type { DispatchQueues } from './dispatch-queues.js';

/** Short on purpose: the name is stored in every job. */
export const DISPATCH_JOB_NAME = 'd';

/** Adds the messages' jobs: one `addBulk` per queue (a tenant's channel) they fall in. */
export async function enqueueMessages(queues: DispatchQueues, messages: Message[], now: Date): Promise<void> {
  const byQueue = new Map<Queue<DispatchJob>, Message[]>();
  for (const m of messages) {
    const q = queues.forMessage(m);
    const list = byQueue.get(q);
    if (list) list.push(m);
    else byQueue.set(q, [m]);
  }
  for (const [queue, ofQueue] of byQueue) {
    await queue.addBulk(
      ofQueue.map((m) => ({
        name: DISPATCH_JOB_NAME,
        data: { messageId: m.id },
        opts: { jobId: jobIdOf(m), delay: Math.max(0, Date.parse(m.dueAt) - now.getTime()) },
      })),
    );
  }
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

/** Removes the job of each message that has one (`scheduled` rows have none: nothing to ask Redis). */
export async function removeJobs(queues: DispatchQueues, messages: Message[]): Promise<void> {
  await Promise.all(
    messages
      .filter((m) => m.status !== 'scheduled')
      .map((m) =>
        queues
          .forMessage(m)
          .remove(jobIdOf(m))
          .catch(() => 0),
      ),
  );
}
