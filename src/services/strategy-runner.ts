/**
 * Runs the collection strategy for accounts: "this account is now overdue" picks the stage and
 * schedules its cadence as ordinary reminders (delayed jobs, ids only), so every step still
 * passes the policy; moving to another stage cancels the old stage's pending steps; a late
 * account is handed off to people (`borrower.escalated`); payment sends one thank-you and stops
 * everything.
 */
import { FALLBACK_KEY } from './fallbacks.js';
import type { Clock } from '../domain/clock.js';
import type { Channel } from '../../queues/index.js';
import type { BorrowerPatch } from '../store/audit-store.js';
import type { StrategyStore } from '../store/ports.js';
import { type Borrower, type Debt, DROPPED_STATUSES, HANDED_OVER_STATUSES, type Message } from '../domain/index.js';
import {
  type PlannedStep,
  planSteps,
  selectStage,
  type Stage,
  type Strategy,
  StrategyError,
} from '../policy/strategy.js';
import { cancelReminder } from './cancel.js';
import { borrowerKey } from '../store/borrower-key.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import type { Intake, ReminderRequest } from './intake.js';

export interface StrategyDeps {
  store: StrategyStore;
  intake: Intake;
  queues: DispatchQueues;
  strategy: Strategy;
  dayMs: number;
  clock: Clock;
  /** Channels each template has (the catalogue), to check steps and resolve `auto`. */
  templateChannels(template: string): Channel[];
  /** Whether a tenant's outbound events go to its collection system (its receiver: docs/tenants.md). */
  eventsSent?: (tenant: string) => Promise<boolean>;
}

/** The hand-off of a late account to people: when, why, and whether the collection system was told. */
export interface Handoff {
  at: string;
  why: string;
  /** The `borrower.escalated` event sent to the collection system. */
  event: {
    id: string;
    delivery: 'delivered' | 'retrying' | 'failed' | 'pending' | 'not-configured';
    attempts: number;
    deliveredAt: string | null;
    error: string | null;
  };
}

export interface AccountPlan {
  accountRef: string;
  stage: Stage | 'resolved';
  why: string;
  enteredAt: string;
  steps: Array<
    PlannedStep & {
      reminderId: string | null;
      messageId: string | null;
      status: string;
      reason: string | null;
      sendAt: string;
    }
  >;
  /** For a late account: automated pressure stopped and people took over (null otherwise). */
  handoff: Handoff | null;
}

const stepKey = (accountRef: string, stage: string, index: number) => `strategy:${accountRef}:${stage}:${index}`;

export function makeStrategyRunner(deps: StrategyDeps) {
  const accounts = deps.store.strategy;

  return {
    /**
     * POST /v1/accounts/:accountRef/overdue: the batch with one account. One already in its stage
     * keeps its plan: its steps are asked for again (a repeat of each) and its days overdue move.
     */
    async accountOverdue(input: { clientId: string; actor: string; account: OverdueAccount }) {
      const { clientId, actor } = input;
      const account = keyed(input.account);
      const result = (await accountsOverdue(deps, clientId, actor, [account])).results[0]!;
      if (result.status === 'invalid') return { error: result.error } as const;
      if (result.status === 'unchanged') {
        const previous = (await accounts.get(clientId, account.accountRef))!;
        const requests = stepRequests(deps, account, result.stage, previous.plan);
        const invalid = (requests.length ? await deps.intake.accept(requests, clientId, actor) : []).find(
          (r) => r.kind === 'invalid',
        );
        if (invalid && invalid.kind === 'invalid')
          return { error: { path: invalid.path, message: invalid.message } } as const;
        await accounts.touch(clientId, account.accountRef, account.debt.daysOverdue, deps.clock.now().toISOString());
      }
      const cancelled = result.status === 'scheduled' ? result.cancelled : [];
      return {
        stage: result.stage,
        why: result.why,
        cancelled,
        plan: await planOf(deps, account.borrower.id, account.tenant),
      } as const;
    },

    accountsOverdue: (clientId: string, actor: string, inputs: OverdueAccount[]) =>
      accountsOverdue(deps, clientId, actor, inputs.map(keyed)),

    /** After payment (POST /v1/borrowers/:id/resolve): one thank-you per account, nothing else. */
    resolved: (borrower: Borrower, actor: string) => resolveAccounts(deps, borrower, actor),

    /** The channel each borrower's current stage prefers (for `channel: "auto"`). */
    async preferredChannels(borrowerIds: string[]): Promise<Map<string, Channel>> {
      if (borrowerIds.length === 0) return new Map();
      const out = new Map<string, Channel>();
      for (const r of await accounts.stagesOfBorrowers(borrowerIds))
        if (r.stage !== 'resolved') out.set(r.borrowerId, deps.strategy.preferredChannel[r.stage as Stage]);
      return out;
    },

    /** A borrower's accounts, stages, steps and hand-off. */
    planOf: (borrower: Pick<Borrower, 'id' | 'tenant'>) => planOf(deps, borrower.id, borrower.tenant),
  };
}

