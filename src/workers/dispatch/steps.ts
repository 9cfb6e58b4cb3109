/**
 * The steps of one attempt at a message, each small and returning a value: load → admit by the
 * breaker → gate (policy and caps) → render and lint → claim (`sending`) → send → record. A step
 * that ends the attempt returns a DispatchOutcome, having recorded it; one that lets it go on
 * returns what the next step needs.
 */
import {
  type Borrower,
  type Message,
  PENDING_STATUSES,
  type Reminder,
  SENDABLE_STATUSES,
  UNQUEUED_STATUSES,
} from '../../domain/index.js';
import type { MessageStatus } from '../../domain/statuses.js';
import { type Logger } from '../../observability/logger.js';
import { lintRenderedMessage } from '../../policy/template-lint.js';
import { templateContext } from '../../templates/context.js';
import { RenderError, type RenderOutput } from '../../templates/render.js';
import { withStopKey } from '../../templates/variant.js';
import type { SuppressReason } from '../../policy/send-decision.js';
import type { DeferReason, DispatchOutcome } from './outcome.js';
import { displayZone, type DispatchDeps, type TenantSending } from './ports.js';
import { chooseRoute, type Route, routeLabel, secondaryRouteOf } from './routes.js';
import { lastFour, missingDetail, type NoticeDue, noticeFor } from './validation-notice.js';
import { noticePartialFor, VALIDATION_NOTICE_RULE } from '../../policy/validation-notice.js';
import { VALIDATION_NOTICE_TEMPLATE } from '../../domain/validation-notice.js';

export const ACTOR = 'worker';

export interface MessageContext {
  message: Message;
  reminder: Reminder;
  borrower: Borrower;
  log: Logger;
  /** Set by the gate for an SMS: its validity period at the provider (until the contact window closes). */
  validitySeconds?: number;
  /** The borrower's tenant, when the deployment has tenants: who sends, with which senders. */
  tenant?: TenantSending;
  /** The provider route the breakers admitted it to (absent: the primary). */
  route?: Route;
  /** The validation notice this attempt carries (recorded once the provider has it). */
  notice?: NoticeDue;
}

export const ended = (x: unknown): x is DispatchOutcome => typeof x === 'object' && x !== null && 'kind' in x;

/**
 * Records a deferral, spending no attempt: the message waits in `deferred` until `until` (a
 * delayed job), or, when `until` is beyond the horizon, goes back to the store as `scheduled`
 * with no job (the feeder brings it in again).
 */
export async function recordDeferral(
  deps: DispatchDeps,
  ctx: MessageContext,
  d: {
    until: Date;
    reasons: DeferReason[];
    from: readonly MessageStatus[];
    patch?: { errorCode: string; errorMessage: string; route?: null };
  },
): Promise<DispatchOutcome> {
  const { message } = ctx;
  const now = deps.clock.now();
  const parked = deps.horizonMs !== undefined && d.until.getTime() > now.getTime() + deps.horizonMs;
  const until = d.until.toISOString();
  await deps.store.transition(
    message.id,
    {
      from: d.from,
      to: parked ? 'scheduled' : 'deferred',
      type: parked ? 'scheduled' : 'deferred',
      actor: ACTOR,
      data: { until, reasons: d.reasons },
      patch: { ...d.patch, dueAt: until, ...(parked ? { nextJob: true } : {}) },
    },
    now,
  );
  for (const r of d.reasons) deps.metrics.deferred.inc({ channel: message.channel, code: r.code });
  ctx.log.info(
    { until, codes: d.reasons.map((r) => r.code), parked },
    parked ? 'message deferred beyond the horizon: back in the store' : 'message deferred',
  );
  return { kind: parked ? 'parked' : 'deferred', until: d.until, reasons: d.reasons };
}

/** Loads the message; stops if it is settled, gone, or being sent by another worker right now. */
export async function load(
  deps: DispatchDeps,
  messageId: string,
  log: Logger,
): Promise<MessageContext | DispatchOutcome> {
  const found = await deps.store.getReminderOfMessage(messageId);
  if (!found) {
    log.warn('message not found in the audit store; nothing to send');
    return { kind: 'skipped', why: 'not-found' };
  }
  const { message } = found;
  if (!SENDABLE_STATUSES.includes(message.status)) {
    log.info({ status: message.status }, 'message already settled; not sending again');
    return { kind: 'skipped', why: 'settled' };
  }
  if (message.status === 'sending') {
    const age = deps.clock.now().getTime() - Date.parse(message.updatedAt);
    if (age < deps.sendingLeaseMs) {
      log.warn({ ageMs: age }, 'another worker is sending this message right now; checking again later');
      const until = new Date(deps.clock.now().getTime() + deps.sendingLeaseMs - age + 1_000);
      return {
        kind: 'deferred',
        until,
        reasons: [
          {
            code: 'sending-elsewhere',
            rule: 'sending lease',
            detail: `another worker has been sending it for ${age} ms`,
          },
        ],
      };
    }
  }
  if (UNQUEUED_STATUSES.includes(message.status)) {
    // The API or the feeder may not have marked it queued yet (the job can start before its
    // request ends, or the feeder died between adding the job and marking the row).
    await deps.store.transition(
      message.id,
      { from: UNQUEUED_STATUSES, to: 'queued', type: 'queued', actor: ACTOR },
      deps.clock.now(),
    );
  }
  const tenant = deps.tenantOf ? await deps.tenantOf(message.tenant) : undefined;
  return { ...found, log, ...(tenant ? { tenant } : {}) };
}

