/** Local days in a zone, across DST changes, with the per-day memo asked in any order. */
import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../src/policy/local-time.js';

const at = (iso: string) => Date.parse(iso);

describe('startOfLocalDay', () => {
  it('answers each local day’s midnight, and N days before or after it, across a DST change', () => {
    const zone = 'America/New_York';
    // 2026-03-08 is 23 hours long in New York (clocks go forward at 02:00).
    expect(startOfLocalDay(at('2026-03-08T17:00:00Z'), zone)).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(at('2026-03-08T18:00:00Z'), zone)).toBe(at('2026-03-08T05:00:00Z'));
    // The next local day starts at 04:00Z, not 05:00Z: the memo of the day before must not answer.
    expect(startOfLocalDay(at('2026-03-09T04:30:00Z'), zone)).toBe(at('2026-03-09T04:00:00Z'));
    expect(startOfLocalDay(at('2026-03-09T03:59:59Z'), zone)).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(at('2026-03-09T12:00:00Z'), zone, -1)).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(at('2026-03-09T12:00:00Z'), zone, -6)).toBe(at('2026-03-03T05:00:00Z'));
    // Back in time again, and another zone with the same instant.
    expect(startOfLocalDay(at('2026-03-08T17:00:00Z'), zone)).toBe(at('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(at('2026-03-08T17:00:00Z'), 'Asia/Shanghai')).toBe(at('2026-03-08T16:00:00Z'));
  });
});