export type StrategyRunner = ReturnType<typeof makeStrategyRunner>;

/** An account as the store keys it: its borrower's id made the tenant's borrower key. */
function keyed(c: OverdueAccount): OverdueAccount {
  return { ...c, borrower: { ...c.borrower, id: borrowerKey(c.tenant, c.borrower.id) } };
}

/** The newest `borrower.escalated` event of the account, and what became of its delivery. */
async function handoffOf(
  deps: StrategyDeps,
  borrowerId: string,
  tenant: string,
  accountRef: string,
): Promise<Handoff | null> {
  const rows = await deps.store.borrowerEventsOfType(borrowerId, 'borrower.escalated');
  const row = rows.find((r) => r.data.accountRef === accountRef);
  if (!row) return null;
  const data = row.data as { why?: string };
  const eventId = `evt_${row.id}`;
  const d = (await deps.eventsSent?.(tenant))
    ? await deps.store.deliveries.of(eventId)
    : { status: 'not-configured', attempts: 0, at: null, error: null };
  return {
    at: row.at,
    why: data.why ?? '',
    event: {
      id: eventId,
      delivery: d.status as Handoff['event']['delivery'],
      attempts: d.attempts,
      deliveredAt: d.status === 'delivered' ? d.at : null,
      error: d.error,
    },
  };
}

async function cancelStage(
  deps: StrategyDeps,
  clientId: string,
  accountRef: string,
  stage: string,
  actor: string,
): Promise<string[]> {
  const rows = await deps.store.remindersByExternalPrefix(clientId, `strategy:${accountRef}:${stage}:`);
  const cancelled: string[] = [];
  for (const r of rows) {
    const res = await cancelReminder(deps, r.id, actor);
    cancelled.push(...(res?.cancelled ?? []));
  }
  return cancelled;
}

/** What became of one account of a batch. */
export type AccountResult =
  | { accountRef: string; status: 'scheduled'; stage: Stage; why: string; steps: number; cancelled: string[] }
  | { accountRef: string; status: 'unchanged'; stage: Stage; why: string }
  | { accountRef: string; status: 'invalid'; error: { path: string; message: string } };

export interface OverdueAccount {
  accountRef: string;
  /** The tenant whose account it is. */
  tenant: string;
  /** The borrower, `id` as the tenant knows it (the runner keys it for the store). */
  borrower: BorrowerPatch;
  /** False: `borrower` only names a borrower that must exist (default true: upsert it). */
  upsertBorrower?: boolean;
  debt: Debt;
}

type Entering = {
  accountRef: string;
  borrowerId: string;
  stage: Stage;
  /** The stage it leaves (null: it had none). */
  from: string | null;
  why: string;
  days: number;
  steps: PlannedStep[];
  requests: ReminderRequest[];
  cancelled: string[];
};

/**
 * The reminders of an account's steps in a stage (those not superseded): accepted together or
 * not at all, each taking the next usable channel if its own may not be used by this sender.
 */
function stepRequests(deps: StrategyDeps, c: OverdueAccount, stage: Stage, steps: PlannedStep[]): ReminderRequest[] {
  return steps
    .filter((s) => !s.superseded)
    .map((s) => ({
      externalId: stepKey(c.accountRef, stage, s.index),
      requestHash: `${c.accountRef}|${s.index}|${s.template}|${s.channel}|${s.day}`,
      tenant: c.tenant,
      borrower: c.borrower,
      upsertBorrower: c.upsertBorrower ?? true,
      channel: s.channel,
      template: s.template,
      templateChannels: deps.templateChannels(s.template),
      ...(s.experiment ? { experiment: s.experiment } : {}),
      debt: c.debt,
      sendAt: new Date(s.at),
      expiresAt: null,
      metadata: {
        strategy: { accountRef: c.accountRef, stage, step: s.index, nextAt: s.nextAt },
        ...(s.fallback ? { [FALLBACK_KEY]: { channels: s.fallback } } : {}),
      },
      contact: null,
      group: c.accountRef,
      channelFallback: true,
    }));
}

