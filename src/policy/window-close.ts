/**
 * When a message allowed now stops being allowed: the earliest close of the channel's contact
 * window among the zones the borrower may be in. An SMS carries it as its validity period (Twilio
 * `ValidityPeriod`), so a text that waits in the provider's queue past the window is dropped, not
 * delivered at night (12 CFR 1006.6(b)(1)(i), comment 6(b)(1)(i)-1).
 */
import type { Channel } from '../domain/channels.js';
import { localInstant, secondsOf } from './local-time.js';
import type { Profile } from './profile.js';

/** Twilio's longest validity period, in seconds (also its default). */
export const MAX_VALIDITY_SECONDS = 36_000;

/** The instant (ms) the window closes in the first of `zones` to close after `at`; null if it never closes (00:00–24:00). */
export function windowCloseAt(profile: Profile, channel: Channel, zones: readonly string[], at: number): number | null {
  const w = profile.windows[channel];
  if (secondsOf(w.from) === 0 && secondsOf(w.to) >= 86_400) return null;
  let earliest: number | null = null;
  for (const zone of zones) {
    const today = localInstant(at, zone, 0, w.to);
    // Past today's close (should not happen for an allowed message): tomorrow's.
    const close = today > at ? today : localInstant(at, zone, 1, w.to);
    if (earliest === null || close < earliest) earliest = close;
  }
  return earliest;
}

/** Whole seconds from `at` until the window closes, between 1 and MAX_VALIDITY_SECONDS. */
export function validitySeconds(profile: Profile, channel: Channel, zones: readonly string[], at: number): number {
  const close = windowCloseAt(profile, channel, zones, at);
  if (close === null) return MAX_VALIDITY_SECONDS;
  return Math.max(1, Math.min(MAX_VALIDITY_SECONDS, Math.floor((close - at) / 1000)));
}
