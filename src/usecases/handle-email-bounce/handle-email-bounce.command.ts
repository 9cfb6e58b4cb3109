/**
 * A report that an email came back (or arrived): a delivery status notification read by the
 * inbound mail receiver, or a relay's bounce webhook. Parsed by the face; nothing of MIME or HTTP here.
 */
import type { BounceReport } from '../../policy/bounces/bounce-report.js';

/** What names the message: the token of its bounce address (VERP) or of its Reply-To, or its id (a relay's webhook, signed). */
export type BounceTarget =
  | { kind: 'bounce-token'; token: string }
  | { kind: 'reply-token'; token: string }
  | { kind: 'message'; messageId: string };

export interface HandleEmailBounceCommand {
  target: BounceTarget;
  report: BounceReport;
  /** The DSN's Message-ID or the relay's event id: the same report again (a retry) is handled once. */
  reportId?: string | undefined;
  via: 'smtp' | 'http';
}