/** One account of a batch: unchanged (already in its stage), invalid, or the stage it enters with its steps' requests. */
async function planEntering(
  deps: StrategyDeps,
  clientId: string,
  actor: string,
  c: OverdueAccount,
  before: string | undefined,
  now: Date,
): Promise<AccountResult | Entering> {
  let picked;
  try {
    picked = selectStage(deps.strategy, c.debt);
  } catch (err) {
    if (err instanceof StrategyError)
      return {
        accountRef: c.accountRef,
        status: 'invalid',
        error: { path: 'debt.amountDue.currency', message: err.message },
      };
    throw err;
  }
  const { stage, why } = picked;
  if (before === stage) return { accountRef: c.accountRef, status: 'unchanged', stage, why };
  const cancelled = before ? await cancelStage(deps, clientId, c.accountRef, before, actor) : [];
  const steps = planSteps(deps.strategy, stage, c.debt.daysOverdue, now.getTime(), deps.dayMs);
  return {
    accountRef: c.accountRef,
    borrowerId: c.borrower.id,
    stage,
    from: before ?? null,
    why,
    days: c.debt.daysOverdue,
    steps,
    requests: stepRequests(deps, c, stage, steps),
    cancelled,
  };
}

/**
 * Accounts entering their stages (one through POST /v1/accounts/:accountRef/overdue, or the
 * nightly delinquency file, an import): reminders accepted a thousand accounts at a time, then
 * each chunk's stage rows and their borrower events (`strategy.stage`, and `borrower.escalated`
 * for a late account) in one transaction. An account already in its stage is left as it is (so a
 * file posted twice changes nothing); one whose steps cannot be accepted (no phone for an SMS
 * step, say) is refused whole and is not entered.
 */
async function accountsOverdue(
  deps: StrategyDeps,
  clientId: string,
  actor: string,
  inputs: OverdueAccount[],
): Promise<{ scheduled: number; unchanged: number; invalid: number; results: AccountResult[] }> {
  const now = deps.clock.now();
  const accounts = deps.store.strategy;
  const nowIso = now.toISOString();
  const results: AccountResult[] = [];
  for (let i = 0; i < inputs.length; i += 1000) {
    const chunk = inputs.slice(i, i + 1000);
    const previous = await accounts.stagesOf(
      clientId,
      chunk.map((c) => c.accountRef),
    );
    const planned: Array<AccountResult | Entering> = [];
    for (const c of chunk) planned.push(await planEntering(deps, clientId, actor, c, previous.get(c.accountRef), now));
    const entering = planned.filter((p): p is Entering => 'requests' in p);
    const requests = entering.flatMap((e) => e.requests);
    const refused = new Map<string, { path: string; message: string }>();
    for (let j = 0; j < requests.length; j += 2000) {
      const slice = requests.slice(j, j + 2000);
      const accepted = await deps.intake.accept(slice, clientId, actor);
      accepted.forEach((r, k) => {
        if (r.kind === 'invalid' && !refused.has(slice[k]!.group!))
          refused.set(slice[k]!.group!, { path: r.path, message: r.message });
      });
    }
    const entered = entering.filter((e) => !refused.has(e.accountRef));
    await accounts.enter(
      entered.map((r) => ({
        clientId,
        accountRef: r.accountRef,
        borrowerId: r.borrowerId,
        stage: r.stage,
        why: r.why,
        daysOverdue: r.days,
        enteredAt: nowIso,
        updatedAt: nowIso,
        plan: r.steps,
        events: [
          {
            type: 'strategy.stage',
            actor,
            data: { accountRef: r.accountRef, stage: r.stage, from: r.from, why: r.why },
          },
          // Hand-off: no more automated pressure; the collection system's people take it from here.
          ...(r.stage === 'late'
            ? [
                {
                  type: 'borrower.escalated' as const,
                  actor: 'strategy',
                  data: { accountRef: r.accountRef, why: r.why },
                },
              ]
            : []),
        ],
      })),
    );
    for (const p of planned) {
      if (!('requests' in p)) results.push(p);
      else if (refused.has(p.accountRef))
        results.push({ accountRef: p.accountRef, status: 'invalid', error: refused.get(p.accountRef)! });
      else
        results.push({
          accountRef: p.accountRef,
          status: 'scheduled',
          stage: p.stage,
          why: p.why,
          steps: p.requests.length,
          cancelled: p.cancelled,
        });
    }
  }
  const count = (status: AccountResult['status']) => results.filter((r) => r.status === status).length;
  return { scheduled: count('scheduled'), unchanged: count('unchanged'), invalid: count('invalid'), results };
}

