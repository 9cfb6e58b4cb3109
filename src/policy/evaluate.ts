/**
 * The one policy function: may this borrower be contacted on this channel at this instant,
 * given the profile and the contact history? If not, why, and when is the earliest allowed
 * time. The simulator, the policy check and the workers all call it. Pure: time is an argument.
 */
import { type Channel } from '../domain/channels.js';
import { type CountingRule, fromCap, periodStart, ruleStatus } from './caps.js';
import type { ContactRecord } from './history.js';
import { localInstant, localMoment, secondsOf } from './local-time.js';
import { maskRecipient } from './address.js';
import type { Profile } from './profile.js';
import { contactZones } from './zones.js';
import { holdDenials, type PolicyHold } from './holds.js';
import type { SenderKind } from '../domain/sender.js';
import { profileForRegion } from './regions.js';

export type PolicyChannel = Channel;

export interface PolicyBorrower {
  status: 'active' | 'resolved' | 'ceased';
  timezone: string | string[] | null;
  phone: string | null;
  locale: string;
  consent: { sms: boolean | null; voice: boolean | null; email: boolean | null };
  optOuts: { channel: PolicyChannel; source?: string; at?: string }[];
  blackouts: { days: string[]; from: string; to: string }[];
  /** The borrower's holds not closed (a dispute, a claim to have paid, hardship): an open one defers every send. */
  holds?: readonly PolicyHold[];
  /** Where the borrower lives (ISO 3166-2, e.g. `US-MA`): its state and local rules apply on top of the profile. */
  region?: string | null | undefined;
}

/** An entry of the suppression list for the attempt's address. */
export interface AddressSuppression {
  channel: PolicyChannel;
  source: string;
  at: string;
}

export interface PolicyAttempt {
  channel: PolicyChannel;
  at: number;
  /** The phone number or address to be contacted (rules scoped per number use it). */
  to?: string | null;
  /** The account the message is about (a promise holds one account); absent: any hold holds it. */
  accountRef?: string | null;
  /** The promise that sends this message (its own hold lets it through). */
  promiseId?: string | null;
  /**
   * An agent's answer to the borrower (profile `agentReplies`): no hold keeps it back and a paid borrower may be
   * answered; the caps apply only if it counts against them. The window, blackouts, opt-outs, consent and cease do.
   */
  agentReply?: { countsAgainstCaps: boolean };
  /**
   * The validation notice sent on its own after an agency's first text or call (12 CFR 1006.34(a)(1)(i)(B)): due
   * within five days, so neither a hold nor a cap keeps it back, and it counts against none (Reg F's 1006.14 counts
   * calls). The window, blackouts, opt-outs, consent, cease and a resolved borrower do apply.
   */
  validationNotice?: boolean;
}

export type DenialCode =
  | 'outside-contact-window'
  | 'blackout'
  | 'cap-reached'
  | 'conversation-block'
  | 'opted-out'
  | 'no-consent'
  | 'resolved'
  | 'ceased'
  | 'held'
  | 'no-allowed-time';

export interface Denial {
  code: DenialCode;
  rule: string;
  detail: string;
  /** For `held`: the hold that holds the borrower. */
  hold?: { id: string; kind: string };
  /** For a window, cap or conversation block: the layer whose rule decided (the profile's name, or a region's such as `US-MA`). */
  layer?: string;
}

export type PolicyAnswer =
  | { allowed: true; zones: string[] }
  | { allowed: false; reasons: Denial[]; earliestAllowedAt: string | null; zones: string[] };

/** Denials no amount of waiting cures. */
export const STANDING_CODES: readonly DenialCode[] = ['opted-out', 'no-consent', 'resolved', 'ceased'];

/** How far ahead the earliest allowed time is looked for. */
const HORIZON_DAYS = 400;

interface TimedDenial extends Denial {
  /** For caps: when the rule has room again (null: never). */
  until?: number | null;
}

function describeZones(zones: readonly string[]): string {
  return zones.length <= 4 ? zones.join(', ') : `${zones.slice(0, 3).join(', ')} and ${zones.length - 3} more`;
}

