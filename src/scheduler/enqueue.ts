/**
 * Hands messages to BullMQ. The job id is the message id, so adding the same message twice
 * (a retried request, the reconciler) is a no-op while the job exists; once it is gone, the
 * worker's check of the audit store stops a second send.
 */
import { CHANNELS } from '../../queues/index.js';
import type { Message } from '../domain/index.js';
import type { DispatchQueues } from './dispatch-queues.js';

/** Short on purpose: the name is stored in every job. */
export const DISPATCH_JOB_NAME = 'd';

export async function enqueueMessages(queues: DispatchQueues, messages: Message[], now: Date): Promise<void> {
  for (const channel of CHANNELS) {
    const ofChannel = messages.filter((m) => m.channel === channel);
    if (ofChannel.length === 0) continue;
    await queues.byChannel[channel].addBulk(
      ofChannel.map((m) => ({
        name: DISPATCH_JOB_NAME,
        data: { messageId: m.id },
        opts: { jobId: m.id, delay: Math.max(0, Date.parse(m.sendAt) - now.getTime()) },
      })),
    );
  }
}
