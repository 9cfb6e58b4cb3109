/**
 * What the sandbox providers "sent" (GET /v1/outbox): compliance and admin see it whole, and the read is recorded;
 * an agent sees it masked (no recipient, no content) and that read is not one of content.
 */
import type { OutboxRecord } from '../../store/store-types.js';
import type { Clock } from '../../domain/clock.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what reading the outbox needs from the store. */
export interface ReadOutboxPorts {
  listOutbox(limit: number, tenant?: string): Promise<OutboxRecord[]>;
  recordRead: RecordRead;
}

export interface ReadOutbox {
  limit: number;
  /** The tenant the reader may see (undefined: every tenant). */
  tenant: string | undefined;
  reader: Reader;
  /** The query as asked, for the read log. */
  filter: Record<string, unknown>;
}

/** `masked`: shown without recipient or content (an agent's read, not recorded). */
export async function readOutbox(
  ports: ReadOutboxPorts,
  clock: Clock,
  cmd: ReadOutbox,
): Promise<{ items: OutboxRecord[]; masked: boolean }> {
  const items = await ports.listOutbox(cmd.limit, cmd.tenant);
  if (cmd.reader.role === 'agent') return { items, masked: true };
  await ports.recordRead(readOf(cmd.reader, 'outbox', null, cmd.filter), clock.now());
  return { items, masked: false };
}
