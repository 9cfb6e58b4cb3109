/**
 * Holds deny a send for now, never for good: while a borrower is held (a dispute, a claim to have
 * paid, hardship) the message waits until the hold lapses, or, for a dispute, which lasts until it
 * is closed, until the next re-check (closing one reschedules the borrower's messages at once).
 * Pure: time is an argument.
 */
import { type BorrowerHold, holdIsOpen, type HoldKind } from '../domain/holds.js';

/** What the policy needs of a hold. */
export type PolicyHold = Pick<BorrowerHold, 'id' | 'kind' | 'openedAt' | 'until' | 'ruleRef' | 'closedAt'> &
  Partial<Pick<BorrowerHold, 'accountRef' | 'promiseId'>>;

/** What a message is about, for holds that hold one account, and whose own messages a promise's hold lets through. */
export interface HeldMessage {
  accountRef?: string | null | undefined;
  /** A message the promise itself sends (its courtesy, thank-you, missed-payment note). */
  promiseId?: string | null | undefined;
}

/** How soon a message is looked at again when a promise's decision is due but not yet taken (the watcher is behind). */
export const PROMISE_RECHECK_MS = 5 * 60_000;
/**
 * What a promise holds is looked at again this long after the promise is due to be decided: the
 * watcher decides within a feed period and reschedules what it held (after its own message), so
 * a held message never races the decision.
 */
export const PROMISE_DECISION_MARGIN_MS = 15 * 60_000;

/** How often a message held by a dispute (no end of its own) is looked at again. */
export const DISPUTE_RECHECK_MS = 86_400_000;

/** The rule a hold is under when it names none. */
const DEFAULT_RULE: Record<HoldKind, string> = {
  dispute: 'borrower dispute: no collection until it is closed',
  'paid-claim': 'paid-claim hold: awaiting a payment report or a release',
  hardship: 'hardship hold',
  promise: 'promise to pay: the account waits for the promised date',
};

const WHAT: Record<HoldKind, string> = {
  dispute: 'the borrower disputes the debt',
  'paid-claim': 'the borrower says they have already paid',
  hardship: 'the borrower is in hardship',
  promise: 'the borrower promised to pay this account',
};

export interface HeldDenial {
  code: 'held';
  rule: string;
  detail: string;
  hold: { id: string; kind: HoldKind };
}

/**
 * The open holds at `at` as denials, and when to look again: the latest end among them (a
 * dispute's: `at` + the re-check interval). Null when nothing holds the borrower.
 */
export function holdDenials(
  holds: readonly PolicyHold[],
  at: number,
  recheckMs: number = DISPUTE_RECHECK_MS,
  message: HeldMessage = {},
): { reasons: HeldDenial[]; until: number } | null {
  // A hold on one account (a promise) holds that account's messages only, not the promise's own.
  const open = holds.filter(
    (h) =>
      holdIsOpen(h, at) &&
      (!h.accountRef || message.accountRef == null || h.accountRef === message.accountRef) &&
      (!h.promiseId || h.promiseId !== message.promiseId),
  );
  if (open.length === 0) return null;
  const reasons = open.map((h): HeldDenial => ({
    code: 'held',
    rule: h.ruleRef ?? DEFAULT_RULE[h.kind],
    detail: `${WHAT[h.kind]} (${h.kind} hold ${h.id}, opened ${h.openedAt}); nothing is sent ${h.until === null ? 'until it is closed' : `until ${h.until} unless it ends sooner`}`,
    hold: { id: h.id, kind: h.kind },
  }));
  const endOf = (h: PolicyHold) =>
    h.until === null
      ? at + recheckMs
      : h.kind === 'promise'
        ? Math.max(Date.parse(h.until) + PROMISE_DECISION_MARGIN_MS, at + PROMISE_RECHECK_MS)
        : Date.parse(h.until);
  const until = Math.max(...open.map(endOf));
  return { reasons, until };
}
