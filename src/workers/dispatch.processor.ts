/**
 * One processor serves every channel: load → gate (policy) → render → record `sending` → send →
 * record the outcome. The audit store is checked before every send, so a repeated job (the
 * reconciler, a stalled job) never sends a message that already went.
 */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type Channel, DispatchJob } from '../../queues/index.js';
import type { AuditStore } from '../audit/audit-store.js';
import { type Message, PENDING_STATUSES, SENDABLE_STATUSES } from '../audit/types.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { DecisionInput, SendDecision } from '../policy/send-decision.js';
import { ProviderError } from '../providers/provider-error.js';
import type { Providers, SendResult } from '../providers/provider.js';
import { RenderError, type Render, type RenderOutput } from '../templates/render.js';
import { lintRenderedMessage } from '../policy/template-lint.js';
import { templateContext } from '../templates/context.js';
import type { Borrower } from '../audit/types.js';

export interface Clock {
  now(): Date;
}

/** The seam where the policy engine plugs in: called before rendering, for every attempt. */
export type Gate = (input: DecisionInput) => Promise<SendDecision>;

/** What the worker tells the caps about a slot the gate reserved. */
export interface ContactSlots {
  /** The provider took the message. */
  sent(message: Message): Promise<void>;
  /** Nothing reached the borrower (render failed, provider refused or was unreachable): give the slot back. */
  release(message: Message): Promise<void>;
}

export const NO_SLOTS: ContactSlots = { sent: async () => undefined, release: async () => undefined };

export interface DispatchDeps {
  store: AuditStore;
  gate: Gate;
  slots: ContactSlots;
  render: Render;
  providers: Providers;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  /**
   * How long a `sending` row belongs to the worker that wrote it. A job that finds a younger one
   * (the same message being sent elsewhere, after a lock was lost) waits instead of sending too;
   * an older one was left by a worker that died, and is taken over.
   */
  sendingLeaseMs: number;
  /** Template versions already stored by this process. */
  knownVersions: Set<string>;
}

export type DispatchOutcome = 'sent' | 'skipped' | 'suppressed' | 'deferred' | 'failed';

/** Dates are shown in the borrower's zone; with several candidate zones, the first. */
export function displayZone(borrower: Borrower): string | null {
  const tz = borrower.timezone;
  if (tz === null) return null;
  return Array.isArray(tz) ? (tz[0] ?? null) : tz;
}

const ACTOR = 'worker';

async function sendThrough(providers: Providers, channel: Channel, messageId: string, to: string, r: RenderOutput): Promise<SendResult> {
  switch (channel) {
    case 'sms':
      return providers.sms.send({ messageId, to, body: r.body });
    case 'voice':
      return providers.voice.send({ messageId, to, twiml: r.twiml ?? r.body });
    case 'email':
      return providers.email.send({ messageId, to, subject: r.subject ?? '', text: r.text, html: r.html ?? r.text });
  }
}

