import { describe, expect, it } from 'vitest';
import type { Borrower } from '../../src/domain/index.js';
import { resolveChannel } from '../../src/services/intake.js';

const b: Borrower = {
  id: 'b',
  tenant: 'default',
  ref: 'b',
  name: null,
  locale: 'en-US',
  timezone: null,
  phone: '+14155550100',
  email: 'a@example.com',
  consent: { sms: null, voice: null, email: null },
  optOuts: [],
  blackouts: [],
  status: 'active',
  createdAt: '',
  updatedAt: '',
};
const all = ['sms', 'voice', 'email'] as const;

describe('channel choice', () => {
  it('keeps an explicit channel the borrower can be reached on', () => {
    expect(resolveChannel(b, { channel: 'voice', templateChannels: all })).toBe('voice');
  });
  it('names the missing contact field for an explicit channel', () => {
    expect(resolveChannel({ ...b, email: null }, { channel: 'email', templateChannels: all })).toEqual({
      path: 'borrower.email',
      message: expect.stringContaining('email address'),
    });
  });
  it('refuses a channel the template lacks', () => {
    expect(resolveChannel(b, { channel: 'voice', templateChannels: ['sms'] })).toMatchObject({ path: 'channel' });
  });
  it('picks SMS, then email, then voice for auto, skipping opted-out and unconsented channels', () => {
    expect(resolveChannel(b, { channel: 'auto', templateChannels: all })).toBe('sms');
    expect(
      resolveChannel(
        { ...b, optOuts: [{ channel: 'sms', source: 'x', at: '' }] },
        { channel: 'auto', templateChannels: all },
      ),
    ).toBe('email');
    expect(
      resolveChannel(
        { ...b, email: null, consent: { sms: false, voice: null, email: null } },
        { channel: 'auto', templateChannels: all },
      ),
    ).toBe('voice');
    expect(
      resolveChannel({ ...b, phone: null, email: null }, { channel: 'auto', templateChannels: all }),
    ).toMatchObject({ path: 'channel' });
  });

  it('for an agency, never picks SMS to a +1 number: auto and cadence steps take the next channel, an explicit SMS stays (and is suppressed at send)', () => {
    const agency = { kind: 'agency' as const, agencySmsToNanp: false };
    expect(resolveChannel(b, { channel: 'auto', templateChannels: all }, agency)).toBe('email');
    expect(resolveChannel(b, { channel: 'sms', templateChannels: all, channelFallback: true }, agency)).toBe('email');
    expect(resolveChannel(b, { channel: 'sms', templateChannels: all }, agency)).toBe('sms');
    // A UK number, or a provider that allows it, or a creditor: SMS as usual.
    expect(resolveChannel({ ...b, phone: '+447911123456' }, { channel: 'auto', templateChannels: all }, agency)).toBe(
      'sms',
    );
    expect(
      resolveChannel(b, { channel: 'auto', templateChannels: all }, { kind: 'agency', agencySmsToNanp: true }),
    ).toBe('sms');
    expect(
      resolveChannel(
        b,
        { channel: 'sms', templateChannels: all, channelFallback: true },
        { kind: 'creditor', agencySmsToNanp: false },
      ),
    ).toBe('sms');
  });
});
