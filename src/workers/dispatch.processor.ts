/**
 * One processor serves every channel: load → gate (policy) → render → record `sending` → send →
 * record the outcome. The audit store is checked before every send, so a repeated job (the
 * reconciler, a stalled job) never sends a message that already went.
 */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type Channel, DispatchJob } from '../../queues/index.js';
import type { AuditStore } from '../audit/audit-store.js';
import { type Message, PENDING_STATUSES, SENDABLE_STATUSES } from '../domain/index.js';
import { type Logger, redactContacts } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { DecisionInput, SendDecision } from '../policy/send-decision.js';
import type { Breakers } from '../providers/circuit-breaker.js';
import { ProviderError } from '../providers/provider-error.js';
import type { Providers, SendResult } from '../providers/provider.js';
import { RenderError, type Render, type RenderOutput } from '../templates/render.js';
import { lintRenderedMessage } from '../policy/template-lint.js';
import { templateContext } from '../templates/context.js';
import type { Borrower, Clock } from '../domain/index.js';

export type { Clock };

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
  breakers: Breakers;
  /** Public URLs for provider callbacks and unsubscribe links (absent: none are sent). */
  links?: Links | undefined;
  /** Records an opt-out the provider told us about (Twilio 21610: the recipient replied STOP). */
  optOut?: (message: { borrowerId: string; channel: Channel; to: string }, source: string) => Promise<void>;
}

export interface Links {
  smsStatus(messageId: string): string;
  callStatus(messageId: string): string;
  amd(messageId: string): string;
  unsubscribe(messageId: string): string;
}

export type DispatchOutcome = 'sent' | 'skipped' | 'suppressed' | 'deferred' | 'failed';

/** Dates are shown in the borrower's zone; with several candidate zones, the first. */
export function displayZone(borrower: Borrower): string | null {
  const tz = borrower.timezone;
  if (tz === null) return null;
  return Array.isArray(tz) ? (tz[0] ?? null) : tz;
}

const ACTOR = 'worker';

