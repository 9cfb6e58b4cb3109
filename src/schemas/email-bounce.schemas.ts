/**
 * A relay's bounce webhook (POST /webhooks/email-bounces, docs/reach.md): one report a request,
 * the message named by the envelope sender it went out with (`verp`, the bounce address) or by its
 * id (`messageId`: the service's id or the mail's Message-ID header).
 */
import { z } from 'zod';

const STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;

export const EmailBounceWebhook = z
  .object({
    type: z.enum(['bounce', 'delivered']).describe('bounce: the mail came back; delivered: it arrived'),
    verp: z
      .string()
      .max(320)
      .optional()
      .describe('the envelope sender (Return-Path) the mail went out with: bounces+<token>@BOUNCE_DOMAIN'),
    messageId: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe("the service's message id, or the mail's Message-ID header (<msg_…@domain>)"),
    status: z
      .string()
      .regex(STATUS, 'must be an RFC 3463 status code, e.g. 5.1.1')
      .optional()
      .describe('RFC 3463 status: 5.x.x a hard bounce, 4.x.x a soft one; required for a bounce'),
    action: z.string().max(20).optional().describe('RFC 3464 Action: failed, delayed …'),
    diagnostic: z.string().max(2000).optional().describe("the remote server's answer (SMTP diagnostic)"),
    recipient: z
      .string()
      .max(320)
      .optional()
      .describe('the recipient the relay tried (not needed: the message names it)'),
    eventId: z.string().min(1).max(200).optional().describe("the relay's id of this event: a repeat is handled once"),
  })
  .superRefine((v, ctx) => {
    if (!v.verp && !v.messageId)
      ctx.addIssue({ code: 'custom', path: ['messageId'], message: 'give messageId or verp: which message bounced' });
    if (v.type === 'bounce' && !v.status)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a bounce needs its status code, e.g. 5.1.1' });
    if (v.type === 'bounce' && v.status?.startsWith('2'))
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'a bounce is 4.x.x or 5.x.x; a 2.x.x is type "delivered"',
      });
  });
export type EmailBounceWebhook = z.infer<typeof EmailBounceWebhook>;

/** The message id a `messageId` names: `<msg_1@example.com>` and `msg_1@example.com` are `msg_1`. */
export function messageIdOf(value: string): string {
  const v = value.trim().replace(/^<|>$/g, '');
  const at = v.lastIndexOf('@');
  return at < 0 ? v : v.slice(0, at);
}
