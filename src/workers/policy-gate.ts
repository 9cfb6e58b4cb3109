/**
 * The gate the worker calls before rendering: the shared policy function decides (the same one
 * behind /v1/policy/check and /v1/policy/simulate), and the Redis reservation makes the
 * decision hold across every worker process at once.
 */
import { type AddressFactRecord, FACT_DETAIL, rulesOut } from '../domain/address-facts.js';
import { createHash } from 'node:crypto';
import {
  type Borrower,
  type Message,
  type Sender,
  THIRD_PARTY_SMS_DETAIL,
  thirdPartySmsBlocked,
} from '../domain/index.js';
import { agentReplyOf } from '../domain/agent-reply.js';
import { noticeFollowUpOf } from '../domain/validation-notice.js';
import type { ContactLedger } from '../jobs/caps/contact-ledger.js';
import {
  type AddressSuppression,
  countingRulesAt,
  evaluatePolicy,
  historyRetentionMs,
  STANDING_CODES,
  type Denial,
  type PolicyAnswer,
  type PolicyBorrower,
} from '../policy/evaluate.js';
import type { PolicyHold } from '../policy/holds.js';
import type { Profile } from '../policy/profile.js';
import { profileForRegion } from '../policy/regions.js';
import type { SendDecision, SuppressReason } from '../policy/send-decision.js';
import { validitySeconds } from '../policy/window-close.js';
import { contactZones } from '../policy/zones.js';
import type { Gate } from './dispatch.processor.js';

export function toPolicyBorrower(b: Borrower): PolicyBorrower {
  return {
    status: b.status,
    timezone: b.timezone,
    phone: b.phone,
    locale: b.locale,
    consent: b.consent,
    optOuts: b.optOuts,
    blackouts: b.blackouts,
    region: b.region ?? null,
  };
}

/** A stable offset in [0, spreadSeconds) per message, so a window opening does not fire everything at once. */
export function spreadOffsetMs(messageId: string, spreadSeconds: number): number {
  if (spreadSeconds <= 0) return 0;
  const n = createHash('sha256').update(messageId).digest().readUInt32BE(0);
  return n % (spreadSeconds * 1000);
}

const SUPPRESS_FOR: Partial<Record<Denial['code'], SuppressReason>> = {
  'opted-out': 'opted-out',
  'no-consent': 'no-consent',
  resolved: 'resolved',
  ceased: 'ceased',
};

export function decisionFor(
  answer: Exclude<PolicyAnswer, { allowed: true }>,
  message: Message,
  expiresAt: string | null,
  profile: Profile,
): SendDecision {
  const standing = answer.reasons.find((r) => STANDING_CODES.includes(r.code));
  if (standing) return { action: 'suppress', reason: SUPPRESS_FOR[standing.code]!, detail: standing.detail };
  const capHeld = answer.reasons.some((r) => r.code === 'cap-reached' || r.code === 'conversation-block');
  if (answer.earliestAllowedAt === null) {
    return {
      action: 'suppress',
      reason: capHeld ? 'cap-expired' : 'expired',
      detail: answer.reasons.map((r) => r.detail).join('; '),
    };
  }
  const windowHeld = answer.reasons.some((r) => r.code === 'outside-contact-window' || r.code === 'blackout');
  const earliest = Date.parse(answer.earliestAllowedAt);
  const until = earliest + (windowHeld ? spreadOffsetMs(message.id, profile.spreadSeconds) : 0);
  if (expiresAt !== null && until >= Date.parse(expiresAt)) {
    return {
      action: 'suppress',
      reason: capHeld ? 'cap-expired' : 'expired',
      detail: `the earliest allowed time, ${answer.earliestAllowedAt}, is after the reminder expires (${expiresAt})`,
    };
  }
  return { action: 'defer', until: new Date(until), reasons: answer.reasons };
}

export interface PolicyGateDeps {
  profile: Profile;
  ledger: ContactLedger;
  /** The suppression list's entries for an address (opt-outs that belong to the number or address). */
  suppressionsOf?: (address: string) => Promise<AddressSuppression[]>;
  /** Who sends; an agency's SMS to +1 numbers is suppressed unless its provider allows them. */
  sender?: Sender;
  /** The borrower's tenant's sender and profile, where they differ from the deployment's (and its opt-outs, keyed by tenant). */
  tenantOf?: (tenant: string) => Promise<{ id: string; sender: Sender; profile: Profile } | undefined>;
  /** The suppression list's entries for an address in a tenant (used instead of suppressionsOf when tenantOf is given). */
  tenantSuppressionsOf?: (tenant: string, address: string) => Promise<AddressSuppression[]>;
  /** The borrower's holds not closed (a dispute, a claim to have paid, hardship): an open one defers the send. */
  holdsOf?: (borrowerId: string) => Promise<PolicyHold[]>;
  /** What channels learned about the address in its tenant (a landline, a hard bounce): a channel it rules out is not tried. */
  factsOf?: (tenant: string, address: string) => Promise<ReadonlyArray<Pick<AddressFactRecord, 'fact' | 'code'>>>;
}

