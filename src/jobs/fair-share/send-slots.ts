/**
 * Each tenant's send rate per channel, enforced by the service across every worker process: a
 * job asks for a slot before it runs and, when the tenant's channel is at its rate, is told when
 * to come back (its turn in the tenant's line). The rate is read per job (from the tenant's
 * record), so a changed rate applies to the next job asked, without a restart.
 */
import fs from 'node:fs';
import type { Cluster, Redis } from 'ioredis';
import type { Channel } from '../../../queues/index.js';
import { shareKeys } from './keys.js';

const TAKE_SEND_SLOT = fs.readFileSync(new URL('./lua/take-send-slot.lua', import.meta.url), 'utf8');

type ScriptClient = (Redis | Cluster) & { takeSendSlot(...args: (string | number)[]): Promise<number> };

export interface SendSlots {
  /**
   * 0: the job may run now (a slot of its tenant's channel is taken); otherwise how long (ms) it is
   * to wait before it comes back. The time is Redis's (one clock for every worker process), or
   * `nowMs` if given (tests).
   */
  take(tenant: string, channel: Channel, jobId: string, ratePerSecond: number, nowMs?: number): Promise<number>;
}

/** On one server, behind Sentinel or on a Redis Cluster (the script's keys share the tenant's hash tag). */
export function makeSendSlots(redis: Redis | Cluster, prefix: string): SendSlots {
  if (!('takeSendSlot' in redis)) redis.defineCommand('takeSendSlot', { numberOfKeys: 3, lua: TAKE_SEND_SLOT });
  const client = redis as ScriptClient;
  return {
    async take(tenant, channel, jobId, ratePerSecond, nowMs) {
      const k = shareKeys(prefix, tenant, channel);
      const rate = Math.max(1, Math.floor(ratePerSecond));
      return Number(await client.takeSendSlot(k.state, k.waiting, k.window, nowMs ?? '', rate, jobId));
    },
  };
}
