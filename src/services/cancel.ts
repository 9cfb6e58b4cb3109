/** Cancels what has not been sent yet: the rows move to `cancelled` and their jobs are removed. */
import type { Clock } from '../domain/clock.js';
import type { CancelStore } from '../store/ports.js';
import { PENDING_STATUSES } from '../domain/index.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import { removeJobs } from '../jobs/enqueue.js';

export async function cancelReminder(
  deps: { store: CancelStore; queues: DispatchQueues; clock: Clock },
  reminderId: string,
  actor: string,
): Promise<{ cancelled: string[]; notCancelled: string[] } | undefined> {
  const found = await deps.store.getReminder(reminderId);
  if (!found) return undefined;
  const cancelled: string[] = [];
  const notCancelled: string[] = [];
  for (const m of found.messages) {
    const ok = await deps.store.transition(
      m.id,
      { from: PENDING_STATUSES, to: 'cancelled', type: 'cancelled', actor },
      deps.clock.now(),
    );
    if (ok) {
      cancelled.push(m.id);
      // The row is the truth; removing the job only saves the worker a look-up (a `scheduled`
      // row has none: cancelling it is a store update). A job that is running right now cannot
      // be removed, and will find the row cancelled.
      await removeJobs(deps.queues, [m]);
    } else {
      notCancelled.push(m.id);
    }
  }
  return { cancelled, notCancelled };
}
