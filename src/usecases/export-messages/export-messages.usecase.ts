/**
 * Export the messages as sent (GET /v1/audit/export) as CSV or NDJSON pages: the export is recorded in the read log
 * before the first page is read.
 */
import type { Clock } from '../../domain/clock.js';
import type { MessageFilter } from '../../store/audit-queries.js';
import type { ExportFormat } from '../../store/export-format.js';
import { readOf, type Reader, type RecordRead } from '../reader.js';

/** Exactly what an export needs from the store. */
export interface ExportMessagesPorts {
  /** Every matching message as CSV or NDJSON text, a page at a time. */
  export(f: MessageFilter, format: ExportFormat): AsyncGenerator<string>;
  recordRead: RecordRead;
}

export interface ExportMessages {
  /** Scoped to the reader's tenant. */
  filter: MessageFilter;
  format: ExportFormat;
  reader: Reader;
  /** The query as asked, for the read log. */
  asked: Record<string, unknown>;
}

/** The export's pages, formatted; the read is recorded first. */
export async function exportMessages(
  ports: ExportMessagesPorts,
  clock: Clock,
  cmd: ExportMessages,
): Promise<AsyncGenerator<string>> {
  await ports.recordRead(readOf(cmd.reader, 'export', null, cmd.asked), clock.now());
  return ports.export(cmd.filter, cmd.format);
}
