/** Producer handles on the three dispatch queues (names and job options come from queues/). */
import { Queue, type ConnectionOptions } from 'bullmq';
import { CHANNELS, type Channel, DISPATCH_QUEUE, type DispatchJob, type DispatchJobOptionsInput, dispatchJobOptions } from '../../queues/index.js';

export interface DispatchQueues {
  byChannel: Record<Channel, Queue<DispatchJob>>;
  all(): Queue<DispatchJob>[];
  close(): Promise<void>;
}

export function makeDispatchQueues(connection: ConnectionOptions, prefix: string, jobOptions: DispatchJobOptionsInput): DispatchQueues {
  const defaultJobOptions = dispatchJobOptions(jobOptions);
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, new Queue<DispatchJob>(DISPATCH_QUEUE[c], { connection, prefix, defaultJobOptions })])) as Record<Channel, Queue<DispatchJob>>;
  return {
    byChannel,
    all: () => CHANNELS.map((c) => byChannel[c]),
    async close() {
      await Promise.all(CHANNELS.map((c) => byChannel[c].close()));
    },
  };
}
