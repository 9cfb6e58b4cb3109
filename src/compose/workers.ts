/** The worker role: one dispatch worker per channel (every tenant's), and the outbound-event delivery worker. */
import { composeCannotReach, composeFallbacks } from './reach.js';
import type { Fallbacks } from '../services/fallbacks.js';
import { Worker } from 'bullmq';
import { EVENTS_OUT_QUEUE } from '../../queues/index.js';
import { bullPrefix } from '../jobs/bull-prefix.js';
import { makeEventDelivery } from '../http/webhooks/outbound-events.js';
import { makeContactSlots } from '../workers/contact-slots.js';
import { type Gate, makeDispatchProcessor } from '../workers/dispatch.processor.js';
import { startDispatchWorkers } from '../workers/dispatch.worker.js';
import { drainLegacyQueues } from '../jobs/dispatch-queues.js';
import { makeSendSlots } from '../jobs/fair-share/send-slots.js';
import { makePolicyGate } from '../workers/policy-gate.js';
import type { MessageWithContext } from '../store/audit-store.js';
import type { GroupCommitOptions } from '../store/group-commit.js';
import { makeNaturalBatch } from '../lib/natural-batch.js';
import type { TransitionInput } from '../store/store-types.js';
import type { Core } from './core.js';
import type { Releasers } from './releasers.js';
import type { EffectiveTenant } from './tenants.js';
import { TenantNotKnownYetError } from '../domain/tenant.js';
import type { ValidationNoticePorts } from '../workers/dispatch/validation-notice.js';
import { makeNoticeFollowUp, type NoticeFollowUp } from '../services/validation-notice-follow-up.js';
import { composeIntake } from './intake.js';

export async function composeWorkers(core: Core, o: { gate?: Gate | undefined }, releasers: Releasers): Promise<void> {
  const { config, store, providers, log, clock } = core;
  if (!providers) return;
  // Never the default tenant's senders for another tenant's message: one not known yet (created a
  // moment ago elsewhere) waits for the next read of the tenants (dispatch.worker.ts).
  const tenantOf = async (id: string) => {
    const t = await core.tenants.get(id);
    if (!t) throw new TenantNotKnownYetError(id);
    return t;
  };
  // Group commit: concurrent jobs' transitions share a transaction (each still waits for its commit).
  const grouped =
    config.groupCommitMs > 0
      ? store.groupCommit({
          windowMs: config.groupCommitMs,
          maxBatch: Math.max(50, config.workerConcurrency * 2),
          ...groupCommitFaults(config),
        })
      : undefined;
  // Loads of concurrent jobs (messages, suppressions) share a query while one is in flight (off
  // with group commit off).
  const load = makeNaturalBatch<string, MessageWithContext | undefined>({
    run: (ids) => store.getRemindersOfMessages(ids),
    max: grouped ? 200 : 0,
  });
  // Keyed by tenant and address: an opt-out belongs to the number within its tenant.
  const suppressionsOf = makeNaturalBatch({
    run: (keys: Array<{ tenant: string; address: string }>) =>
      perTenant(keys, (tenant, addresses) => store.suppressionsOf(tenant).ofMany(addresses)),
    max: grouped ? 200 : 0,
  });
  // The gate's other look-ups by borrower and by address, batched the same way (issue 32: a
  // statement per batch of concurrent jobs, not one per message).
  const holdsOf = makeNaturalBatch({
    run: (ids: string[]) => store.holds.unclosedOfMany(ids),
    max: grouped ? 200 : 0,
  });
  const factsOf = makeNaturalBatch({
    run: (keys: Array<{ tenant: string; address: string }>) =>
      perTenant(keys, (tenant, addresses) => core.addressFacts.ofMany(tenant, addresses)),
    max: grouped ? 200 : 0,
  });
  const cannotReach = composeCannotReach(core);
  let fallbacks: Fallbacks | undefined;
  let noticeFollowUp: NoticeFollowUp | undefined;
  const processor = makeDispatchProcessor({
    learn: (m, fact, code) => cannotReach(m, fact, code, 'worker'),
    fallback: (m, why) => (fallbacks ??= composeFallbacks(core)).cannotReach(m, why),
    store: {
      getReminderOfMessage: (id) => load(id),
      rememberTemplateVersion: (v, now) => store.rememberTemplateVersion(v, now),
      transition: grouped ? grouped.transition : (id, input, now) => store.transition(id, input, now),
    },
    gate:
      o.gate ??
      makePolicyGate({
        profile: core.profile,
        ledger: core.ledger,
        sender: config.sender,
        tenantOf,
        tenantSuppressionsOf: (tenant, address) => suppressionsOf({ tenant, address }),
        holdsOf: (borrowerId) => holdsOf(borrowerId),
        factsOf: (tenant, address) => factsOf({ tenant, address }),
      }),
    slots: makeContactSlots(core.ledger),
    render: core.render,
    providers,
    log: log.child({ part: 'worker' }),
    metrics: core.metrics,
    clock,
    sendingLeaseMs: config.sendingLeaseMs,
    senderKind: config.sender.kind,
    tenantOf,
    horizonMs: config.schedule.horizonMs,
    knownVersions: new Set<string>(),
    breakers: core.breakers,
    secondary: core.secondary,
    links: core.links,
    optOut: (m, source) => core.optOuts.providerRefused(m, source),
    validationNotices: validationNoticePorts(core, tenantOf),
    afterTextOrCall: (m, at) => (noticeFollowUp ??= composeNoticeFollowUp(core, tenantOf)).afterTextOrCall(m, at),
  });
  // One queue per channel for every tenant; each job held to its tenant's rate, read from the
  // tenant's record (a changed rate applies within TENANT_REFRESH_MS, a new tenant at once).
  const workers = startDispatchWorkers({
    connection: core.redis,
    prefix: config.queuePrefix,
    clustered: config.redis.kind === 'cluster',
    channels: config.workerChannels,
    concurrency: config.workerConcurrency,
    rateOf: async (tenant, channel) => (await tenantOf(tenant)).rates[channel],
    slots: makeSendSlots(core.redis, config.queuePrefix),
    lockMs: config.jobLockMs,
    processor,
    onWait: (_tenant, channel) => core.metrics.deferred.inc({ channel, code: 'tenant-rate' }),
    log,
  });
  releasers.add(() => workers.close(config.shutdownGraceMs));
  // Jobs left in the per-tenant queues of earlier versions, moved into the channels' queues.
  const legacy = await drainLegacyQueues(
    core.redis,
    config.queuePrefix,
    core.queues,
    (await core.tenants.list()).map((t) => t.id),
    config.workerChannels,
  );
  if (legacy > 0) log.warn({ moved: legacy }, "moved jobs from earlier versions' per-tenant queues");
  // Each event to its tenant's receiver, signed with that tenant's key (event-routing.ts).
  const delivery = new Worker(
    EVENTS_OUT_QUEUE,
    makeEventDelivery({
      routing: core.events,
      clock,
      timeoutMs: config.providerTimeoutMs,
      store,
      borrowerTenant: async (id) => (await store.getBorrower(id))?.tenant,
    }),
    {
      connection: core.redis,
      prefix: bullPrefix(config.queuePrefix, EVENTS_OUT_QUEUE, config.redis.kind === 'cluster'),
      concurrency: 10,
    },
  );
  delivery.on('error', (err) => log.error({ err: err.message }, 'outbound event worker error'));
  releasers.add(() => delivery.close());
}

