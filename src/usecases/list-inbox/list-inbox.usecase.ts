/**
 * The agents' inbox (GET /v1/inbox): the tenant's borrowers who replied, newest reply first, each with its last reply's
 * intents, whether a person must read it, how many replies came after the caller's read mark, and the holds open. A
 * page is keyset-paginated on the id of each borrower's last reply; filters are applied to what is scanned, so a
 * filtered page may hold fewer than `limit` items while `nextCursor` still says where to go on.
 *
 * Filters: `intent` matches the **last** reply's intents (what the list shows as `lastIntents`); `needsPerson` a
 * conversation whose last reply, or one not read yet, needs a person; `unread` one with replies after the mark.
 */
import type { Borrower } from '../../domain/entities.js';
import type { Clock } from '../../domain/clock.js';
import { type BorrowerHold, type HoldKind, holdIsOpen } from '../../domain/holds.js';
import type { InboxEvent } from '../../store/inbox.repo.js';
import { foldReplies, intentsOf, REPLY_EVENTS } from '../read-conversation/replies.js';

/** How many borrowers one request looks at, at most, to fill a filtered page. */
export const INBOX_SCAN = 1000;
/** The replies of a borrower the list reads (its newest). */
const REPLIES_READ = 500;

export interface ListInboxPorts {
  replied(tenant: string, before: number | undefined, limit: number): Promise<{ borrowerId: string; lastId: number }[]>;
  events(borrowerId: string, types: readonly string[], limit: number): Promise<InboxEvent[]>;
  getBorrower(id: string): Promise<Borrower | undefined>;
  marks(tenant: string, keyId: string, borrowerIds: readonly string[]): Promise<Map<string, number>>;
  unclosedHolds(borrowerId: string): Promise<BorrowerHold[]>;
}

export interface ListInbox {
  tenant: string;
  keyId: string;
  limit: number;
  /** The last reply id of the previous page's last borrower. */
  before?: number | undefined;
  intent?: string | undefined;
  needsPerson?: boolean | undefined;
  unread?: boolean | undefined;
}

export interface InboxItem {
  borrower: Borrower;
  lastReplyId: number;
  lastReplyAt: string;
  /** `stop`, `start`, `help` or `other` (in words). */
  lastKind: string;
  lastIntents: string[];
  needsPerson: boolean;
  unread: number;
  holds: HoldKind[];
}

export async function listInbox(
  ports: ListInboxPorts,
  clock: Clock,
  cmd: ListInbox,
): Promise<{ items: InboxItem[]; next: number | null }> {
  const items: InboxItem[] = [];
  const batch = Math.min(INBOX_SCAN, Math.max(cmd.limit * 2, 20));
  let before = cmd.before;
  let scanned = 0;
  const at = clock.now().getTime();
  for (;;) {
    const page = await ports.replied(cmd.tenant, before, batch);
    const marks = await ports.marks(
      cmd.tenant,
      cmd.keyId,
      page.map((p) => p.borrowerId),
    );
    for (const p of page) {
      scanned++;
      before = p.lastId;
      const item = await itemOf(ports, p.borrowerId, marks.get(p.borrowerId) ?? 0, at);
      if (!item || !matches(item, cmd)) continue;
      items.push(item);
      if (items.length === cmd.limit) return { items, next: p.lastId };
    }
    if (page.length < batch) return { items, next: null };
    // Enough looked at for one request: the client goes on from here.
    if (scanned >= INBOX_SCAN) return { items, next: before ?? null };
  }
}

function matches(item: InboxItem, cmd: ListInbox): boolean {
  if (cmd.intent !== undefined && !item.lastIntents.includes(cmd.intent)) return false;
  if (cmd.needsPerson && !item.needsPerson) return false;
  if (cmd.unread && item.unread === 0) return false;
  return true;
}

async function itemOf(ports: ListInboxPorts, borrowerId: string, mark: number, at: number): Promise<InboxItem | null> {
  const [borrower, events, holds] = await Promise.all([
    ports.getBorrower(borrowerId),
    ports.events(borrowerId, REPLY_EVENTS, REPLIES_READ),
    ports.unclosedHolds(borrowerId),
  ]);
  const replies = foldReplies(events);
  const last = replies.at(-1);
  if (!borrower || !last) return null;
  const unread = replies.filter((r) => r.eventId > mark);
  return {
    borrower,
    lastReplyId: last.eventId,
    lastReplyAt: last.at,
    lastKind: last.kind,
    lastIntents: intentsOf(last),
    needsPerson: [last, ...unread].some((r) => r.understood?.needsPerson === true),
    unread: unread.length,
    holds: [...new Set(holds.filter((h) => holdIsOpen(h, at)).map((h) => h.kind))],
  };
}
