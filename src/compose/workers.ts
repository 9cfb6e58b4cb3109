/** The worker role: one dispatch worker per channel, and the outbound-event delivery worker. */
import { Worker } from 'bullmq';
import { EVENTS_OUT_QUEUE } from '../../queues/index.js';
import { makeEventDelivery } from '../webhooks/outbound-events.js';
import { makeContactSlots } from '../workers/contact-slots.js';
import { type Gate, makeDispatchProcessor } from '../workers/dispatch.processor.js';
import { startDispatchWorkers } from '../workers/dispatch.worker.js';
import { makePolicyGate } from '../workers/policy-gate.js';
import type { MessageWithContext } from '../audit/audit-store.js';
import type { GroupCommitOptions } from '../audit/group-commit.js';
import { makeNaturalBatch } from '../process/natural-batch.js';
import type { TransitionInput } from '../audit/store-types.js';
import type { Core } from './core.js';
import type { Releasers } from './releasers.js';

export function composeWorkers(core: Core, o: { gate?: Gate | undefined; signingSecret: string }, releasers: Releasers): void {
  const { config, store, providers, log, clock } = core;
  if (!providers) return;
  // Group commit: concurrent jobs' transitions share a transaction (each still waits for its commit).
  const grouped = config.groupCommitMs > 0 ? store.groupCommit({ windowMs: config.groupCommitMs, maxBatch: Math.max(50, config.workerConcurrency * 2), ...groupCommitFaults(config) }) : undefined;
  // Loads of concurrent jobs (messages, suppressions) share a query while one is in flight (off
  // with group commit off).
  const load = makeNaturalBatch<string, MessageWithContext | undefined>({
    run: (ids) => store.getRemindersOfMessages(ids),
    max: grouped ? 200 : 0,
  });
  const suppressionsOf = makeNaturalBatch({ run: (addresses: string[]) => store.suppressions.ofMany(addresses), max: grouped ? 200 : 0 });
  const processor = makeDispatchProcessor({
    store: {
      getReminderOfMessage: (id) => load(id),
      rememberTemplateVersion: (v, now) => store.rememberTemplateVersion(v, now),
      transition: grouped ? grouped.transition : (id, input, now) => store.transition(id, input, now),
    },
    gate: o.gate ?? makePolicyGate({ profile: core.profile, ledger: core.ledger, suppressionsOf: (a) => suppressionsOf(a), sender: config.sender }),
    slots: makeContactSlots(core.ledger),
    render: core.render,
    providers,
    log: log.child({ part: 'worker' }),
    metrics: core.metrics,
    clock,
    sendingLeaseMs: config.sendingLeaseMs,
    senderKind: config.sender.kind,
    horizonMs: config.schedule.horizonMs,
    knownVersions: new Set<string>(),
    breakers: core.breakers,
    links: core.links,
    optOut: (m, source) => core.optOuts.providerRefused(m, source),
  });
  const workers = startDispatchWorkers({
    connection: core.redis,
    prefix: config.queuePrefix,
    channels: config.workerChannels,
    concurrency: config.workerConcurrency,
    rates: config.sendRate,
    lockMs: config.jobLockMs,
    processor,
    log,
  });
  releasers.add(() => workers.close(config.shutdownGraceMs));
  if (config.eventsWebhookUrl) {
    const delivery = new Worker(EVENTS_OUT_QUEUE, makeEventDelivery({ url: config.eventsWebhookUrl, secret: o.signingSecret, clock, timeoutMs: config.providerTimeoutMs, store }), {
      connection: core.redis,
      prefix: config.queuePrefix,
      concurrency: 10,
    });
    delivery.on('error', (err) => log.error({ err: err.message }, 'outbound event worker error'));
    releasers.add(() => delivery.close());
  }
}

/**
 * FAULT_INJECTION (tests of crash recovery only), at the first batch that claims rows for sending:
 * die with SIGKILL once it has committed, before any provider call; or make its transaction fail.
 */
function groupCommitFaults(config: Core['config']): Pick<GroupCommitOptions, 'beforeCommit' | 'afterCommit'> {
  const fault = config.faultInjection;
  if (fault !== 'worker-after-sending-commit' && fault !== 'group-commit-fails-once') return {};
  let fired = false;
  const firstClaim = (batch: readonly TransitionInput[]): boolean => {
    if (fired || !batch.some((t) => t.to === 'sending')) return false;
    fired = true;
    return true;
  };
  if (fault === 'worker-after-sending-commit') {
    return {
      afterCommit: (batch) => {
        if (firstClaim(batch)) process.kill(process.pid, 'SIGKILL');
      },
    };
  }
  return {
    beforeCommit: (_ids, batch) => {
      if (firstClaim(batch)) throw new Error('injected fault: the group commit failed');
    },
  };
}
