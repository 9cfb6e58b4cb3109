/** Outbound events to the collection system: one job per audit event, job id = event id. */
import { z } from 'zod';

export const EVENTS_OUT_QUEUE = 'events-out';

export const OUTBOUND_EVENT_TYPES = [
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.suppressed',
  'borrower.opted_out',
  'borrower.escalated',
  'borrower.replied',
  'consent.revoked',
  'contact.wrong_number',
  'borrower.ceased',
  'dispute.opened',
  'dispute.closed',
  'hold.opened',
  'hold.released',
  'promise.kept',
  'promise.broken',
  'validation-notice.required',
] as const;

export const OutboundEventJob = z.object({
  id: z.string().min(1),
  type: z.enum(OUTBOUND_EVENT_TYPES),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** The tenant whose event it is (absent in jobs of earlier versions: the tenant of `data.borrowerId`). Not sent. */
  tenant: z.string().optional(),
  /** Whose receiver: the tenant's (absent: the tenant's), or the operator's copy (EVENTS_ALL_TENANTS). Not sent. */
  to: z.enum(['tenant', 'operator']).optional(),
});
export type OutboundEventJob = z.infer<typeof OutboundEventJob>;

export const eventsOutJobOptions = {
  attempts: 20,
  backoff: { type: 'exponential' as const, delay: 2_000, jitter: 0.3 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
