/**
 * Producer handles on the dispatch queues (names and job options come from queues/): one queue
 * per channel for every tenant (`dispatch-sms`, …, the names the service always had), so a worker
 * process holds one blocking connection per channel however many tenants there are. Tenants share
 * a queue fairly by priority: a job's priority is its place in its tenant's backlog of the channel
 * (the tenant's count, kept in Redis beside its send pacing, see fair-share/), so every tenant's
 * first jobs come before anyone's hundred-and-first. Each job's data names its tenant, whose rate
 * the worker holds it to.
 */
import type { Redis } from 'ioredis';
import { Queue, QueueKeys, type ConnectionOptions } from 'bullmq';
import {
  CHANNELS,
  type Channel,
  DISPATCH_QUEUE,
  type DispatchJob,
  type DispatchJobOptionsInput,
  dispatchJobOptions,
  legacyDispatchQueueName,
} from '../../queues/index.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { bullPrefix } from './bull-prefix.js';
import { shareKeys } from './fair-share/keys.js';

/** BullMQ's highest priority number (2^21 - 1); a backlog deeper than that shares it. */
const PRIORITY_LIMIT = 2 ** 21 - 1;

/** A job to add: the message it sends, its tenant and channel, and when it is due. */
export interface NewDispatchJob {
  jobId: string;
  messageId: string;
  tenant: string;
  channel: Channel;
  delayMs: number;
}

export interface DispatchQueues {
  /** The queue of each channel (every tenant's jobs). */
  byChannel: Record<Channel, Queue<DispatchJob>>;
  /** The queue a message's job lives in. */
  forMessage(m: { tenant: string; channel: Channel }): Queue<DispatchJob>;
  /** Adds jobs, each with its tenant and its place in its tenant's backlog as priority: one `addBulk` per channel. */
  add(jobs: readonly NewDispatchJob[]): Promise<void>;
  /** A job removed before it ran (cancelled) leaves its tenant's backlog. */
  removed(tenant: string, channel: Channel, n: number): Promise<void>;
  /** The three queues. */
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
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      new Queue<DispatchJob>(DISPATCH_QUEUE[c], {
        connection,
        prefix: bullPrefix(prefix, DISPATCH_QUEUE[c], clustered),
        defaultJobOptions,
      }),
    ]),
  ) as Record<Channel, Queue<DispatchJob>>;
  // The queues share one connection; BullMQ types it as a union that hides ioredis's pipeline.
  const client = async () => (await byChannel.sms.client) as unknown as Redis;
  return {
    byChannel,
    forMessage: (m) => byChannel[m.channel],
    async add(jobs) {
      if (jobs.length === 0) return;
      // Each tenant's and channel's jobs take the next places of its backlog, in one round trip.
      const groups = new Map<string, NewDispatchJob[]>();
      for (const j of jobs) {
        const key = shareKeys(prefix, j.tenant, j.channel).state;
        const list = groups.get(key);
        if (list) list.push(j);
        else groups.set(key, [j]);
      }
      // (Separate commands, not a pipeline: on Redis Cluster each tenant's key is in its own slot.)
      const redis = await client();
      const ends = await Promise.all([...groups].map(([key, list]) => redis.hincrby(key, 'backlog', list.length)));
      const priority = new Map<NewDispatchJob, number>();
      [...groups.values()].forEach((list, i) => {
        list.forEach((j, k) => priority.set(j, Math.min(PRIORITY_LIMIT, Math.max(1, ends[i]! - list.length + k + 1))));
      });
      for (const channel of CHANNELS) {
        const ofChannel = jobs.filter((j) => j.channel === channel);
        if (ofChannel.length === 0) continue;
        await byChannel[channel].addBulk(
          ofChannel.map((j) => ({
            name: DISPATCH_JOB_NAME,
            data: { messageId: j.messageId, ...(j.tenant === DEFAULT_TENANT ? {} : { tenant: j.tenant }) },
            opts: { jobId: j.jobId, delay: Math.max(0, j.delayMs), priority: priority.get(j)! },
          })),
        );
      }
    },
    async removed(tenant, channel, n) {
      if (n <= 0) return;
      const key = shareKeys(prefix, tenant, channel).state;
      const left = await (await client()).hincrby(key, 'backlog', -n);
      if (left < 0) await (await client()).hset(key, 'backlog', 0);
    },
    all: () => Object.values(byChannel),
    async close() {
      await Promise.all(Object.values(byChannel).map((q) => q.close()));
    },
  };
}

/** Short on purpose: the name is stored in every job. */
export const DISPATCH_JOB_NAME = 'd';

/**
 * Moves the jobs still waiting in the per-tenant queues of earlier versions (`dispatch-sms.<tenant>`)
 * into the channel's queue, same job id, with the time left of their delay: a pass without blocking,
 * made by each worker process at start. A job running in an old process at that moment stays
 * (it finishes there; if its process dies, the reconciler adds its message's job to the channel's
 * queue, and the store stops a second send). Returns how many jobs it moved.
 */
export async function drainLegacyQueues(
  connection: ConnectionOptions,
  prefix: string,
  queues: DispatchQueues,
  tenants: readonly string[],
  channels: readonly Channel[] = CHANNELS,
): Promise<number> {
  const names = tenants
    .filter((t) => t !== DEFAULT_TENANT)
    .flatMap((tenant) =>
      channels.map((channel) => ({ tenant, channel, name: legacyDispatchQueueName(tenant, channel) })),
    );
  if (names.length === 0) return 0;
  // Which of them ever had a job (BullMQ's id counter), asked all at once (separate commands: on
  // Redis Cluster the queues' keys may be in different slots).
  const client = (await queues.byChannel.sms.client) as unknown as Redis;
  const keys = new QueueKeys(prefix);
  const used = await Promise.all(names.map((n) => client.exists(keys.toKey(n.name, 'id'))));
  let moved = 0;
  for (const [i, n] of names.entries()) {
    if (used[i] === 0) continue;
    const legacy = new Queue<DispatchJob>(n.name, { connection, prefix });
    try {
      for (;;) {
        const jobs = (await legacy.getJobs(['wait', 'prioritized', 'delayed', 'paused'], 0, 499)).filter(Boolean);
        if (jobs.length === 0) break;
        // A delayed job's due time is its score in the delayed set (time × 4096 + a counter).
        const scores = client.pipeline();
        for (const job of jobs) scores.zscore(legacy.keys.delayed!, job.id!);
        const due = ((await scores.exec()) ?? []).map(([err, score]) => {
          if (err) throw err;
          return score === null || score === undefined ? 0 : Math.floor(Number(score) / 4096);
        });
        const now = Date.now();
        await queues.add(
          jobs.map((job, k) => ({
            jobId: job.id!,
            messageId: job.data.messageId,
            tenant: n.tenant,
            channel: n.channel,
            delayMs: due[k]! - now,
          })),
        );
        let removed = 0;
        for (const job of jobs)
          removed += await job.remove().then(
            () => 1,
            () => 0,
          );
        moved += removed;
        // Every job left is locked by a process still running it: done with this queue.
        if (removed === 0) break;
      }
    } finally {
      await legacy.close();
    }
  }
  return moved;
}
