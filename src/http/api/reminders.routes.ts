/** POST /v1/reminders, POST /v1/reminders/batch, GET and DELETE /v1/reminders/:id. */
import type { RemindersRouteStore } from '../../store/ports.js';
import type { Clock } from '../../domain/clock.js';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../store/canonical-json.js';
import { Router, type Request, type Response } from 'express';
import type { AcceptResult } from '../../store/audit-store.js';
import type { Metrics } from '../../observability/metrics.js';
import type { DispatchQueues } from '../../jobs/dispatch-queues.js';
import type { Intake, ReminderRequest } from '../../services/intake.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import type { Catalogue } from '../../templates/catalogue.js';
import { type KeyRing, requireRole } from './auth.js';
import {
  HttpProblem,
  problemBody,
  type FieldError,
  refusedFieldsProblem,
  validationProblem,
  validationProblemBody,
  zodFieldErrors,
} from './problem.js';
import { maskReminder, presentReminder } from './present.js';
import { BatchInput, ReminderInput } from '../../schemas/request.schemas.js';
import { AGENT_REPLY_KEY } from '../../domain/agent-reply.js';
import { PROMISE_KEY } from '../../services/promises.js';
import { FALLBACK_KEY } from '../../services/fallbacks.js';
import { VALIDATION_NOTICE_KEY, VALIDATION_NOTICE_TEMPLATE } from '../../domain/validation-notice.js';
import { actingTenant, mayReach, storedBorrowerId, type TenantDirectory } from './tenancy.js';
import { getReminder } from '../../usecases/get-reminder/get-reminder.usecase.js';
import { cancelReminder, type CancelReminderPorts } from '../../usecases/cancel-reminder/cancel-reminder.usecase.js';
import type { Reader } from '../../usecases/reader.js';
import {
  acceptReminder,
  acceptReminders,
  type AcceptRemindersPorts,
} from '../../usecases/accept-reminders/accept-reminders.usecase.js';

/** Cancels what of a reminder is not sent yet (src/services/cancel.ts, wired with the store and the queues). */
export type CancelReminder = CancelReminderPorts['cancelPending'];

export interface RemindersDeps {
  store: RemindersRouteStore;
  cancelReminder: CancelReminder;
  intake: Intake;
  queues: DispatchQueues;
  catalogue: Catalogue;
  keyRing: KeyRing;
  metrics: Metrics;
  clock: Clock;
  tenants: TenantDirectory;
  /** EXPERIMENTS_FILE's experiments. */
  experiments?: ExperimentDirectory;
  strategyRunner?: StrategyRunner;
  /** A `sendAt` further ahead than this is refused (SEND_AT_MAX_AHEAD). */
  maxSendAheadMs?: number;
}

export const DEFAULT_MAX_SEND_AHEAD_MS = 366 * 86_400_000;

export interface ExperimentDirectory {
  get(id: string): { tenants?: string[] | undefined; arms: Array<{ template: string }> } | undefined;
}

/** `refused`: well formed, but asks for what a collection system may not (422). */
type Prepared = { ok: true; request: ReminderRequest } | { ok: false; errors: FieldError[]; refused?: true };

/** What only the service writes: an agent's answer is composed in the inbox, never posted by a collection system. */
function reservedFor(template: string, internal: boolean | undefined, metadata: Record<string, unknown> | undefined) {
  const errors: FieldError[] = [];
  if (internal)
    errors.push({
      path: 'template',
      message:
        template === VALIDATION_NOTICE_TEMPLATE
          ? `"${template}" is sent by the service only, after an agency's first text or call about an account (an email carries the notice itself); choose a reminder template`
          : `"${template}" is an agent's answer, composed by the service only (POST /v1/inbox/{borrowerId}/replies); choose a reminder template`,
    });
  if (metadata && Object.hasOwn(metadata, AGENT_REPLY_KEY))
    errors.push({
      path: `metadata.${AGENT_REPLY_KEY}`,
      message: `reserved: the service marks an agent's answer with it; use another key`,
    });
  // A promise's own messages pass its hold: only the service may say a message is one.
  if (metadata && Object.hasOwn(metadata, PROMISE_KEY))
    errors.push({
      path: `metadata.${PROMISE_KEY}`,
      message: `reserved: the service marks a promise's own messages with it; use another key`,
    });
  if (metadata && Object.hasOwn(metadata, VALIDATION_NOTICE_KEY))
    errors.push({
      path: `metadata.${VALIDATION_NOTICE_KEY}`,
      message: `reserved: the service marks the validation notice it sends on its own with it; use another key`,
    });
  if (metadata && Object.hasOwn(metadata, FALLBACK_KEY))
    errors.push({
      path: `metadata.${FALLBACK_KEY}`,
      message: `reserved: the service keeps a reminder's fallback under it; name the channels in "fallback"`,
    });
  return errors;
}

