/**
 * A hold on a borrower: while it is open nothing is sent to them, and nothing is dropped either;
 * their messages wait (deferred, the hold named as the reason) and go through the policy again
 * when it ends (docs/compliance.md, "Holds: disputes, paid claims, hardship").
 */
import { randomBytes } from 'node:crypto';

export const HOLD_KINDS = ['dispute', 'paid-claim', 'hardship', 'promise'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Who opened it: a collection system or person through the API, the borrower's reply, an agent. */
export const HOLD_SOURCES = ['api', 'reply', 'agent'] as const;

/** Holds opened by the API's hold routes (a promise's hold is opened by the promise, and ended by it). */
export const REQUESTABLE_HOLD_KINDS = ['dispute', 'paid-claim', 'hardship'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];

/** How a dispute was closed (a paid-claim or hardship hold is `released`, or ended by a payment). */
export const DISPUTE_RESOLUTIONS = ['verified', 'withdrawn', 'upheld'] as const;
export const HOLD_RESOLUTIONS = [
  ...DISPUTE_RESOLUTIONS,
  'released',
  'payment-reported',
  // A promise's hold ends with the promise: kept, broken, or replaced by a newer one.
  'promise-kept',
  'promise-broken',
  'promise-replaced',
] as const;
export type HoldResolution = (typeof HOLD_RESOLUTIONS)[number];

export interface BorrowerHold {
  id: string;
  tenant: string;
  /** The borrower's store key (see Borrower.id). */
  borrowerId: string;
  kind: HoldKind;
  openedAt: string;
  /** When it lapses by itself (ISO instant); null for a dispute, which lasts until it is closed. */
  until: string | null;
  source: HoldSource;
  /** Free text: what the borrower or the agent said. */
  detail: string | null;
  /** The rule it is held under, when one applies (a dispute under US-REGF: 12 CFR 1006.38(d)(2)(i)). */
  ruleRef: string | null;
  closedAt: string | null;
  closedBy: string | null;
  resolution: HoldResolution | null;
  /** Free text given when it was closed or released. */
  closeDetail: string | null;
  /** The one account it holds (a promise's); null: every account of the borrower. */
  accountRef: string | null;
  /** The promise that holds the account (`promise` holds). */
  promiseId: string | null;
}

/**
 * Open at `at`: not closed, and (unless a dispute) not yet lapsed. A promise's hold does not lapse
 * by itself: its `until` is when the promise is decided (kept or broken), and the decision ends it,
 * so the cadence never resumes before the borrower is told the payment was missed.
 */
export function holdIsOpen(h: Pick<BorrowerHold, 'closedAt' | 'until'> & { kind?: HoldKind }, at: number): boolean {
  return h.closedAt === null && (h.until === null || h.kind === 'promise' || Date.parse(h.until) > at);
}

export function newHoldId(): string {
  return `hold_${randomBytes(10).toString('hex')}`;
}