/** Look-ups of many addresses, each within its tenant: one call per tenant in the batch, answers in order. */
async function perTenant<T>(
  keys: ReadonlyArray<{ tenant: string; address: string }>,
  ofTenant: (tenant: string, addresses: string[]) => Promise<T[]>,
): Promise<T[]> {
  const byTenant = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = byTenant.get(k.tenant);
    if (list) list.push(i);
    else byTenant.set(k.tenant, [i]);
  });
  const out = new Array<T>(keys.length);
  await Promise.all(
    [...byTenant].map(async ([tenant, idx]) => {
      const found = await ofTenant(
        tenant,
        idx.map((i) => keys[i]!.address),
      );
      idx.forEach((i, j) => (out[i] = found[j]!));
    }),
  );
  return out;
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

/** Whether the tenant owes validation notices: an agency whose profile asks for them (12 CFR 1006.34). */
const owesNotices = (t: EffectiveTenant): boolean => t.kind === 'agency' && Boolean(t.profile.validationNotice);

/** The notice after an agency's first text or call: by email through the intake, or asked of the collection system. */
function composeNoticeFollowUp(core: Core, tenantOf: (id: string) => Promise<EffectiveTenant>): NoticeFollowUp {
  const { store } = core;
  return makeNoticeFollowUp({
    store,
    intake: composeIntake(core),
    clock: core.clock,
    owesNotices: async (id) => owesNotices(await tenantOf(id)),
    // An opt-out's confirmation and a limited-content voicemail (1006.2(j)) are no communication about the debt.
    exempt: (template) => {
      const meta = core.catalogue.get(template)?.meta;
      return meta?.confirmsOptOut === true || (meta?.channels?.length === 1 && meta.channels[0] === 'voicemail');
    },
    emailSuppressed: async (tenant, address) =>
      (await store.suppressionsOf(tenant).of(address)).some((s) => s.channel === 'email'),
  });
}

/** The validation notice's store and tenant look-ups for the dispatch steps (12 CFR 1006.34). */
function validationNoticePorts(core: Core, tenantOf: (id: string) => Promise<EffectiveTenant>): ValidationNoticePorts {
  const { store } = core;
  return {
    collectorOf: async (id) => {
      const t = await tenantOf(id);
      if (!owesNotices(t)) return undefined;
      const c = t.contact;
      return {
        name: c?.name ?? null,
        mailingAddress: c?.mailingAddress ?? null,
        phone: c?.phone ?? null,
        hours: c?.hours ?? null,
      };
    },
    sentFor: async (borrowerId, accountRef) => (await store.validationNotices.of(borrowerId, accountRef)) !== undefined,
    exempt: (template) => core.catalogue.get(template)?.meta.confirmsOptOut === true,
    record: (notice, event, now) => store.validationNotices.record(notice, event, now),
  };
}
