/**
 * Runs the collection strategy for accounts: "this account is now overdue" picks the stage and
 * schedules its cadence as ordinary reminders (delayed jobs, ids only), so every step still
 * passes the policy; moving to another stage cancels the old stage's pending steps; a late
 * account is handed off to people (`borrower.escalated`); payment sends one thank-you and stops
 * everything.
 */
import type { Clock } from '../domain/clock.js';
import type { Channel } from '../../queues/index.js';
import type { AuditStore, BorrowerPatch } from '../audit/audit-store.js';
import { borrowerChain } from '../audit/hash-chain.js';
import { deliveryOf } from '../audit/outbound-deliveries.js';
import type { Borrower, Debt, Message } from '../domain/index.js';
import { type PlannedStep, planSteps, selectStage, type Stage, type Strategy } from '../policy/strategy.js';
import { cancelReminder } from './cancel.js';
import type { DispatchQueues } from './dispatch-queues.js';
import type { Intake, ReminderRequest } from './intake.js';

export interface StrategyDeps {
  store: AuditStore;
  intake: Intake;
  queues: DispatchQueues;
  strategy: Strategy;
  dayMs: number;
  clock: Clock;
  /** Channels each template has (the catalogue), to check steps and resolve `auto`. */
  templateChannels(template: string): Channel[];
  /** Whether outbound events go to the collection system (EVENTS_WEBHOOK_URL is set). */
  eventsWebhook?: boolean;
}

/** The hand-off of a late account to people: when, why, and whether the collection system was told. */
export interface Handoff {
  at: string;
  why: string;
  /** The `borrower.escalated` event sent to the collection system. */
  event: { id: string; delivery: 'delivered' | 'retrying' | 'failed' | 'pending' | 'not-configured'; attempts: number; deliveredAt: string | null; error: string | null };
}

export interface AccountPlan {
  accountRef: string;
  stage: Stage | 'resolved';
  why: string;
  enteredAt: string;
  steps: Array<PlannedStep & { reminderId: string | null; messageId: string | null; status: string; reason: string | null; sendAt: string }>;
  /** For a late account: automated pressure stopped and people took over (null otherwise). */
  handoff: Handoff | null;
}

const stepKey = (accountRef: string, stage: string, index: number) => `strategy:${accountRef}:${stage}:${index}`;

