/**
 * What a delivery status says about an email (RFC 3463 status codes, RFC 3464 actions): a
 * permanent failure (5.x.x) is a hard bounce, a transient one (4.x.x) a soft bounce, a success
 * (2.x.x: delivered, relayed, expanded) a delivery. Pure.
 */
import { type DeliveryStatusBlocks, untyped } from './delivery-status.js';

export type BounceKind = 'hard' | 'soft' | 'delivered';

/** One recipient's report, as a DSN or a relay's bounce webhook gives it. */
export interface BounceReport {
  /** The RFC 3463 status, `class.subject.detail` (e.g. 5.1.1). */
  status: string;
  /** RFC 3464 Action (failed, delayed, delivered, relayed, expanded), lower-cased, when given. */
  action?: string | undefined;
  /** The remote server's words (Diagnostic-Code without its type), when given. */
  diagnostic?: string | undefined;
  /** The recipient the report is about (Final-Recipient without its type), when given. */
  finalRecipient?: string | undefined;
  /** The envelope id the sender gave (ENVID), when the report carries one. */
  originalEnvelopeId?: string | undefined;
}

export const STATUS_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** What the status says; undefined for one that is no RFC 3463 status. */
export function bounceKindOf(status: string): BounceKind | undefined {
  if (!STATUS_CODE.test(status)) return undefined;
  return status[0] === '5' ? 'hard' : status[0] === '4' ? 'soft' : 'delivered';
}

const ACTION_RANK: Record<string, number> = { failed: 0, delayed: 1, delivered: 2, relayed: 2, expanded: 2 };

/**
 * The report a DSN's recipient blocks add up to: the recipient that failed first, then one that
 * was delayed, then one delivered (a DSN about a message of one recipient has one block).
 * Undefined when no block carries a valid Status.
 */
export function pickReport({ message, recipients }: DeliveryStatusBlocks): BounceReport | undefined {
  const valid = recipients
    .map((r) => ({ r, status: (r['status'] ?? '').split(/\s/)[0] ?? '' }))
    .filter((x) => STATUS_CODE.test(x.status));
  const rank = (x: (typeof valid)[number]) => ACTION_RANK[(x.r['action'] ?? '').toLowerCase()] ?? 3;
  const best = valid.sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return undefined;
  const action = best.r['action']?.toLowerCase();
  const diagnostic = untyped(best.r['diagnostic-code']);
  const finalRecipient = untyped(best.r['final-recipient']);
  const originalEnvelopeId = message['original-envelope-id']?.trim();
  return {
    status: best.status,
    ...(action ? { action } : {}),
    ...(diagnostic ? { diagnostic } : {}),
    ...(finalRecipient ? { finalRecipient } : {}),
    ...(originalEnvelopeId ? { originalEnvelopeId } : {}),
  };
}
