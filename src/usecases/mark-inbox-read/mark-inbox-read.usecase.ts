/**
 * Mark a borrower's replies read for the caller's key (POST /v1/inbox/:borrowerId/read): up to the reply named (the id
 * of its `inbound.sms` event), or the last one. The mark is set as asked, so an earlier reply marks later ones unread.
 */
import type { Borrower } from '../../domain/entities.js';
import type { InboxEvent } from '../../store/inbox.repo.js';

export interface MarkInboxReadPorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  events(borrowerId: string, types: readonly string[], limit: number): Promise<InboxEvent[]>;
  mark(tenant: string, keyId: string, borrowerId: string, eventId: number, now: Date): Promise<void>;
}

export interface MarkInboxRead {
  tenant: string;
  keyId: string;
  /** The stored id. */
  borrowerId: string;
  upTo?: number | undefined;
  now: Date;
}

export type MarkInboxReadResult =
  { kind: 'not-found' } | { kind: 'no-such-reply' } | { kind: 'marked'; upTo: number | null };

export async function markInboxRead(ports: MarkInboxReadPorts, cmd: MarkInboxRead): Promise<MarkInboxReadResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower || borrower.tenant !== cmd.tenant) return { kind: 'not-found' };
  const replies = await ports.events(cmd.borrowerId, ['inbound.sms'], 100_000);
  const upTo = cmd.upTo ?? replies.at(-1)?.id;
  if (upTo === undefined) return { kind: 'marked', upTo: null };
  if (!replies.some((r) => r.id === upTo)) return { kind: 'no-such-reply' };
  await ports.mark(cmd.tenant, cmd.keyId, cmd.borrowerId, upTo, cmd.now);
  return { kind: 'marked', upTo };
}
