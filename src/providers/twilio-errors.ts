/**
 * Twilio failures, sorted once into permanent (the message fails) and transient (retry with
 * backoff). https://www.twilio.com/docs/api/errors
 */
import { ProviderError } from './provider-error.js';

/** Error codes that mean this message can never be delivered as addressed. */
export const TWILIO_PERMANENT_CODES: Readonly<Record<number, string>> = {
  21211: 'invalid "To" phone number',
  21214: '"To" phone number cannot be reached',
  21217: 'phone number does not appear to be valid',
  21265: '"To" number cannot be a short code',
  21401: 'invalid phone number',
  21407: 'this phone number type does not support SMS or MMS',
  21408: 'permission to send to this region has not been enabled',
  21602: 'message body is required',
  21604: '"To" phone number is required',
  21605: 'maximum body length exceeded',
  21610: 'recipient has unsubscribed (replied STOP)',
  21612: 'the "To" number is not reachable from the sender',
  21614: '"To" number is not a valid mobile number',
  21617: 'the concatenated message body exceeds the limit',
  21635: '"To" number cannot receive messages',
  13223: 'invalid phone number format',
  13224: 'invalid phone number',
  13225: 'forbidden phone number',
  13227: 'no international authorization for this number',
};

interface TwilioLikeError {
  status?: number;
  code?: number | string;
  message?: string;
}

/** The request never left: Twilio cannot have acted on it. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
/** The connection broke mid-request: Twilio may have created the message or call. */
const BROKEN = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE']);

export function classifyTwilioError(err: unknown, provider: string): ProviderError {
  const e = (err ?? {}) as TwilioLikeError;
  const message = e.message ?? String(err);
  if (typeof e.status === 'number') {
    const code = typeof e.code === 'number' ? e.code : Number(e.code);
    if (Number.isFinite(code) && TWILIO_PERMANENT_CODES[code]) {
      return new ProviderError(`${TWILIO_PERMANENT_CODES[code]}: ${message}`, String(code), true, provider);
    }
    const codeLabel = Number.isFinite(code) && code > 0 ? String(code) : `http-${e.status}`;
    // 429 (too many requests), 5xx, and auth/account problems (401/403: not the message's fault) are retried.
    if (e.status === 429 || e.status >= 500 || e.status === 401 || e.status === 403) {
      return new ProviderError(message, codeLabel, false, provider);
    }
    // Other 4xx: the request itself is wrong and will stay wrong.
    return new ProviderError(message, codeLabel, true, provider);
  }
  const netCode = typeof e.code === 'string' ? e.code : undefined;
  if (netCode && NOT_CONNECTED.has(netCode)) return new ProviderError(message, netCode, false, provider, false);
  if (netCode && BROKEN.has(netCode)) return new ProviderError(message, netCode, false, provider, true);
  // Unknown failures (no HTTP answer) are transient, and may have reached Twilio.
  return new ProviderError(message, netCode ?? 'unknown', false, provider, true);
}
