/**
 * Promises and plans drive the cadence (docs/outcomes.md, "Promises and plans"). A promise holds
 * its account: every pending and new message about it waits (a `promise` hold on that account),
 * a courtesy reminder goes the day before each due date, and the watcher decides each instalment
 * on the injected clock: paid in time (the promised amount, or any payment for a promise that named
 * none) it is kept; past its due date plus the grace days it is missed. All kept: a thank-you, the
 * hold ends. A promise missed, or a plan missed `missedLimit` times: `promise.broken`, a gentle
 * "we missed your payment" first, then the cadence resumes where the stage is now.
 *
 * Every step can be repeated: a crash between deciding and finishing is finished by the next round
 * (a promise ended but not settled), the messages are idempotent by their external ids, the hold's
 * end is idempotent, and what it held is rescheduled, never dropped.
 */
import type { Borrower, Channel } from '../domain/index.js';
import { PENDING_STATUSES } from '../domain/statuses.js';
import type { Clock } from '../domain/clock.js';
import { contactZones } from '../policy/zones.js';
import { courtesyAt, deadlineOf, decideAt, keptBy, unitsOf } from '../policy/promises.js';
import type { BorrowerPromise, NewPromise } from '../store/promises.repo.js';
import { endHold, type HoldsDeps, openHold } from './holds.js';
import type { Intake } from './intake.js';
import { cancelReminder } from './cancel.js';
import type { PromisesStore } from '../store/ports.js';

/** The metadata key that marks a promise's own messages (the API refuses it from collection systems). */
export const PROMISE_KEY = 'promise';

/** The catalogue templates a promise sends. */
export const PROMISE_TEMPLATES = {
  courtesy: 'promise-courtesy',
  kept: 'promise-kept',
  missed: 'promise-missed',
} as const;

export interface PromiseSettings {
  /** Days after a due date a payment still keeps it (PROMISE_GRACE_DAYS). */
  graceDays: number;
  /** Misses after which a plan is broken (PLAN_MISSED_LIMIT). */
  planMissedLimit: number;
}

export interface PromisesDeps {
  store: PromisesStore;
  queues: HoldsDeps['queues'];
  intake: Pick<Intake, 'accept'>;
  clock: Clock;
  settings: PromiseSettings;
  /** The channels a template has variants for. */
  templateChannels(template: string): readonly Channel[];
  /** Whether the borrower's tenant's profile sends the courtesy reminder (absent: it does). */
  courtesyOn?(tenant: string): Promise<boolean>;
}

const ACTOR = 'promises';
/** After a broken promise, the cadence resumes this long after the gentle "we missed your payment" (it goes first). */
export const RESUME_AFTER_BROKEN_MS = 3_600_000;

/** A promise to make: the outcome's id, the account, and its instalments (a promise is a plan of one). */
export type MakePromise = NewPromise;

function lastDeadline(p: Pick<BorrowerPromise, 'instalments'>, grace: number, zones: string[]): number {
  return Math.max(...p.instalments.map((i) => deadlineOf(i.dueDate, grace, zones)));
}

type Purpose = keyof typeof PROMISE_TEMPLATES;

const nowOf = (deps: PromisesDeps) => deps.clock.now();
const holdsOf = (deps: PromisesDeps): HoldsDeps => ({ store: deps.store, queues: deps.queues, clock: deps.clock });

/** One message of the promise, idempotent by its external id: the borrower's phone first, else email. */
async function send(
  deps: PromisesDeps,
  p: BorrowerPromise,
  borrower: Borrower,
  purpose: Purpose,
  sendAt: Date,
  seq?: number,
): Promise<string | undefined> {
  const template = PROMISE_TEMPLATES[purpose];
  const available = deps.templateChannels(template);
  const reachable: Channel[] = [
    ...(borrower.phone ? ['sms' as const] : []),
    ...(borrower.email ? ['email' as const] : []),
  ];
  const channel = reachable.find((c) => available.includes(c));
  // The debt it is about: the borrower's latest reminder, with the promise's account.
  const last = await deps.store.latestReminder(p.borrowerId);
  if (!channel || !last) return undefined;
  const instalment = seq === undefined ? undefined : p.instalments.find((i) => i.seq === seq);
  const key = `promise:${p.id}:${purpose}${seq === undefined ? '' : `:${seq}`}`;
  const [r] = await deps.intake.accept(
    [
      {
        externalId: key,
        requestHash: key,
        tenant: p.tenant,
        borrower: { id: borrower.id },
        upsertBorrower: false,
        channel,
        template,
        templateChannels: available,
        debt: { ...last.debt, accountRef: p.accountRef },
        sendAt,
        expiresAt: null,
        metadata: {
          // Sent by the promise itself: its own hold does not hold it (policy/holds.ts); a thank-you reaches a resolved borrower.
          [PROMISE_KEY]: {
            id: p.id,
            purpose,
            // What the templates show: the date and the amount (null: none was named).
            dueDate: instalment?.dueDate ?? null,
            amount: instalment?.amount && p.currency ? { amount: instalment.amount, currency: p.currency } : null,
          },
          ...(purpose === 'kept' ? { confirmation: true } : {}),
        },
        contact: last.contact,
      },
    ],
    `promises:${p.tenant}`,
    ACTOR,
  );
  return r && 'reminder' in r ? r.reminder.id : undefined;
}

