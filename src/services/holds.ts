/**
 * Holds on a borrower, with the store and the queues: opening one (the gate then defers every send
 * to the borrower), and ending one, which brings the messages it held back to now so they go
 * through the policy again (window, caps, any other hold). Nothing held is dropped.
 */
import type { Clock } from '../domain/clock.js';
import type { BorrowerHold, HoldKind, HoldResolution } from '../domain/holds.js';
import type { Message } from '../domain/index.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import { removeJobs } from '../jobs/enqueue.js';
import type { NewHold } from '../store/holds.repo.js';
import type { HoldsStore } from '../store/ports.js';

export interface HoldsDeps {
  store: HoldsStore;
  queues: DispatchQueues;
  clock: Clock;
}

/** Opens a hold with its event on the borrower's chain (`dispute.opened` or `hold.opened`); a dispute while one is open answers the open one. */
export async function openHold(
  deps: HoldsDeps,
  hold: NewHold,
  actor: string,
): Promise<{ hold: BorrowerHold; created: boolean } | undefined> {
  const content = hold.detail ? await deps.store.content.put(hold.borrowerId, hold.detail, deps.clock.now()) : null;
  return deps.store.holds.open(
    hold,
    {
      type: hold.kind === 'dispute' ? 'dispute.opened' : 'hold.opened',
      actor,
      data: { by: hold.source, ...(content ? { content } : {}) },
    },
    deps.clock.now(),
  );
}

/** Whether a message waits because a hold deferred it (its last `deferred` or `scheduled` event names one). */
async function heldBack(deps: HoldsDeps, m: Message): Promise<boolean> {
  // Queued too: the feeder may have queued it for the time the hold said it would end (its job's number changes below).
  if (m.status !== 'deferred' && m.status !== 'scheduled' && m.status !== 'queued') return false;
  const events = await deps.store.listEvents(m.id);
  const last = [...events].reverse().find((e) => e.type === 'deferred' || e.type === 'scheduled');
  const reasons = last?.data.reasons;
  return Array.isArray(reasons) && reasons.some((r) => (r as { code?: unknown }).code === 'held');
}

/**
 * The borrower's messages a hold deferred, due now: back in the store as `scheduled` (a new job
 * number), where the feeder takes them within a feed period; the delayed job each had is removed.
 * Returns their ids.
 */
export async function rescheduleHeld(
  deps: HoldsDeps,
  borrowerId: string,
  actor: string,
  holdId: string,
  resumeAt?: Date,
) {
  const now = resumeAt ?? deps.clock.now();
  const moved: string[] = [];
  for (const m of await deps.store.pendingMessages(borrowerId)) {
    if (!(await heldBack(deps, m))) continue;
    const ok = await deps.store.transition(
      m.id,
      {
        from: [m.status],
        to: 'scheduled',
        type: 'scheduled',
        actor,
        data: { until: now.toISOString(), reason: 'hold-ended', holdId },
        patch: { dueAt: now.toISOString(), nextJob: true },
      },
      now,
    );
    if (!ok) continue;
    moved.push(m.id);
    await removeJobs(deps.queues, [m]);
  }
  return moved;
}

/**
 * Ends one of the borrower's holds (of `kinds`): closed with its resolution and its event
 * (`dispute.closed` or `hold.released`), then what it held back is rescheduled to now. A hold
 * already ended is answered as it is (`changed: false`). Undefined: the borrower has no such hold.
 */
export async function endHold(
  deps: HoldsDeps,
  borrowerId: string,
  holdId: string,
  end: {
    resolution: HoldResolution;
    kinds: readonly HoldKind[];
    actor: string;
    detail?: string | null;
    /** When what it held is due again (absent: now). */
    resumeAt?: Date;
  },
): Promise<{ hold: BorrowerHold; changed: boolean; rescheduled: string[] } | undefined> {
  const type = end.kinds.length === 1 && end.kinds[0] === 'dispute' ? 'dispute.closed' : 'hold.released';
  const content = end.detail ? await deps.store.content.put(borrowerId, end.detail, deps.clock.now()) : null;
  const closed = await deps.store.holds.close(
    borrowerId,
    holdId,
    { closedBy: end.actor, resolution: end.resolution, detail: end.detail ?? null, kinds: end.kinds },
    { type, actor: end.actor, ...(content ? { data: { content } } : {}) },
    deps.clock.now(),
  );
  if (!closed) return undefined;
  const rescheduled = closed.changed ? await rescheduleHeld(deps, borrowerId, end.actor, holdId, end.resumeAt) : [];
  return { ...closed, rescheduled };
}

/** Releases the borrower's open paid-claim holds (a payment was reported for one of its accounts): the ids released. */
export async function releasePaidClaims(deps: HoldsDeps, borrowerId: string, actor: string): Promise<string[]> {
  const released: string[] = [];
  for (const h of await deps.store.holds.unclosed(borrowerId)) {
    if (h.kind !== 'paid-claim') continue;
    const r = await endHold(deps, borrowerId, h.id, { resolution: 'payment-reported', kinds: ['paid-claim'], actor });
    if (r?.changed) released.push(h.id);
  }
  return released;
}