/**
 * Picks the provider route its breakers admit (routes.ts); with none, the provider is down: wait
 * for a breaker to half-open without spending an attempt.
 */
export async function admitByBreaker(
  deps: DispatchDeps,
  ctx: MessageContext,
  now: Date,
): Promise<DispatchOutcome | null> {
  const admitted = chooseRoute(deps, ctx.message, ctx.tenant, now.getTime());
  if (admitted.ok) {
    ctx.route = admitted.route;
    return null;
  }
  const until = new Date(admitted.retryAt + Math.floor(Math.random() * 2_000));
  const reasons = [
    {
      code: 'provider-unavailable',
      rule: `circuit breaker ${admitted.breakers}`,
      detail: `${admitted.breakers} failed repeatedly; trying again after ${new Date(admitted.retryAt).toISOString()}`,
    },
  ];
  return recordDeferral(deps, ctx, { until, reasons, from: SENDABLE_STATUSES });
}

/** The policy (and the caps' reservation): suppress, defer, or go on. */
export async function applyGate(deps: DispatchDeps, ctx: MessageContext, now: Date): Promise<DispatchOutcome | null> {
  const { message, reminder, borrower } = ctx;
  const decision = await deps.gate({ borrower, reminder, message, now });
  if (decision.action === 'send') {
    if (decision.validitySeconds !== undefined) ctx.validitySeconds = decision.validitySeconds;
    return null;
  }
  if (decision.action === 'defer')
    return recordDeferral(deps, ctx, { until: decision.until, reasons: decision.reasons, from: SENDABLE_STATUSES });
  await recordSuppressed(deps, ctx, decision.reason, decision.detail, now);
  // Known not to reach on this channel: the next channel its reminder names, if any.
  if (decision.reason === 'unreachable' && deps.fallback) await deps.fallback(message, 'unreachable');
  return { kind: 'suppressed', reason: decision.reason };
}

/** Records the message suppressed: it will not be sent. */
async function recordSuppressed(
  deps: DispatchDeps,
  ctx: MessageContext,
  reason: SuppressReason,
  detail: string,
  now: Date,
): Promise<void> {
  const { message } = ctx;
  await deps.store.transition(
    message.id,
    { from: SENDABLE_STATUSES, to: 'suppressed', type: 'suppressed', actor: ACTOR, data: { reason, detail } },
    now,
  );
  deps.metrics.suppressed.inc({ channel: message.channel, reason });
  ctx.log.info({ reason }, 'message suppressed');
}

/** The notice on its own, for an account whose notice went already or that is owed none: suppressed, nothing sent. */
async function suppressNoticeGiven(deps: DispatchDeps, ctx: MessageContext, now: Date): Promise<DispatchOutcome> {
  const detail = `the validation notice (${VALIDATION_NOTICE_RULE}) for account ${lastFour(ctx.reminder.debt.accountRef)} was given already or is not owed; nothing was sent`;
  await recordSuppressed(deps, ctx, 'notice-given', detail, now);
  await deps.slots.release(ctx.message);
  return { kind: 'suppressed', reason: 'notice-given' };
}

export interface Prepared {
  rendered: RenderOutput;
  context: Record<string, unknown>;
  timezone: string | null;
  /** A call's: where its stop key posts (kept with the render data, so the audit renders it again). */
  stopKeyAction?: string;
}

