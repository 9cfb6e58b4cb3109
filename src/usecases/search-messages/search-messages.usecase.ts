/** Search the messages as sent (GET /v1/audit/messages), a page at a time; every search is in the read log. */
import type { Clock } from '../../domain/clock.js';
import type { Cursor, MessageFilter, MessagePage } from '../../store/audit-queries.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what a search needs from the store. */
export interface SearchMessagesPorts {
  search(f: MessageFilter, limit: number, cursor?: Cursor): Promise<MessagePage>;
  recordRead: RecordRead;
}

export interface SearchMessages {
  /** Scoped to the reader's tenant. */
  filter: MessageFilter;
  limit: number;
  cursor: Cursor | undefined;
  reader: Reader;
  /** The query as asked, for the read log. */
  asked: Record<string, unknown>;
}

export async function searchMessages(ports: SearchMessagesPorts, clock: Clock, cmd: SearchMessages) {
  const page = await ports.search(cmd.filter, cmd.limit, cmd.cursor);
  await ports.recordRead(readOf(cmd.reader, 'list', null, cmd.asked), clock.now());
  return page;
}
