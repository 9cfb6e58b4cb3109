/**
 * A borrower's timeline (GET /v1/borrowers/:id/timeline): its events, newest first, with their messages and the
 * inbound texts kept apart from the hashed events (retention erases them). Compliance's read is recorded; an agent
 * sees it masked, and that read is not one of content.
 */
import { type BorrowerHold, holdIsOpen } from '../../domain/holds.js';
import type { Borrower } from '../../domain/entities.js';
import type { Clock } from '../../domain/clock.js';
import type { TimelineEntry } from '../../store/audit-queries.js';
import type { ContentRef } from '../../store/event-content.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** A text kept apart from the events (null once retention erased it). */
export type KeptText = { text: string | null; erasedAt: string | null };

/** Exactly what a timeline reads from the store. */
export interface BorrowerTimelinePorts {
  getBorrower(id: string): Promise<Borrower | undefined>;
  timeline(borrowerId: string, limit: number): Promise<TimelineEntry[]>;
  /** Where an event's data refers to a text kept apart (the store's format of the reference). */
  contentRefIn(data: Record<string, unknown>): ContentRef | undefined;
  /** The texts kept apart, by id. */
  texts(ids: string[]): Promise<Map<string, KeptText>>;
  recordRead: RecordRead;
  /** The borrower's holds not closed (none without it). */
  unclosedHolds?(borrowerId: string): Promise<BorrowerHold[]>;
}

export interface BorrowerTimeline {
  /** The stored id. */
  borrowerId: string;
  limit: number;
  reader: Reader;
  /** The query as asked, for the read log. */
  filter: Record<string, unknown>;
}

export type BorrowerTimelineResult =
  | { kind: 'not-found' }
  | {
      kind: 'timeline';
      borrower: Borrower;
      entries: TimelineEntry[];
      /** The inbound texts the entries refer to, by content id. */
      texts: Map<string, KeptText>;
      /** Shown in full (compliance, recorded) or masked (an agent). */
      full: boolean;
      /** The holds open now. */
      holds: BorrowerHold[];
    };

export async function borrowerTimeline(
  ports: BorrowerTimelinePorts,
  clock: Clock,
  cmd: BorrowerTimeline,
): Promise<BorrowerTimelineResult> {
  const borrower = await ports.getBorrower(cmd.borrowerId);
  if (!borrower) return { kind: 'not-found' };
  const entries = await ports.timeline(cmd.borrowerId, cmd.limit);
  const full = cmd.reader.role !== 'agent';
  if (full) await ports.recordRead(readOf(cmd.reader, 'timeline', cmd.borrowerId, cmd.filter), clock.now());
  const refs = entries.map((e) => ports.contentRefIn(e.event.data)).filter((r): r is ContentRef => r !== undefined);
  const texts = refs.length > 0 ? await ports.texts(refs.map((r) => r.id)) : new Map<string, KeptText>();
  const at = clock.now().getTime();
  const holds = ((await ports.unclosedHolds?.(cmd.borrowerId)) ?? []).filter((h) => holdIsOpen(h, at));
  return { kind: 'timeline', borrower, entries, texts, full, holds };
}
