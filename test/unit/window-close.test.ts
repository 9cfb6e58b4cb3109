/** When the contact window closes: the earliest close among the zones, DST-aware, capped at Twilio's 36,000 s. */
import { describe, expect, it } from 'vitest';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { validitySeconds, windowCloseAt } from '../../src/policy/window-close.js';

const at = (iso: string) => Date.parse(iso);

describe('the validity period of an SMS', () => {
  it('ends at the earliest 21:00 among the zones the borrower may be in', () => {
    // 15:00 in New York is 12:00 in Los Angeles: New York's window closes first, in 6 hours.
    const now = at('2026-06-10T19:00:00Z');
    expect(windowCloseAt(US_REGF, 'sms', ['America/New_York', 'America/Los_Angeles'], now)).toBe(
      at('2026-06-11T01:00:00Z'),
    );
    expect(validitySeconds(US_REGF, 'sms', ['America/New_York', 'America/Los_Angeles'], now)).toBe(6 * 3600);
  });

  it('is capped at 36,000 s and at least 1 s, and has no end in an all-day window', () => {
    const early = at('2026-06-10T12:00:00Z'); // 08:00 in New York: 13 h to 21:00
    expect(validitySeconds(US_REGF, 'sms', ['America/New_York'], early)).toBe(36_000);
    const late = at('2026-06-11T00:59:59.500Z'); // half a second before 21:00
    expect(validitySeconds(US_REGF, 'sms', ['America/New_York'], late)).toBe(1);
    const open = resolveProfile({
      ...US_REGF,
      name: 'open',
      windows: { ...US_REGF.windows, sms: { from: '00:00', to: '24:00' } },
    });
    expect(windowCloseAt(open, 'sms', ['UTC'], early)).toBeNull();
    expect(validitySeconds(open, 'sms', ['UTC'], early)).toBe(36_000);
  });

  it('counts the local hours on a day the clocks change', () => {
    // 2026-11-01: New York falls back at 02:00, so 00:30 to 21:00 local is 21.5 hours, capped.
    expect(windowCloseAt(US_REGF, 'sms', ['America/New_York'], at('2026-11-01T18:00:00Z'))).toBe(
      at('2026-11-02T02:00:00Z'),
    );
  });
});
