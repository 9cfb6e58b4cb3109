/**
 * The mark of an agent's answer to a borrower (POST /v1/inbox/{borrowerId}/replies) on the reminder that carries it:
 * `metadata.agentReply`, written by the composer only (POST /v1/reminders refuses the key, and the templates made for
 * answers). The worker's gate reads it: a hold does not keep an answer back (acknowledging a dispute is not
 * collection), and one that does not count against the caps is neither held by them nor counted. Templates see its
 * words and the promise answered as `reply`.
 */
import { z } from 'zod';

/** The reserved metadata key. */
export const AGENT_REPLY_KEY = 'agentReply';

const Money = z.object({ amount: z.string(), currency: z.string() });

export const AgentReplyMark = z.object({
  /** The agent's own words (the `agent-reply` template); null for a suggested answer. */
  text: z.string().nullable(),
  /** The promise answered (date and amount when the borrower said them). */
  promise: z.object({ date: z.string().nullable(), amount: Money.nullable() }).nullable(),
  /** The agent's key. */
  keyId: z.string(),
  /** The reply answered (its event id), when the agent named one. */
  inReplyTo: z.number().int().nullable(),
  /** Decided when the answer was accepted, from the profile's `agentReplies`. */
  countsAgainstCaps: z.boolean(),
});
export type AgentReplyMark = z.infer<typeof AgentReplyMark>;

/** The mark of a reminder's metadata, if it is an agent's answer. */
export function agentReplyOf(metadata: Record<string, unknown> | null | undefined): AgentReplyMark | undefined {
  const parsed = AgentReplyMark.safeParse(metadata?.[AGENT_REPLY_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/** What a template sees of a mark (`reply.text`, `reply.promise`); a sample may give part of it. */
export function replyContextOf(
  metadata: Record<string, unknown> | null | undefined,
): { text: string | null; promise: AgentReplyMark['promise'] } | undefined {
  const raw = metadata?.[AGENT_REPLY_KEY];
  if (!raw || typeof raw !== 'object') return undefined;
  const mark = raw as Partial<AgentReplyMark>;
  return {
    text: typeof mark.text === 'string' ? mark.text : null,
    promise: mark.promise ? { date: mark.promise.date ?? null, amount: mark.promise.amount ?? null } : null,
  };
}
