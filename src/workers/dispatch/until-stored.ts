/**
 * A write the store owes: it records what a provider has already done (it took the message, or
 * refused it). Dropping it would leave the row `sending`, and after SENDING_LEASE_MS another
 * attempt would take the message over and send it again; so while the database is unavailable the
 * job holds on to the write and tries it again every `waitMs` until it lands. Its BullMQ lock is
 * renewed meanwhile (Redis is up), so no other worker picks the job up.
 */
import type { Logger } from '../../observability/logger.js';
import { storeUnavailable } from '../../store/store-unavailable.js';

export async function untilStored<T>(write: () => Promise<T>, log: Logger, waitMs = 1_000): Promise<T> {
  let waited = false;
  for (;;) {
    try {
      const out = await write();
      if (waited) log.info('the database is back: the provider outcome is recorded');
      return out;
    } catch (err) {
      const unavailable = storeUnavailable(err);
      if (!unavailable) throw err;
      if (!waited)
        log.warn(
          { reason: unavailable.reason },
          'the provider has answered but the database is unavailable: recording the outcome waits for it',
        );
      waited = true;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
