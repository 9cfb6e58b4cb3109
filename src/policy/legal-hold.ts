/**
 * What keeps a borrower's data from erasure on request: a legal hold. The service has no separate
 * legal-hold flag; a hold on the borrower is one when it is open and either a dispute (the debt is
 * contested: the record is the evidence, 12 CFR 1006.38, and GDPR art. 17(3)(e) / PIPL art. 13(2)
 * keep what a legal claim needs) or held under a rule of law (its `ruleRef`). A paid claim,
 * hardship or promise without a rule is not: it only pauses the cadence. Pure.
 */
import { type BorrowerHold, holdIsOpen } from '../domain/holds.js';

export interface LegalHold {
  holdId: string;
  kind: BorrowerHold['kind'];
  /** The rule it is held under (null: a dispute under a profile that names none). */
  ruleRef: string | null;
  openedAt: string;
  /** Why it forbids erasure, said for the person who asked. */
  why: string;
}

export function legalHoldsOf(holds: readonly BorrowerHold[], at: number): LegalHold[] {
  return holds
    .filter((h) => holdIsOpen(h, at) && (h.kind === 'dispute' || h.ruleRef !== null))
    .map((h) => ({
      holdId: h.id,
      kind: h.kind,
      ruleRef: h.ruleRef,
      openedAt: h.openedAt,
      why:
        h.kind === 'dispute'
          ? `an open dispute (${h.id}${h.ruleRef ? `, ${h.ruleRef}` : ''}): its record is needed until the dispute is closed`
          : `an open ${h.kind} hold under ${h.ruleRef} (${h.id})`,
    }));
}
