/** What one attempt at a message came to: a value the steps return and one adapter turns into BullMQ calls. */
import type { Denial } from '../../policy/evaluate.js';

export type DeferReason = Pick<Denial, 'rule' | 'detail'> & { code: string };

export type DispatchOutcome =
  | { kind: 'sent'; provider: string; providerId: string }
  /** Nothing to do: settled already, gone, or settled while rendering. */
  | { kind: 'skipped'; why: string }
  | { kind: 'suppressed'; reason: string }
  /** Try again at `until` without spending an attempt (window, cap, breaker, another worker's lease). */
  | { kind: 'deferred'; until: Date; reasons: DeferReason[] }
  /** The same, but beyond the horizon: back in the store as `scheduled`; the job ends and the feeder brings the message in again. */
  | { kind: 'parked'; until: Date; reasons: DeferReason[] }
  /** Never again: a permanent refusal, the last attempt, or a template that cannot render. */
  | { kind: 'failed'; code: string; permanent: boolean; message: string }
  /** A transient error: BullMQ retries with backoff, spending an attempt. */
  | { kind: 'retry'; code: string; error: Error };

export type OutcomeKind = DispatchOutcome['kind'];
