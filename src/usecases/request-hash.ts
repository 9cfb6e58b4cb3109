/** The fingerprint of a request body (RFC 8785 canonical JSON, SHA-256): the same body again is a repeat, another under the same id a conflict. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../store/canonical-json.js';

export const requestHash = (body: unknown): string =>
  createHash('sha256')
    .update(canonicalJson(body) ?? '')
    .digest('hex');
