import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/domain/index.js';
import { US_REGF } from '../../src/policy/profile.js';
import { decisionFor, spreadOffsetMs } from '../../src/workers/policy-gate.js';

const message = (id: string) => ({ id, channel: 'sms' }) as unknown as Message;
const windowAnswer = {
  allowed: false as const,
  reasons: [{ code: 'outside-contact-window' as const, rule: 'r', detail: 'd' }],
  earliestAllowedAt: '2026-06-11T12:00:00.000Z',
  zones: ['America/New_York'],
};

describe('policy gate decisions', () => {
  it('spreads messages released by a window opening over the first minutes, the same way each time', () => {
    const offsets = Array.from({ length: 500 }, (_, i) => spreadOffsetMs(`msg_${i}`, 600));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(600_000);
    expect(new Set(offsets.map((o) => Math.floor(o / 60_000))).size).toBe(10); // every minute of the ten is used
    expect(spreadOffsetMs('msg_1', 600)).toBe(spreadOffsetMs('msg_1', 600));
  });

  it('defers a window denial to the opening plus the message’s spread', () => {
    const d = decisionFor(windowAnswer, message('msg_a'), null, US_REGF);
    expect(d.action).toBe('defer');
    if (d.action !== 'defer') return;
    expect(d.until.getTime() - Date.parse(windowAnswer.earliestAllowedAt)).toBe(spreadOffsetMs('msg_a', 600));
  });

  it('does not spread a cap denial: it goes exactly when the cap frees', () => {
    const d = decisionFor(
      { ...windowAnswer, reasons: [{ code: 'cap-reached', rule: 'r', detail: 'd' }] },
      message('msg_a'),
      null,
      US_REGF,
    );
    expect(d).toMatchObject({ action: 'defer', until: new Date(windowAnswer.earliestAllowedAt) });
  });

  it('suppresses when the earliest time is at or after the expiry: expired for windows, cap-expired for caps', () => {
    expect(decisionFor(windowAnswer, message('m'), '2026-06-11T12:00:00.000Z', US_REGF)).toMatchObject({
      action: 'suppress',
      reason: 'expired',
    });
    expect(
      decisionFor(
        { ...windowAnswer, reasons: [{ code: 'cap-reached', rule: 'r', detail: 'd' }] },
        message('m'),
        '2026-06-11T11:00:00.000Z',
        US_REGF,
      ),
    ).toMatchObject({
      action: 'suppress',
      reason: 'cap-expired',
    });
  });

  it('suppresses at once for standing denials', () => {
    expect(
      decisionFor(
        { ...windowAnswer, earliestAllowedAt: null, reasons: [{ code: 'opted-out', rule: 'r', detail: 'd' }] },
        message('m'),
        null,
        US_REGF,
      ),
    ).toMatchObject({
      action: 'suppress',
      reason: 'opted-out',
    });
  });
});
