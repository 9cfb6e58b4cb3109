/**
 * Open a hold on a borrower (POST /v1/borrowers/:id/disputes and /holds; later the reply handler,
 * when a borrower writes that they dispute the debt, have paid, or are in hardship): nothing is sent
 * to them while it lasts, and nothing is dropped. A dispute lasts until it is closed; a claim to
 * have paid and hardship lapse after their configured days unless ended sooner. A second dispute
 * while one is open is the open one.
 */
import type { Clock } from '../../domain/clock.js';
import type { BorrowerHold, HoldKind, HoldSource } from '../../domain/holds.js';

/** The rule a dispute is held under in a profile that follows Reg F: no collection until verification is provided. */
export const REGF_DISPUTE_RULE = '12 CFR 1006.38(d)(2)(i); 1006.34(c)(4)';

/** Exactly what opening a hold needs. */
export interface OpenHoldPorts {
  /** Opens the hold with its event on the borrower's chain; a dispute while one is open answers that one. Undefined: no such borrower. */
  openHold(
    hold: {
      borrowerId: string;
      kind: HoldKind;
      until: string | null;
      source: HoldSource;
      detail: string | null;
      ruleRef: string | null;
    },
    actor: string,
  ): Promise<{ hold: BorrowerHold; created: boolean } | undefined>;
  /** The name of the tenant's compliance profile (a dispute under `US-REGF` cites Reg F). */
  profileNameOf(tenant: string): Promise<string>;
  /** Days a claim to have paid and a hardship hold last (PAID_CLAIM_HOLD_DAYS, HARDSHIP_HOLD_DAYS). */
  holdDays: { paidClaim: number; hardship: number };
  /**
   * The validation periods of the borrower's (store key) accounts that were sent a validation
   * notice (12 CFR 1006.34): the last day and the instant each ends. Absent: none are known.
   */
  validationPeriodsOf?:
    ((borrowerId: string) => Promise<Array<{ accountRef: string; endsOn: string; endsAt: string }>>) | undefined;
}

export interface OpenHold {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  kind: HoldKind;
  source: HoldSource;
  detail: string | null;
  /** The rule it is held under; absent: the profile's for a dispute, none otherwise. */
  ruleRef?: string | null | undefined;
  /** Who opens it (`api:<keyId>`, `reply:<messageId>`), for the borrower's events; default: the source. */
  actor?: string | undefined;
}

export type OpenHoldResult =
  | { kind: 'not-found' }
  | { kind: 'opened'; hold: BorrowerHold }
  /** A dispute was open already: that one, unchanged. */
  | { kind: 'already-open'; hold: BorrowerHold };

const DAY_MS = 86_400_000;

/**
 * The rule a dispute within a validation period is held under: the collector must stop collecting
 * the disputed debt until it sends verification (12 CFR 1006.34(c)(4) and 1006.38(d)(2); FDCPA
 * 809(b), 15 U.S.C. 1692g(b)).
 */
export function validationPeriodDisputeRule(endsOn: string): string {
  return `12 CFR 1006.34(c)(4); FDCPA 809(b) (15 U.S.C. 1692g(b)): disputed within the validation period (ends ${endsOn}): no collection until verification is sent`;
}

export async function openHold(ports: OpenHoldPorts, clock: Clock, cmd: OpenHold): Promise<OpenHoldResult> {
  const now = clock.now().getTime();
  const days =
    cmd.kind === 'paid-claim' ? ports.holdDays.paidClaim : cmd.kind === 'hardship' ? ports.holdDays.hardship : null;
  const until = days === null ? null : new Date(now + days * DAY_MS).toISOString();
  let ruleRef = cmd.ruleRef ?? null;
  if (ruleRef === null && cmd.kind === 'dispute' && ports.validationPeriodsOf) {
    // Within a validation period (the latest one still running): held until verification.
    const open = (await ports.validationPeriodsOf(cmd.borrowerId))
      .filter((p) => Date.parse(p.endsAt) >= now)
      .sort((a, b) => b.endsAt.localeCompare(a.endsAt))[0];
    if (open) ruleRef = validationPeriodDisputeRule(open.endsOn);
  }
  if (ruleRef === null && cmd.kind === 'dispute' && (await ports.profileNameOf(cmd.tenant)) === 'US-REGF')
    ruleRef = REGF_DISPUTE_RULE;
  const r = await ports.openHold(
    { borrowerId: cmd.borrowerId, kind: cmd.kind, until, source: cmd.source, detail: cmd.detail, ruleRef },
    cmd.actor ?? cmd.source,
  );
  if (!r) return { kind: 'not-found' };
  return r.created ? { kind: 'opened', hold: r.hold } : { kind: 'already-open', hold: r.hold };
}
