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

/** A refusal by one layer's cap alone, and when it has room again. */
const capReached = (layer: string, rule: string, used: string, earliestAllowedAt: string) =>
  expect.objectContaining({
    allowed: false,
    reasons: [{ code: 'cap-reached', rule, layer, detail: `${used} already used in the period` }],
    earliestAllowedAt,
  });

const email = (at: string): ContactRecord => ({
  channel: 'email',
  at: Date.parse(at),
  outcome: 'sent',
  direction: 'outbound',
  to: 'a@example.com',
});

describe('Washington: three communications a week, for collection agencies', () => {
  const WA_CITATION = 'US-WA: RCW 19.16.250(13)(a) — at most three communications in a week';
  // A call, a text and an email this week (Monday to Wednesday); the attempt is Friday.
  const THREE = [
    call('2026-11-02T10:00:00-08:00', 'no-answer'),
    text('2026-11-03T10:00:00-08:00'),
    email('2026-11-04T10:00:00-08:00'),
  ];
  const FRIDAY_SEATTLE = '2026-11-06T10:00:00-08:00';

  it('defers an agency’s fourth communication in a week, any channel counting, citing RCW 19.16.250(13)(a)', () => {
    const answer = attempt('US-WA', FRIDAY_SEATTLE, THREE, 'voice', 'agency');
    // 168 hours after the first call.
    expect(answer).toEqual(
      capReached('US-WA', WA_CITATION, 'US-WA-contacts-3-per-7-days: 3 of 3', '2026-11-09T18:00:00.000Z'),
    );
  });

  it('binds no creditor: the act regulates collection agencies', () => {
    expect(layersFor('US-WA', 'creditor')).toEqual([]);
    expect(attempt('US-WA', FRIDAY_SEATTLE, THREE, 'voice', 'creditor').allowed).toBe(true);
  });

  it('allows the third communication, and does not count a busy line', () => {
    expect(attempt('US-WA', FRIDAY_SEATTLE, THREE.slice(1), 'sms', 'agency').allowed).toBe(true);
    const busy = [call('2026-11-02T10:00:00-08:00', 'busy'), ...THREE.slice(1)];
    expect(attempt('US-WA', FRIDAY_SEATTLE, busy, 'sms', 'agency').allowed).toBe(true);
  });

  it('keeps the 21:00 to 7:30 quiet hours, which Regulation F’s 8:00 to 21:00 window already covers', () => {
    const p = profileForRegion(US_REGF, 'US-WA', 'agency');
    expect(p.windows).toEqual(US_REGF.windows);
    expect(layerNames(p)).toEqual(['US-REGF', 'US-WA']);
  });
});

describe('New York City: two communications in seven days', () => {
  const NYC_CITATION = 'US-NY-NYC: 6 RCNY 5-77(b)(1)(iv) — at most two communications in seven days';
  const TWO = [email('2026-11-02T10:00:00-05:00'), call('2026-11-04T10:00:00-05:00', 'voicemail')];

  it('defers a third communication in seven days, creditor or agency, citing 6 RCNY 5-77(b)(1)(iv)', () => {
    for (const kind of ['creditor', 'agency'] as const) {
      expect(attempt('US-NY-NYC', FRIDAY, TWO, 'sms', kind)).toEqual(
        capReached('US-NY-NYC', NYC_CITATION, 'US-NY-NYC-contacts-2-per-7-days: 2 of 2', '2026-11-09T15:00:00.000Z'),
      );
    }
  });

  it('counts email too (a communication "through any medium"), unlike Massachusetts', () => {
    const emails = [email('2026-11-02T10:00:00-05:00'), email('2026-11-04T10:00:00-05:00')];
    expect(attempt('US-NY-NYC', FRIDAY, emails, 'email').allowed).toBe(false);
    expect(attempt('US-MA', FRIDAY, emails, 'email').allowed).toBe(true);
  });

  it('leaves a borrower elsewhere in New York State to the profile alone', () => {
    expect(attempt('US-NY', FRIDAY, TWO, 'sms').allowed).toBe(true);
    expect(layersFor('US-NY', 'creditor')).toEqual([]);
    expect(layerNames(profileForRegion(US_REGF, 'US-NY-NYC', 'creditor'))).toEqual(['US-REGF', 'US-NY-NYC']);
  });
});

describe('the local quiet hours, under a profile with a wider window', () => {
  const WIDE = {
    ...US_REGF,
    name: 'WIDE',
    windows: {
      sms: { from: '07:00', to: '22:00' },
      voice: { from: '07:00', to: '22:00' },
      email: { from: '07:00', to: '22:00' },
    },
  };

  it('narrows every channel to 7:30–21:00 for a Washington agency and to 8:00–21:00 in New York City, citing each', () => {
    const wa = composeLayers(WIDE, layersFor('US-WA', 'agency'), 'agency');
    expect(wa.windows.email).toEqual({ from: '07:30', to: '21:00' });
    expect(wa.windowSources?.voice?.from).toEqual({ layer: 'US-WA', source: 'US-WA: RCW 19.16.250(13)(c)' });
    const nyc = composeLayers(WIDE, layersFor('US-NY-NYC', 'creditor'), 'creditor');
    expect(nyc.windows.sms).toEqual({ from: '08:00', to: '21:00' });
    expect(nyc.windowSources?.sms?.to).toEqual({ layer: 'US-NY-NYC', source: 'US-NY-NYC: 6 RCNY 5-77(b)(1)(i)' });
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
