/**
 * An agent answers a borrower from the inbox (POST /v1/inbox/:borrowerId/replies): their own words wrapped in the
 * `agent-reply` template, or a suggested answer. The words and what they render to go through the wording linter (a
 * finding: nothing is sent); a standing refusal (opted out on the channel, ceased, no consent, no address) refuses;
 * otherwise the answer is accepted as a reminder through the intake, marked as an agent's answer (the worker renders,
 * gates, sends and audits it as any message), and `agent.replied` is recorded on the borrower's chain with the words
 * kept as content. An answer within the profile's `agentReplies.withinHours` of the borrower's own message counts
 * against the caps only if the profile says so; a later one is an ordinary message.
 */
import { createHash } from 'node:crypto';
import { AGENT_REPLY_KEY, type AgentReplyMark, agentReplyOf } from '../../domain/agent-reply.js';
import type { Clock } from '../../domain/clock.js';
import type { Borrower, Channel } from '../../domain/index.js';
import { type Denial, evaluatePolicy, STANDING_CODES } from '../../policy/evaluate.js';
import type { ContactRecord } from '../../policy/history.js';
import type { PolicyHold } from '../../policy/holds.js';
import type { Profile } from '../../policy/profile.js';
import { lintRenderedMessage } from '../../policy/template-lint.js';
import { lintWording } from '../../policy/wording-rules.js';
import { displayZone } from '../../policy/zones.js';
import type { ReminderRequest } from '../../services/intake.js';
import type { ContentRef } from '../../store/event-content.js';
import type { AcceptResult, EventInput } from '../../store/store-types.js';
import type { Suppression } from '../../store/suppressions.js';
import type { Render } from '../../templates/render.js';
import { replyContext, type ReplyContextPorts } from '../reply-context.js';
import { suggestionMark } from '../suggest-replies/suggest-replies.usecase.js';
import { answeredReply, promiseOf, type ReadEvents } from './answered-reply.js';

/** The template an agent's own words are sent in. */
export const AGENT_REPLY_TEMPLATE = 'agent-reply';
/** How long an answer may wait (for the window, or a cap that counts it) before it is stale and suppressed. */
export const ANSWER_EXPIRES_MS = 3 * 86_400_000;
const MS_PER_HOUR = 3_600_000;

export interface AnswerBorrowerPorts extends ReplyContextPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  events: ReadEvents;
  /** The keys of the catalogue's suggested answers. */
  suggestionKeys(): readonly string[];
  templateChannels(key: string): readonly Channel[];
  render: Render;
  profileFor(tenant: string): Promise<Profile>;
  /** The borrower's contact history (the contact ledger). */
  history(borrowerId: string): Promise<ContactRecord[]>;
  suppressionsOf(address: string, tenant: string): Promise<Suppression[]>;
  unclosedHolds(borrowerId: string): Promise<PolicyHold[]>;
  /** The intake (idempotent on the key's externalId). */
  accept(request: ReminderRequest, clientId: string, actor: string): Promise<AcceptResult>;
  putContent(owner: string, text: string, now: Date): Promise<ContentRef>;
  recordBorrowerEvent(borrowerId: string, event: EventInput, now: Date): Promise<void>;
}

export interface AnswerBorrower {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  keyId: string;
  channel: 'sms' | 'email';
  /** Exactly one of `text` and `template` (the route checks). */
  text?: string | undefined;
  template?: string | undefined;
  inReplyTo?: number | undefined;
  /** The Idempotency-Key header: a repeat answers with the original and sends nothing more. */
  idempotencyKey?: string | undefined;
}

/** A wording finding, as the composer lists it: the rule, the words matched, why, and where. */
export interface AnswerFinding {
  rule: string;
  matched: string;
  message: string;
  regulation: string;
  /** `text`: the agent's words; `rendered`: the whole message as it would go. */
  in: 'text' | 'rendered';
}