/** Renders with the borrower's data and lints what will go (the data can carry a threat the template could not). */
export async function renderAndLint(
  deps: DispatchDeps,
  ctx: MessageContext,
  now: Date,
): Promise<Prepared | DispatchOutcome> {
  const { message, reminder, borrower } = ctx;
  const timezone = displayZone(borrower);
  const context = templateContext({
    borrower,
    debt: reminder.debt,
    contact: reminder.contact,
    metadata: reminder.metadata,
    sender: ctx.tenant?.kind ?? deps.senderKind,
    senderContact: ctx.tenant?.contact ?? null,
  });
  let lintRules: string[] | undefined;
  try {
    // An agency's first email about the debt carries the validation notice, or is not sent.
    const notice = deps.validationNotices ? await noticeFor(deps.validationNotices, ctx, now) : null;
    if (notice?.kind === 'missing')
      throw new RenderError(
        missingDetail(reminder.debt.accountRef, notice.fields, message.template === VALIDATION_NOTICE_TEMPLATE),
        'validation-notice-incomplete',
      );
    // The notice on its own says nothing else: once the account has had it (or is owed none), it does not go.
    if (!notice && message.template === VALIDATION_NOTICE_TEMPLATE) return suppressNoticeGiven(deps, ctx, now);
    if (notice) {
      context.validation = notice.context;
      ctx.notice = notice;
    } else delete ctx.notice;
    const rendered = deps.render({
      key: message.template,
      channel: message.channel,
      locale: message.locale,
      timezone,
      data: context,
      ...(notice ? { appendix: noticePartialFor } : {}),
    });
    const findings = lintRenderedMessage([rendered.subject ?? '', rendered.text].join('\n'));
    if (findings.length === 0) {
      // A call carries the way to stop calls; what is stored is what is sent.
      const keypress = message.channel === 'voice' ? deps.links?.voiceKeypress?.(message.id) : undefined;
      if (!keypress) return { rendered, context, timezone };
      return { rendered: withStopKey(rendered, keypress), context, timezone, stopKeyAction: keypress };
    }
    // The rules only: the matched words may come from the borrower's data, and logs carry no content.
    lintRules = [...new Set(findings.map((f) => f.rule))];
    throw new RenderError(
      `the rendered message fails the wording linter (${lintRules.join(', ')}); nothing was sent`,
      'lint-error',
    );
  } catch (err) {
    const code = err instanceof RenderError ? err.code : 'render-error';
    const text = (err as Error).message;
    await deps.store.transition(
      message.id,
      {
        from: SENDABLE_STATUSES,
        to: 'failed',
        type: 'failed',
        actor: ACTOR,
        data: { code, message: text },
        patch: { errorCode: code, errorMessage: text },
      },
      now,
    );
    deps.metrics.failed.inc({ channel: message.channel, code });
    await deps.slots.release(message);
    ctx.log.error(
      { code, ...(lintRules ? { rules: lintRules } : {}), err: text },
      lintRules
        ? 'rendered message fails the wording linter; message failed'
        : 'template could not be rendered; message failed',
    );
    return { kind: 'failed', code, permanent: true, message: text };
  }
}

/** Records `sending` with exactly what will go: durable before the provider is called. False: settled meanwhile. */
export async function claim(
  deps: DispatchDeps,
  ctx: MessageContext,
  p: Prepared,
  now: Date,
): Promise<DispatchOutcome | null> {
  const { message } = ctx;
  const { rendered } = p;
  if (!deps.knownVersions.has(rendered.version)) {
    await deps.store.rememberTemplateVersion(
      {
        version: rendered.version,
        key: rendered.key,
        channel: rendered.channel,
        locale: rendered.locale,
        sources: rendered.sources,
      },
      now,
    );
    deps.knownVersions.add(rendered.version);
  }
  const interrupted = message.status === 'sending';
  // On a channel with a secondary route, the route it goes through, durable before the send (routes.ts).
  const route = secondaryRouteOf(deps, message.channel) ? routeLabel(message.channel, ctx.route ?? 'primary') : null;
  const claimed = await deps.store.transition(
    message.id,
    {
      from: PENDING_STATUSES,
      orSendingSince: new Date(now.getTime() - deps.sendingLeaseMs),
      to: 'sending',
      type: 'sending',
      actor: ACTOR,
      data: {
        templateVersion: rendered.version,
        locale: rendered.locale,
        ...(interrupted ? { afterInterruptedAttempt: true } : {}),
        ...(route ? { route } : {}),
      },
      patch: {
        ...(route ? { route } : {}),
        incrementAttempts: true,
        templateVersion: rendered.version,
        locale: rendered.locale,
        subject: rendered.subject,
        body: rendered.body,
        renderData: {
          context: p.context,
          timezone: p.timezone,
          ...(p.stopKeyAction ? { stopKeyAction: p.stopKeyAction } : {}),
        },
      },
    },
    now,
  );
  if (claimed) return null;
  // The slot is given back only if nothing will reach the borrower: not when another attempt of
  // the same message holds it (`sending` or sent: a job run twice, e.g. its lock lost in a Redis
  // failover), whose reservation this one found `held` and must not free.
  const current = (await deps.store.getReminderOfMessage(message.id))?.message.status;
  if (current === 'cancelled' || current === 'suppressed') await deps.slots.release(message);
  ctx.log.info({ status: current }, 'message was settled or taken by another attempt while rendering; not sending');
  return { kind: 'skipped', why: 'settled-while-rendering' };
}
