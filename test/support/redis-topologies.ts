/**
 * Highly available Redis on this machine, for tests: a Redis Cluster of three masters with a
 * replica each, and a Sentinel group (three sentinels watching one master and its replica). Every
 * server runs from a temp dir on free ports; `stop()` kills them all and removes the dir. The
 * commands are the ones docs/operations.md shows ("Redis Cluster and Sentinel").
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);
const HOST = '127.0.0.1';

interface Server {
  port: number;
  child: ChildProcess;
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', HOST, '-p', String(port), ...args], { timeout: 30_000 });
  return stdout;
}

/** A free port whose cluster bus port (port + 10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + 10_000 > 65_535 || taken.has(port)) continue;
    const bus = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port + 10_000, HOST, () => s.close(() => resolve(true)));
    });
    if (bus) {
      taken.add(port);
      return port;
    }
  }
}

function startServer(dir: string, port: number, args: string[]): Server {
  const home = path.join(dir, String(port));
  fs.mkdirSync(home, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      HOST,
      '--dir',
      home,
      '--save',
      '',
      '--appendonly',
      'no',
      '--logfile',
      path.join(home, 'redis.log'),
      ...args,
    ],
    { stdio: 'ignore' },
  );
  return { port, child };
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await cli(port, 'ping')).trim() === 'PONG';
  } catch {
    return false;
  }
}

function kill(s: Server, signal: NodeJS.Signals): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return Promise.resolve();
  const done = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill(signal);
  return done;
}

export interface RedisCluster {
  /** `host:port,…` of every node: REDIS_CLUSTER_NODES. */
  nodes: string;
  /** The service's environment for this cluster. */
  env: Record<string, string>;
  /** The master serving a key's slot now. */
  masterOf(key: string): Promise<number>;
  /** SIGKILLs a master and waits until its replica has taken over its slots and the cluster is ok again. */
  killMaster(port: number): Promise<{ promoted: number }>;
  stop(): Promise<void>;
}

interface ClusterNodeLine {
  id: string;
  port: number;
  flags: string[];
  masterId: string;
  linkState: string;
  slots: string[];
}

function parseNodes(text: string): ClusterNodeLine[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [id, addr, flags, masterId, , , , linkState, ...slots] = line.split(' ');
      return {
        id: id!,
        port: Number(addr!.split('@')[0]!.split(':')[1]),
        flags: flags!.split(','),
        masterId: masterId!,
        linkState: linkState!,
        slots,
      };
    });
}

/**
 * Three masters and three replicas: `redis-server --cluster-enabled yes` on six free ports, then
 * `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes`.
 */
export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < 6; i++) ports.push(await clusterPort(taken));
  const servers = ports.map((port) =>
    startServer(dir, port, [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '1000',
      // A replica takes over however long ago it last heard from its master (tests kill masters at will).
      '--cluster-replica-validity-factor',
      '0',
    ]),
  );
  const stop = async () => {
    await Promise.all(servers.map((s) => kill(s, 'SIGKILL')));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => (await Promise.all(ports.map(answers))).every(Boolean), {
      timeoutMs: 15_000,
      what: 'six redis-server --cluster-enabled yes to answer',
    });
    await run(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `${HOST}:${p}`), '--cluster-replicas', '1', '--cluster-yes'],
      { timeout: 60_000 },
    );
    await clusterSettled(ports, servers);
    // Every replica has its master's data before a test may kill the master.
    await waitFor(
      async () => {
        for (const p of ports) {
          const info = await cli(p, 'info', 'replication');
          if (info.includes('role:slave') && !info.includes('master_link_status:up')) return undefined;
        }
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'every replica to be in sync with its master' },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  const nodes = ports.map((p) => `${HOST}:${p}`).join(',');
  return {
    nodes,
    env: { REDIS_CLUSTER_NODES: nodes, REDIS_URL: `redis://${HOST}:${ports[0]}` },
    async masterOf(key) {
      const live = ports.find((p) => alive(servers, p))!;
      const slot = Number((await cli(live, 'cluster', 'keyslot', key)).trim());
      const masters = parseNodes(await cli(live, 'cluster', 'nodes')).filter(
        (n) => n.flags.includes('master') && !n.flags.includes('fail'),
      );
      const owner = masters.find((m) =>
        m.slots.some((r) => {
          const [a, b] = r.split('-').map(Number);
          return slot >= a! && slot <= (b ?? a)!;
        }),
      );
      if (!owner) throw new Error(`no master serves slot ${slot}`);
      return owner.port;
    },
    async killMaster(port) {
      const live = ports.find((p) => p !== port && alive(servers, p))!;
      const before = parseNodes(await cli(live, 'cluster', 'nodes'));
      const master = before.find((n) => n.port === port && n.flags.includes('master'));
      if (!master) throw new Error(`${port} is not a master`);
      const replica = before.find((n) => n.masterId === master.id);
      if (!replica) throw new Error(`master ${port} has no replica`);
      await kill(
        servers.find((s) => s.port === port)!,
        'SIGKILL',
      );
      await waitFor(
        async () => {
          const view = parseNodes(await cli(replica.port, 'cluster', 'nodes'));
          return view.find((n) => n.port === replica.port)?.flags.includes('master') || undefined;
        },
        { timeoutMs: 30_000, intervalMs: 100, what: `replica ${replica.port} to take over from ${port}` },
      );
      await clusterSettled(
        ports.filter((p) => p !== port),
        servers,
      );
      return { promoted: replica.port };
    },
    stop,
  };
}

