/** What a provider's answer teaches about an address, and how `auto` and the cadence choose around it. */
import { describe, expect, it } from 'vitest';
import { channelsRuledOut, factOfCall, factOfMessageError, rulesOut } from '../../src/domain/address-facts.js';
import type { Borrower } from '../../src/domain/index.js';
import { resolveChannel } from '../../src/services/intake.js';

describe('address facts', () => {
  it('reads a text’s error codes: a landline, an unknown number, an unreachable handset, and nothing else', () => {
    expect(['30006', '21614', '21407'].map(factOfMessageError)).toEqual(['landline', 'landline', 'landline']);
    expect(factOfMessageError('30005')).toBe('unknown-number');
    expect(factOfMessageError('30003')).toBe('unreachable');
    expect(factOfMessageError('30036')).toBeUndefined();
    expect(factOfMessageError(null)).toBeUndefined();
  });

  it('reads a failed call: its error code, its SIP response, a fax', () => {
    expect(factOfCall({ errorCode: '13224' })).toBe('not-in-service');
    expect(factOfCall({ sipResponseCode: '404' })).toBe('not-in-service');
    expect(factOfCall({ sipResponseCode: '486' })).toBeUndefined();
    expect(factOfCall({ answeredBy: 'fax' })).toBe('fax');
  });

  it('says which channels each fact rules out: a landline still takes calls, a handset off nothing', () => {
    expect([...channelsRuledOut([{ fact: 'landline' }])]).toEqual(['sms']);
    expect(rulesOut('landline', 'voice')).toBe(false);
    expect(rulesOut('hard-bounce', 'email')).toBe(true);
    expect([...channelsRuledOut([{ fact: 'unreachable' }])]).toEqual([]);
  });
});

describe('resolveChannel with what channels learned', () => {
  const borrower = {
    id: 'b-1',
    tenant: 'default',
    phone: '+14155550100',
    email: 'alex@example.com',
    consent: {},
    optOuts: [],
  } as unknown as Borrower;
  const landline = new Map([['+14155550100', new Set(['sms'] as const)]]);
  const req = { templateChannels: ['sms', 'email', 'voice'] as const };

  it('auto takes the next channel for a landline', () => {
    expect(resolveChannel(borrower, { ...req, channel: 'auto' }, undefined, landline)).toBe('email');
  });

  it('a cadence step (channelFallback) moves off a channel the address cannot take', () => {
    expect(resolveChannel(borrower, { ...req, channel: 'sms', channelFallback: true }, undefined, landline)).toBe(
      'email',
    );
  });

  it('a channel asked for by name stays (the gate decides, and the reminder’s fallback follows)', () => {
    expect(resolveChannel(borrower, { ...req, channel: 'sms' }, undefined, landline)).toBe('sms');
  });
});
