/**
 * The Redis keys of a tenant's share of a channel: its send pacing, its line of waiting jobs and
 * its backlog count. They share the hash tag `{t:<tenant>}`, so the one script that changes them
 * (take-send-slot.lua) works on Redis Cluster too.
 */
import type { Channel } from '../../../queues/index.js';

export interface ShareKeys {
  /** Hash: line, interval, backlog. */
  state: string;
  /** Set: the ids of the jobs waiting in the line. */
  waiting: string;
  /** Sorted set: the sends of the last second. */
  window: string;
}

export function shareKeys(prefix: string, tenant: string, channel: Channel): ShareKeys {
  const base = `${prefix}:share:{t:${tenant}}:${channel}`;
  return { state: base, waiting: `${base}:waiting`, window: `${base}:window` };
}
