import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { bullPrefix } from '../../src/jobs/bull-prefix.js';

describe('Redis topology from the environment', () => {
  it('is one server at REDIS_URL by default, with no replica to wait for', () => {
    const c = loadConfig({ REDIS_URL: 'redis://:s3cret@10.0.0.5:6380/2' });
    expect(c.redis).toMatchObject({ kind: 'single', url: 'redis://:s3cret@10.0.0.5:6380/2', password: 's3cret' });
    expect(c.ledgerWait).toEqual({ replicas: 0, timeoutMs: 100 });
  });

  it('is a cluster seeded by REDIS_CLUSTER_NODES, with the credentials and TLS of REDIS_URL', () => {
    const c = loadConfig({
      REDIS_URL: 'rediss://app:pw@ignored:6379',
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001,[::1]:7002',
    });
    expect(c.redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      username: 'app',
      password: 'pw',
      tls: true,
    });
    expect(c.ledgerWait.replicas).toBe(1);
  });

  it('is a cluster seeded by REDIS_URL when REDIS_CLUSTER=true', () => {
    const c = loadConfig({ REDIS_URL: 'redis://10.0.0.9:7005', REDIS_CLUSTER: 'true' });
    expect(c.redis).toMatchObject({ kind: 'cluster', nodes: [{ host: '10.0.0.9', port: 7005 }] });
  });

  it('is a master found through REDIS_SENTINELS under REDIS_SENTINEL_NAME, database from REDIS_URL', () => {
    const c = loadConfig({
      REDIS_URL: 'redis://:pw@unused/3',
      REDIS_SENTINELS: 's1:26379,s2:26380',
      REDIS_SENTINEL_NAME: 'reminders',
      REDIS_LEDGER_REPLICAS: '2',
    });
    expect(c.redis).toMatchObject({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
      ],
      name: 'reminders',
      password: 'pw',
      db: 3,
    });
    expect(c.ledgerWait.replicas).toBe(2);
  });

  it('refuses a cluster and Sentinel at once, a node that is not host:port, and a cluster database', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2' })).toThrow(/exclude each other/);
    expect(() => loadConfig({ REDIS_SENTINELS: 'a:99999' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_SENTINELS: 'a:99999' })).toThrow(/REDIS_SENTINELS: "a:99999" is not host:port/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://a:1/4' })).toThrow(/only database 0/);
  });
});

describe('bullPrefix', () => {
  it('keeps the plain prefix off a cluster, so existing keys stay where they are', () => {
    expect(bullPrefix('rd', 'dispatch-sms', false)).toBe('rd');
  });

  it('gives each queue a hash tag of its own on a cluster: one slot per queue, queues spread', () => {
    expect(bullPrefix('rd', 'dispatch-sms', true)).toBe('{rd:dispatch-sms}');
    expect(bullPrefix('rd', 'dispatch-email', true)).toBe('{rd:dispatch-email}');
  });

  it("leaves an operator's braced prefix as it is", () => {
    expect(bullPrefix('{rd}', 'dispatch-sms', true)).toBe('{rd}');
  });
});
