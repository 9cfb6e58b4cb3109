/** One past (or reserved) contact with a borrower, as the cap rules see it. */
import type { Outcome } from './profile.js';

export interface ContactRecord {
  /** Message id when the service made it; absent for history given to the simulator. */
  id?: string;
  channel: 'sms' | 'voice' | 'email';
  at: number;
  outcome: Outcome;
  direction: 'outbound' | 'inbound';
  /** The number (or address) contacted, for rules scoped per number. */
  to?: string | null;
}
