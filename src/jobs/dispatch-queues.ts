/**
 * Producer handles on the dispatch queues (names and job options come from queues/). Each tenant
 * has a queue per channel, so one tenant's backlog never stands in front of another's reminders
 * and each queue's limiter is the rate of that tenant's sender; the default tenant's are the
 * queues the service always had (`dispatch-sms`, …), so single-tenant data needs no move.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import {
  CHANNELS,
  type Channel,
  type DispatchJob,
  type DispatchJobOptionsInput,
  dispatchJobOptions,
  dispatchQueueName,
} from '../../queues/index.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { bullPrefix } from './bull-prefix.js';

export interface DispatchQueues {
  /** The default tenant's queues. */
  byChannel: Record<Channel, Queue<DispatchJob>>;
  /** A tenant's queue for a channel (opened on first use). */
  of(tenant: string, channel: Channel): Queue<DispatchJob>;
  /** The queue a message's job lives in. */
  forMessage(m: { tenant: string; channel: Channel }): Queue<DispatchJob>;
  /** Every queue opened so far (the default tenant's always). */
  all(): Queue<DispatchJob>[];
  close(): Promise<void>;
}

export function makeDispatchQueues(
  connection: ConnectionOptions,
  prefix: string,
  jobOptions: DispatchJobOptionsInput,
  /** On a Redis Cluster: each queue's keys in a hash slot of their own (bull-prefix.ts). */
  clustered = false,
): DispatchQueues {
  const defaultJobOptions = dispatchJobOptions(jobOptions);
  const opened = new Map<string, Queue<DispatchJob>>();
  const of = (tenant: string, channel: Channel): Queue<DispatchJob> => {
    const name = dispatchQueueName(tenant, channel);
    let q = opened.get(name);
    if (!q)
      opened.set(
        name,
        (q = new Queue<DispatchJob>(name, {
          connection,
          prefix: bullPrefix(prefix, name, clustered),
          defaultJobOptions,
        })),
      );
    return q;
  };
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, of(DEFAULT_TENANT, c)])) as Record<
    Channel,
    Queue<DispatchJob>
  >;
  return {
    byChannel,
    of,
    forMessage: (m) => of(m.tenant, m.channel),
    all: () => [...opened.values()],
    async close() {
      await Promise.all([...opened.values()].map((q) => q.close()));
    },
  };
}
