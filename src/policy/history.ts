/** One past (or reserved) contact with a borrower, as the cap rules see it. */
import { type Channel } from '../domain/channels.js';
import type { Outcome } from './profile.js';

export interface ContactRecord {
  /** Message id when the service made it; absent for history given to the simulator. */
  id?: string;
  channel: Channel;
  at: number;
  outcome: Outcome;
  direction: 'outbound' | 'inbound';
  /** The number (or address) contacted, for rules scoped per number. */
  to?: string | null;
}

export interface SimulatedContact {
  channel: Channel;
  at: string;
  outcome: Outcome;
  direction: 'outbound' | 'inbound';
  to?: string | undefined;
}

/**
 * History given to the simulator: an entry that names no number was made to the borrower's
 * current number (a phone channel) — the same number the attempt goes to unless it says
 * otherwise — so rules counted per number see it.
 */
export function simulatedHistory(entries: readonly SimulatedContact[], phone: string | null): ContactRecord[] {
  return entries.map((h, i) => ({
    id: `h${i}`,
    channel: h.channel,
    at: Date.parse(h.at),
    outcome: h.outcome,
    direction: h.direction,
    to: h.to ?? (h.channel === 'email' ? null : phone),
  }));
}
