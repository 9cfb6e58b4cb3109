/**
 * Which Redis the service talks to: one server (`REDIS_URL`), a Redis Cluster (seed nodes in
 * `REDIS_CLUSTER_NODES`, or `REDIS_URL` with `REDIS_CLUSTER=true`), or a master found through
 * Sentinel (`REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`). Credentials, TLS (`rediss:`) and the
 * database number always come from `REDIS_URL`.
 */
export interface RedisNode {
  host: string;
  port: number;
}

interface RedisAuth {
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

export type RedisTopology =
  | ({ kind: 'single'; url: string } & RedisAuth)
  | ({ kind: 'cluster'; nodes: RedisNode[] } & RedisAuth)
  | ({
      kind: 'sentinel';
      sentinels: RedisNode[];
      /** The master's name the sentinels monitor (`sentinel monitor <name> …`). */
      name: string;
      sentinelPassword: string | undefined;
      db: number;
    } & RedisAuth);

export interface RedisTopologyEnv {
  REDIS_URL: string;
  REDIS_CLUSTER: 'true' | 'false';
  REDIS_CLUSTER_NODES: string | undefined;
  REDIS_SENTINELS: string | undefined;
  REDIS_SENTINEL_NAME: string;
  REDIS_SENTINEL_PASSWORD: string | undefined;
}

/** `host:port`, `[::1]:port` or `redis://host:port` items, comma-separated; `variable` names the setting in errors. */
export function parseRedisNodes(list: string, variable: string): RedisNode[] {
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error(`${variable}: give at least one host:port`);
  return items.map((item) => {
    const u = /^[a-z]+:\/\//i.test(item) ? safeUrl(item) : safeUrl(`redis://${item}`);
    const port = Number(u?.port || 6379);
    if (!u || !u.hostname || !Number.isInteger(port) || port < 1 || port > 65_535)
      throw new Error(`${variable}: "${item.slice(0, 80)}" is not host:port (e.g. 10.0.0.5:6379)`);
    return { host: u.hostname.replace(/^\[(.*)\]$/, '$1'), port };
  });
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

export function redisTopologyOf(e: RedisTopologyEnv): RedisTopology {
  const u = new URL(e.REDIS_URL);
  const auth: RedisAuth = {
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:',
  };
  const clustered = e.REDIS_CLUSTER === 'true' || e.REDIS_CLUSTER_NODES !== undefined;
  if (clustered && e.REDIS_SENTINELS !== undefined)
    throw new Error(
      'REDIS_SENTINELS and a cluster (REDIS_CLUSTER / REDIS_CLUSTER_NODES) exclude each other: Sentinel watches a master with replicas, a cluster fails over by itself; set one',
    );
  if (clustered) {
    const nodes = e.REDIS_CLUSTER_NODES
      ? parseRedisNodes(e.REDIS_CLUSTER_NODES, 'REDIS_CLUSTER_NODES')
      : parseRedisNodes(`${u.hostname}:${u.port || 6379}`, 'REDIS_URL');
    if (u.pathname && u.pathname !== '/' && u.pathname !== '/0')
      throw new Error(`REDIS_URL: a Redis Cluster has only database 0; remove "${u.pathname}"`);
    return { kind: 'cluster', nodes, ...auth };
  }
  if (e.REDIS_SENTINELS !== undefined) {
    const db = Number(u.pathname.replace(/^\//, '') || 0);
    if (!Number.isInteger(db) || db < 0) throw new Error(`REDIS_URL: "${u.pathname}" is not a database number`);
    return {
      kind: 'sentinel',
      sentinels: parseRedisNodes(e.REDIS_SENTINELS, 'REDIS_SENTINELS'),
      name: e.REDIS_SENTINEL_NAME,
      sentinelPassword: e.REDIS_SENTINEL_PASSWORD,
      db,
      ...auth,
    };
  }
  return { kind: 'single', url: e.REDIS_URL, ...auth };
}

/** The topology for a log line: no credentials. */
export function describeRedisTopology(t: RedisTopology): string {
  const list = (ns: RedisNode[]) => ns.map((n) => `${n.host}:${n.port}`).join(',');
  if (t.kind === 'cluster') return `cluster seeded by ${list(t.nodes)}`;
  if (t.kind === 'sentinel') return `master "${t.name}" through sentinels ${list(t.sentinels)}`;
  return 'one server';
}
