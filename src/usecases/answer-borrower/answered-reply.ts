/**
 * What an agent answers: the borrower's latest reply that was understood (its intents and the promise it carried)
 * and when the borrower last wrote, read from their chain. Shared by the suggestions and the composer.
 */
import type { AgentReplyMark } from '../../domain/agent-reply.js';
import type { Debt } from '../../domain/index.js';
import type { InboxEvent } from '../../store/inbox.repo.js';
import { foldReplies, intentsOf, REPLY_EVENTS } from '../read-conversation/replies.js';

/** How many of the borrower's reply events are read for the latest understood reply. */
const REPLY_WINDOW = 200;

/** The events of a borrower's own messages (a text or an email). */
const OWN_MESSAGES = ['inbound.sms', 'inbound.email'] as const;

export interface AnsweredReply {
  /** The intents of the latest understood reply (none: no reply, or not understood). */
  intents: string[];
  /** The promise it carried, if any (date and amount as the borrower said them). */
  promise: { date?: string; amount?: string } | null;
  /** The `inbound.sms` event ids of the borrower's replies (what `inReplyTo` may name). */
  replyIds: Set<number>;
  /** When the borrower last wrote (a text or an email), or null. */
  lastOwnMessageAt: string | null;
}

export type ReadEvents = (borrowerId: string, types: readonly string[], limit: number) => Promise<InboxEvent[]>;

export async function answeredReply(events: ReadEvents, borrowerId: string): Promise<AnsweredReply> {
  const [replyEvents, own] = await Promise.all([
    events(borrowerId, REPLY_EVENTS, REPLY_WINDOW),
    events(borrowerId, OWN_MESSAGES, 1),
  ]);
  const replies = foldReplies(replyEvents);
  const latest = [...replies].reverse().find((r) => r.understood !== null);
  const promise = latest?.understood?.intents.find((i) => i.intent === 'promise')?.promise ?? null;
  return {
    intents: intentsOf(latest),
    promise,
    replyIds: new Set(replies.map((r) => r.eventId)),
    lastOwnMessageAt: own.at(-1)?.at ?? null,
  };
}

/** The promise as a template shows it: the amount in the debt's currency. */
export function promiseOf(reply: AnsweredReply, debt: Debt): AgentReplyMark['promise'] {
  if (!reply.promise) return null;
  return {
    date: reply.promise.date ?? null,
    amount: reply.promise.amount ? { amount: reply.promise.amount, currency: debt.amountDue.currency } : null,
  };
}
