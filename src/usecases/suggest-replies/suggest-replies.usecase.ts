/**
 * The suggested answers for a borrower (GET /v1/inbox/:borrowerId/suggestions): each catalogue template marked
 * `suggestedFor` rendered on a channel for this borrower (their language, their latest reminder's debt and contact,
 * the promise their latest reply carried), those that answer what the latest reply was understood to say first.
 */
import { AGENT_REPLY_KEY, type AgentReplyMark } from '../../domain/agent-reply.js';
import type { Borrower } from '../../domain/index.js';
import { displayZone } from '../../policy/zones.js';
import type { Render } from '../../templates/render.js';
import { replyContext, type ReplyContextPorts } from '../reply-context.js';
import { answeredReply, promiseOf, type ReadEvents } from '../answer-borrower/answered-reply.js';

/** A suggested answer of the catalogue. */
export interface SuggestionTemplate {
  key: string;
  title: string;
  suggestedFor: readonly string[];
}

export interface SuggestRepliesPorts extends ReplyContextPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  events: ReadEvents;
  /** The catalogue's suggested answers, in catalogue order. */
  suggestions(): SuggestionTemplate[];
  render: Render;
}

export interface SuggestReplies {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  channel: 'sms' | 'email';
}

export interface Suggestion {
  template: string;
  channel: 'sms' | 'email';
  locale: string;
  title: string;
  intents: string[];
  text: string;
  subject: string | null;
}

export type SuggestRepliesResult = { kind: 'not-found' } | { kind: 'suggestions'; suggestions: Suggestion[] };

/** The mark a suggested answer renders with (and is sent with): no words of the agent's, the promise answered. */
export function suggestionMark(
  promise: AgentReplyMark['promise'],
  keyId: string,
): Omit<AgentReplyMark, 'countsAgainstCaps' | 'inReplyTo'> {
  return { text: null, promise, keyId };
}

export async function suggestReplies(ports: SuggestRepliesPorts, cmd: SuggestReplies): Promise<SuggestRepliesResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower || borrower.tenant !== cmd.tenant) return { kind: 'not-found' };
  const reply = await answeredReply(ports.events, borrower.id);
  const ctx = await replyContext(ports, cmd.tenant, borrower, (debt) => ({
    [AGENT_REPLY_KEY]: suggestionMark(promiseOf(reply, debt), ''),
  }));
  const answers = (t: SuggestionTemplate) => t.suggestedFor.some((i) => reply.intents.includes(i));
  const templates = ports.suggestions();
  const ordered = [...templates.filter(answers), ...templates.filter((t) => !answers(t))];
  const suggestions = ordered.map((t): Suggestion => {
    const out = ports.render({
      key: t.key,
      channel: cmd.channel,
      locale: borrower.locale,
      timezone: displayZone(borrower),
      data: ctx.data,
    });
    return {
      template: t.key,
      channel: cmd.channel,
      locale: out.locale,
      title: t.title,
      intents: [...t.suggestedFor],
      text: out.text,
      subject: out.subject,
    };
  });
  return { kind: 'suggestions', suggestions };
}
