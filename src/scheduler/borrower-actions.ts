/**
 * What a borrower's change of state does to messages not yet sent: payment cancels them all;
 * (opt-outs: opt-outs.ts). Their jobs are removed too (the rows are the
 * truth; a job already running finds the row settled and sends nothing).
 */
import type { Clock } from '../domain/clock.js';
import type { AuditStore } from '../audit/audit-store.js';
import { type Borrower, type Message, PENDING_STATUSES } from '../domain/index.js';
import type { DispatchQueues } from './dispatch-queues.js';
import { removeJobs } from './enqueue.js';

interface Deps {
  store: AuditStore;
  queues: DispatchQueues;
  clock: Clock;
}

async function settle(deps: Deps, messages: Message[], to: 'cancelled' | 'suppressed', actor: string, data: Record<string, unknown>): Promise<string[]> {
  const done: string[] = [];
  for (const m of messages) {
    const moved = await deps.store.transition(m.id, { from: PENDING_STATUSES, to, type: to, actor, data }, deps.clock.now());
    if (moved) {
      done.push(m.id);
      await removeJobs(deps.queues, [m]);
    }
  }
  return done;
}

export async function resolveBorrower(deps: Deps, borrowerId: string, actor: string, note?: string): Promise<{ borrower: Borrower; cancelled: string[] } | undefined> {
  const borrower = await deps.store.setBorrowerStatus(borrowerId, 'resolved', { type: 'borrower.resolved', actor, data: note ? { note } : {} }, deps.clock.now());
  if (!borrower) return undefined;
  const cancelled = await settle(deps, await deps.store.pendingMessages(borrowerId), 'cancelled', actor, { reason: 'resolved' });
  return { borrower, cancelled };
}
