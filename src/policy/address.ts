/**
 * Addresses a person can be reached at, as the suppression list keys them: phone numbers in
 * E.164, email addresses lower-cased. Pure.
 */
import { type Channel } from '../domain/channels.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type AddressKind = 'phone' | 'email';
export type AddressChannel = Channel;

export type NormalisedAddress = { ok: true; kind: AddressKind; address: string } | { ok: false; message: string };

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,255}\.[A-Za-z]{2,63}$/;

export function normaliseAddress(raw: string): NormalisedAddress {
  const value = raw.trim();
  if (value.includes('@')) {
    if (!EMAIL.test(value)) return { ok: false, message: `"${value.slice(0, 80)}" is not an email address` };
    return { ok: true, kind: 'email', address: value.toLowerCase() };
  }
  const phone = value.startsWith('+') ? parsePhoneNumberFromString(value) : undefined;
  if (!phone || !phone.isValid()) {
    return {
      ok: false,
      message: `"${value.slice(0, 40)}" is neither an email address nor a valid E.164 phone number (give the country code, e.g. +14155550100)`,
    };
  }
  return { ok: true, kind: 'phone', address: phone.number };
}

/** The channels an address kind carries. */
export const CHANNELS_OF: Record<AddressKind, readonly AddressChannel[]> = {
  phone: ['sms', 'voice'],
  email: ['email'],
};

/** For the rare text that must say which recipient: +861****5678, a***@example.com. */
export function maskRecipient(value: string): string {
  if (value.includes('@')) {
    const [user, domain] = value.split('@');
    return `${(user ?? '').slice(0, 1)}***@${domain ?? ''}`;
  }
  return value.length > 7 ? `${value.slice(0, 4)}****${value.slice(-4)}` : '****';
}
