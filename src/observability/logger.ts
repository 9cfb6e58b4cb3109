/**
 * pino, with personal data kept out: phone numbers, email addresses, message bodies and
 * credentials are redacted wherever they appear as fields.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

const SENSITIVE = ['to', 'phone', 'email', 'body', 'text', 'html', 'subject', 'twiml', 'name', 'authorization', 'token'];

export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

export function makeLogger(options: { level: string; destination?: DestinationStream; base?: Record<string, unknown> }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'reminder-dispatch', ...(options.base ?? {}) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** For the rare log line that must say which recipient: +861****5678, a***@example.com. */
export function maskRecipient(value: string): string {
  if (value.includes('@')) {
    const [user, domain] = value.split('@');
    return `${(user ?? '').slice(0, 1)}***@${domain ?? ''}`;
  }
  return value.length > 7 ? `${value.slice(0, 4)}****${value.slice(-4)}` : '****';
}

export type { Logger };
