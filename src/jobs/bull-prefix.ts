/**
 * The BullMQ prefix of a queue. BullMQ names every key of a queue `<prefix>:<queue>:…` and its
 * scripts touch several of them at once, so on a Redis Cluster they must share a hash slot: there
 * the prefix becomes a hash tag of its own per queue, `{rd:dispatch-sms}`, which keeps each
 * queue's keys together and spreads different queues over the cluster. On one server (or behind
 * Sentinel) it stays the plain prefix (`rd`), so existing data keeps working.
 */
export function bullPrefix(basePrefix: string, queueName: string, clustered: boolean): string {
  // A prefix with a brace of its own ({rd}) is kept: Redis hashes by its first one, as the operator chose.
  if (!clustered || basePrefix.includes('{')) return basePrefix;
  return `{${basePrefix}:${queueName}}`;
}