export function makeDispatchProcessor(deps: DispatchDeps) {
  const { store, metrics } = deps;

  return async function processDispatch(job: Job, token?: string): Promise<DispatchOutcome> {
    const data = DispatchJob.parse(job.data);
    const log = deps.log.child({ messageId: data.messageId, channel: data.channel, jobId: job.id, attempt: job.attemptsMade + 1 });
    const ctx = await store.getReminderOfMessage(data.messageId);
    if (!ctx) {
      log.warn('message not found in the audit store; nothing to send');
      return 'skipped';
    }
    const { message, reminder, borrower } = ctx;
    if (!SENDABLE_STATUSES.includes(message.status)) {
      log.info({ status: message.status }, 'message already settled; not sending again');
      return 'skipped';
    }
    if (message.status === 'sending') {
      const age = deps.clock.now().getTime() - Date.parse(message.updatedAt);
      if (age < deps.sendingLeaseMs) {
        log.warn({ ageMs: age }, 'another worker is sending this message right now; checking again later');
        await job.moveToDelayed(deps.clock.now().getTime() + deps.sendingLeaseMs - age + 1_000, token);
        throw new DelayedError();
      }
    }
    if (message.status === 'accepted') {
      // The API may not have marked it queued yet (the job can start before its request ends).
      await store.transition(message.id, { from: ['accepted'], to: 'queued', type: 'queued', actor: ACTOR }, deps.clock.now());
    }

    const now = deps.clock.now();
    const decision = await deps.gate({ borrower, reminder, message, now });
    if (decision.action === 'suppress') {
      await store.transition(
        message.id,
        { from: SENDABLE_STATUSES, to: 'suppressed', type: 'suppressed', actor: ACTOR, data: { reason: decision.reason, detail: decision.detail } },
        now,
      );
      metrics.suppressed.inc({ channel: message.channel, reason: decision.reason });
      log.info({ reason: decision.reason }, 'message suppressed');
      return 'suppressed';
    }
    if (decision.action === 'defer') {
      await store.transition(
        message.id,
        {
          from: SENDABLE_STATUSES,
          to: 'deferred',
          type: 'deferred',
          actor: ACTOR,
          data: { until: decision.until.toISOString(), reasons: decision.reasons },
        },
        now,
      );
      for (const r of decision.reasons) metrics.deferred.inc({ channel: message.channel, code: r.code });
      log.info({ until: decision.until.toISOString(), codes: decision.reasons.map((r) => r.code) }, 'message deferred');
      await job.moveToDelayed(decision.until.getTime(), token);
      throw new DelayedError();
    }

    let rendered: RenderOutput;
    const timezone = displayZone(borrower);
    const context = templateContext({ borrower, debt: reminder.debt, contact: reminder.contact, metadata: reminder.metadata });
    try {
      rendered = deps.render({ key: message.template, channel: message.channel, locale: message.locale, timezone, data: context });
      // The data can carry what the template could not (a creditor name, say): lint what will go.
      const findings = lintRenderedMessage([rendered.subject ?? '', rendered.text].join('\n'));
      if (findings.length > 0) {
        const f = findings[0]!;
        throw new RenderError(`the rendered message fails the wording linter: ${f.rule} ${f.message}`, 'lint-error');
      }
    } catch (err) {
      const code = err instanceof RenderError ? err.code : 'render-error';
      await store.transition(
        message.id,
        { from: SENDABLE_STATUSES, to: 'failed', type: 'failed', actor: ACTOR, data: { code, message: (err as Error).message }, patch: { error_code: code, error_message: (err as Error).message } },
        now,
      );
      metrics.failed.inc({ channel: message.channel, code });
      await deps.slots.release(message);
      log.error({ code, err: (err as Error).message }, 'template could not be rendered; message failed');
      throw new UnrecoverableError((err as Error).message);
    }

    if (!deps.knownVersions.has(rendered.version)) {
      await store.rememberTemplateVersion({ version: rendered.version, key: rendered.key, channel: rendered.channel, locale: rendered.locale, sources: rendered.sources }, now);
      deps.knownVersions.add(rendered.version);
    }
    const interrupted = message.status === 'sending';
    const claimed = await store.transition(
      message.id,
      {
        from: PENDING_STATUSES,
        orSendingSince: new Date(now.getTime() - deps.sendingLeaseMs),
        to: 'sending',
        type: 'sending',
        actor: ACTOR,
        data: { templateVersion: rendered.version, locale: rendered.locale, ...(interrupted ? { afterInterruptedAttempt: true } : {}) },
        patch: {
          incrementAttempts: true,
          template_version: rendered.version,
          locale: rendered.locale,
          subject: rendered.subject,
          body: rendered.body,
          render_data: JSON.stringify({ context, timezone }),
        },
      },
      now,
    );
    if (!claimed) {
      await deps.slots.release(message);
      log.info('message was settled while rendering (cancelled or suppressed); not sending');
      return 'skipped';
    }

    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let result: SendResult;
    try {
      result = await sendThrough(deps.providers, message.channel, message.id, message.to, rendered);
    } catch (err) {
      const perr = err instanceof ProviderError ? err : new ProviderError((err as Error)?.message ?? String(err), 'unknown', false, deps.providers[message.channel].name);
      metrics.providerLatency.observe({ channel: message.channel, provider: perr.provider, outcome: 'error' }, seconds());
      const attempts = job.opts.attempts ?? 1;
      const lastAttempt = job.attemptsMade + 1 >= attempts;
      const at = deps.clock.now();
      if (!perr.mayHaveReached) await deps.slots.release(message);
      if (perr.permanent || lastAttempt) {
        await store.transition(
          message.id,
          {
            from: ['sending'],
            to: 'failed',
            type: 'failed',
            actor: ACTOR,
            data: { code: perr.code, message: perr.message, permanent: perr.permanent, attempts: job.attemptsMade + 1 },
            patch: { error_code: perr.code, error_message: perr.message, provider: perr.provider },
          },
          at,
        );
        metrics.failed.inc({ channel: message.channel, code: perr.code });
        log.warn({ code: perr.code, permanent: perr.permanent }, 'provider refused the message; failed');
        throw new UnrecoverableError(`${perr.code}: ${perr.message}`);
      }
      await store.transition(
        message.id,
        {
          from: ['sending'],
          to: 'queued',
          type: 'retry-scheduled',
          actor: ACTOR,
          data: { code: perr.code, message: perr.message, attempt: job.attemptsMade + 1, of: attempts },
          patch: { error_code: perr.code, error_message: perr.message },
        },
        at,
      );
      metrics.retried.inc({ channel: message.channel, code: perr.code });
      log.warn({ code: perr.code }, 'transient provider error; will retry');
      throw perr;
    }
    metrics.providerLatency.observe({ channel: message.channel, provider: result.provider, outcome: 'ok' }, seconds());
    await store.transition(
      message.id,
      {
        from: ['sending'],
        to: 'sent',
        type: 'sent',
        actor: ACTOR,
        data: { provider: result.provider, providerId: result.providerId },
        patch: { provider: result.provider, provider_id: result.providerId, error_code: null, error_message: null },
      },
      deps.clock.now(),
    );
    await deps.slots.sent(message);
    metrics.sent.inc({ channel: message.channel, provider: result.provider });
    log.info({ provider: result.provider, providerId: result.providerId }, 'message sent');
    return 'sent';
  };
}
