/**
 * State and local layers on top of the tenant's profile, with fixed instants: Massachusetts's two
 * calls or texts in seven days (cited by the sender's kind), a borrower elsewhere untouched, and
 * how layers compose (the narrowest window, every cap), each reason naming the layer that decided.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type PolicyAnswer, type PolicyBorrower } from '../../src/policy/evaluate.js';
import type { ContactRecord } from '../../src/policy/history.js';
import { US_REGF } from '../../src/policy/profile.js';
import { composeLayers, layerNames, layersFor, profileForRegion, type RegionLayer } from '../../src/policy/regions.js';

const NY = 'America/New_York';
const PHONE = '+16175550100';

function borrower(region: string | null): PolicyBorrower {
  return {
    status: 'active',
    timezone: NY,
    phone: PHONE,
    locale: 'en-US',
    consent: { sms: null, voice: null, email: null },
    optOuts: [],
    blackouts: [],
    region,
  };
}

const text = (at: string, outcome: ContactRecord['outcome'] = 'delivered'): ContactRecord => ({
  channel: 'sms',
  at: Date.parse(at),
  outcome,
  direction: 'outbound',
  to: PHONE,
});
const call = (at: string, outcome: ContactRecord['outcome']): ContactRecord => ({
  channel: 'voice',
  at: Date.parse(at),
  outcome,
  direction: 'outbound',
  to: PHONE,
});

function attempt(
  region: string | null,
  at: string,
  history: ContactRecord[],
  channel: 'sms' | 'voice' | 'email' = 'sms',
  senderKind: 'creditor' | 'agency' = 'creditor',
): PolicyAnswer {
  return evaluatePolicy({
    profile: US_REGF,
    borrower: borrower(region),
    history,
    attempt: { channel, at: Date.parse(at), to: channel === 'email' ? 'a@example.com' : PHONE },
    senderKind,
  });
}

// Monday 2026-11-02 and Wednesday 2026-11-04, 10:00 in Boston; the attempt is Friday 2026-11-06 at 10:00.
const TWO_TEXTS = [text('2026-11-02T10:00:00-05:00'), text('2026-11-04T10:00:00-05:00')];
const FRIDAY = '2026-11-06T10:00:00-05:00';

describe('Massachusetts: two calls or texts in seven days', () => {
  it('defers a creditor’s third text in seven days, citing 940 CMR 7.04(1)(f), until the first leaves the period', () => {
    const answer = attempt('US-MA', FRIDAY, TWO_TEXTS);
    expect(answer.allowed).toBe(false);
    if (answer.allowed) return;
    expect(answer.reasons).toEqual([
      {
        code: 'cap-reached',
        rule: 'US-MA: 940 CMR 7.04(1)(f) — at most two calls or texts in seven days',
        layer: 'US-MA',
        detail: 'US-MA-calls-texts-2-per-7-days: 2 of 2 already used in the period',
      },
    ]);
    // Seven days (168 hours) after the first text.
    expect(answer.earliestAllowedAt).toBe('2026-11-09T15:00:00.000Z');
  });

  it('cites 209 CMR 18.16(1)(d) when the sender is a collection agency', () => {
    const answer = attempt('US-MA', FRIDAY, TWO_TEXTS, 'voice', 'agency');
    expect(answer.allowed).toBe(false);
    if (answer.allowed) return;
    expect(answer.reasons.map((r) => [r.layer, r.rule])).toEqual([
      ['US-MA', 'US-MA: 209 CMR 18.16(1)(d) — at most two calls or texts in seven days'],
    ]);
  });

  it('lets a New Jersey borrower, or one whose region is not known, have the third text', () => {
    expect(attempt('US-NJ', FRIDAY, TWO_TEXTS).allowed).toBe(true);
    expect(attempt(null, FRIDAY, TWO_TEXTS).allowed).toBe(true);
  });

  it('counts calls and texts together, an unanswered call too, but not a busy line or a failed text', () => {
    const mixed = [call('2026-11-02T10:00:00-05:00', 'no-answer'), text('2026-11-04T10:00:00-05:00')];
    expect(attempt('US-MA', FRIDAY, mixed).allowed).toBe(false);
    const unreached = [call('2026-11-02T10:00:00-05:00', 'busy'), text('2026-11-04T10:00:00-05:00', 'failed')];
    expect(attempt('US-MA', FRIDAY, unreached).allowed).toBe(true);
  });

  it('leaves email alone: it is neither a call nor a text', () => {
    expect(attempt('US-MA', FRIDAY, TWO_TEXTS, 'email').allowed).toBe(true);
  });

  it('reads "each seven-day period" as any 168 hours: a text six days and 23 hours after the first is still held', () => {
    const answer = attempt('US-MA', '2026-11-09T09:00:00-05:00', [
      text('2026-11-02T10:00:00-05:00'),
      text('2026-11-08T10:00:00-05:00'),
    ]);
    expect(answer.allowed).toBe(false);
  });
});

describe('composing layers', () => {
  const STRICT: RegionLayer = {
    region: 'XX-T1',
    description: 'a test layer',
    caps: [
      {
        name: 'XX-T1-sms-3-per-30-days',
        channels: ['sms'],
        max: 3,
        per: { days: 30 },
        counts: ['pending', 'sent', 'delivered'],
        source: { creditor: 'Test Code 1(a)' },
        summary: 'at most three texts in thirty days',
      },
    ],
    windows: { sms: { window: { from: '09:00', to: '22:00' }, source: { creditor: 'Test Code 1(b)' } } },
  };
  const NARROWER: RegionLayer = {
    region: 'XX-T2',
    description: 'another test layer',
    caps: [],
    windows: { sms: { window: { from: '07:00', to: '20:00' }, source: { creditor: 'Test Code 2(a)' } } },
  };

  it('keeps the strictest window: the latest opening and the earliest close, naming the layer that set it', () => {
    const p = composeLayers(US_REGF, [STRICT, NARROWER], 'creditor');
    expect(p.windows.sms).toEqual({ from: '09:00', to: '20:00' });
    expect(p.windows.voice).toEqual(US_REGF.windows.voice);
    expect(p.windowSources?.sms).toEqual({
      from: { layer: 'XX-T1', source: 'XX-T1: Test Code 1(b)' },
      to: { layer: 'XX-T2', source: 'XX-T2: Test Code 2(a)' },
    });
    expect(layerNames(p)).toEqual(['US-REGF', 'XX-T1', 'XX-T2']);
    const answer = evaluatePolicy({
      profile: p,
      borrower: borrower(null),
      history: [],
      attempt: { channel: 'sms', at: Date.parse('2026-11-06T08:30:00-05:00'), to: PHONE },
    });
    expect(answer.allowed).toBe(false);
    if (answer.allowed) return;
    // US-REGF allows 08:30; the layer opening at 09:00 holds it, and says so.
    expect(answer.reasons[0]).toMatchObject({
      code: 'outside-contact-window',
      layer: 'XX-T1',
      rule: 'XX-T1: Test Code 1(b)',
    });
    expect(answer.earliestAllowedAt).toBe('2026-11-06T14:00:00.000Z');
  });

  it('applies every cap: the profile’s own daily cap and the layer’s, each naming its layer', () => {
    const p = composeLayers(US_REGF, [STRICT], 'creditor');
    expect(p.caps.map((c) => c.name)).toEqual([...US_REGF.caps.map((c) => c.name), 'XX-T1-sms-3-per-30-days']);
    const history = [
      text('2026-10-20T10:00:00-04:00'),
      text('2026-10-28T10:00:00-04:00'),
      text('2026-11-06T10:00:00-05:00'),
    ];
    const answer = evaluatePolicy({
      profile: p,
      borrower: borrower(null),
      history,
      attempt: { channel: 'sms', at: Date.parse('2026-11-06T15:00:00-05:00'), to: PHONE },
    });
    expect(answer.allowed).toBe(false);
    if (answer.allowed) return;
    expect(answer.reasons.map((r) => [r.layer, r.rule])).toEqual([
      ['US-REGF', 'service policy (gentle cadence)'],
      ['XX-T1', 'XX-T1: Test Code 1(a) — at most three texts in thirty days'],
    ]);
    // Not tomorrow (the daily cap's release): the thirty-day cap holds until the first text leaves its period…
    // …and the layer's window opens at 09:00.
    expect(answer.earliestAllowedAt).toBe('2026-11-19T14:00:00.000Z');
  });

  it('skips a rule that does not bind the sender, and composes a profile only once', () => {
    expect(composeLayers(US_REGF, [STRICT], 'agency')).toMatchObject({ caps: US_REGF.caps, windows: US_REGF.windows });
    expect(layersFor('US-MA', 'agency').map((l) => l.region)).toEqual(['US-MA']);
    const once = profileForRegion(US_REGF, 'US-MA', 'creditor');
    expect(profileForRegion(US_REGF, 'US-MA', 'creditor')).toBe(once);
    expect(profileForRegion(once, 'US-MA', 'creditor').caps).toHaveLength(US_REGF.caps.length + 1);
    expect(profileForRegion(US_REGF, 'US-NJ', 'creditor')).toBe(US_REGF);
  });
});
