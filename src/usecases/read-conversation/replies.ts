/**
 * A borrower's replies folded from the events of their chain: each `inbound.sms`, what it was understood to say
 * (`reply.understood`, matched by the provider's message id) and what was done about it (the events that followed
 * from it: a revocation, a wrong number, a hold, a promise, an agent's correction).
 */
import type { InboxEvent } from '../../store/inbox.repo.js';

/** The events a conversation is made of. */
export const CONVERSATION_EVENTS = [
  'inbound.sms',
  'reply.understood',
  'consent.revoked',
  'contact.wrong_number',
  'dispute.opened',
  'hold.opened',
  'promise.reported',
  'reply.corrected',
] as const;

/** The events the inbox's list needs: the replies and what they were understood to say. */
export const REPLY_EVENTS = ['inbound.sms', 'reply.understood'] as const;

export interface UnderstoodIntent {
  intent: string;
  rule: string;
  scope?: string[];
  promise?: { date?: string; amount?: string };
}

export interface Reply {
  /** The id of its `inbound.sms` event: the inbox names a reply by it. */
  eventId: number;
  at: string;
  /** `stop`, `start`, `help` (a keyword) or `other` (words, understood). */
  kind: string;
  keyword: string | null;
  messageSid: string | null;
  event: InboxEvent;
  /** Null: not read for intents (a keyword, or not understood yet). */
  understood: { intents: UnderstoodIntent[]; needsPerson: boolean } | null;
  /** What was done about it, in order. */
  actions: InboxEvent[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The replies of a borrower, oldest first, from the events of CONVERSATION_EVENTS (or REPLY_EVENTS), oldest first. */
export function foldReplies(events: readonly InboxEvent[]): Reply[] {
  const replies: Reply[] = [];
  const bySid = new Map<string, Reply>();
  const byId = new Map<number, Reply>();
  let current: Reply | undefined;
  for (const e of events) {
    if (e.type === 'inbound.sms') {
      const sid = str(e.data.messageSid);
      current = {
        eventId: e.id,
        at: e.at,
        kind: str(e.data.kind) ?? 'other',
        keyword: str(e.data.keyword),
        messageSid: sid,
        event: e,
        understood: null,
        actions: [],
      };
      replies.push(current);
      byId.set(e.id, current);
      if (sid) bySid.set(sid, current);
      continue;
    }
    if (e.type === 'reply.understood') {
      const sid = str(e.data.messageSid);
      const r = (sid ? bySid.get(sid) : undefined) ?? current;
      if (r)
        r.understood = {
          intents: Array.isArray(e.data.intents) ? (e.data.intents as UnderstoodIntent[]) : [],
          needsPerson: e.data.needsPerson === true,
        };
      continue;
    }
    // An agent's correction, and what it did, name the reply.
    const named = typeof e.data.replyEventId === 'number' ? byId.get(e.data.replyEventId) : undefined;
    if (named) {
      named.actions.push(e);
      continue;
    }
    if (!current?.understood) continue;
    // What the reply itself did: its revocation or wrong number (written by the borrower, via the reply's channel),
    // the holds it opened (`by: reply`), the promise it carried (id `reply-<MessageSid>`).
    const fromReply =
      ((e.type === 'consent.revoked' || e.type === 'contact.wrong_number') &&
        e.actor === 'borrower' &&
        e.data.via === 'sms') ||
      ((e.type === 'dispute.opened' || e.type === 'hold.opened') && e.data.by === 'reply') ||
      (e.type === 'promise.reported' && current.messageSid !== null && e.data.id === `reply-${current.messageSid}`);
    if (fromReply) current.actions.push(e);
  }
  return replies;
}

/** The intents of a reply, by name (none for a keyword). */
export const intentsOf = (r: Reply | undefined): string[] => r?.understood?.intents.map((i) => i.intent) ?? [];