/** The experiment a request names, if it may run for the tenant; or the field error. */
function experimentFor(
  r: { experiment?: string | undefined },
  experiments: ExperimentDirectory | undefined,
  tenant: string,
): { template: string } | { error: FieldError } | undefined {
  if (r.experiment === undefined) return undefined;
  const e = experiments?.get(r.experiment);
  if (!e || (e.tenants && !e.tenants.includes(tenant)))
    return { error: { path: 'experiment', message: `unknown experiment "${r.experiment.slice(0, 64)}"` } };
  return { template: e.arms[0]!.template };
}

function prepare(
  raw: unknown,
  catalogue: Catalogue,
  now: Date,
  idempotencyKey: string | undefined,
  maxAheadMs: number,
  tenant: string,
  experiments?: ExperimentDirectory,
): Prepared {
  const parsed = ReminderInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const r = parsed.data;
  if (r.sendAt && Date.parse(r.sendAt) > now.getTime() + maxAheadMs) {
    const days = Math.round(maxAheadMs / 86_400_000);
    return {
      ok: false,
      errors: [
        {
          path: 'sendAt',
          message: `at most ${days} days ahead (latest ${new Date(now.getTime() + maxAheadMs).toISOString()}); a sendAt in the past means now`,
        },
      ],
    };
  }
  const experiment = experimentFor(r, experiments, tenant);
  if (experiment && 'error' in experiment) return { ok: false, errors: [experiment.error] };
  // With an experiment, the control's template stands for the arms until the intake assigns one.
  const template = experiment?.template ?? r.template!;
  const entry = catalogue.get(template);
  if (!entry) {
    return {
      ok: false,
      errors: [{ path: 'template', message: `unknown template "${template}" (known: ${catalogue.keys().join(', ')})` }],
    };
  }
  const reserved = reservedFor(template, entry.meta.internal, r.metadata);
  if (reserved.length > 0) return { ok: false, errors: reserved, refused: true };
  if (idempotencyKey !== undefined && r.externalId !== undefined && idempotencyKey !== r.externalId) {
    return {
      ok: false,
      errors: [{ path: 'externalId', message: 'differs from the Idempotency-Key header: send one or make them equal' }],
    };
  }
  const templateChannels = catalogue.channelsOf(template);
  const externalId = idempotencyKey ?? r.externalId ?? null;
  const { externalId: _ignored, ...material } = r;
  const requestHash = createHash('sha256')
    .update(canonicalJson(material) ?? '')
    .digest('hex');
  // The borrower is the tenant's: stored under the tenant's name for it.
  const borrowerId = storedBorrowerId(tenant, r.borrower?.id ?? r.borrowerId!);
  return {
    ok: true,
    request: {
      externalId,
      requestHash,
      tenant,
      borrower: r.borrower ? { ...r.borrower, id: borrowerId } : { id: borrowerId },
      upsertBorrower: r.borrower !== undefined,
      channel: r.channel,
      template,
      templateChannels,
      ...(r.experiment ? { experiment: r.experiment } : {}),
      debt: r.debt,
      sendAt: r.sendAt ? new Date(r.sendAt) : now,
      expiresAt: r.expiresAt ? new Date(r.expiresAt) : null,
      metadata: r.fallback ? { ...(r.metadata ?? {}), [FALLBACK_KEY]: { channels: r.fallback } } : (r.metadata ?? null),
      contact: r.contact ?? null,
    },
  };
}

function countAcceptedIn(metrics: Metrics, results: AcceptResult[]): void {
  for (const r of results)
    if (r.kind === 'created') for (const m of r.messages) metrics.accepted.inc({ channel: m.channel });
}

/** The request's key as the read log names it. */
function readerOf(req: Request): Reader {
  const { keyId, role, tenant } = req.principal!;
  return { keyId, role, tenant };
}

/** The reminder use cases' ports, for one request (its key may reach its own tenant's borrowers only). */
function reminderPorts(deps: Pick<RemindersDeps, 'store' | 'cancelReminder'>, req: Request) {
  return {
    getReminder: (id: string) => deps.store.getReminder(id),
    mayReach: (tenant: string) => mayReach(req, tenant),
    listEvents: (messageId: string) => deps.store.listEvents(messageId),
    cancelPending: deps.cancelReminder,
    recordRead: (read: Parameters<CancelReminderPorts['recordRead']>[0], now: Date) =>
      deps.store.reads.record(read, now),
  };
}

function outcome(result: AcceptResult) {
  switch (result.kind) {
    case 'created':
      return { status: 202, body: presentReminder(result.reminder, result.messages) };
    case 'repeat':
      return { status: 200, body: presentReminder(result.reminder, result.messages) };
    case 'conflict':
      return {
        status: 409,
        body: problemBody(
          409,
          'Idempotency key reused',
          `this externalId / Idempotency-Key was already used for reminder ${result.reminderId} with a different body`,
          {
            reminderId: result.reminderId,
          },
        ),
      };
    case 'invalid':
      return {
        status: 400,
        body: problemBody(400, 'Validation failed', `${result.path}: ${result.message}`, {
          errors: [{ path: result.path, message: result.message }],
        }),
      };
  }
}