function standing(
  profile: Profile,
  b: PolicyBorrower,
  channel: PolicyChannel,
  to: string | null | undefined,
  suppressions: readonly AddressSuppression[],
): Denial[] {
  if (b.status === 'resolved')
    return [
      { code: 'resolved', rule: 'borrower status', detail: 'the borrower has paid or settled; no further reminders' },
    ];
  if (b.status === 'ceased')
    return [{ code: 'ceased', rule: '12 CFR 1006.6(c)', detail: 'the borrower asked that communication cease' }];
  const out: Denial[] = [];
  const opt = b.optOuts.find((o) => o.channel === channel);
  if (opt)
    out.push({
      code: 'opted-out',
      rule: '12 CFR 1006.14(h); 1006.6(e)',
      detail: `the borrower opted out of ${channel}${opt.source ? ` (${opt.source})` : ''}${opt.at ? ` at ${opt.at}` : ''}`,
    });
  const listed = suppressions.find((s) => s.channel === channel);
  if (listed && !opt) {
    out.push({
      code: 'opted-out',
      rule: '12 CFR 1006.14(h); 1006.6(e); 47 CFR 64.1200(a)(10)',
      detail: `${to ? maskRecipient(to) : 'the address'} is on the suppression list for ${channel} since ${listed.at} (${listed.source}), whichever borrower carries it`,
    });
  }
  const consent = b.consent[channel];
  if (consent === false)
    out.push({ code: 'no-consent', rule: 'borrower consent', detail: `the borrower did not consent to ${channel}` });
  else if (consent !== true && profile.consentRequired[channel]) {
    out.push({
      code: 'no-consent',
      rule: `${profile.name} consentRequired.${channel}`,
      detail: `the profile requires recorded consent for ${channel}, and none is recorded`,
    });
  }
  return out;
}

/** The counting rules that apply to an attempt (caps on its channel, and the conversation block). */
export function rulesFor(
  profile: Profile,
  channel: PolicyChannel,
): Array<{ name: string; source: string; layer: string; code: DenialCode; rule: CountingRule }> {
  const rules: Array<{ name: string; source: string; layer: string; code: DenialCode; rule: CountingRule }> =
    profile.caps
      .filter((c) => c.channels.includes(channel))
      .map((c) => ({
        name: c.name,
        source: c.source ?? `${profile.name} ${c.name}`,
        layer: c.layer ?? profile.name,
        code: 'cap-reached' as const,
        rule: fromCap(c),
      }));
  const block = profile.conversationBlock;
  if (block && block.channels.includes(channel)) {
    rules.push({
      name: `conversation-block-${block.days}-days`,
      source: block.source ?? `${profile.name} conversationBlock`,
      layer: profile.name,
      code: 'conversation-block',
      rule: {
        channels: block.channels,
        max: 1,
        per: { days: block.days },
        counts: ['answered'],
        scope: 'borrower',
        includeInbound: true,
      },
    });
  }
  return rules;
}

function timeDenials(
  profile: Profile,
  b: PolicyBorrower,
  zones: readonly string[],
  attempt: PolicyAttempt,
  history: readonly ContactRecord[],
  at: number,
): TimedDenial[] {
  const out: TimedDenial[] = [];
  const window = profile.windows[attempt.channel];
  const from = secondsOf(window.from);
  const to = secondsOf(window.to);
  for (const zone of zones) {
    const local = localMoment(at, zone);
    if (local.secondOfDay < from || local.secondOfDay >= to) {
      const narrowed = profile.windowSources?.[attempt.channel]?.[local.secondOfDay < from ? 'from' : 'to'];
      out.push({
        code: 'outside-contact-window',
        rule: narrowed?.source ?? profile.windowSource ?? `${profile.name} contact window`,
        layer: narrowed?.layer ?? profile.name,
        detail: `it is ${local.label}; ${attempt.channel} is allowed ${window.from}–${window.to} local time${zones.length > 1 ? ` in every zone the borrower may be in (${describeZones(zones)})` : ''}`,
      });
      break;
    }
  }
  outer: for (const blackout of b.blackouts) {
    for (const zone of zones) {
      const local = localMoment(at, zone);
      if (
        blackout.days.includes(local.weekday) &&
        local.secondOfDay >= secondsOf(blackout.from) &&
        local.secondOfDay < secondsOf(blackout.to)
      ) {
        out.push({
          code: 'blackout',
          rule: '12 CFR 1006.6(b)(1) (times the consumer named as inconvenient)',
          detail: `the borrower asked not to be contacted ${blackout.days.join(',')} ${blackout.from}–${blackout.to}; it is ${local.label}`,
        });
        break outer;
      }
    }
  }
  const rules =
    attempt.agentReply?.countsAgainstCaps === false || attempt.validationNotice
      ? []
      : rulesFor(profile, attempt.channel);
  const block = profile.conversationBlock;
  for (const r of rules) {
    const status = ruleStatus(r.rule, zones, history, at, attempt.to);
    if (status.fullUntil === undefined) continue;
    const detail =
      r.code === 'conversation-block'
        ? `a telephone conversation took place within the last ${block!.days} days (the conversation day is day 1)`
        : `${r.name}: ${status.count} of ${r.rule.max} already used in the period`;
    out.push({ code: r.code, rule: r.source, layer: r.layer, detail, until: status.fullUntil });
  }
  return out;
}

