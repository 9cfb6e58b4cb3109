/** The agents' inbox (inbox.routes.ts): the list of conversations, one conversation, a correction's answer. */
import { z } from 'zod';
import { CHANNELS } from '../../../domain/channels.js';
import { HOLD_KINDS } from '../../../domain/holds.js';
import { MESSAGE_STATUSES } from '../../../domain/statuses.js';
import { HoldView } from './borrowers.js';

const instant = z.string().meta({ format: 'date-time' });
const Channel = z.enum(CHANNELS);

/** One conversation in the list: the borrower as its tenant knows it, its phone masked. */
export const InboxList = z.object({
  items: z.array(
    z.object({
      borrowerId: z.string(),
      name: z.string().nullable(),
      maskedPhone: z.string().nullable(),
      /** The id of the last reply's `inbound.sms` event (what `upTo` names). */
      lastReplyId: z.number().int(),
      lastReplyAt: instant,
      /** `stop`, `start`, `help` (a keyword) or `other` (words, understood). */
      lastKind: z.string(),
      lastIntents: z.array(z.string()),
      needsPerson: z.boolean(),
      /** Replies after the caller's read mark. */
      unread: z.number().int(),
      /** The kinds of the holds open now. */
      holds: z.array(z.enum(HOLD_KINDS)),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const Action = z.object({
  eventId: z.number().int(),
  type: z.string(),
  at: instant,
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const Intent = z.object({
  intent: z.string(),
  rule: z.string(),
  scope: z.array(z.string()).optional(),
  promise: z.object({ date: z.string().optional(), amount: z.string().optional() }).optional(),
});

/** A conversation: the borrower's replies with their words, what was understood and done, and what was sent. */
export const InboxConversation = z.object({
  borrower: z.object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    locale: z.string(),
    timezone: z.union([z.string(), z.array(z.string())]).nullable(),
    maskedPhone: z.string().nullable(),
    maskedEmail: z.string().nullable(),
  }),
  /** Now, and the borrower's local time in each zone they may be in. */
  now: z.object({ at: instant, local: z.array(z.object({ zone: z.string(), time: z.string() })) }),
  /** Whether each channel may be contacted now (the policy check), and why not. */
  contactable: z.array(
    z.object({
      channel: Channel,
      allowed: z.boolean(),
      reasons: z.array(z.string()),
      earliestAllowedAt: instant.nullable(),
    }),
  ),
  holds: z.array(HoldView),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('reply'),
        at: instant,
        eventId: z.number().int(),
        channel: z.literal('sms'),
        text: z.string().nullable(),
        textErased: z.boolean(),
        inboundKind: z.string(),
        keyword: z.string().nullable(),
        /** Null: not read for intents (a keyword). */
        understood: z.object({ intents: z.array(Intent), needsPerson: z.boolean() }).nullable(),
        actions: z.array(Action),
      }),
      z.object({
        kind: z.literal('message'),
        at: instant,
        messageId: z.string(),
        channel: Channel,
        status: z.enum(MESSAGE_STATUSES),
        template: z.string(),
        to: z.string(),
        subject: z.string().nullable(),
        body: z.string().nullable(),
      }),
    ]),
  ),
});

/** An agent's correction, recorded: what it did. */
export const InboxCorrection = z.object({
  kind: z.enum(['not-a-revocation', 'wrong-number', 'lift-hold']),
  replyEventId: z.number().int(),
  /** lift-hold: the hold as it is now. */
  hold: HoldView.optional(),
  alreadyClosed: z.boolean().optional(),
  /** lift-hold: the messages it held, rescheduled to now. */
  rescheduled: z.array(z.string()).optional(),
  /** wrong-number: the pending messages suppressed. */
  suppressed: z.array(z.string()).optional(),
  /** not-a-revocation: the channels still revoked, and how consent comes back. */
  stillRevoked: z.array(z.string()).optional(),
  next: z.string().optional(),
});

const AnswerChannel = z.enum(['sms', 'email']);

/** GET /v1/inbox/{borrowerId}/suggestions: the suggested answers rendered for the borrower, those that fit first. */
export const InboxSuggestions = z.object({
  suggestions: z.array(
    z.object({
      /** The key to send it with (`template` of POST …/replies). */
      template: z.string(),
      channel: AnswerChannel,
      /** The language it rendered in (the borrower's, or the fallback). */
      locale: z.string(),
      title: z.string(),
      /** The intents it answers (its `suggestedFor`). */
      intents: z.array(z.string()),
      /** What the borrower would receive (an email's text part). */
      text: z.string(),
      subject: z.string().optional(),
    }),
  ),
});

/** POST /v1/inbox/{borrowerId}/replies: the answer, accepted as a reminder; whether the policy lets it go now. */
export const InboxAnswer = z.object({
  reminderId: z.string(),
  messageId: z.string(),
  channel: AnswerChannel,
  template: z.string(),
  /** Whether it counts against the caps (the profile's `agentReplies`). */
  countsAgainstCaps: z.boolean(),
  policy: z.object({
    allowed: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
    /** Not allowed now: when it will go (it waits until then). */
    earliestAllowedAt: z.string().nullable(),
  }),
});