export function remindersRouter(deps: RemindersDeps): Router {
  const router = Router();
  const collector = requireRole(deps.keyRing, ['collector']);
  const readers = requireRole(deps.keyRing, ['collector', 'agent', 'compliance']);

  const accepting: AcceptRemindersPorts = {
    acceptOne: (r, clientId, actor) => deps.intake.acceptOne(r, clientId, actor),
    accept: (rs, clientId, actor) => deps.intake.accept(rs, clientId, actor),
    preferredChannels: deps.strategyRunner ? (ids) => deps.strategyRunner!.preferredChannels(ids) : undefined,
    recordRead: (read, now) => deps.store.reads.record(read, now),
  };
  /** Who asks: the key, and the actor its events name. */
  const callerOf = (req: Request) => ({
    clientId: req.principal!.keyId,
    actor: `api:${req.principal!.keyId}`,
    reader: readerOf(req),
  });

  const countAccepted = (results: AcceptResult[]) => countAcceptedIn(deps.metrics, results);

  router.post('/v1/reminders', collector, async (req: Request, res: Response) => {
    const key = req.get('idempotency-key')?.trim() || undefined;
    if (key !== undefined && key.length > 200)
      throw validationProblem([{ path: 'Idempotency-Key', message: 'at most 200 characters' }]);
    const prepared = prepare(
      req.body,
      deps.catalogue,
      deps.clock.now(),
      key,
      deps.maxSendAheadMs ?? DEFAULT_MAX_SEND_AHEAD_MS,
      await actingTenant(req, deps.tenants),
      deps.experiments,
    );
    if (!prepared.ok) throw (prepared.refused ? refusedFieldsProblem : validationProblem)(prepared.errors);
    // A repeat answers with the original, content included: that is a read of content.
    const result = await acceptReminder(accepting, deps.clock, { ...callerOf(req), request: prepared.request });
    countAccepted([result]);
    const { status, body } = outcome(result);
    // send() of a string would answer text/html: say what it is.
    res.type(status >= 400 ? 'application/problem+json' : 'application/json');
    if (status === 202) res.location(`/v1/reminders/${(body as { id: string }).id}`);
    res.status(status).send(JSON.stringify(body));
  });

  router.post('/v1/reminders/batch', collector, async (req: Request, res: Response) => {
    const batch = BatchInput.safeParse(req.body);
    if (!batch.success) throw validationProblem(zodFieldErrors(batch.error));
    const now = deps.clock.now();
    const tenant = await actingTenant(req, deps.tenants);
    const prepared = batch.data.reminders.map((raw) =>
      prepare(
        raw,
        deps.catalogue,
        now,
        undefined,
        deps.maxSendAheadMs ?? DEFAULT_MAX_SEND_AHEAD_MS,
        tenant,
        deps.experiments,
      ),
    );
    const valid: { index: number; request: ReminderRequest }[] = [];
    prepared.forEach((p, index) => {
      if (p.ok) valid.push({ index, request: p.request });
    });
    const accepted = await acceptReminders(accepting, deps.clock, {
      ...callerOf(req),
      requests: valid.map((v) => v.request),
    });
    countAccepted(accepted);
    const results: { index: number; status: number; body: unknown }[] = prepared.map((p, index) =>
      p.ok
        ? { index, status: 0, body: null }
        : p.refused
          ? { index, status: 422, body: validationProblemBody(p.errors, 422) }
          : { index, status: 400, body: validationProblemBody(p.errors) },
    );
    valid.forEach((v, i) => {
      const { status, body } = outcome(accepted[i]!);
      results[v.index] = { index: v.index, status, body };
    });
    const count = (pred: (s: number) => boolean) => results.filter((r) => pred(r.status)).length;
    res.status(200).json({
      accepted: count((s) => s === 202),
      repeated: count((s) => s === 200),
      rejected: count((s) => s >= 400),
      results: results.map((r) =>
        r.status < 300
          ? { index: r.index, status: r.status, reminder: r.body }
          : { index: r.index, status: r.status, problem: r.body },
      ),
    });
  });

  router.get('/v1/reminders/:id', readers, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const found = await getReminder(reminderPorts(deps, req), deps.clock, { id, reader: readerOf(req) });
    if (found.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no reminder with id "${id}"`);
    const view = presentReminder(found.reminder, found.messages, found.events);
    // Agents see recipients and the account masked and no content; every other read of content is recorded.
    res.json(found.masked ? maskReminder(view) : view);
  });

  router.delete('/v1/reminders/:id', collector, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const actor = `api:${req.principal!.keyId}`;
    const result = await cancelReminder(reminderPorts(deps, req), deps.clock, { id, actor, reader: readerOf(req) });
    if (result.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no reminder with id "${id}"`);
    res.json({
      ...presentReminder(result.reminder, result.messages),
      cancelled: result.cancelled,
      notCancelled: result.notCancelled,
    });
  });

  return router;
}

export type { RemindersRouteStore };
