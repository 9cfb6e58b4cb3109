/**
 * The feeder brings `scheduled` messages into BullMQ as they enter the horizon: in due order, in
 * batches (one `addBulk` per channel and batch, job id from the message), each batch then marked
 * `queued`. A job is added with the delay left until the message is due, so the time it goes is
 * BullMQ's, to the millisecond, and window openings keep the spread their deferrals were given.
 * Every scheduler process runs it; the store's claim keeps batches disjoint (see schedule.repo).
 */
import type { FeederStore } from '../store/ports.js';
import type { Clock, Message } from '../domain/index.js';
import type { Logger } from '../observability/logger.js';
import type { DispatchQueues } from './dispatch-queues.js';
import { enqueueMessages } from './enqueue.js';

export interface FeederHooks {
  /** Test seam: runs after a batch's jobs were added and before the rows are marked (a crash here must lose nothing). */
  afterEnqueue?: (messages: Message[]) => Promise<void> | void;
}

export interface FeederDeps {
  store: FeederStore;
  queues: DispatchQueues;
  clock: Clock;
  log: Logger;
  horizonMs: number;
  batchSize?: number;
  hooks?: FeederHooks;
  onFed?: (messages: Message[]) => void;
  /** The tenants, whose messages are fed in turns (a batch each), so one tenant's month of cadences does not hold back another's. Absent: one queue of all. */
  tenants?: () => Promise<string[]>;
}

export function makeFeeder(deps: FeederDeps) {
  const batch = deps.batchSize ?? 1_000;
  return {
    /** Moves everything due within the horizon (or `horizonMs`, if given); returns how many it moved. */
    async run(opts: { horizonMs?: number } = {}): Promise<{ fed: number }> {
      let fed = 0;
      const feedOne = async (tenant: string | undefined): Promise<number> => {
        const now = deps.clock.now();
        const until = new Date(now.getTime() + (opts.horizonMs ?? deps.horizonMs));
        const moved = await deps.store.schedule.feedDue(
          until,
          batch,
          async (messages) => {
            await enqueueMessages(deps.queues, messages, now);
            await deps.hooks?.afterEnqueue?.(messages);
          },
          now,
          tenant,
        );
        if (moved.length > 0) deps.onFed?.(moved);
        return moved.length;
      };
      // Round robin: a batch of each tenant with messages due, until none has any left.
      let open: Array<string | undefined> = deps.tenants ? await deps.tenants() : [undefined];
      while (open.length > 0) {
        const still: Array<string | undefined> = [];
        for (const tenant of open) {
          const n = await feedOne(tenant);
          fed += n;
          if (n > 0) still.push(tenant);
        }
        open = still;
      }
      if (fed > 0) deps.log.debug({ fed }, 'fed scheduled messages into the queues');
      return { fed };
    },
  };
}

export type Feeder = ReturnType<typeof makeFeeder>;
