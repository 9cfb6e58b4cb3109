/**
 * The send step: hand the rendered message to the channel's provider, then record what came of
 * it. A provider error is decided once (ProviderError says permanent or transient, and whether it
 * may have reached the borrower); an outage waits for the breaker instead of spending attempts.
 */
import { type Channel, RECIPIENT_UNSUBSCRIBED_DETAIL, TWILIO_RECIPIENT_UNSUBSCRIBED } from '../../domain/index.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import { redactContacts } from '../../observability/logger.js';
import { ProviderError } from '../../providers/provider-error.js';
import { factOfCall, factOfMessageError } from '../../domain/address-facts.js';
import type { Providers, SendResult } from '../../providers/provider.js';
import type { RenderOutput } from '../../templates/render.js';
import type { DispatchOutcome } from './outcome.js';
import type { Attempt, DispatchDeps, Links, TenantSending } from './ports.js';
import { pinnedRoute, routeLabel, secondaryRouteOf, usableSecondary } from './routes.js';
import { ACTOR, type MessageContext, recordDeferral } from './steps.js';
import { untilStored } from './until-stored.js';
import { type NoticeDue, noticeRecord, type ValidationNoticePorts } from './validation-notice.js';

/**
 * The notice went with the message: its dates stored and its event written. A failure here is
 * logged, not retried: the message went, and the account's next email carries the notice again.
 */
async function recordNotice(ports: ValidationNoticePorts, ctx: MessageContext, due: NoticeDue, now: Date) {
  const { record, event } = noticeRecord(ctx, due, now);
  try {
    await ports.record(record, event, now);
  } catch (err) {
    ctx.log.error({ err: (err as Error).message }, 'the validation notice went but could not be recorded');
  }
}

/**
 * A text or a call went: the validation notice it may make due. A failure here is logged, not retried (the message
 * went); the account's next text, call or email looks again.
 */
async function followUp(after: NonNullable<DispatchDeps['afterTextOrCall']>, ctx: MessageContext, wentAt: Date) {
  try {
    await after(ctx, wentAt);
  } catch (err) {
    ctx.log.error(
      { err: (err as Error).message },
      'the validation notice due after this message could not be arranged',
    );
  }
}