export function makePolicyGate(deps: PolicyGateDeps): Gate {
  const ttls = new Map<Profile, number>();
  const ttlOf = (p: Profile) => {
    let t = ttls.get(p);
    if (t === undefined) ttls.set(p, (t = historyRetentionMs(p)));
    return t;
  };
  return async ({ borrower, reminder, message, now }) => {
    const at = now.getTime();
    const tenant = deps.tenantOf ? await deps.tenantOf(borrower.tenant) : undefined;
    // The tenant's profile with the borrower's state and local rules on top (the citation depends on who sends).
    const senderKind = (tenant?.sender ?? deps.sender)?.kind ?? 'creditor';
    const profile = profileForRegion(tenant?.profile ?? deps.profile, borrower.region, senderKind);
    const ttl = ttlOf(profile);
    if (thirdPartySmsBlocked(tenant?.sender ?? deps.sender, message.channel, message.to))
      return { action: 'suppress', reason: 'third-party-sms', detail: THIRD_PARTY_SMS_DETAIL };
    if (reminder.expiresAt !== null && at >= Date.parse(reminder.expiresAt)) {
      return { action: 'suppress', reason: 'expired', detail: `the reminder expired at ${reminder.expiresAt}` };
    }
    // The look-ups are independent: asked at once, so the gate waits for the slowest, not their sum
    // (issue 32: the gate's median under load was the reads one after another).
    const [facts, holds, suppressions, firstHistory] = await Promise.all([
      deps.factsOf && message.to ? deps.factsOf(borrower.tenant, message.to) : [],
      deps.holdsOf ? deps.holdsOf(borrower.id) : [],
      !message.to
        ? []
        : tenant && deps.tenantSuppressionsOf
          ? deps.tenantSuppressionsOf(tenant.id, message.to)
          : deps.suppressionsOf
            ? deps.suppressionsOf(message.to)
            : [],
      deps.ledger.history(borrower.id),
    ]);
    // A channel the address cannot take (learned from a provider: a landline, a hard bounce) is not tried again.
    {
      const against = facts.find((f) => rulesOut(f.fact, message.channel));
      if (against)
        return {
          action: 'suppress',
          reason: 'unreachable',
          detail: `${FACT_DETAIL[against.fact]} (${against.code}): not tried on ${message.channel} again`,
        };
    }
    // A confirmation (payment received, opt-out confirmed) goes to a resolved borrower too.
    const confirmation = reminder.metadata?.confirmation === true;
    const pb = {
      ...toPolicyBorrower(borrower),
      ...(confirmation && borrower.status === 'resolved' ? { status: 'active' as const } : {}),
      holds,
    };
    const strategyNext = (reminder.metadata?.strategy as { nextAt?: number | null } | undefined)?.nextAt ?? null;
    const promiseId = (reminder.metadata?.promise as { id?: unknown } | undefined)?.id;
    // An agent's answer (marked by the composer only: the API refuses the key): no hold keeps it back, and one that
    // does not count against the caps is neither held by them nor reserved in the ledger.
    const reply = agentReplyOf(reminder.metadata);
    // The validation notice on its own (after an agency's first text or call): due within five days, held by no cap.
    const notice = noticeFollowUpOf(reminder.metadata) !== undefined;
    const attempt = {
      channel: message.channel,
      at,
      to: message.to,
      accountRef: reminder.debt.accountRef,
      ...(typeof promiseId === 'string' ? { promiseId } : {}),
      ...(reply ? { agentReply: { countsAgainstCaps: reply.countsAgainstCaps } } : {}),
      ...(notice ? { validationNotice: true } : {}),
    };
    // Another process may take the last slot between our reading and our reservation; then the
    // fresh history denies and we defer properly.
    for (let round = 0; round < 3; round++) {
      const history = (round === 0 ? firstHistory : await deps.ledger.history(borrower.id)).filter(
        (r) => r.id !== message.id,
      );
      const answer = evaluatePolicy({ profile, borrower: pb, history, attempt, suppressions, senderKind });
      if (!answer.allowed) {
        const decision = decisionFor(answer, message, reminder.expiresAt, profile);
        // A cadence step held back past the next step's time is dropped rather than piling up;
        // never one a hold keeps back: held steps wait and go in due order when it ends.
        const held = answer.reasons.some((r) => r.code === 'held');
        if (decision.action === 'defer' && !held && strategyNext !== null && decision.until.getTime() >= strategyNext) {
          return {
            action: 'suppress',
            reason: 'superseded',
            detail: `held back until ${decision.until.toISOString()}, after the next step of the cadence (${new Date(strategyNext).toISOString()})`,
          };
        }
        return decision;
      }
      const zones = contactZones(pb);
      const send = (): SendDecision =>
        message.channel === 'sms'
          ? { action: 'send', validitySeconds: validitySeconds(profile, 'sms', zones, at) }
          : { action: 'send' };
      if ((reply && !reply.countsAgainstCaps) || notice) return send();
      const rules = countingRulesAt(profile, attempt, zones);
      const reserved = await deps.ledger.reserve(
        borrower.id,
        message.id,
        { id: message.id, channel: message.channel, at, outcome: 'pending', direction: 'outbound', to: message.to },
        rules,
        ttl,
      );
      if (reserved.ok) return send();
    }
    return {
      action: 'defer',
      until: new Date(at + 1_000 + spreadOffsetMs(message.id, 5)),
      reasons: [
        {
          code: 'cap-reached',
          rule: 'reservation',
          detail: 'other workers took the available slots while this one was checking; trying again shortly',
        },
      ],
    };
  };
}