/** Whether a reminder still has a message that has not reached the provider (or a final state). */
async function stillPending(deps: PromisesDeps, reminderId: string): Promise<boolean> {
  const r = await deps.store.getReminder(reminderId);
  return !!r?.messages.some((m) => m.status === 'sending' || PENDING_STATUSES.includes(m.status));
}

/** What an ended promise still owes: its courtesies cancelled, its message, its hold ended (rescheduling what it held), then settled. */
async function finish(deps: PromisesDeps, p: BorrowerPromise): Promise<void> {
  const borrower = await deps.store.getBorrower(p.borrowerId);
  if (!borrower) return;
  for (const i of p.instalments)
    if (i.courtesyReminderId && i.state === 'due')
      await cancelReminder({ store: deps.store, queues: deps.queues, clock: deps.clock }, i.courtesyReminderId, ACTOR);
  let note: string | undefined;
  if (p.state === 'broken') {
    // The gentle message first, naming the date missed last; what the hold held resumes after it.
    const missed = [...p.instalments].reverse().find((i) => i.state === 'missed') ?? p.instalments.at(-1);
    note = await send(deps, p, borrower, 'missed', nowOf(deps), missed?.seq);
  } else if (p.state === 'kept' && borrower.status !== 'resolved') {
    // A payment in full resolved the borrower and the strategy thanked them already.
    note = await send(deps, p, borrower, 'kept', nowOf(deps));
  }
  // The hold stays until the promise's own message is out (at night it waits for the window, and
  // so does the account): a step due meanwhile is held, never sent ahead of it. A later round ends it.
  if (note && (await stillPending(deps, note))) return;
  if (p.holdId) {
    const resolution =
      p.state === 'kept' ? 'promise-kept' : p.state === 'broken' ? 'promise-broken' : 'promise-replaced';
    await endHold(holdsOf(deps), p.borrowerId, p.holdId, {
      resolution,
      kinds: ['promise'],
      actor: ACTOR,
      ...(p.state === 'broken' ? { resumeAt: new Date(nowOf(deps).getTime() + RESUME_AFTER_BROKEN_MS) } : {}),
    });
  }
  await deps.store.promises.settle(p.id, nowOf(deps));
}

/** Ends an open promise as `state` with its event (only the caller that ended it writes it), then finishes it. */
async function endAs(deps: PromisesDeps, p: BorrowerPromise, state: 'kept' | 'broken', misses: number) {
  if (!(await deps.store.promises.end(p.id, state, misses))) return;
  await deps.store.recordBorrowerEvent(
    p.borrowerId,
    {
      type: state === 'kept' ? 'promise.kept' : 'promise.broken',
      actor: ACTOR,
      data: {
        promiseId: p.id,
        accountRef: p.accountRef,
        kind: p.kind,
        paid: p.paid,
        misses,
        instalments: p.instalments.length,
      },
    },
    nowOf(deps),
  );
  await finish(deps, { ...p, state, misses });
}

/** The payments reported since it was agreed: instalments they cover are kept. */
async function applyPayments(deps: PromisesDeps, p: BorrowerPromise): Promise<BorrowerPromise> {
  const repo = deps.store.promises;
  const paid = await repo.paidSince(p.tenant, p.accountRef, p.agreedAt);
  if (paid !== p.paid) await repo.setPaid(p.id, paid);
  const kept = keptBy(p.instalments, unitsOf(paid));
  await repo.decide(p.id, kept, 'kept', nowOf(deps));
  return {
    ...p,
    paid,
    instalments: p.instalments.map((i) => (kept.includes(i.seq) ? { ...i, state: 'kept' as const } : i)),
  };
}