export interface AnswerPolicy {
  allowed: boolean;
  reasons: { code: string; detail: string }[];
  earliestAllowedAt: string | null;
}

export type AnswerBorrowerResult =
  | { kind: 'not-found' }
  | { kind: 'invalid'; path: string; message: string }
  | { kind: 'wording'; findings: AnswerFinding[] }
  | { kind: 'refused'; reasons: { code: string; detail: string }[] }
  | { kind: 'conflict'; reminderId: string }
  | {
      kind: 'accepted';
      repeat: boolean;
      reminderId: string;
      messageId: string;
      channel: 'sms' | 'email';
      template: string;
      countsAgainstCaps: boolean;
      policy: AnswerPolicy;
    };

/** Within `withinHours` of the borrower's own message, the profile decides; otherwise an answer counts. */
export function countsAgainstCaps(profile: Profile, lastOwnMessageAt: string | null, now: Date): boolean {
  if (lastOwnMessageAt === null) return true;
  const within = now.getTime() - Date.parse(lastOwnMessageAt) <= profile.agentReplies.withinHours * MS_PER_HOUR;
  return within ? profile.agentReplies.countAgainstCaps : true;
}

function findingsOf(text: string | undefined, rendered: string): AnswerFinding[] {
  const own = text === undefined ? [] : lintWording(text).filter((f) => f.severity === 'error');
  const out: AnswerFinding[] = own.map((f) => ({
    rule: f.rule,
    matched: f.matched,
    message: f.message,
    regulation: f.regulation,
    in: 'text',
  }));
  for (const f of lintRenderedMessage(rendered))
    if (!out.some((o) => o.rule === f.rule && o.matched === f.matched))
      out.push({
        rule: f.rule,
        matched: f.matched ?? f.excerpt,
        message: f.message,
        regulation: f.regulation ?? '',
        in: 'rendered',
      });
  return out;
}

/** Renders what would go and lints it as the worker will, and the agent's own words on their own; null: clean. */
function lintAnswer(
  ports: Pick<AnswerBorrowerPorts, 'render'>,
  cmd: AnswerBorrower,
  template: string,
  borrower: Borrower,
  data: Record<string, unknown>,
): Extract<AnswerBorrowerResult, { kind: 'invalid' | 'wording' }> | null {
  let rendered: ReturnType<Render>;
  try {
    rendered = ports.render({
      key: template,
      channel: cmd.channel,
      locale: borrower.locale,
      timezone: displayZone(borrower),
      data,
    });
  } catch (err) {
    return { kind: 'invalid', path: 'template', message: `does not render: ${(err as Error).message}` };
  }
  const findings = findingsOf(cmd.text, [rendered.subject ?? '', rendered.text].join('\n'));
  return findings.length > 0 ? { kind: 'wording', findings } : null;
}

const denialOf = (d: Denial) => ({ code: d.code, detail: d.detail });

