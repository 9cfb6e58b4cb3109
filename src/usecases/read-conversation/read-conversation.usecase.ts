/**
 * A borrower's conversation in the agents' inbox (GET /v1/inbox/:borrowerId): their replies with their words (read
 * from the content table: an agent must see what they answer), what each was understood to say and what was done,
 * and the messages sent to them, in time order; the borrower's local time now and whether each channel may be
 * contacted now (the policy check). Every read is recorded, whoever reads (the words are content).
 */
import type { Borrower } from '../../domain/entities.js';
import type { Channel } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import { type BorrowerHold, holdIsOpen } from '../../domain/holds.js';
import type { Message } from '../../domain/entities.js';
import { contactZones } from '../../policy/zones.js';
import type { InboxEvent } from '../../store/inbox.repo.js';
import type { ContentRef } from '../../store/event-content.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';
import type { CheckPolicyResult } from '../check-policy/check-policy.usecase.js';
import { CONVERSATION_EVENTS, foldReplies, type Reply } from './replies.js';

/** The newest events and messages a conversation shows. */
export const CONVERSATION_LIMIT = 500;
const CHANNELS: readonly Channel[] = ['sms', 'voice', 'email'];

export interface ReadConversationPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  events(borrowerId: string, types: readonly string[], limit: number): Promise<InboxEvent[]>;
  messages(borrowerId: string, limit: number): Promise<Message[]>;
  contentRefIn(data: Record<string, unknown>): ContentRef | undefined;
  texts(ids: string[]): Promise<Map<string, { text: string | null; erasedAt: string | null }>>;
  unclosedHolds(borrowerId: string): Promise<BorrowerHold[]>;
  /** The policy's answer for contacting the borrower on a channel now (the check-policy use case). */
  checkPolicy(borrowerId: string, channel: Channel): Promise<CheckPolicyResult>;
  recordRead: RecordRead;
}

export interface ReadConversation {
  tenant: string;
  /** The stored id. */
  borrowerId: string;
  reader: Reader;
  filter: Record<string, unknown>;
}

export interface ConversationReply extends Reply {
  /** The words (null once retention erased them). */
  text: string | null;
  textErased: boolean;
}

export type ConversationItem =
  { kind: 'reply'; at: string; reply: ConversationReply } | { kind: 'message'; at: string; message: Message };

export type ReadConversationResult =
  | { kind: 'not-found' }
  | {
      kind: 'conversation';
      borrower: Borrower;
      items: ConversationItem[];
      /** The texts kept apart the replies' events and their actions refer to (an agent's detail), by content id. */
      texts: Map<string, { text: string | null }>;
      holds: BorrowerHold[];
      now: { at: string; local: { zone: string; time: string }[] };
      contactable: { channel: Channel; allowed: boolean; reasons: string[]; earliestAllowedAt: string | null }[];
    };

/** "2026-12-06 10:35" in `zone`. */
function localTime(at: Date, zone: string): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  } catch {
    return 'unknown zone';
  }
}

export async function readConversation(
  ports: ReadConversationPorts,
  clock: Clock,
  cmd: ReadConversation,
): Promise<ReadConversationResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower || borrower.tenant !== cmd.tenant) return { kind: 'not-found' };
  // Recorded before anything is read: a read that fails half-way was still asked.
  await ports.recordRead(readOf(cmd.reader, 'conversation', cmd.borrowerId, cmd.filter), clock.now());
  const [events, messages] = await Promise.all([
    ports.events(cmd.borrowerId, CONVERSATION_EVENTS, CONVERSATION_LIMIT),
    ports.messages(cmd.borrowerId, CONVERSATION_LIMIT),
  ]);
  const replies = foldReplies(events);
  const refs = replies
    .flatMap((r) => [r.event, ...r.actions].map((e) => ports.contentRefIn(e.data)))
    .filter((r): r is ContentRef => r !== undefined)
    .map((r) => r.id);
  const texts = refs.length > 0 ? await ports.texts(refs) : new Map<string, { text: string | null }>();
  const items: ConversationItem[] = [
    ...replies.map((r): ConversationItem => {
      const ref = ports.contentRefIn(r.event.data);
      const text = ref ? (texts.get(ref.id)?.text ?? null) : null;
      return { kind: 'reply', at: r.at, reply: { ...r, text, textErased: text === null } };
    }),
    ...messages.map((m): ConversationItem => ({ kind: 'message', at: m.createdAt, message: m })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const now = clock.now();
  const holds = (await ports.unclosedHolds(cmd.borrowerId)).filter((h) => holdIsOpen(h, now.getTime()));
  const contactable = [];
  for (const channel of CHANNELS) {
    const r = await ports.checkPolicy(cmd.borrowerId, channel);
    if (r.kind === 'not-found') return { kind: 'not-found' };
    contactable.push(
      r.allowed
        ? { channel, allowed: true, reasons: [], earliestAllowedAt: null }
        : { channel, allowed: false, reasons: r.reasons.map((d) => d.code), earliestAllowedAt: r.earliestAllowedAt },
    );
  }
  const zones = contactZones(borrower).slice(0, 10);
  return {
    kind: 'conversation',
    borrower,
    items,
    texts,
    holds,
    now: { at: now.toISOString(), local: zones.map((zone) => ({ zone, time: localTime(now, zone) })) },
    contactable,
  };
}
