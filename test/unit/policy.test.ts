/**
 * The pure policy with fixed instants: contact-window edges, daylight-saving days, ambiguous
 * locations, blackouts, calendar-day caps, the conversation block, and the worked examples of
 * the official interpretations of 12 CFR 1006.6(b)(1)(i) and 1006.14(b)(2) (each named by its
 * comment number; the 2020 dates are the commentary's, whose weekdays they match).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type PolicyAnswer, type PolicyBorrower } from '../../src/policy/evaluate.js';
import { type ContactRecord, simulatedHistory } from '../../src/policy/history.js';
import { CN, type Profile, ProfileError, resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { policyBorrower } from '../support/policy-fixtures.js';

const NY = 'America/New_York';

const borrower = policyBorrower;

function check(
  at: string,
  over: {
    profile?: Profile;
    b?: Partial<PolicyBorrower>;
    history?: ContactRecord[];
    channel?: 'sms' | 'voice' | 'email';
    to?: string;
  } = {},
): PolicyAnswer {
  return evaluatePolicy({
    profile: over.profile ?? US_REGF,
    borrower: borrower(over.b),
    history: over.history ?? [],
    attempt: { channel: over.channel ?? 'voice', at: Date.parse(at), to: over.to ?? '+12125550100' },
  });
}

const call = (
  at: string,
  outcome: ContactRecord['outcome'],
  direction: ContactRecord['direction'] = 'outbound',
): ContactRecord => ({
  channel: 'voice',
  at: Date.parse(at),
  outcome,
  direction,
  to: '+12125550100',
});
const sms = (at: string): ContactRecord => ({
  channel: 'sms',
  at: Date.parse(at),
  outcome: 'sent',
  direction: 'outbound',
  to: '+12125550100',
});
const email = (at: string): ContactRecord => ({
  channel: 'email',
  at: Date.parse(at),
  outcome: 'sent',
  direction: 'outbound',
});

function denied(a: PolicyAnswer) {
  expect(a.allowed).toBe(false);
  if (a.allowed) throw new Error('allowed');
  return a;
}
const codes = (a: PolicyAnswer) => (a.allowed ? [] : a.reasons.map((r) => r.code));

describe('contact window edges (US-REGF, 08:00 ≤ t < 21:00 local)', () => {
  it('denies 07:59:59 local and names 08:00 the same day as the earliest time', () => {
    const a = denied(check('2026-06-10T07:59:59-04:00'));
    expect(codes(a)).toEqual(['outside-contact-window']);
    expect(a.reasons[0]!.rule).toBe('12 CFR 1006.6(b)(1)(i)');
    expect(a.earliestAllowedAt).toBe('2026-06-10T12:00:00.000Z');
  });
  it('allows 08:00:00 local', () => expect(check('2026-06-10T08:00:00-04:00').allowed).toBe(true));
  it('allows 20:59:59 local', () => expect(check('2026-06-10T20:59:59-04:00').allowed).toBe(true));
  it('denies 21:00:00 local and names 08:00 the next day', () => {
    expect(denied(check('2026-06-10T21:00:00-04:00')).earliestAllowedAt).toBe('2026-06-11T12:00:00.000Z');
  });
  it('applies the window to SMS and email as well as calls', () => {
    expect(codes(check('2026-06-10T22:00:00-04:00', { channel: 'sms' }))).toEqual(['outside-contact-window']);
    expect(codes(check('2026-06-10T06:00:00-04:00', { channel: 'email' }))).toEqual(['outside-contact-window']);
  });
});

describe('daylight-saving days', () => {
  it('US spring forward (2026-03-08): 21:30 EST on the 7th waits for 08:00 EDT on the 8th (12:00Z, not 13:00Z)', () => {
    expect(denied(check('2026-03-07T21:30:00-05:00')).earliestAllowedAt).toBe('2026-03-08T12:00:00.000Z');
  });
  it('US spring forward: 07:59:59 EDT on the change day is still too early, 08:00 EDT is fine', () => {
    expect(codes(check('2026-03-08T07:59:59-04:00'))).toEqual(['outside-contact-window']);
    expect(check('2026-03-08T08:00:00-04:00').allowed).toBe(true);
  });
  it('US fall back (2026-11-01): 21:30 EDT on Oct 31 waits for 08:00 EST (13:00Z)', () => {
    expect(denied(check('2026-10-31T21:30:00-04:00')).earliestAllowedAt).toBe('2026-11-01T13:00:00.000Z');
  });
  it('US fall back: 20:59:59 EST on the change day is allowed, 21:00 EST is not', () => {
    expect(check('2026-11-01T20:59:59-05:00').allowed).toBe(true);
    expect(codes(check('2026-11-01T21:00:00-05:00'))).toEqual(['outside-contact-window']);
  });
  it('EU spring forward (2026-03-29, Berlin): 22:00 CET on the 28th waits for 08:00 CEST (06:00Z)', () => {
    expect(denied(check('2026-03-28T22:00:00+01:00', { b: { timezone: 'Europe/Berlin' } })).earliestAllowedAt).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });
  it('EU fall back (2026-10-25, Berlin): 22:00 CEST on the 24th waits for 08:00 CET (07:00Z)', () => {
    expect(denied(check('2026-10-24T22:00:00+02:00', { b: { timezone: 'Europe/Berlin' } })).earliestAllowedAt).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });
  it('Asia/Shanghai under CN (no daylight saving): 21:59:59 allowed, 22:00:00 waits for 08:00 next day', () => {
    const b = { timezone: 'Asia/Shanghai', phone: '+8613800138000' };
    expect(check('2026-03-08T21:59:59+08:00', { profile: CN, b, channel: 'sms', to: '+8613800138000' }).allowed).toBe(
      true,
    );
    const a = denied(check('2026-03-08T22:00:00+08:00', { profile: CN, b, channel: 'sms', to: '+8613800138000' }));
    expect(a.earliestAllowedAt).toBe('2026-03-09T00:00:00.000Z');
    expect(codes(check('2026-03-09T07:59:59+08:00', { profile: CN, b, channel: 'sms', to: '+8613800138000' }))).toEqual(
      ['outside-contact-window'],
    );
  });
});

describe('location unknown or ambiguous (comment 6(b)(1)(i)-2)', () => {
  it('comment 6(b)(1)(i)-2.i: Eastern area code and Pacific address → 11:00–21:00 Eastern', () => {
    const b = { timezone: [NY, 'America/Los_Angeles'] };
    const early = denied(check('2026-06-10T10:59:59-04:00', { b }));
    expect(early.earliestAllowedAt).toBe('2026-06-10T15:00:00.000Z'); // 11:00 EDT = 08:00 PDT
    expect(check('2026-06-10T11:00:00-04:00', { b }).allowed).toBe(true);
    expect(check('2026-06-10T20:59:59-04:00', { b }).allowed).toBe(true); // 17:59 PDT
    expect(codes(check('2026-06-10T21:00:00-04:00', { b }))).toEqual(['outside-contact-window']);
  });
  it('comment 6(b)(1)(i)-2.ii: Eastern mobile and Mountain landline → 10:00–21:00 Eastern', () => {
    const b = { timezone: [NY, 'America/Denver'] };
    expect(codes(check('2026-06-10T09:59:59-04:00', { b }))).toEqual(['outside-contact-window']);
    expect(check('2026-06-10T10:00:00-04:00', { b }).allowed).toBe(true);
    expect(codes(check('2026-06-10T21:00:00-04:00', { b }))).toEqual(['outside-contact-window']);
  });
  it('no time zone: only hours inside the window in every zone of the phone number’s country', () => {
    // US zones run from New York to Adak and Honolulu (UTC−10): 14:00–21:00 EDT is convenient everywhere.
    const b = { timezone: null, phone: '+12125550100' };
    expect(denied(check('2026-06-10T13:59:00-04:00', { b })).earliestAllowedAt).toBe('2026-06-10T18:00:00.000Z');
    expect(check('2026-06-10T14:00:00-04:00', { b }).allowed).toBe(true);
  });
  it('no time zone and a Chinese number under CN: Shanghai and Urumqi both → 10:00–22:00 Beijing time', () => {
    const b = { timezone: null, phone: '+8613800138000', locale: 'zh-CN' };
    expect(codes(check('2026-06-10T09:59:00+08:00', { profile: CN, b, channel: 'sms', to: '+8613800138000' }))).toEqual(
      ['outside-contact-window'],
    );
    expect(check('2026-06-10T10:00:00+08:00', { profile: CN, b, channel: 'sms', to: '+8613800138000' }).allowed).toBe(
      true,
    );
  });
});

describe('when a message counts as sent (comment 6(b)(1)(i)-1)', () => {
  it('comment 6(b)(1)(i)-1: an email is judged at the moment it is sent, so one queued at 20:00 and sent at 21:05 is held', () => {
    expect(codes(check('2026-06-10T21:05:00-04:00', { channel: 'email' }))).toEqual(['outside-contact-window']);
  });
});

describe('times the borrower named as inconvenient (comment 6(b)(1)-1)', () => {
  const blackouts = [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '15:00', to: '17:00' },
    { days: ['sat', 'sun'], from: '00:00', to: '24:00' },
  ];
  it('comment 6(b)(1)-1.ii: weekdays 15:00–17:00 are held until 17:00', () => {
    const a = denied(check('2026-06-10T15:30:00-04:00', { b: { blackouts } })); // a Wednesday
    expect(codes(a)).toEqual(['blackout']);
    expect(a.earliestAllowedAt).toBe('2026-06-10T21:00:00.000Z');
  });
  it('comment 6(b)(1)-1.ii: weekends are held until Monday 08:00', () => {
    expect(denied(check('2026-06-13T10:00:00-04:00', { b: { blackouts } })).earliestAllowedAt).toBe(
      '2026-06-15T12:00:00.000Z',
    );
  });
});

describe('call frequency (12 CFR 1006.14(b)(2))', () => {
  it('comment 14(b)(2)(i)-1.i: seven calls from Wednesday April 1 to Tuesday April 7 comply; the next may be on April 8', () => {
    const history = [
      call('2020-04-01T10:00:00-04:00', 'voicemail'),
      ...['02', '03', '04', '05', '06', '07'].map((d) => call(`2020-04-${d}T10:00:00-04:00`, 'no-answer')),
    ];
    const a = denied(check('2020-04-07T15:00:00-04:00', { history }));
    expect(codes(a)).toEqual(['cap-reached']);
    expect(a.reasons[0]!.rule).toBe('12 CFR 1006.14(b)(2)(i)(A)');
    expect(a.earliestAllowedAt).toBe('2020-04-08T12:00:00.000Z');
    expect(check('2020-04-08T08:00:00-04:00', { history }).allowed).toBe(true);
  });
  it('comment 14(b)(2)(ii)-1.i: an eighth call on April 7 (1 + 2 + 2 + 2 before it) would exceed the frequency, so it is held', () => {
    const history = [
      call('2020-04-01T10:00:00-04:00', 'voicemail'),
      ...['02', '03', '06'].flatMap((d) => [
        call(`2020-04-${d}T10:00:00-04:00`, 'no-answer'),
        call(`2020-04-${d}T16:00:00-04:00`, 'no-answer'),
      ]),
    ];
    expect(history).toHaveLength(7);
    expect(codes(check('2020-04-07T11:00:00-04:00', { history }))).toEqual(['cap-reached']);
  });
  it('comment 14(b)(2)(i)-1.ii: a conversation the consumer starts on Thursday August 13 blocks calls until Thursday August 20', () => {
    const history = [call('2020-08-13T11:00:00-04:00', 'answered', 'inbound')];
    const a = denied(check('2020-08-19T20:00:00-04:00', { history }));
    expect(codes(a)).toEqual(['conversation-block']);
    expect(a.reasons[0]!.rule).toBe('12 CFR 1006.14(b)(2)(i)(B)');
    expect(a.earliestAllowedAt).toBe('2020-08-20T12:00:00.000Z');
    expect(check('2020-08-20T08:00:00-04:00', { history }).allowed).toBe(true);
  });
  it('comment 14(b)(2)(ii)-1.ii: unanswered on August 11, a conversation on Friday August 14 → no call before Friday August 21', () => {
    const history = [call('2020-08-11T10:00:00-04:00', 'no-answer'), call('2020-08-14T10:00:00-04:00', 'answered')];
    expect(codes(check('2020-08-17T10:00:00-04:00', { history }))).toEqual(['conversation-block']);
    expect(denied(check('2020-08-20T20:59:00-04:00', { history })).earliestAllowedAt).toBe('2020-08-21T12:00:00.000Z');
    expect(check('2020-08-21T08:00:00-04:00', { history }).allowed).toBe(true);
  });
  it('comment 14(b)(3)(ii)-1: busy signals and numbers not in service are not placed calls', () => {
    const history = [
      ...['01', '02', '03', '04', '05'].map((d) => call(`2020-04-${d}T10:00:00-04:00`, 'no-answer')),
      call('2020-04-06T10:00:00-04:00', 'busy'),
      call('2020-04-06T11:00:00-04:00', 'not-in-service'),
      call('2020-04-06T12:00:00-04:00', 'voicemail'),
    ];
    expect(check('2020-04-07T10:00:00-04:00', { history }).allowed).toBe(true);
  });
  it('comment 14(b)-1: texts and emails are not telephone calls', () => {
    const history = [
      ...['01', '02', '03'].map((d) => sms(`2020-04-${d}T10:00:00-04:00`)),
      ...['01', '02'].map((d) => email(`2020-04-${d}T12:00:00-04:00`)),
      ...['03', '04', '05', '06'].map((d) => call(`2020-04-${d}T14:00:00-04:00`, 'no-answer')),
    ];
    expect(check('2020-04-07T10:00:00-04:00', { history }).allowed).toBe(true);
  });
});

describe('calendar-day caps', () => {
  it('US-REGF: one SMS per local calendar day; the next may go when the window opens the next day, not 24 hours later', () => {
    const history = [sms('2026-06-10T20:30:00-04:00')];
    const a = denied(check('2026-06-10T20:45:00-04:00', { channel: 'sms', history }));
    expect(codes(a)).toEqual(['cap-reached']);
    expect(a.earliestAllowedAt).toBe('2026-06-11T12:00:00.000Z');
  });
  it('US-REGF: at most 10 contacts in 7 days across channels', () => {
    const history = [
      ...['04', '05', '06', '07', '08', '09'].map((d) => sms(`2026-06-${d}T10:00:00-04:00`)),
      ...['05', '06', '07', '08'].map((d) => email(`2026-06-${d}T11:00:00-04:00`)),
    ];
    const a = denied(check('2026-06-10T10:00:00-04:00', { channel: 'voice', history }));
    expect(a.reasons.map((r) => r.detail).join()).toContain('all-10-per-7-days');
    expect(a.earliestAllowedAt).toBe('2026-06-11T12:00:00.000Z'); // June 4 leaves the 7-day period
  });
  it('CN: at most 3 answered calls a day, and a call of unknown outcome counts until it is known', () => {
    const b = { timezone: 'Asia/Shanghai', phone: '+8613800138000' };
    const to = '+8613800138000';
    const h = (hh: string, outcome: ContactRecord['outcome']) => ({
      ...call(`2026-06-10T${hh}:00:00+08:00`, outcome),
      to,
    });
    expect(
      check('2026-06-10T15:00:00+08:00', { profile: CN, b, to, history: [h('09', 'answered'), h('10', 'answered')] })
        .allowed,
    ).toBe(true);
    const a = denied(
      check('2026-06-10T15:00:00+08:00', {
        profile: CN,
        b,
        to,
        history: [h('09', 'answered'), h('10', 'answered'), h('11', 'pending')],
      }),
    );
    expect(a.earliestAllowedAt).toBe('2026-06-11T00:00:00.000Z');
  });
  it('CN: at most 6 unanswered attempts to one number a day, counted per number', () => {
    const b = { timezone: 'Asia/Shanghai', phone: '+8613800138000' };
    const history = ['09', '10', '11', '12', '13', '14'].map((hh) => ({
      ...call(`2026-06-10T${hh}:00:00+08:00`, 'no-answer'),
      to: '+8613800138000',
    }));
    expect(codes(check('2026-06-10T15:00:00+08:00', { profile: CN, b, to: '+8613800138000', history }))).toEqual([
      'cap-reached',
    ]);
    expect(check('2026-06-10T15:00:00+08:00', { profile: CN, b, to: '+8613900139000', history }).allowed).toBe(true);
  });
});

describe('standing denials', () => {
  it('an opt-out on the channel denies with no earliest time', () => {
    const a = denied(
      check('2026-06-10T10:00:00-04:00', {
        channel: 'sms',
        b: { optOuts: [{ channel: 'sms', source: 'inbound-sms' }] },
      }),
    );
    expect(codes(a)).toEqual(['opted-out']);
    expect(a.earliestAllowedAt).toBeNull();
  });
  it('a refused consent denies; an unrecorded one denies only where the profile requires consent', () => {
    expect(
      codes(check('2026-06-10T10:00:00-04:00', { b: { consent: { sms: null, voice: false, email: null } } })),
    ).toEqual(['no-consent']);
    expect(check('2026-06-10T10:00:00-04:00').allowed).toBe(true);
    const strict = resolveProfile({
      ...US_REGF,
      name: 'strict',
      consentRequired: { sms: false, voice: true, email: false },
    });
    expect(codes(check('2026-06-10T10:00:00-04:00', { profile: strict }))).toEqual(['no-consent']);
  });
  it('a resolved or ceased borrower is never contacted', () => {
    expect(codes(check('2026-06-10T10:00:00-04:00', { b: { status: 'resolved' } }))).toEqual(['resolved']);
    expect(codes(check('2026-06-10T10:00:00-04:00', { b: { status: 'ceased' } }))).toEqual(['ceased']);
  });
});

describe('the simulator example in DESIGN.md', () => {
  it('a conversation on Friday April 3 (inbound) blocks calls through April 9; with weekends blacked out the next call is Friday April 10 08:00', () => {
    const a = denied(
      check('2020-04-08T10:00:00-04:00', {
        b: { blackouts: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }] },
        history: [
          call('2020-04-01T10:00:00-04:00', 'no-answer'),
          call('2020-04-03T10:00:00-04:00', 'answered', 'inbound'),
        ],
      }),
    );
    expect(codes(a)).toEqual(['conversation-block']);
    expect(a.earliestAllowedAt).toBe('2020-04-10T12:00:00.000Z');
  });
});

describe('profiles', () => {
  it('validates a custom profile and names the bad field', () => {
    expect(() =>
      resolveProfile({ ...US_REGF, windows: { ...US_REGF.windows, sms: { from: '21:00', to: '08:00' } } }),
    ).toThrow(/windows\.sms\.to: "from" must be before "to"/);
    expect(() =>
      resolveProfile({
        ...US_REGF,
        caps: [{ name: 'x', channels: ['fax'], max: 1, per: { days: 1 }, counts: ['sent'] }],
      }),
    ).toThrow(/caps\.0\.channels\.0/);
    expect(() => resolveProfile('EU-GDPR')).toThrow(ProfileError);
  });
  it('a cap of zero means never, so the answer has no earliest time', () => {
    const none = resolveProfile({
      ...US_REGF,
      name: 'no-voice',
      caps: [{ name: 'no-calls', channels: ['voice'], max: 0, per: { days: 1 }, counts: ['pending'] }],
    });
    const a = denied(check('2026-06-10T10:00:00-04:00', { profile: none }));
    expect(a.earliestAllowedAt).toBeNull();
  });
  it('rolling hour-based periods free up exactly one period after the counted contact', () => {
    const hourly = resolveProfile({
      ...US_REGF,
      name: 'hourly',
      caps: [{ name: 'sms-1-per-2-hours', channels: ['sms'], max: 1, per: { hours: 2 }, counts: ['sent'] }],
    });
    const a = denied(
      check('2026-06-10T11:00:00-04:00', {
        profile: hourly,
        channel: 'sms',
        history: [sms('2026-06-10T10:00:00-04:00')],
      }),
    );
    expect(a.earliestAllowedAt).toBe('2026-06-10T16:00:00.000Z');
  });
});

describe('the simulator’s history and the CN per-number rule (6 unanswered attempts per number per day)', () => {
  const SH = 'Asia/Shanghai';
  const own = '+8613800138000';
  const other = '+8613900139000';
  const b = borrower({ timezone: SH, phone: own, locale: 'zh-CN' });
  const unanswered = (n: number, to?: string) =>
    simulatedHistory(
      Array.from({ length: n }, (_, i) => ({
        channel: 'voice' as const,
        at: `2026-06-10T${String(9 + i).padStart(2, '0')}:00:00+08:00`,
        outcome: 'no-answer' as const,
        direction: 'outbound' as const,
        ...(to ? { to } : {}),
      })),
      own,
    );
  const seventh = (history: ContactRecord[], to: string = own) =>
    evaluatePolicy({
      profile: CN,
      borrower: b,
      history,
      attempt: { channel: 'voice', at: Date.parse('2026-06-10T16:00:00+08:00'), to },
    });

  it('counts entries that name no number as calls to the borrower’s current number: a seventh is denied', () => {
    const a = denied(seventh(unanswered(6)));
    expect(a.reasons).toEqual([
      expect.objectContaining({
        code: 'cap-reached',
        detail: expect.stringContaining('voice-6-unanswered-per-number-per-day'),
      }),
    ]);
  });

  it('allows the seventh after five unanswered calls', () => {
    expect(seventh(unanswered(5)).allowed).toBe(true);
  });

  it('counts entries that name the number the same as those that do not', () => {
    expect(denied(seventh([...unanswered(3), ...unanswered(3, own)])).reasons[0]!.code).toBe('cap-reached');
  });

  it('does not count calls to another number against this one', () => {
    expect(seventh(unanswered(6, other)).allowed).toBe(true);
  });

  it('denies a seventh call to the other number when six went to it', () => {
    expect(denied(seventh(unanswered(6, other), other)).reasons[0]!.code).toBe('cap-reached');
  });

  it('keeps email entries without a number off the phone', () => {
    const h = simulatedHistory(
      [{ channel: 'email', at: '2026-06-10T09:00:00+08:00', outcome: 'sent', direction: 'outbound' }],
      own,
    );
    expect(h[0]!.to).toBeNull();
  });
});

describe('the suppression list in the policy', () => {
  it('denies an address on the list for its channel, masked, with no time that would help', () => {
    const a = denied(
      evaluatePolicy({
        profile: US_REGF,
        borrower: borrower(),
        history: [],
        attempt: { channel: 'sms', at: Date.parse('2026-06-10T12:00:00-04:00'), to: '+12125550100' },
        suppressions: [{ channel: 'sms', source: 'inbound-keyword', at: '2026-06-01T00:00:00Z' }],
      }),
    );
    expect(a.earliestAllowedAt).toBeNull();
    expect(a.reasons).toEqual([
      expect.objectContaining({
        code: 'opted-out',
        detail: expect.stringContaining('+121****0100 is on the suppression list for sms'),
      }),
    ]);
  });

  it('allows another channel of a suppressed address', () => {
    expect(
      evaluatePolicy({
        profile: US_REGF,
        borrower: borrower(),
        history: [],
        attempt: { channel: 'voice', at: Date.parse('2026-06-10T12:00:00-04:00'), to: '+12125550100' },
        suppressions: [{ channel: 'sms', source: 'x', at: '2026-06-01T00:00:00Z' }],
      }).allowed,
    ).toBe(true);
  });
});
