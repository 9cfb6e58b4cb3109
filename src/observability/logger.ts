/**
 * pino, with personal data kept out: phone numbers, email addresses, message bodies and
 * credentials are redacted wherever they appear as fields.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

const SENSITIVE = [
  'to',
  'phone',
  'email',
  'body',
  'text',
  'html',
  'subject',
  'twiml',
  'name',
  'authorization',
  'token',
];

export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

export function makeLogger(options: {
  level: string;
  destination?: DestinationStream;
  base?: Record<string, unknown>;
  pretty?: boolean;
}): Logger {
  const settings = {
    level: options.level,
    base: { service: 'reminder-dispatch', ...(options.base ?? {}) },
    // Redaction happens before any transport: pretty lines are redacted the same as JSON ones.
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.pretty && !options.destination) {
    return pino(
      settings,
      pino.transport({
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      }),
    );
  }
  return pino(settings, options.destination);
}

import { maskRecipient } from '../policy/address.js';

export { maskRecipient };

const PHONE_IN_TEXT = /\+\d[\d -]{6,18}\d/g;
// Bounded parts (RFC 5321: 64 before the @, 255 after), so a long run of letters cannot make it backtrack for seconds.
const EMAIL_IN_TEXT = /[^\s@<>"'(),;:]{1,64}@[^\s@<>"'(),;:]{1,255}\.[a-z]{2,24}/gi;

/**
 * Masks every phone number and email address inside free text and nested values (provider error
 * messages quote the number; inbound replies may carry an address), for readers who see only
 * masked recipients.
 */
export function maskContactsIn<T>(value: T): T {
  if (typeof value === 'string') {
    return value
      .replace(PHONE_IN_TEXT, (m) => maskRecipient(m.replace(/[ -]/g, '')))
      .replace(EMAIL_IN_TEXT, (m) => maskRecipient(m)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => maskContactsIn(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskContactsIn(v)])) as T;
  return value;
}

export type { Logger };

/**
 * Removes phone numbers and email addresses from free text before it is recorded (a provider's
 * error quotes the number: Twilio 21211 "The 'To' number +1… is not a valid phone number"). The
 * audit events are hashed and outlive retention, so they must hold no personal data at all.
 */
export function redactContacts(text: string): string {
  return text.replace(PHONE_IN_TEXT, '[number]').replace(EMAIL_IN_TEXT, '[address]');
}

/** A connection URL fit for a log line: any password replaced by `***` (the user name stays: it says which account is used). */
export function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // sqlite:./data/reminders.db and other non-URL forms carry no credentials
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}