const alive = (servers: Server[], port: number) => {
  const s = servers.find((x) => x.port === port)!;
  return s.child.exitCode === null && s.child.signalCode === null;
};

/** Every live node says cluster_state:ok and sees three masters holding all slots. */
async function clusterSettled(ports: number[], servers: Server[]): Promise<void> {
  await waitFor(
    async () => {
      for (const p of ports.filter((x) => alive(servers, x))) {
        if (!(await cli(p, 'cluster', 'info')).includes('cluster_state:ok')) return undefined;
        const masters = parseNodes(await cli(p, 'cluster', 'nodes')).filter(
          (n) => n.flags.includes('master') && !n.flags.includes('fail') && n.slots.length > 0,
        );
        if (masters.length !== 3) return undefined;
      }
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 100, what: 'the cluster to be ok on every node' },
  );
}

export interface RedisSentinelGroup {
  /** `host:port,…` of the sentinels: REDIS_SENTINELS. */
  sentinels: string;
  name: string;
  env: Record<string, string>;
  /** The master's port now, as the sentinels say. */
  master(): Promise<number>;
  /** SIGKILLs the master and waits until the sentinels name the promoted replica and it accepts writes. */
  killMaster(): Promise<{ promoted: number }>;
  stop(): Promise<void>;
}

/**
 * One master, one replica (`--replicaof`), three sentinels (`redis-server sentinel.conf --sentinel`)
 * with quorum 2 and `down-after-milliseconds 1000`.
 */
export async function startRedisSentinel(name = 'rdmaster'): Promise<RedisSentinelGroup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-sentinel-'));
  const [masterPort, replicaPort, ...sentinelPorts] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const servers: Server[] = [
    startServer(dir, masterPort!, []),
    startServer(dir, replicaPort!, ['--replicaof', HOST, String(masterPort)]),
  ];
  const stop = async () => {
    await Promise.all(servers.map((s) => kill(s, 'SIGKILL')));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of sentinelPorts) {
      const home = path.join(dir, `sentinel-${port}`);
      fs.mkdirSync(home, { recursive: true });
      const conf = path.join(home, 'sentinel.conf');
      // A sentinel rewrites its own config file: each needs a writable one.
      fs.writeFileSync(
        conf,
        [
          `port ${port}`,
          `bind ${HOST}`,
          `dir ${home}`,
          `logfile ${path.join(home, 'sentinel.log')}`,
          `sentinel monitor ${name} ${HOST} ${masterPort} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      servers.push({ port, child: spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }) });
    }
    await waitFor(
      async () => {
        for (const p of sentinelPorts) {
          const replicas = await cli(p, 'sentinel', 'replicas', name);
          const others = await cli(p, 'sentinel', 'sentinels', name);
          if (!replicas.includes(String(replicaPort)) || (others.match(/^runid$/gm) ?? []).length !== 2)
            return undefined;
        }
        return (await cli(replicaPort!, 'info', 'replication')).includes('master_link_status:up') || undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the sentinels to know the replica and each other' },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  const sentinels = sentinelPorts.map((p) => `${HOST}:${p}`).join(',');
  const masterNow = async () => {
    const out = (await cli(sentinelPorts[0]!, 'sentinel', 'get-master-addr-by-name', name)).trim().split('\n');
    return Number(out[1]);
  };
  return {
    sentinels,
    name,
    env: { REDIS_SENTINELS: sentinels, REDIS_SENTINEL_NAME: name },
    master: masterNow,
    async killMaster() {
      const port = await masterNow();
      const other = port === masterPort ? replicaPort! : masterPort!;
      await kill(
        servers.find((s) => s.port === port)!,
        'SIGKILL',
      );
      await waitFor(
        async () => {
          for (const p of sentinelPorts)
            if ((await cli(p, 'sentinel', 'get-master-addr-by-name', name)).trim().split('\n')[1] !== String(other))
              return undefined;
          const probe = new Redis({ host: HOST, port: other, lazyConnect: true, maxRetriesPerRequest: 0 });
          try {
            await probe.connect();
            return (await probe.set(`probe:${Date.now()}`, '1', 'PX', 1000)) === 'OK' || undefined;
          } finally {
            probe.disconnect();
          }
        },
        { timeoutMs: 30_000, intervalMs: 100, what: `the sentinels to promote ${other}` },
      );
      return { promoted: other };
    },
    stop,
  };
}
