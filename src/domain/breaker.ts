/** What any part may know of a provider's circuit breaker: its name and state (the breaker itself lives with the workers' providers). */
import type { Channel } from './channels.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerView {
  readonly name: string;
  state(now: number): BreakerState;
}

/** A breaker per channel's provider, and one per secondary route (`sms:secondary`, `email:secondary`). */
export type BreakerViews = Record<Channel, BreakerView> & Partial<Record<`${Channel}:secondary`, BreakerView>>;