/** The stage, and every step: done, pending (with its time) or dropped (with why). */
async function planOf(deps: StrategyDeps, borrowerId: string, tenant: string): Promise<AccountPlan[]> {
  const accounts = deps.store.strategy;
  const out: AccountPlan[] = [];
  for (const a of await accounts.ofBorrower(borrowerId)) {
    const steps = a.plan;
    const planStage = a.stage === 'resolved' ? undefined : a.stage;
    const keys = steps.map((s) => stepKey(a.accountRef, planStage ?? '', s.index));
    const reminders = planStage ? await deps.store.remindersByExternalIds(a.clientId, keys) : [];
    const byKey = new Map(reminders.map((r) => [r.externalId, r.id]));
    const rows = [];
    for (const s of steps) {
      const reminderId = byKey.get(stepKey(a.accountRef, planStage ?? '', s.index)) ?? null;
      const found = reminderId ? await deps.store.getReminder(reminderId) : undefined;
      const m = found?.messages[0];
      const last = m ? (await deps.store.listEvents(m.id)).at(-1) : undefined;
      const status = s.superseded
        ? 'dropped'
        : !m
          ? 'not-scheduled'
          : HANDED_OVER_STATUSES.includes(m.status)
            ? 'done'
            : DROPPED_STATUSES.includes(m.status)
              ? 'dropped'
              : 'pending';
      const reason = s.superseded
        ? 'superseded: a later step was already due when the stage began'
        : status === 'dropped'
          ? String(last?.data.reason ?? last?.data.code ?? m?.status ?? '')
          : null;
      const sendAt = m && status === 'pending' ? m.dueAt : new Date(s.at).toISOString();
      rows.push({ ...s, reminderId, messageId: m?.id ?? null, status, reason, sendAt });
    }
    out.push({
      accountRef: a.accountRef,
      stage: a.stage as Stage | 'resolved',
      why: a.why,
      enteredAt: a.enteredAt,
      steps: rows,
      handoff: a.stage === 'late' ? await handoffOf(deps, borrowerId, tenant, a.accountRef) : null,
    });
  }
  return out;
}

/** After payment: one thank-you per account, nothing else. */
async function resolveAccounts(deps: StrategyDeps, borrower: Borrower, actor: string): Promise<Message[]> {
  const accounts = deps.store.strategy;
  const sent: Message[] = [];
  for (const a of await accounts.ofBorrower(borrower.id)) {
    if (a.stage === 'resolved') continue;
    const channel: Channel | undefined = borrower.phone ? 'sms' : borrower.email ? 'email' : undefined;
    const last = await deps.store.latestReminder(borrower.id);
    if (channel && last) {
      const [r] = await deps.intake.accept(
        [
          {
            externalId: `strategy:${a.accountRef}:resolved`,
            requestHash: `resolved:${a.accountRef}`,
            tenant: borrower.tenant,
            borrower: { id: borrower.id },
            upsertBorrower: false,
            channel,
            template: deps.strategy.resolvedTemplate,
            templateChannels: deps.templateChannels(deps.strategy.resolvedTemplate),
            debt: last.debt,
            sendAt: deps.clock.now(),
            expiresAt: null,
            metadata: {
              confirmation: true,
              strategy: { accountRef: a.accountRef, stage: 'resolved', step: 0, nextAt: null },
            },
            contact: last.contact,
          },
        ],
        a.clientId,
        actor,
      );
      if (r && r.kind === 'created') sent.push(...r.messages);
    }
    await accounts.resolve(a.clientId, a.accountRef, deps.clock.now().toISOString());
  }
  return sent;
}