function candidateInstants(
  profile: Profile,
  b: PolicyBorrower,
  zones: readonly string[],
  channel: PolicyChannel,
  at: number,
  capFrees: number[],
  horizonMs: number,
): number[] {
  const set = new Set<number>([at, ...capFrees.filter((t) => t > at)]);
  const last = at + horizonMs;
  const days = Math.ceil(horizonMs / 86_400_000) + 1;
  const window = profile.windows[channel];
  for (const zone of zones) {
    for (let d = -1; d <= days; d++) {
      set.add(localInstant(at, zone, d, window.from));
      for (const bo of b.blackouts) set.add(localInstant(at, zone, d, bo.to));
    }
  }
  return [...set].filter((t) => t >= at && t <= last).sort((x, y) => x - y);
}

export function evaluatePolicy(input: {
  profile: Profile;
  borrower: PolicyBorrower;
  history: readonly ContactRecord[];
  attempt: PolicyAttempt;
  suppressions?: readonly AddressSuppression[];
  /** Who sends: a state rule may bind creditors and collectors under different texts (default: a creditor). */
  senderKind?: SenderKind;
}): PolicyAnswer {
  const { history, attempt } = input;
  // The borrower's state and local rules on top of the tenant's profile (a profile already composed stays as it is).
  const profile = profileForRegion(input.profile, input.borrower.region, input.senderKind ?? 'creditor');
  // Answering a borrower who has paid is not a reminder (ceased still refuses).
  const borrower: PolicyBorrower =
    attempt.agentReply && input.borrower.status === 'resolved'
      ? { ...input.borrower, status: 'active' }
      : input.borrower;
  const zones = contactZones(borrower);
  const stand = standing(profile, borrower, attempt.channel, attempt.to, input.suppressions ?? []);
  if (stand.length > 0) return { allowed: false, reasons: stand, earliestAllowedAt: null, zones };
  // A hold defers, whatever the window or the caps say now: they are looked at again when it ends. Not an agent's
  // answer: acknowledging a dispute or a hardship is not collection.
  const held =
    attempt.agentReply || attempt.validationNotice
      ? null
      : holdDenials(borrower.holds ?? [], attempt.at, undefined, {
          accountRef: attempt.accountRef,
          promiseId: attempt.promiseId,
        });
  if (held)
    return { allowed: false, reasons: held.reasons, earliestAllowedAt: new Date(held.until).toISOString(), zones };

  const now = timeDenials(profile, borrower, zones, attempt, history, attempt.at);
  if (now.length === 0) return { allowed: true, zones };
  const reasons = now.map(({ until: _u, ...d }) => d);

  // The allowed set is a union of intervals whose left ends are window openings, blackout
  // ends or cap release times: the earliest allowed instant is the first such candidate at
  // which nothing denies.
  const capFrees = now.map((d) => d.until).filter((t): t is number => typeof t === 'number');
  if (now.some((d) => d.until === null)) {
    return { allowed: false, reasons, earliestAllowedAt: null, zones };
  }
  const windowDays = Math.max(8, ...capFrees.map((t) => Math.ceil((t - attempt.at) / 86_400_000) + 8));
  const horizon = Math.min(HORIZON_DAYS, windowDays) * 86_400_000;
  for (const t of candidateInstants(profile, borrower, zones, attempt.channel, attempt.at, capFrees, horizon)) {
    if (t === attempt.at) continue;
    if (timeDenials(profile, borrower, zones, attempt, history, t).length === 0) {
      return { allowed: false, reasons, earliestAllowedAt: new Date(t).toISOString(), zones };
    }
  }
  return {
    allowed: false,
    reasons: [
      ...reasons,
      {
        code: 'no-allowed-time',
        rule: `${profile.name}`,
        detail: `no time in the next ${Math.round(horizon / 86_400_000)} days satisfies the contact window, blackouts and caps together`,
      },
    ],
    earliestAllowedAt: null,
    zones,
  };
}

/** The counting rules for an attempt with their periods resolved to instants (what the atomic reservation checks). */
export function countingRulesAt(profile: Profile, attempt: PolicyAttempt, zones: readonly string[]) {
  return rulesFor(profile, attempt.channel).map(({ rule }) => ({
    since: periodStart(rule.per, zones, attempt.at),
    max: rule.max,
    channels: rule.channels,
    counts: rule.counts,
    to: rule.scope === 'number' ? (attempt.to ?? '') : '',
    includeInbound: rule.includeInbound,
  }));
}

/** How long contact records must be kept for every rule of the profile to see them. */
export function historyRetentionMs(profile: Profile): number {
  const periods = [
    ...profile.caps.map((c) => c.per),
    ...(profile.conversationBlock ? [{ days: profile.conversationBlock.days }] : []),
  ];
  const longest = Math.max(
    1,
    ...periods.map((p) =>
      'days' in p ? p.days * 86_400_000 : 'hours' in p ? p.hours * 3_600_000 : p.minutes * 60_000,
    ),
  );
  return longest + 2 * 86_400_000;
}