export function makeStrategyRunner(deps: StrategyDeps) {
  const db = deps.store.db;

  /** The newest `borrower.escalated` event of the account, and what became of its delivery. */
  async function handoffOf(borrowerId: string, accountRef: string): Promise<Handoff | null> {
    const rows = await db.selectFrom('events').select(['id', 'at', 'data']).where('chain', '=', borrowerChain(borrowerId)).where('type', '=', 'borrower.escalated').orderBy('seq', 'desc').execute();
    const row = rows.find((r) => (JSON.parse(r.data) as { accountRef?: string }).accountRef === accountRef);
    if (!row) return null;
    const data = JSON.parse(row.data) as { why?: string };
    const eventId = `evt_${row.id}`;
    const d = deps.eventsWebhook ? await deliveryOf(db, eventId) : { status: 'not-configured', attempts: 0, at: null, error: null };
    return {
      at: row.at,
      why: data.why ?? '',
      event: { id: eventId, delivery: d.status as Handoff['event']['delivery'], attempts: d.attempts, deliveredAt: d.status === 'delivered' ? d.at : null, error: d.error },
    };
  }

  async function cancelStage(clientId: string, accountRef: string, stage: string, actor: string): Promise<string[]> {
    const prefix = `strategy:${accountRef}:${stage}:`;
    // A range on (client_id, external_id): the unique index serves it.
    const rows = await db.selectFrom('reminders').select(['id', 'external_id']).where('client_id', '=', clientId).where('external_id', '>=', prefix).where('external_id', '<', `${prefix}\uffff`).execute();
    const cancelled: string[] = [];
    for (const r of rows) {
      const res = await cancelReminder(deps, r.id, actor);
      cancelled.push(...(res?.cancelled ?? []));
    }
    return cancelled;
  }

  async function accountRow(clientId: string, accountRef: string) {
    return db.selectFrom('strategy_accounts').selectAll().where('client_id', '=', clientId).where('account_ref', '=', accountRef).executeTakeFirst();
  }

  return {
    /** POST /v1/accounts/:accountRef/overdue */
    async accountOverdue(input: { clientId: string; actor: string; accountRef: string; borrower: BorrowerPatch; upsertBorrower: boolean; debt: Debt; requestHashOf: (step: PlannedStep) => string }) {
      const now = deps.clock.now();
      const { stage, why } = selectStage(deps.strategy, input.debt);
      const previous = await accountRow(input.clientId, input.accountRef);
      let cancelled: string[] = [];
      if (previous && previous.stage !== stage) cancelled = await cancelStage(input.clientId, input.accountRef, previous.stage, input.actor);
      const sameStage = previous?.stage === stage;
      const steps = sameStage ? (JSON.parse(previous.plan) as PlannedStep[]) : planSteps(deps.strategy, stage, input.debt.daysOverdue, now.getTime(), deps.dayMs);

      const live = steps.filter((s) => !s.superseded);
      const requests: ReminderRequest[] = live.map((s) => ({
        externalId: stepKey(input.accountRef, stage, s.index),
        requestHash: input.requestHashOf(s),
        borrower: input.borrower,
        upsertBorrower: input.upsertBorrower,
        channel: s.channel,
        template: s.template,
        templateChannels: deps.templateChannels(s.template),
        debt: input.debt,
        sendAt: new Date(s.at),
        expiresAt: null,
        metadata: { strategy: { accountRef: input.accountRef, stage, step: s.index, nextAt: s.nextAt } },
        contact: null,
      }));
      const results = requests.length ? await deps.intake.accept(requests, input.clientId, input.actor) : [];
      const invalid = results.find((r) => r.kind === 'invalid');
      if (invalid && invalid.kind === 'invalid') return { error: { path: invalid.path, message: invalid.message } } as const;

      const nowIso = now.toISOString();
      const borrowerId = input.borrower.id;
      if (!sameStage) {
        await db
          .insertInto('strategy_accounts')
          .values({ client_id: input.clientId, account_ref: input.accountRef, borrower_id: borrowerId, stage, why, days_overdue: input.debt.daysOverdue, entered_at: nowIso, updated_at: nowIso, plan: JSON.stringify(steps) })
          .onConflict((oc) => oc.columns(['client_id', 'account_ref']).doUpdateSet({ borrower_id: borrowerId, stage, why, days_overdue: input.debt.daysOverdue, entered_at: nowIso, updated_at: nowIso, plan: JSON.stringify(steps) }))
          .execute();
        await deps.store.recordBorrowerEvent(borrowerId, { type: 'strategy.stage', actor: input.actor, data: { accountRef: input.accountRef, stage, from: previous?.stage ?? null, why } }, now);
        if (stage === 'late') {
          // Hand-off: no more automated pressure; the collection system's people take it from here.
          await deps.store.recordBorrowerEvent(borrowerId, { type: 'borrower.escalated', actor: 'strategy', data: { accountRef: input.accountRef, why } }, now);
        }
      } else {
        await db.updateTable('strategy_accounts').set({ days_overdue: input.debt.daysOverdue, updated_at: nowIso }).where('client_id', '=', input.clientId).where('account_ref', '=', input.accountRef).execute();
      }
      return { stage, why, cancelled, plan: await this.planOf(borrowerId) } as const;
    },

    /**
     * Many accounts entering their stages at once (an import, a nightly run): the same steps as
     * accountOverdue, with reminders accepted a thousand at a time. Accounts already in their
     * stage are left as they are.
     */
    async accountsOverdue(clientId: string, actor: string, inputs: Array<{ accountRef: string; borrower: BorrowerPatch; debt: Debt }>): Promise<{ scheduled: number; unchanged: number }> {
      const now = deps.clock.now();
      const nowIso = now.toISOString();
      let scheduled = 0;
      let unchanged = 0;
      for (let i = 0; i < inputs.length; i += 1000) {
        const chunk = inputs.slice(i, i + 1000);
        const previous = new Map(
          (await db.selectFrom('strategy_accounts').select(['account_ref', 'stage']).where('client_id', '=', clientId).where('account_ref', 'in', chunk.map((c) => c.accountRef)).execute()).map((r) => [r.account_ref, r.stage]),
        );
        const requests: ReminderRequest[] = [];
        const rows: Array<{ accountRef: string; borrowerId: string; stage: Stage; why: string; days: number; steps: PlannedStep[] }> = [];
        for (const c of chunk) {
          const { stage, why } = selectStage(deps.strategy, c.debt);
          const before = previous.get(c.accountRef);
          if (before === stage) {
            unchanged++;
            continue;
          }
          if (before) await cancelStage(clientId, c.accountRef, before, actor);
          const steps = planSteps(deps.strategy, stage, c.debt.daysOverdue, now.getTime(), deps.dayMs);
          for (const s of steps.filter((x) => !x.superseded)) {
            requests.push({
              externalId: stepKey(c.accountRef, stage, s.index),
              requestHash: `${c.accountRef}|${s.index}|${s.template}|${s.channel}|${s.day}`,
              borrower: c.borrower,
              upsertBorrower: true,
              channel: s.channel,
              template: s.template,
              templateChannels: deps.templateChannels(s.template),
              debt: c.debt,
              sendAt: new Date(s.at),
              expiresAt: null,
              metadata: { strategy: { accountRef: c.accountRef, stage, step: s.index, nextAt: s.nextAt } },
              contact: null,
            });
          }
          rows.push({ accountRef: c.accountRef, borrowerId: c.borrower.id, stage, why, days: c.debt.daysOverdue, steps });
        }
        for (let j = 0; j < requests.length; j += 2000) await deps.intake.accept(requests.slice(j, j + 2000), clientId, actor);
        for (let j = 0; j < rows.length; j += 200) {
          await db
            .insertInto('strategy_accounts')
            .values(rows.slice(j, j + 200).map((r) => ({ client_id: clientId, account_ref: r.accountRef, borrower_id: r.borrowerId, stage: r.stage, why: r.why, days_overdue: r.days, entered_at: nowIso, updated_at: nowIso, plan: JSON.stringify(r.steps) })))
            .onConflict((oc) =>
              oc.columns(['client_id', 'account_ref']).doUpdateSet((eb) => ({
                borrower_id: eb.ref('excluded.borrower_id'),
                stage: eb.ref('excluded.stage'),
                why: eb.ref('excluded.why'),
                days_overdue: eb.ref('excluded.days_overdue'),
                entered_at: eb.ref('excluded.entered_at'),
                updated_at: eb.ref('excluded.updated_at'),
                plan: eb.ref('excluded.plan'),
              })),
            )
            .execute();
        }
        for (const r of rows) {
          if (r.stage === 'late') await deps.store.recordBorrowerEvent(r.borrowerId, { type: 'borrower.escalated', actor: 'strategy', data: { accountRef: r.accountRef, why: r.why } }, now);
        }
        scheduled += rows.length;
      }
      return { scheduled, unchanged };
    },

    /** After payment (POST /v1/borrowers/:id/resolve): one thank-you per account, nothing else. */
    async resolved(borrower: Borrower, actor: string): Promise<Message[]> {
      const accounts = await db.selectFrom('strategy_accounts').selectAll().where('borrower_id', '=', borrower.id).execute();
      const sent: Message[] = [];
      for (const a of accounts) {
        if (a.stage === 'resolved') continue;
        const channel: Channel | undefined = borrower.phone ? 'sms' : borrower.email ? 'email' : undefined;
        const last = await deps.store.latestReminder(borrower.id);
        if (channel && last) {
          const [r] = await deps.intake.accept(
            [
              {
                externalId: `strategy:${a.account_ref}:resolved`,
                requestHash: `resolved:${a.account_ref}`,
                borrower: { id: borrower.id },
                upsertBorrower: false,
                channel,
                template: deps.strategy.resolvedTemplate,
                templateChannels: deps.templateChannels(deps.strategy.resolvedTemplate),
                debt: last.debt,
                sendAt: deps.clock.now(),
                expiresAt: null,
                metadata: { confirmation: true, strategy: { accountRef: a.account_ref, stage: 'resolved', step: 0, nextAt: null } },
                contact: last.contact,
              },
            ],
            a.client_id,
            actor,
          );
          if (r && r.kind === 'created') sent.push(...r.messages);
        }
        await db.updateTable('strategy_accounts').set({ stage: 'resolved', why: 'paid or settled', updated_at: deps.clock.now().toISOString() }).where('client_id', '=', a.client_id).where('account_ref', '=', a.account_ref).execute();
      }
      return sent;
    },

    /** The channel each borrower's current stage prefers (for `channel: "auto"`). */
    async preferredChannels(borrowerIds: string[]): Promise<Map<string, Channel>> {
      if (borrowerIds.length === 0) return new Map();
      const rows = await db.selectFrom('strategy_accounts').select(['borrower_id', 'stage', 'updated_at']).where('borrower_id', 'in', borrowerIds).orderBy('updated_at').execute();
      const out = new Map<string, Channel>();
      for (const r of rows) if (r.stage !== 'resolved') out.set(r.borrower_id, deps.strategy.preferredChannel[r.stage as Stage]);
      return out;
    },

    /** The stage, and every step: done, pending (with its time) or dropped (with why). */
    async planOf(borrowerId: string): Promise<AccountPlan[]> {
      const accounts = await db.selectFrom('strategy_accounts').selectAll().where('borrower_id', '=', borrowerId).orderBy('updated_at', 'desc').execute();
      const out: AccountPlan[] = [];
      for (const a of accounts) {
        const steps = JSON.parse(a.plan) as PlannedStep[];
        const planStage = a.stage === 'resolved' ? undefined : a.stage;
        const keys = steps.map((s) => stepKey(a.account_ref, planStage ?? '', s.index));
        const reminders = planStage
          ? await db.selectFrom('reminders').select(['id', 'external_id']).where('client_id', '=', a.client_id).where('external_id', 'in', keys).execute()
          : [];
        const byKey = new Map(reminders.map((r) => [r.external_id, r.id]));
        const rows = [];
        for (const s of steps) {
          const reminderId = byKey.get(stepKey(a.account_ref, planStage ?? '', s.index)) ?? null;
          const found = reminderId ? await deps.store.getReminder(reminderId) : undefined;
          const m = found?.messages[0];
          const last = m ? (await deps.store.listEvents(m.id)).at(-1) : undefined;
          const status = s.superseded ? 'dropped' : !m ? 'not-scheduled' : ['sent', 'delivered', 'answered', 'machine', 'no-answer', 'busy', 'undelivered'].includes(m.status) ? 'done' : ['suppressed', 'cancelled', 'failed'].includes(m.status) ? 'dropped' : 'pending';
          const reason = s.superseded ? 'superseded: a later step was already due when the stage began' : status === 'dropped' ? String(last?.data.reason ?? last?.data.code ?? m?.status ?? '') : null;
          const sendAt = m && status === 'pending' && m.status === 'deferred' && typeof last?.data.until === 'string' ? last.data.until : new Date(s.at).toISOString();
          rows.push({ ...s, reminderId, messageId: m?.id ?? null, status, reason, sendAt });
        }
        out.push({ accountRef: a.account_ref, stage: a.stage as Stage | 'resolved', why: a.why, enteredAt: a.entered_at, steps: rows, handoff: a.stage === 'late' ? await handoffOf(borrowerId, a.account_ref) : null });
      }
      return out;
    },
  };
}

export type StrategyRunner = ReturnType<typeof makeStrategyRunner>;
