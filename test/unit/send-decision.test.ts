import { describe, expect, it } from 'vitest';
import type { Borrower, Message, Reminder } from '../../src/audit/types.js';
import { standingDecision } from '../../src/policy/send-decision.js';

const now = new Date('2026-11-29T15:00:00Z');
const borrower: Borrower = { id: 'b', name: null, locale: 'en-US', timezone: null, phone: '+14155550100', email: null, consent: { sms: true, voice: true, email: true }, optOuts: [], blackouts: [], status: 'active', createdAt: '', updatedAt: '' };
const reminder = { expiresAt: null } as unknown as Reminder;
const message = { channel: 'sms' } as unknown as Message;

describe('standing decision', () => {
  it('lets an active, consenting borrower be reached', () => {
    expect(standingDecision({ borrower, reminder, message, now })).toEqual({ action: 'send' });
  });
  it('suppresses for a resolved borrower', () => {
    expect(standingDecision({ borrower: { ...borrower, status: 'resolved' }, reminder, message, now })).toMatchObject({ action: 'suppress', reason: 'resolved' });
  });
  it('suppresses for a ceased borrower', () => {
    expect(standingDecision({ borrower: { ...borrower, status: 'ceased' }, reminder, message, now })).toMatchObject({ action: 'suppress', reason: 'ceased' });
  });
  it('suppresses on the channel the borrower opted out of, not on others', () => {
    const opted = { ...borrower, optOuts: [{ channel: 'sms' as const, source: 'inbound-sms', at: '' }] };
    expect(standingDecision({ borrower: opted, reminder, message, now })).toMatchObject({ action: 'suppress', reason: 'opted-out' });
    expect(standingDecision({ borrower: opted, reminder, message: { ...message, channel: 'email' }, now })).toEqual({ action: 'send' });
  });
  it('suppresses without consent for the channel', () => {
    expect(standingDecision({ borrower: { ...borrower, consent: { ...borrower.consent, sms: false } }, reminder, message, now })).toMatchObject({ action: 'suppress', reason: 'no-consent' });
  });
  it('suppresses an expired reminder at its expiry instant, not before', () => {
    const at = { ...reminder, expiresAt: '2026-11-29T15:00:00.000Z' };
    expect(standingDecision({ borrower, reminder: at, message, now })).toMatchObject({ action: 'suppress', reason: 'expired' });
    expect(standingDecision({ borrower, reminder: at, message, now: new Date(now.getTime() - 1) })).toEqual({ action: 'send' });
  });
});
