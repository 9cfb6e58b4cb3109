/**
 * The dispatch steps and their composition, with in-memory fakes for the store, the gate, the
 * caps, the renderer and the providers: no Redis, no database. Every outcome, and the adapter
 * that turns outcomes into BullMQ control flow.
 */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TransitionInput } from '../../src/store/audit-store.js';
import type { AuditEvent, Borrower, Message, MessageStatus, Reminder } from '../../src/domain/index.js';
import { makeMetrics } from '../../src/observability/metrics.js';
import { makeCircuitBreaker } from '../../src/providers/circuit-breaker.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import type { Providers, SendResult } from '../../src/providers/provider.js';
import type { SendDecision } from '../../src/policy/send-decision.js';
import type { RenderOutput } from '../../src/templates/render.js';
import { settleJob } from '../../src/workers/dispatch/bullmq-adapter.js';
import type { DispatchOutcome } from '../../src/workers/dispatch/outcome.js';
import type { DispatchDeps, TenantSending } from '../../src/workers/dispatch/ports.js';
import { processMessage } from '../../src/workers/dispatch/process-message.js';

const NOW = new Date('2026-06-10T14:00:00Z');
const silent = pino({ level: 'silent' });

function fixture(over: { status?: MessageStatus; updatedAt?: string } = {}) {
  const borrower: Borrower = {
    id: 'b-1',
    tenant: 'default',
    ref: 'b-1',
    name: 'Alex',
    locale: 'en-US',
    timezone: 'America/New_York',
    phone: '+14155550100',
    email: null,
    consent: { sms: null, voice: null, email: null },
    optOuts: [],
    blackouts: [],
    status: 'active',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
  const reminder: Reminder = {
    id: 'rem-1',
    clientId: 'c',
    externalId: null,
    borrowerId: 'b-1',
    tenant: 'default',
    borrowerRef: 'b-1',
    channel: 'sms',
    template: 'gentle-overdue',
    debt: {
      accountRef: '4111',
      creditor: 'Northwind Bank',
      amountDue: { amount: '1.00', currency: 'USD' },
      dueDate: '2026-06-01',
      daysOverdue: 9,
    },
    sendAt: NOW.toISOString(),
    expiresAt: null,
    metadata: null,
    contact: null,
    createdAt: NOW.toISOString(),
  };
  const message: Message = {
    id: 'msg-1',
    reminderId: 'rem-1',
    borrowerId: 'b-1',
    tenant: 'default',
    borrowerRef: 'b-1',
    channel: 'sms',
    template: 'gentle-overdue',
    templateVersion: null,
    locale: 'en-US',
    to: '+14155550100',
    subject: null,
    body: null,
    status: over.status ?? 'queued',
    provider: null,
    providerId: null,
    attempts: 0,
    error: null,
    sendAt: NOW.toISOString(),
    dueAt: NOW.toISOString(),
    jobSeq: 0,
    createdAt: NOW.toISOString(),
    updatedAt: over.updatedAt ?? NOW.toISOString(),
  };
  return { borrower, reminder, message };
}

/** An in-memory store: transitions move the message only from the states they name, and are kept as events. */
function fakeStore(f: ReturnType<typeof fixture>, hooks: { beforeTransition?: (input: TransitionInput) => void } = {}) {
  const events: Array<Pick<AuditEvent, 'type' | 'data'>> = [];
  const versions: string[] = [];
  return {
    events,
    versions,
    message: f.message,
    async getReminderOfMessage(id: string) {
      return id === f.message.id
        ? { message: { ...f.message }, reminder: f.reminder, borrower: f.borrower }
        : undefined;
    },
    async transition(_id: string, input: TransitionInput) {
      hooks.beforeTransition?.(input);
      const stale =
        input.orSendingSince &&
        f.message.status === 'sending' &&
        Date.parse(f.message.updatedAt) < input.orSendingSince.getTime();
      if (!input.from.includes(f.message.status) && !stale) return false;
      f.message.status = input.to;
      if (input.patch?.route !== undefined) {
        if (input.patch.route === null) delete f.message.route;
        else f.message.route = input.patch.route;
      }
      events.push({ type: input.type, data: input.data ?? {} });
      return true;
    },
    async rememberTemplateVersion(v: { version: string }) {
      versions.push(v.version);
    },
  };
}

const rendered = (text = 'Northwind Bank: a payment is overdue. Reply STOP to opt out.'): RenderOutput => ({
  key: 'gentle-overdue',
  channel: 'sms',
  locale: 'en-US',
  version: 'v1',
  subject: null,
  text,
  html: null,
  twiml: null,
  voiceLanguage: null,
  body: text,
  sources: { template: text, partials: {} },
});

function providersWith(sms: () => Promise<SendResult>): Providers & { sent: number } {
  const p = {
    sent: 0,
    sms: {
      name: 'fake-sms',
      send: async () => {
        p.sent++;
        return sms();
      },
    },
    voice: { name: 'fake-voice', send: async () => ({ provider: 'fake-voice', providerId: 'CA1' }) },
    email: { name: 'fake-email', send: async () => ({ provider: 'fake-email', providerId: 'E1' }) },
  };
  return p as unknown as Providers & { sent: number };
}

function setup(
  o: {
    status?: MessageStatus;
    updatedAt?: string;
    gate?: SendDecision;
    render?: () => RenderOutput;
    send?: () => Promise<SendResult>;
    failures?: number;
    beforeTransition?: (input: TransitionInput) => void;
    /** A secondary SMS route (provider failover) answering with this. */
    secondary?: () => Promise<SendResult>;
  } = {},
) {
  const f = fixture(o);
  const store = fakeStore(f, o.beforeTransition ? { beforeTransition: o.beforeTransition } : {});
  const slots = { sent: [] as string[], released: [] as string[] };
  const optOuts: string[] = [];
  const providers = providersWith(o.send ?? (async () => ({ provider: 'fake-sms', providerId: 'SM1' })));
  const deps: DispatchDeps = {
    store,
    gate: async () => o.gate ?? { action: 'send' },
    slots: { sent: async (m) => void slots.sent.push(m.id), release: async (m) => void slots.released.push(m.id) },
    render: (() => (o.render ?? (() => rendered()))()) as unknown as DispatchDeps['render'],
    providers,
    log: silent,
    metrics: makeMetrics(),
    clock: { now: () => NOW },
    sendingLeaseMs: 30_000,
    knownVersions: new Set(),
    breakers: {
      sms: makeCircuitBreaker('fake-sms', { failures: o.failures ?? 5, openMs: 10_000 }),
      voice: makeCircuitBreaker('fake-voice', { failures: 5, openMs: 10_000 }),
      email: makeCircuitBreaker('fake-email', { failures: 5, openMs: 10_000 }),
    },
    optOut: async (m, source) => void optOuts.push(`${m.to} ${source}`),
  };
  const secondary = { sent: 0, senders: [] as unknown[] };
  if (o.secondary) {
    const answer = o.secondary;
    deps.secondary = {
      sms: {
        provider: {
          name: 'fake-sms-2',
          send: async (req) => {
            secondary.sent++;
            secondary.senders.push(req.sender);
            return answer();
          },
        },
        breaker: makeCircuitBreaker('fake-sms:secondary', { failures: 5, openMs: 10_000 }),
      },
    };
  }
  const run = (attempt = { number: 1, of: 5 }) => processMessage(deps, 'msg-1', attempt, silent);
  return { deps, store, slots, providers, optOuts, run, secondary };
}

const types = (s: { events: Array<{ type: string }> }) => s.events.map((e) => e.type);

describe('one attempt at a message', () => {
  it('sends: claims `sending` with the content, then records `sent` and uses the slot', async () => {
    const t = setup();
    expect(await t.run()).toEqual({ kind: 'sent', provider: 'fake-sms', providerId: 'SM1' });
    expect(types(t.store)).toEqual(['sending', 'sent']);
    expect(t.store.versions).toEqual(['v1']);
    expect(t.slots.sent).toEqual(['msg-1']);
  });

  it('marks an accepted message queued first (the job may start before its request ends)', async () => {
    const t = setup({ status: 'accepted' });
    await t.run();
    expect(types(t.store)).toEqual(['queued', 'sending', 'sent']);
  });

  it('skips a message that is already settled, and one that is not in the store', async () => {
    const t = setup({ status: 'sent' });
    expect(await t.run()).toEqual({ kind: 'skipped', why: 'settled' });
    expect(await processMessage(t.deps, 'msg-unknown', { number: 1, of: 5 }, silent)).toEqual({
      kind: 'skipped',
      why: 'not-found',
    });
    expect(t.providers.sent).toBe(0);
  });

  it('waits, recording nothing, while another worker holds a young `sending` lease', async () => {
    const t = setup({ status: 'sending', updatedAt: new Date(NOW.getTime() - 5_000).toISOString() });
    const out = await t.run();
    expect(out).toMatchObject({ kind: 'deferred', reasons: [expect.objectContaining({ code: 'sending-elsewhere' })] });
    expect((out as { until: Date }).until.getTime()).toBe(NOW.getTime() + 25_000 + 1_000);
    expect(types(t.store)).toEqual([]);
  });

  it('takes over a `sending` row whose lease lapsed (its worker died)', async () => {
    const t = setup({ status: 'sending', updatedAt: new Date(NOW.getTime() - 60_000).toISOString() });
    expect((await t.run()).kind).toBe('sent');
    expect(t.store.events[0]).toMatchObject({ type: 'sending', data: { afterInterruptedAttempt: true } });
  });

  it('suppresses when the gate says so, sending nothing', async () => {
    const t = setup({ gate: { action: 'suppress', reason: 'opted-out', detail: 'STOP' } });
    expect(await t.run()).toEqual({ kind: 'suppressed', reason: 'opted-out' });
    expect(types(t.store)).toEqual(['suppressed']);
    expect(t.providers.sent).toBe(0);
  });

  it('defers to the gate’s time with its reasons', async () => {
    const until = new Date('2026-06-11T12:00:00Z');
    const reasons = [{ code: 'outside-contact-window' as const, rule: 'r', detail: 'd' }];
    const t = setup({ gate: { action: 'defer', until, reasons } });
    expect(await t.run()).toEqual({ kind: 'deferred', until, reasons });
    expect(t.store.events).toEqual([{ type: 'deferred', data: { until: until.toISOString(), reasons } }]);
  });

  it('fails a message whose template cannot render, and gives the slot back', async () => {
    const t = setup({
      render: () => {
        throw new Error('missing debt.creditor');
      },
    });
    expect(await t.run()).toMatchObject({ kind: 'failed', code: 'render-error', permanent: true });
    expect(types(t.store)).toEqual(['failed']);
    expect(t.slots.released).toEqual(['msg-1']);
  });

  it('fails a rendered message that threatens, naming the rule, not the words', async () => {
    const t = setup({ render: () => rendered('Pay now or we will have you arrested. Reply STOP to opt out.') });
    const out = await t.run();
    expect(out).toMatchObject({ kind: 'failed', code: 'lint-error' });
    expect((out as { message: string }).message).toContain('threat-arrest');
    expect((out as { message: string }).message).not.toContain('arrested');
    expect(t.providers.sent).toBe(0);
  });

  it('skips a message cancelled while it was rendering, and gives the slot back', async () => {
    const t = setup({
      beforeTransition: (input) => {
        if (input.to === 'sending') t.store.message.status = 'cancelled';
      },
    });
    expect(await t.run()).toEqual({ kind: 'skipped', why: 'settled-while-rendering' });
    expect(t.providers.sent).toBe(0);
    expect(t.slots.released).toEqual(['msg-1']);
  });

  it('keeps the slot of a message another attempt started sending meanwhile (a job run twice)', async () => {
    const t = setup({
      beforeTransition: (input) => {
        if (input.to === 'sending') {
          t.store.message.status = 'sending';
          t.store.message.updatedAt = NOW.toISOString();
        }
      },
    });
    expect(await t.run()).toEqual({ kind: 'skipped', why: 'settled-while-rendering' });
    expect(t.providers.sent).toBe(0);
    expect(t.slots.released).toEqual([]);
  });
});

describe('provider errors', () => {
  it('fails at once on a permanent refusal, and records the opt-out on 21610', async () => {
    const t = setup({
      send: async () => {
        throw new ProviderError('Attempt to send to unsubscribed recipient', '21610', true, 'fake-sms');
      },
    });
    expect(await t.run()).toMatchObject({ kind: 'failed', code: '21610', permanent: true });
    expect(types(t.store)).toEqual(['sending', 'failed']);
    expect(t.optOuts).toEqual(['+14155550100 twilio-21610 (recipient unsubscribed)']);
  });

  it('schedules a retry on a transient error, spending an attempt', async () => {
    const t = setup({
      send: async () => {
        throw new ProviderError('timeout', 'timeout', false, 'fake-sms');
      },
    });
    expect(await t.run({ number: 2, of: 5 })).toMatchObject({ kind: 'retry', code: 'timeout' });
    expect(t.store.events.at(-1)).toMatchObject({ type: 'retry-scheduled', data: { attempt: 2, of: 5 } });
    expect(t.store.message.status).toBe('queued');
  });

  it('fails on the last attempt', async () => {
    const t = setup({
      send: async () => {
        throw new ProviderError('timeout', 'timeout', false, 'fake-sms');
      },
    });
    expect(await t.run({ number: 5, of: 5 })).toMatchObject({ kind: 'failed', code: 'timeout', permanent: false });
  });

  it('waits for the breaker, spending no attempt, when this failure opens it mid-send', async () => {
    const t = setup({
      failures: 1,
      send: async () => {
        throw new ProviderError('connect ECONNREFUSED', 'unreachable', false, 'fake-sms');
      },
    });
    const out = await t.run({ number: 5, of: 5 });
    expect(out).toMatchObject({
      kind: 'deferred',
      reasons: [expect.objectContaining({ code: 'provider-unavailable' })],
    });
    expect(t.store.events.at(-1)).toMatchObject({ type: 'deferred' });
    // Next attempt finds the breaker open: deferred again, the provider not called.
    t.store.message.status = 'deferred';
    const sentBefore = t.providers.sent;
    expect((await t.run()).kind).toBe('deferred');
    expect(t.providers.sent).toBe(sentBefore);
  });

  it('records the provider’s text without the number it quotes', async () => {
    const t = setup({
      send: async () => {
        throw new ProviderError("The 'To' number +14155550100 is not a valid phone number.", '21211', true, 'fake-sms');
      },
    });
    await t.run();
    expect(JSON.stringify(t.store.events)).not.toContain('4155550100');
  });
});

describe('the BullMQ adapter', () => {
  function fakeJob() {
    const delays: number[] = [];
    return { delays, job: { moveToDelayed: async (at: number) => void delays.push(at) } as unknown as Job };
  }

  it('moves a deferred job to the delayed set and stops it without spending an attempt', async () => {
    const { job, delays } = fakeJob();
    const now = new Date('2026-06-11T11:00:00Z');
    const until = new Date('2026-06-11T12:00:00Z');
    const before = Date.now();
    await expect(settleJob({ kind: 'deferred', until, reasons: [] }, job, 't', now)).rejects.toBeInstanceOf(
      DelayedError,
    );
    // An hour on the service's clock is an hour on BullMQ's, whatever the service's clock says.
    expect(delays[0]! - before).toBeGreaterThanOrEqual(3_600_000);
    expect(delays[0]! - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it('runs a deferral whose time passed while it was decided at once', async () => {
    const { job, delays } = fakeJob();
    const until = new Date('2026-06-11T12:00:00Z');
    const before = Date.now();
    await expect(
      settleJob({ kind: 'deferred', until, reasons: [] }, job, 't', new Date('2026-06-11T12:00:30Z')),
    ).rejects.toBeInstanceOf(DelayedError);
    expect(delays[0]).toBeGreaterThanOrEqual(before);
    expect(delays[0]).toBeLessThanOrEqual(Date.now());
  });

  it('ends a failed job for good, rethrows a retry, and returns the others’ kind', async () => {
    const { job } = fakeJob();
    await expect(
      settleJob({ kind: 'failed', code: 'x', permanent: true, message: 'x: no' }, job, undefined, new Date()),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    const error = new Error('timeout');
    await expect(settleJob({ kind: 'retry', code: 'timeout', error }, job, undefined, new Date())).rejects.toBe(error);
    for (const o of [
      { kind: 'sent', provider: 'p', providerId: 'i' },
      { kind: 'skipped', why: 'settled' },
      { kind: 'suppressed', reason: 'opted-out' },
    ] as DispatchOutcome[]) {
      expect(await settleJob(o, job, undefined, new Date())).toBe(o.kind);
    }
  });
});

describe('provider failover', () => {
  const down = (mayHaveReached: boolean) => async (): Promise<SendResult> => {
    throw new ProviderError('down', mayHaveReached ? 'ETIMEDOUT' : 'ECONNREFUSED', false, 'fake-sms', mayHaveReached);
  };
  const viaSecondary = async () => ({ provider: 'twilio', providerId: 'SM2' });
  /** A tenant sending SMS from its own number (of the primary account). */
  const ownSmsSender = (): TenantSending => ({
    id: 'default',
    kind: 'creditor',
    contact: null,
    sms: { from: '+14155550111' },
    voiceFrom: undefined,
    email: undefined,
  });

  it('sends through the secondary at once when the primary certainly did not take it and its circuit opened', async () => {
    const t = setup({ failures: 1, send: down(false), secondary: viaSecondary });
    const first = await t.run();
    expect(first).toMatchObject({ kind: 'deferred', until: NOW });
    expect(t.store.message.route).toBeUndefined();
    expect(await t.run()).toEqual({ kind: 'sent', provider: 'twilio', providerId: 'SM2' });
    expect([t.providers.sent, t.secondary.sent]).toEqual([1, 1]);
    expect(t.store.events.map((e) => [e.type, e.data.route])).toEqual([
      ['sending', 'twilio:primary'],
      ['deferred', undefined],
      ['sending', 'twilio:secondary'],
      ['sent', 'twilio:secondary'],
    ]);
  });

  it('never sends through the secondary a message the primary may have taken: it waits for the primary', async () => {
    const t = setup({ failures: 1, send: down(true), secondary: viaSecondary });
    const first = await t.run();
    expect(first).toMatchObject({ kind: 'deferred' });
    expect((first as { until: Date }).until.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 10_000);
    expect(t.store.message.route).toBe('twilio:primary');
    // The primary's circuit is still open, the secondary's closed: the pinned message still waits.
    expect(await t.run()).toMatchObject({ kind: 'deferred' });
    expect([t.providers.sent, t.secondary.sent]).toEqual([1, 0]);
  });

  it('keeps a message pinned after an attempt of unknown outcome, even when a later attempt is refused outright', async () => {
    let calls = 0;
    const t = setup({
      failures: 1,
      send: async () => {
        calls++;
        throw new ProviderError('down', calls === 1 ? 'ETIMEDOUT' : 'ECONNREFUSED', false, 'fake-sms', calls === 1);
      },
      secondary: viaSecondary,
    });
    await t.run();
    // The primary half-opens; its probe is refused outright: the first attempt may still have gone.
    const later = new Date(NOW.getTime() + 60_000);
    t.deps.clock = { now: () => later };
    const second = await t.run();
    expect((second as { until: Date }).until.getTime()).toBeGreaterThan(later.getTime());
    expect(t.store.message.route).toBe('twilio:primary');
    expect(await t.run()).toMatchObject({ kind: 'deferred' });
    expect([t.providers.sent, t.secondary.sent]).toEqual([2, 0]);
  });

  it('keeps a tenant with its own SMS sender and none on the secondary route on the primary', async () => {
    const t = setup({ failures: 1, send: down(false), secondary: viaSecondary });
    t.deps.tenantOf = async () => ownSmsSender();
    const first = await t.run();
    expect((first as { until: Date }).until.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 10_000);
    expect(await t.run()).toMatchObject({ kind: 'deferred' });
    expect(t.secondary.sent).toBe(0);
  });

  it('sends a tenant’s SMS on the secondary route as its sender there', async () => {
    const t = setup({ failures: 1, send: down(false), secondary: viaSecondary });
    t.deps.tenantOf = async () => ({ ...ownSmsSender(), smsSecondary: { from: '+14155550999' } });
    await t.run();
    expect((await t.run()).kind).toBe('sent');
    expect(t.secondary.senders).toEqual([{ from: '+14155550999' }]);
  });

  it('records no route on a channel without a secondary', async () => {
    const t = setup();
    await t.run();
    expect(t.store.events.map((e) => e.data.route)).toEqual([undefined, undefined]);
    expect(t.store.message.route).toBeUndefined();
  });
});
