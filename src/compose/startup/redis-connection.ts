/**
 * The one Redis connection of a process, for the topology in the config: ioredis's single-server
 * client, its `Cluster`, or its Sentinel support. BullMQ duplicates it for its blocking reads.
 */
import { Cluster, Redis } from 'ioredis';
import type { RedisTopology } from '../../config/redis-topology.js';

export type RedisClient = Redis | Cluster;

/**
 * After a failover the old master may come back as a replica and answer writes with READONLY:
 * reconnect (Sentinel then names the new master) and send the command again.
 */
const reconnectOnReadonly = (err: Error): 2 | false => (err.message.startsWith('READONLY') ? 2 : false);

export function connectRedis(topology: RedisTopology): RedisClient {
  const auth = {
    ...(topology.username ? { username: topology.username } : {}),
    ...(topology.password ? { password: topology.password } : {}),
    ...(topology.tls ? { tls: {} } : {}),
  };
  if (topology.kind === 'cluster') {
    return new Cluster(topology.nodes, {
      // BullMQ's requirement: a command waits for the connection instead of failing after 20 tries.
      redisOptions: { maxRetriesPerRequest: null, ...auth },
      // While a replica takes over a failed master's slots, keep retrying instead of failing the command.
      retryDelayOnClusterDown: 300,
      retryDelayOnFailover: 300,
      retryDelayOnTryAgain: 300,
      maxRedirections: 64,
      clusterRetryStrategy: (times) => Math.min(100 * times, 2_000),
    });
  }
  if (topology.kind === 'sentinel') {
    return new Redis({
      sentinels: topology.sentinels,
      name: topology.name,
      db: topology.db,
      ...(topology.sentinelPassword ? { sentinelPassword: topology.sentinelPassword } : {}),
      ...(topology.tls ? { enableTLSForSentinelMode: true } : {}),
      ...auth,
      maxRetriesPerRequest: null,
      // Told of a new master (+switch-master) at once instead of when the old one's socket fails.
      failoverDetector: true,
      reconnectOnError: reconnectOnReadonly,
    });
  }
  return new Redis(topology.url, { maxRetriesPerRequest: null, reconnectOnError: reconnectOnReadonly });
}
