/**
 * A circuit breaker per provider. After `failures` transient failures in a row it opens: sends
 * wait (their jobs are delayed, spending no attempt) until it half-opens, when one probe may go;
 * a probe that succeeds closes it, one that fails opens it again for twice as long (at most 5
 * minutes).
 */
import { type Channel } from '../domain/channels.js';
import type { BreakerState, BreakerView } from '../domain/breaker.js';

export type { BreakerState };

export interface CircuitBreaker extends BreakerView {
  readonly name: string;
  state(now: number): BreakerState;
  /** May a send go now? If not, when to look again. */
  admit(now: number): { ok: true } | { ok: false; retryAt: number };
  success(): void;
  /** A transient failure (the provider is down or struggling); permanent refusals count as success. */
  failure(now: number): void;
}

export function makeCircuitBreaker(name: string, opts: { failures: number; openMs: number }): CircuitBreaker {
  let consecutive = 0;
  let openUntil = 0;
  let openFor = opts.openMs;
  let probeSince = 0;
  const maxOpen = Math.min(5 * 60_000, 8 * opts.openMs);
  return {
    name,
    state(now) {
      if (openUntil === 0) return 'closed';
      return now < openUntil ? 'open' : 'half-open';
    },
    admit(now) {
      if (openUntil === 0) return { ok: true };
      if (now < openUntil) return { ok: false, retryAt: openUntil };
      // Half-open: one probe at a time (a probe that never reports back expires after 30 s).
      if (probeSince === 0 || now - probeSince > 30_000) {
        probeSince = now;
        return { ok: true };
      }
      return { ok: false, retryAt: now + 1_000 };
    },
    success() {
      consecutive = 0;
      openUntil = 0;
      openFor = opts.openMs;
      probeSince = 0;
    },
    failure(now) {
      consecutive++;
      if (openUntil !== 0) {
        // A failed probe: open again, for longer.
        openFor = Math.min(maxOpen, openFor * 2);
        openUntil = now + openFor;
        probeSince = 0;
      } else if (consecutive >= opts.failures) {
        openUntil = now + openFor;
      }
    },
  };
}

export type Breakers = Record<Channel, CircuitBreaker>;