export async function answerBorrower(
  ports: AnswerBorrowerPorts,
  clock: Clock,
  cmd: AnswerBorrower,
): Promise<AnswerBorrowerResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower || borrower.tenant !== cmd.tenant) return { kind: 'not-found' };
  const template = cmd.text !== undefined ? AGENT_REPLY_TEMPLATE : cmd.template!;
  if (cmd.text === undefined && !ports.suggestionKeys().includes(template))
    return {
      kind: 'invalid',
      path: 'template',
      message: `not a suggested answer (known: ${ports.suggestionKeys().join(', ')}); for your own words, send text`,
    };
  const now = clock.now();
  const reply = await answeredReply(ports.events, borrower.id);
  if (cmd.inReplyTo !== undefined && !reply.replyIds.has(cmd.inReplyTo))
    return { kind: 'invalid', path: 'inReplyTo', message: `not a reply of this borrower (an eventId of the inbox)` };
  const profile = await ports.profileFor(cmd.tenant);
  const counts = countsAgainstCaps(profile, reply.lastOwnMessageAt, now);
  const markOf = (debt: Parameters<typeof promiseOf>[1]): AgentReplyMark => ({
    ...suggestionMark(promiseOf(reply, debt), cmd.keyId),
    text: cmd.text ?? null,
    inReplyTo: cmd.inReplyTo ?? null,
    countsAgainstCaps: counts,
  });
  const ctx = await replyContext(ports, cmd.tenant, borrower, (debt) => ({ [AGENT_REPLY_KEY]: markOf(debt) }));

  // What would go, linted as the worker lints it, and the agent's own words on their own.
  const linted = lintAnswer(ports, cmd, template, borrower, ctx.data);
  if (linted) return linted;

  const to = cmd.channel === 'email' ? borrower.email : borrower.phone;
  if (!to)
    return {
      kind: 'refused',
      reasons: [
        {
          code: 'no-address',
          detail: `the borrower has no ${cmd.channel === 'email' ? 'email address' : 'phone number'} to answer on`,
        },
      ],
    };
  const answer = evaluatePolicy({
    profile,
    borrower: { ...borrower, holds: await ports.unclosedHolds(borrower.id) },
    history: await ports.history(borrower.id),
    attempt: { channel: cmd.channel, at: now.getTime(), to, agentReply: { countsAgainstCaps: counts } },
    suppressions: await ports.suppressionsOf(to, cmd.tenant),
  });
  if (!answer.allowed && answer.reasons.some((r) => STANDING_CODES.includes(r.code)))
    return { kind: 'refused', reasons: answer.reasons.map(denialOf) };

  const material = {
    borrowerId: borrower.id,
    channel: cmd.channel,
    template,
    text: cmd.text ?? null,
    inReplyTo: cmd.inReplyTo ?? null,
  };
  const result = await ports.accept(
    {
      externalId: cmd.idempotencyKey === undefined ? null : `agent-reply:${cmd.idempotencyKey}`,
      requestHash: createHash('sha256').update(JSON.stringify(material)).digest('hex'),
      tenant: cmd.tenant,
      borrower: { id: borrower.id },
      upsertBorrower: false,
      channel: cmd.channel,
      template,
      templateChannels: ports.templateChannels(template),
      debt: ctx.debt,
      sendAt: now,
      expiresAt: new Date(now.getTime() + ANSWER_EXPIRES_MS),
      metadata: ctx.metadata,
      contact: ctx.contact,
    },
    cmd.keyId,
    `api:${cmd.keyId}`,
  );
  if (result.kind === 'conflict') return { kind: 'conflict', reminderId: result.reminderId };
  if (result.kind === 'invalid') return { kind: 'invalid', path: result.path, message: result.message };
  const message = result.messages[0]!;
  if (result.kind === 'created') {
    const content = cmd.text === undefined ? undefined : await ports.putContent(borrower.id, cmd.text, now);
    await ports.recordBorrowerEvent(
      borrower.id,
      {
        type: 'agent.replied',
        actor: `api:${cmd.keyId}`,
        data: {
          keyId: cmd.keyId,
          template,
          channel: cmd.channel,
          reminderId: result.reminder.id,
          messageId: message.id,
          inReplyTo: cmd.inReplyTo ?? null,
          countsAgainstCaps: counts,
          ...(content ? { content } : {}),
        },
      },
      now,
    );
  }
  // A repeat: what was decided when the original was accepted.
  const original = result.kind === 'repeat' ? agentReplyOf(result.reminder.metadata) : undefined;
  return {
    kind: 'accepted',
    repeat: result.kind === 'repeat',
    reminderId: result.reminder.id,
    messageId: message.id,
    channel: cmd.channel,
    template,
    countsAgainstCaps: original?.countsAgainstCaps ?? counts,
    policy: answer.allowed
      ? { allowed: true, reasons: [], earliestAllowedAt: null }
      : { allowed: false, reasons: answer.reasons.map(denialOf), earliestAllowedAt: answer.earliestAllowedAt },
  };
}
