/**
 * The Redis side of the frequency caps: every borrower's recent contacts, in two keys that
 * share the hash tag `{b:<borrowerId>}`, changed only through the Lua
 * scripts beside this file. The policy decides; the reservation re-checks atomically.
 *
 * Behind replicas (a Redis Cluster, Sentinel) a reservation and a recorded contact are followed by
 * `WAIT <replicas> <timeoutMs>` in the same round trip, on the node that owns the borrower's slot:
 * the send goes out only once a replica that could be promoted holds the contact, so a failover
 * does not forget it (docs/operations.md#redis-cluster-and-sentinel).
 */
import fs from 'node:fs';
import type { Cluster, Redis } from 'ioredis';
import type { ContactRecord } from '../../policy/history.js';
import { OUTCOMES, type Outcome } from '../../policy/profile.js';

const script = (name: string) => fs.readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

const SCRIPTS = {
  reserveContactSlot: { numberOfKeys: 2, lua: script('reserve-contact-slot') },
  recordContactOutcome: { numberOfKeys: 1, lua: script('record-contact-outcome') },
  releaseContactSlot: { numberOfKeys: 2, lua: script('release-contact-slot') },
  recordContact: { numberOfKeys: 2, lua: script('record-contact') },
} as const;

interface Scripts<R> {
  reserveContactSlot(...args: (string | number)[]): R;
  recordContactOutcome(...args: (string | number)[]): R;
  releaseContactSlot(...args: (string | number)[]): R;
  recordContact(...args: (string | number)[]): R;
}
type ScriptPipeline = Scripts<ScriptPipeline> & {
  wait(replicas: number, timeoutMs: number): ScriptPipeline;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
};
type ScriptClient = (Redis | Cluster) & {
  reserveContactSlot(...args: (string | number)[]): Promise<[number, string]>;
  recordContactOutcome(...args: (string | number)[]): Promise<number>;
  releaseContactSlot(...args: (string | number)[]): Promise<number>;
  recordContact(...args: (string | number)[]): Promise<number>;
};

/** How many replicas must hold a new contact before it counts as reserved (0: none asked). */
export interface LedgerWait {
  replicas: number;
  timeoutMs: number;
  /** Told when fewer replicas than asked acknowledged in time (the send still goes: see the docs). */
  onShort?: (acked: number) => void;
}

/** One counting rule as the reservation script takes it (times already resolved by the policy). */
export interface LedgerRule {
  since: number;
  max: number;
  channels: readonly string[];
  counts: readonly string[];
  /** "" counts contacts to any number. */
  to: string;
  includeInbound: boolean;
}

export type ReserveResult = { ok: true; held: boolean } | { ok: false; ruleIndex: number };

export interface ContactLedger {
  history(borrowerId: string): Promise<ContactRecord[]>;
  reserve(
    borrowerId: string,
    messageId: string,
    record: ContactRecord,
    rules: readonly LedgerRule[],
    ttlMs: number,
  ): Promise<ReserveResult>;
  recordOutcome(borrowerId: string, messageId: string, outcome: Outcome): Promise<boolean>;
  release(borrowerId: string, messageId: string): Promise<boolean>;
  record(borrowerId: string, id: string, record: ContactRecord, ttlMs: number): Promise<void>;
}

const encode = (r: ContactRecord) =>
  `${r.channel}|${r.outcome}|${r.channel === 'email' ? '' : (r.to ?? '')}|${r.at}|${r.direction}`;

function decode(id: string, raw: string): ContactRecord | undefined {
  const [channel, outcome, to, at, direction] = raw.split('|');
  if (
    (channel !== 'sms' && channel !== 'voice' && channel !== 'email') ||
    !(OUTCOMES as readonly string[]).includes(outcome ?? '')
  )
    return undefined;
  return {
    id,
    channel,
    outcome: outcome as Outcome,
    to: to || null,
    at: Number(at),
    direction: direction === 'inbound' ? 'inbound' : 'outbound',
  };
}

export function makeContactLedger(
  redis: Redis | Cluster,
  prefix: string,
  wait: LedgerWait = { replicas: 0, timeoutMs: 0 },
): ContactLedger {
  const client = redis as ScriptClient;
  for (const [name, def] of Object.entries(SCRIPTS)) {
    if (!(name in client)) client.defineCommand(name, def);
  }
  const keys = (borrowerId: string) => {
    const base = `${prefix}:contacts:{b:${borrowerId}}`;
    return { times: `${base}:times`, records: `${base}:records` };
  };
  /** A script that adds a contact, then WAIT on the same node (a pipeline goes to the node of its keys). */
  const replicated = async <T>(script: keyof Scripts<unknown>, args: (string | number)[]): Promise<T> => {
    if (wait.replicas === 0) {
      const run = client[script] as (...a: unknown[]) => Promise<unknown>;
      return (await run.apply(client, args)) as T;
    }
    const pipeline = client.pipeline() as unknown as ScriptPipeline;
    const replies =
      (await pipeline[script](...args)
        .wait(wait.replicas, wait.timeoutMs)
        .exec()) ?? [];
    const [[scriptErr, result] = [null, undefined], [waitErr, acked] = [null, 0]] = replies;
    if (scriptErr) throw scriptErr;
    if (waitErr) throw waitErr;
    if (Number(acked) < wait.replicas) wait.onShort?.(Number(acked));
    return result as T;
  };

  return {
    async history(borrowerId) {
      const all = await redis.hgetall(keys(borrowerId).records);
      return Object.entries(all)
        .map(([id, raw]) => decode(id, raw))
        .filter((r): r is ContactRecord => r !== undefined);
    },

    async reserve(borrowerId, messageId, record, rules, ttlMs) {
      const k = keys(borrowerId);
      const args: (string | number)[] = [
        k.times,
        k.records,
        messageId,
        encode(record),
        record.at,
        record.at - ttlMs,
        ttlMs,
        rules.length,
      ];
      for (const r of rules) {
        args.push(
          r.since,
          r.max,
          `,${r.channels.join(',')},`,
          `,${r.counts.join(',')},`,
          r.to,
          r.includeInbound ? '1' : '0',
        );
      }
      const [ok, info] = await replicated<[number, string]>('reserveContactSlot', args);
      return ok === 1 ? { ok: true, held: info === 'held' } : { ok: false, ruleIndex: Number(info) - 1 };
    },

    async recordOutcome(borrowerId, messageId, outcome) {
      return (await client.recordContactOutcome(keys(borrowerId).records, messageId, outcome)) === 1;
    },

    async release(borrowerId, messageId) {
      const k = keys(borrowerId);
      return (await client.releaseContactSlot(k.times, k.records, messageId)) === 1;
    },

    async record(borrowerId, id, record, ttlMs) {
      const k = keys(borrowerId);
      await replicated<number>('recordContact', [k.times, k.records, id, encode(record), record.at, ttlMs]);
    },
  };
}
