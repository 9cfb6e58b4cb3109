/**
 * Holds deny a send for now, never for good: while a borrower is held (a dispute, a claim to have
 * paid, hardship) the message waits until the hold lapses, or, for a dispute, which lasts until it
 * is closed, until the next re-check (closing one reschedules the borrower's messages at once).
 * Pure: time is an argument.
 */
import { type BorrowerHold, holdIsOpen, type HoldKind } from '../domain/holds.js';

/** What the policy needs of a hold. */
export type PolicyHold = Pick<BorrowerHold, 'id' | 'kind' | 'openedAt' | 'until' | 'ruleRef' | 'closedAt'>;

/** How often a message held by a dispute (no end of its own) is looked at again. */
export const DISPUTE_RECHECK_MS = 86_400_000;

/** The rule a hold is under when it names none. */
const DEFAULT_RULE: Record<HoldKind, string> = {
  dispute: 'borrower dispute: no collection until it is closed',
  'paid-claim': 'paid-claim hold: awaiting a payment report or a release',
  hardship: 'hardship hold',
};

const WHAT: Record<HoldKind, string> = {
  dispute: 'the borrower disputes the debt',
  'paid-claim': 'the borrower says they have already paid',
  hardship: 'the borrower is in hardship',
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
): { reasons: HeldDenial[]; until: number } | null {
  const open = holds.filter((h) => holdIsOpen(h, at));
  if (open.length === 0) return null;
  const reasons = open.map((h): HeldDenial => ({
    code: 'held',
    rule: h.ruleRef ?? DEFAULT_RULE[h.kind],
    detail: `${WHAT[h.kind]} (${h.kind} hold ${h.id}, opened ${h.openedAt}); nothing is sent ${h.until === null ? 'until it is closed' : `until ${h.until} unless it ends sooner`}`,
    hold: { id: h.id, kind: h.kind },
  }));
  const until = Math.max(...open.map((h) => (h.until === null ? at + recheckMs : Date.parse(h.until))));
  return { reasons, until };
}
