/**
 * What a borrower's change of state does to messages not yet sent: payment cancels them all;
 * (opt-outs: opt-outs.ts). Their jobs are removed too (the rows are the
 * truth; a job already running finds the row settled and sends nothing).
 */
import type { Clock } from '../domain/clock.js';
import type { BorrowerActionsStore } from '../store/ports.js';
import { type Borrower, type Message, PENDING_STATUSES } from '../domain/index.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import { removeJobs } from '../jobs/enqueue.js';

interface Deps {
  store: BorrowerActionsStore;
  queues: DispatchQueues;
  clock: Clock;
}

async function settle(
  deps: Deps,
  messages: Message[],
  to: 'cancelled' | 'suppressed',
  actor: string,
  data: Record<string, unknown>,
): Promise<string[]> {
  const done: string[] = [];
  for (const m of messages) {
    const moved = await deps.store.transition(
      m.id,
      { from: PENDING_STATUSES, to, type: to, actor, data },
      deps.clock.now(),
    );
    if (moved) {
      done.push(m.id);
      await removeJobs(deps.queues, [m]);
    }
  }
  return done;
}

/**
 * Resolves the borrower and cancels what was pending, once: a borrower already resolved is left as
 * it is (`alreadyResolved`), so a repeated or concurrent payment in full writes no second event and
 * cancels nothing (not the thank-you the first one queued).
 */
export async function resolveBorrower(
  deps: Deps,
  borrowerId: string,
  actor: string,
  note?: string,
): Promise<{ borrower: Borrower; cancelled: string[]; alreadyResolved: boolean } | undefined> {
  const set = await deps.store.setBorrowerStatus(
    borrowerId,
    'resolved',
    { type: 'borrower.resolved', actor, data: note ? { note } : {} },
    deps.clock.now(),
  );
  if (!set) return undefined;
  if (!set.changed) return { borrower: set.borrower, cancelled: [], alreadyResolved: true };
  const cancelled = await settle(deps, await deps.store.pendingMessages(borrowerId), 'cancelled', actor, {
    reason: 'resolved',
  });
  return { borrower: set.borrower, cancelled, alreadyResolved: false };
}

/** Before an erasure on request: what was pending is cancelled (`erased`), its jobs removed; the ids cancelled. */
export async function cancelForErasure(deps: Deps, borrowerId: string, actor: string): Promise<string[]> {
  return settle(deps, await deps.store.pendingMessages(borrowerId), 'cancelled', actor, { reason: 'erased' });
}

/**
 * The borrower asked that communication cease (12 CFR 1006.6(c)): the status becomes `ceased`,
 * once, and what was pending is suppressed at once (`ceased`), as the gate would suppress it when
 * its time came. A borrower already ceased is left as it is (`alreadyCeased`).
 */
export async function ceaseBorrower(
  deps: Deps,
  borrowerId: string,
  actor: string,
  detail?: string,
): Promise<{ borrower: Borrower; suppressed: string[]; alreadyCeased: boolean } | undefined> {
  // What the borrower or agent said is free text: kept apart from the hashed event, which commits to it.
  const content =
    detail && deps.store.content ? await deps.store.content.put(borrowerId, detail, deps.clock.now()) : undefined;
  const set = await deps.store.setBorrowerStatus(
    borrowerId,
    'ceased',
    { type: 'borrower.ceased', actor, data: { rule: '12 CFR 1006.6(c)', ...(content ? { content } : {}) } },
    deps.clock.now(),
  );
  if (!set) return undefined;
  if (!set.changed) return { borrower: set.borrower, suppressed: [], alreadyCeased: true };
  const suppressed = await settle(deps, await deps.store.pendingMessages(borrowerId), 'suppressed', actor, {
    reason: 'ceased',
    detail: 'the borrower asked that communication cease (12 CFR 1006.6(c))',
  });
  return { borrower: set.borrower, suppressed, alreadyCeased: false };
}