async function sendThrough(providers: Providers, links: Links | undefined, channel: Channel, messageId: string, to: string, r: RenderOutput): Promise<SendResult> {
  switch (channel) {
    case 'sms':
      return providers.sms.send({ messageId, to, body: r.body, statusCallback: links?.smsStatus(messageId) });
    case 'voice':
      return providers.voice.send({ messageId, to, twiml: r.twiml ?? r.body, statusCallback: links?.callStatus(messageId), amdCallback: links?.amd(messageId) });
    case 'email': {
      // RFC 8058 one-click unsubscribe; RFC 2369 List-Unsubscribe.
      const headers: Record<string, string> = links ? { 'List-Unsubscribe': `<${links.unsubscribe(messageId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {};
      return providers.email.send({ messageId, to, subject: r.subject ?? '', text: r.text, html: r.html ?? r.text, headers });
    }
  }
}

export function makeDispatchProcessor(deps: DispatchDeps) {
  const { store, metrics } = deps;

  return async function processDispatch(job: Job, token?: string): Promise<DispatchOutcome> {
    const data = DispatchJob.parse(job.data);
    const log = deps.log.child({ messageId: data.messageId, queue: job.queueName, jobId: job.id, attempt: job.attemptsMade + 1 });
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
    const breaker = deps.breakers[message.channel];
    const admitted = breaker.admit(now.getTime());
    if (!admitted.ok) {
      // The provider is down: wait for the breaker to half-open without spending an attempt.
      const until = new Date(admitted.retryAt + Math.floor(Math.random() * 2_000));
      const reasons = [{ code: 'provider-unavailable', rule: `circuit breaker ${breaker.name}`, detail: `${breaker.name} failed repeatedly; trying again after ${new Date(admitted.retryAt).toISOString()}` }];
      await store.transition(message.id, { from: SENDABLE_STATUSES, to: 'deferred', type: 'deferred', actor: ACTOR, data: { until: until.toISOString(), reasons } }, now);
      metrics.deferred.inc({ channel: message.channel, code: 'provider-unavailable' });
      await job.moveToDelayed(until.getTime(), token);
      throw new DelayedError();
    }
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
    let lintRules: string[] | undefined;
    const timezone = displayZone(borrower);
    const context = templateContext({ borrower, debt: reminder.debt, contact: reminder.contact, metadata: reminder.metadata });
    try {
      rendered = deps.render({ key: message.template, channel: message.channel, locale: message.locale, timezone, data: context });
      // The data can carry what the template could not (a creditor name, say): lint what will go.
      const findings = lintRenderedMessage([rendered.subject ?? '', rendered.text].join('\n'));
      if (findings.length > 0) {
        // The rules only: the matched words may come from the borrower's data, and logs carry no content.
        lintRules = [...new Set(findings.map((f) => f.rule))];
        throw new RenderError(`the rendered message fails the wording linter (${lintRules.join(', ')}); nothing was sent`, 'lint-error');
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
      log.error({ code, ...(lintRules ? { rules: lintRules } : {}), err: (err as Error).message }, lintRules ? 'rendered message fails the wording linter; message failed' : 'template could not be rendered; message failed');
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
      result = await sendThrough(deps.providers, deps.links, message.channel, message.id, message.to, rendered);
      breaker.success();
    } catch (err) {
      const perr = err instanceof ProviderError ? err : new ProviderError((err as Error)?.message ?? String(err), 'unknown', false, deps.providers[message.channel].name);
      // What is recorded is hashed and kept: the provider's text without the number it quotes.
      const errText = redactContacts(perr.message);
      if (perr.permanent) breaker.success();
      else breaker.failure(deps.clock.now().getTime());
      if (perr.code === '21610') await deps.optOut?.(message, 'twilio-21610 (recipient unsubscribed)');
      metrics.providerLatency.observe({ channel: message.channel, provider: perr.provider, outcome: 'error' }, seconds());
      const attempts = job.opts.attempts ?? 1;
      const lastAttempt = job.attemptsMade + 1 >= attempts;
      const at = deps.clock.now();
      if (!perr.mayHaveReached) await deps.slots.release(message);
      const circuit = breaker.admit(at.getTime());
      if (!perr.permanent && !circuit.ok) {
        // The provider is down (this failure opened the circuit, or a probe failed): wait for it
        // without spending an attempt, so an outage never exhausts a message's retries.
        const until = new Date(circuit.retryAt + Math.floor(Math.random() * 2_000));
        await store.transition(
          message.id,
          { from: ['sending'], to: 'deferred', type: 'deferred', actor: ACTOR, data: { until: until.toISOString(), reasons: [{ code: 'provider-unavailable', rule: `circuit breaker ${breaker.name}`, detail: `${perr.code}: ${errText}` }] }, patch: { error_code: perr.code, error_message: errText } },
          at,
        );
        metrics.deferred.inc({ channel: message.channel, code: 'provider-unavailable' });
        log.warn({ code: perr.code }, 'provider unavailable; circuit open, message waits');
        await job.moveToDelayed(until.getTime(), token);
        throw new DelayedError();
      }
      if (perr.permanent || lastAttempt) {
        await store.transition(
          message.id,
          {
            from: ['sending'],
            to: 'failed',
            type: 'failed',
            actor: ACTOR,
            data: { code: perr.code, message: errText, permanent: perr.permanent, attempts: job.attemptsMade + 1 },
            patch: { error_code: perr.code, error_message: errText, provider: perr.provider },
          },
          at,
        );
        metrics.failed.inc({ channel: message.channel, code: perr.code });
        log.warn({ code: perr.code, permanent: perr.permanent }, 'provider refused the message; failed');
        throw new UnrecoverableError(`${perr.code}: ${errText}`);
      }
      await store.transition(
        message.id,
        {
          from: ['sending'],
          to: 'queued',
          type: 'retry-scheduled',
          actor: ACTOR,
          data: { code: perr.code, message: errText, attempt: job.attemptsMade + 1, of: attempts },
          patch: { error_code: perr.code, error_message: errText },
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