export async function sendThrough(
  providers: Providers,
  links: Links | undefined,
  channel: Channel,
  messageId: string,
  to: string,
  r: RenderOutput,
  validitySeconds?: number,
  tenant?: TenantSending,
  tenantId: string = tenant?.id ?? DEFAULT_TENANT,
): Promise<SendResult> {
  switch (channel) {
    case 'sms':
      return providers.sms.send({
        messageId,
        to,
        body: r.body,
        statusCallback: links?.smsStatus(messageId),
        ...(validitySeconds !== undefined ? { validitySeconds } : {}),
        ...(tenant?.sms ? { sender: tenant.sms } : {}),
      });
    case 'voice':
      return providers.voice.send({
        messageId,
        to,
        twiml: r.twiml ?? r.body,
        statusCallback: links?.callStatus(messageId),
        amdCallback: links?.amd(messageId),
        ...(tenant?.voiceFrom ? { from: tenant.voiceFrom } : {}),
      });
    case 'email': {
      // RFC 8058 one-click unsubscribe; RFC 2369 List-Unsubscribe.
      const headers: Record<string, string> = links
        ? {
            'List-Unsubscribe': `<${links.unsubscribe(messageId, tenantId)}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {};
      // Answers come back to the service (reply+<token>@INBOUND_MAIL_DOMAIN) when it receives mail.
      const replyTo = links?.replyTo?.(messageId, tenantId) ?? tenant?.email?.replyTo;
      // Bounces come back to bounces+<token>@BOUNCE_DOMAIN, which names this message (VERP).
      const envelopeFrom = links?.bounceAddress?.(messageId, tenantId);
      return providers.email.send({
        messageId,
        to,
        subject: r.subject ?? '',
        text: r.text,
        html: r.html ?? r.text,
        headers,
        ...(tenant?.email ? { from: tenant.email.from } : {}),
        ...(replyTo ? { replyTo } : {}),
        ...(envelopeFrom ? { envelopeFrom } : {}),
      });
    }
  }
}

/** The provider, breaker and tenant senders of the route the message was admitted to. */
function routeOf(deps: DispatchDeps, ctx: MessageContext) {
  const { channel } = ctx.message;
  const secondary = ctx.route === 'secondary' ? usableSecondary(deps, channel, ctx.tenant) : undefined;
  // Recorded only on a channel with a secondary route.
  const label = secondaryRouteOf(deps, channel) ? routeLabel(channel, secondary ? 'secondary' : 'primary') : undefined;
  if (!secondary) return { providers: deps.providers, breaker: deps.breakers[channel], tenant: ctx.tenant, label };
  return {
    providers: { ...deps.providers, [channel]: secondary.provider } as Providers,
    breaker: secondary.breaker,
    // On the secondary Twilio route the tenant sends as its secondary sender (none: the route's own).
    tenant: ctx.tenant ? { ...ctx.tenant, sms: ctx.tenant.smsSecondary } : undefined,
    label,
  };
}

export async function send(
  deps: DispatchDeps,
  ctx: MessageContext,
  rendered: RenderOutput,
  attempt: Attempt,
): Promise<DispatchOutcome> {
  const { message } = ctx;
  const route = routeOf(deps, ctx);
  // From the later of accepted and due to this call (the clock of the machine: what a borrower waits).
  const due = Math.max(Date.parse(message.createdAt), Date.parse(message.dueAt));
  if (due <= Date.now()) deps.metrics.dueToProvider.observe({ channel: message.channel }, (Date.now() - due) / 1000);
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let result: SendResult;
  try {
    result = await sendThrough(
      route.providers,
      deps.links,
      message.channel,
      message.id,
      message.to,
      rendered,
      ctx.validitySeconds,
      route.tenant,
      ctx.tenant?.id ?? message.tenant,
    );
  } catch (err) {
    const perr =
      err instanceof ProviderError
        ? err
        : new ProviderError(
            (err as Error)?.message ?? String(err),
            'unknown',
            false,
            route.providers[message.channel].name,
          );
    deps.metrics.providerLatency.observe(
      { channel: message.channel, provider: perr.provider, outcome: 'error' },
      seconds(),
    );
    return recordProviderError(deps, ctx, perr, attempt);
  }
  route.breaker.success();
  const took = seconds();
  deps.metrics.providerLatency.observe({ channel: message.channel, provider: result.provider, outcome: 'ok' }, took);
  deps.metrics.stage.observe({ stage: 'provider' }, took);
  const recording = performance.now();
  const via = route.label ? { route: route.label } : {};
  // When it went: the validation notice a text or a call makes due counts from it.
  const wentAt = deps.clock.now();
  // Owed: the provider has the message (until-stored.ts).
  await untilStored(
    () =>
      deps.store.transition(
        message.id,
        {
          from: ['sending'],
          to: 'sent',
          type: 'sent',
          actor: ACTOR,
          data: { provider: result.provider, providerId: result.providerId, ...via },
          patch: {
            provider: result.provider,
            providerId: result.providerId,
            errorCode: null,
            errorMessage: null,
            ...via,
          },
        },
        deps.clock.now(),
      ),
    ctx.log,
  );
  await deps.slots.sent(message);
  if (ctx.notice && deps.validationNotices)
    await recordNotice(deps.validationNotices, ctx, ctx.notice, deps.clock.now());
  if (message.channel !== 'email' && deps.afterTextOrCall) await followUp(deps.afterTextOrCall, ctx, wentAt);
  deps.metrics.stage.observe({ stage: 'record' }, (performance.now() - recording) / 1000);
  deps.metrics.sent.inc({ channel: message.channel, provider: result.provider });
  deps.metrics.sentByRoute.inc({ channel: message.channel, route: route.label ?? `${result.provider}:primary` });
  ctx.log.info({ provider: result.provider, providerId: result.providerId, ...via }, 'message sent');
  return { kind: 'sent', provider: result.provider, providerId: result.providerId };
}

/** Deferred (the circuit is open), failed (permanent, or the last attempt) or retry (transient). */
export async function recordProviderError(
  deps: DispatchDeps,
  ctx: MessageContext,
  perr: ProviderError,
  attempt: Attempt,
): Promise<DispatchOutcome> {
  const { message } = ctx;
  const { breaker, label } = routeOf(deps, ctx);
  // What is recorded is hashed and kept: the provider's text without the number it quotes.
  const errText = redactContacts(perr.message);
  if (perr.permanent) breaker.success();
  else breaker.failure(deps.clock.now().getTime());
  if (perr.code === TWILIO_RECIPIENT_UNSUBSCRIBED) await deps.optOut?.(message, RECIPIENT_UNSUBSCRIBED_DETAIL);
  const at = deps.clock.now();
  if (!perr.mayHaveReached) await deps.slots.release(message);
  // Certainly not sent, and no earlier attempt of unknown outcome: the message is free to go
  // through either route again (routes.ts); otherwise the route stays recorded and holds it.
  const free = !perr.mayHaveReached && pinnedRoute(message) === undefined;
  const unpinned = label && free ? { route: null } : {};
  const circuit = breaker.admit(at.getTime());
  if (!perr.permanent && !circuit.ok) {
    // The provider is down (this failure opened the circuit, or a probe failed): wait for it
    // without spending an attempt, so an outage never exhausts a message's retries; or, when
    // the primary certainly did not take it and the secondary is not known to be down, go
    // through the secondary at once.
    const secondary = ctx.route !== 'secondary' ? usableSecondary(deps, message.channel, ctx.tenant) : undefined;
    const failover = secondary && free && secondary.breaker.state(at.getTime()) !== 'open';
    const until = failover ? at : new Date(circuit.retryAt + Math.floor(Math.random() * 2_000));
    ctx.log.warn(
      { code: perr.code, ...(failover ? { next: secondary.breaker.name } : {}) },
      failover
        ? 'provider unavailable; circuit open, message goes through the secondary route'
        : 'provider unavailable; circuit open, message waits',
    );
    const reasons = [
      {
        code: 'provider-unavailable',
        rule: `circuit breaker ${breaker.name}`,
        detail: `${perr.code}: ${errText}${failover ? `; through ${secondary.breaker.name} next` : ''}`,
      },
    ];
    return untilStored(
      () =>
        recordDeferral(deps, ctx, {
          until,
          reasons,
          from: ['sending'],
          patch: { errorCode: perr.code, errorMessage: errText, ...unpinned },
        }),
      ctx.log,
    );
  }
  if (perr.permanent || attempt.number >= attempt.of) {
    await untilStored(
      () =>
        deps.store.transition(
          message.id,
          {
            from: ['sending'],
            to: 'failed',
            type: 'failed',
            actor: ACTOR,
            data: { code: perr.code, message: errText, permanent: perr.permanent, attempts: attempt.number },
            patch: { errorCode: perr.code, errorMessage: errText, provider: perr.provider },
          },
          at,
        ),
      ctx.log,
    );
    deps.metrics.failed.inc({ channel: message.channel, code: perr.code });
    ctx.log.warn({ code: perr.code, permanent: perr.permanent }, 'provider refused the message; failed');
    // A refusal that says the address cannot take this channel (21614: not a mobile) is learned about it.
    const fact = perr.permanent
      ? message.channel === 'voice'
        ? factOfCall({ errorCode: perr.code })
        : message.channel === 'sms'
          ? factOfMessageError(perr.code)
          : undefined
      : undefined;
    if (fact && deps.learn) await deps.learn(message, fact, `twilio-${perr.code}`);
    return { kind: 'failed', code: perr.code, permanent: perr.permanent, message: `${perr.code}: ${errText}` };
  }
  await untilStored(
    () =>
      deps.store.transition(
        message.id,
        {
          from: ['sending'],
          to: 'queued',
          type: 'retry-scheduled',
          actor: ACTOR,
          data: { code: perr.code, message: errText, attempt: attempt.number, of: attempt.of },
          patch: { errorCode: perr.code, errorMessage: errText, ...unpinned },
        },
        at,
      ),
    ctx.log,
  );
  deps.metrics.retried.inc({ channel: message.channel, code: perr.code });
  ctx.log.warn({ code: perr.code }, 'transient provider error; will retry');
  return { kind: 'retry', code: perr.code, error: perr };
}