/** One look at a promise: payments applied, instalments past their deadline missed, then kept or broken when decided. */
async function review(deps: PromisesDeps, p0: BorrowerPromise): Promise<void> {
  if (p0.state !== 'open') return finish(deps, p0);
  const borrower = await deps.store.getBorrower(p0.borrowerId);
  if (!borrower) return;
  const p = await applyPayments(deps, p0);
  const zones = contactZones(borrower);
  const { graceDays, planMissedLimit } = deps.settings;
  const d = decideAt(p, nowOf(deps).getTime(), (i) => deadlineOf(i.dueDate, graceDays, zones), planMissedLimit);
  const missed = await deps.store.promises.decide(p.id, d.missed, 'missed', nowOf(deps));
  for (const seq of missed)
    await deps.store.recordBorrowerEvent(
      p.borrowerId,
      {
        type: 'promise.instalment_missed',
        actor: ACTOR,
        data: { promiseId: p.id, accountRef: p.accountRef, seq, dueDate: p.instalments[seq]?.dueDate ?? null },
      },
      nowOf(deps),
    );
  const misses = p.misses + missed.length;
  const decided: BorrowerPromise = {
    ...p,
    instalments: p.instalments.map((i) => (missed.includes(i.seq) ? { ...i, state: 'missed' as const } : i)),
  };
  if (d.broken) return endAs(deps, decided, 'broken', misses);
  if (missed.length) await deps.store.promises.setMisses(p.id, misses);
  const states = decided.instalments.map((i) => i.state);
  // Nothing left due: kept when any was paid (a plan with misses under its limit is kept when the rest are paid).
  if (states.every((s) => s !== 'due')) await endAs(deps, decided, states.includes('kept') ? 'kept' : 'broken', misses);
}

/** The account held until the promise is decided: a `promise` hold on that account, until its last deadline. */
async function holdAccount(deps: PromisesDeps, promise: BorrowerPromise, zones: string[]): Promise<void> {
  const opened = await openHold(
    holdsOf(deps),
    {
      borrowerId: promise.borrowerId,
      kind: 'promise',
      until: new Date(lastDeadline(promise, deps.settings.graceDays, zones)).toISOString(),
      source: promise.source,
      detail: null,
      ruleRef: null,
      accountRef: promise.accountRef,
      promiseId: promise.id,
    },
    ACTOR,
  );
  if (!opened) return;
  await deps.store.promises.setHold(promise.id, opened.hold.id);
  promise.holdId = opened.hold.id;
}

/** A courtesy reminder the day before each due date still ahead (once each). */
async function scheduleCourtesies(deps: PromisesDeps, promise: BorrowerPromise, borrower: Borrower, zones: string[]) {
  for (const i of promise.instalments) {
    if (i.state !== 'due' || i.courtesyReminderId) continue;
    const at = courtesyAt(i.dueDate, zones, nowOf(deps).getTime());
    if (at === null) continue;
    const id = await send(deps, promise, borrower, 'courtesy', new Date(at), i.seq);
    if (!id) continue;
    await deps.store.promises.setCourtesy(promise.id, i.seq, id);
    i.courtesyReminderId = id;
  }
}

export function makePromises(deps: PromisesDeps) {
  const repo = deps.store.promises;
  return {
    /**
     * A promise reported (the API or an understood reply): made once, the account held until it is
     * decided, a courtesy reminder before each due date. A newer promise replaces the account's older one.
     */
    async make(input: MakePromise): Promise<{ promise: BorrowerPromise; created: boolean }> {
      const { promise, created, replaced } = await repo.create(input, nowOf(deps));
      const borrower = await deps.store.getBorrower(input.borrowerId);
      if (!borrower) return { promise, created };
      const zones = contactZones(borrower);
      // The new hold first, then the old promise's end: what the old one held never slips out between them.
      if (promise.state === 'open' && !promise.holdId) await holdAccount(deps, promise, zones);
      for (const old of replaced) await finish(deps, old);
      if (promise.state === 'open' && (await (deps.courtesyOn?.(promise.tenant) ?? Promise.resolve(true))))
        await scheduleCourtesies(deps, promise, borrower, zones);
      return { promise, created };
    },

    /** A payment was reported on the account: its open promises take it into account now. */
    async paymentReported(tenant: string, accountRef: string): Promise<void> {
      for (const p of await repo.openOf(tenant, accountRef)) await review(deps, p);
    },

    /** One round of the watcher: every promise open or not finished is looked at. Returns how many. */
    async watch(page = 200): Promise<number> {
      let seen = 0;
      let after: string | undefined;
      for (;;) {
        const ps = await repo.unsettled(page, after);
        for (const p of ps) await review(deps, p);
        seen += ps.length;
        if (ps.length < page) return seen;
        after = ps.at(-1)!.id;
      }
    },

    /** The borrower's promises with their instalments (the plan shows them). */
    ofBorrower: (borrowerId: string) => repo.ofBorrower(borrowerId),
  };
}

export type Promises = ReturnType<typeof makePromises>;
