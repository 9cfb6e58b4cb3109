/**
 * The export's file formats: CSV (RFC 4180, a header, CRLF, cells that a spreadsheet would run as
 * a formula neutralised) and NDJSON, one row per message. A page is formatted where it is read (in
 * a heavy-read thread on SQLite), so the event loop only writes finished text.
 */
import { stringify } from 'csv-stringify/sync';
import type { Message } from '../domain/index.js';

export type ExportFormat = 'csv' | 'ndjson';

/** CSV columns, in order. */
export const EXPORT_COLUMNS = [
  'id',
  'reminderId',
  'borrowerId',
  'channel',
  'template',
  'templateVersion',
  'locale',
  'to',
  'subject',
  'body',
  'status',
  'provider',
  'providerId',
  'attempts',
  'errorCode',
  'errorMessage',
  'sendAt',
  'createdAt',
  'updatedAt',
  'tenant',
] as const;

export function exportRow(m: Message): Record<(typeof EXPORT_COLUMNS)[number], string | number | null> {
  return {
    id: m.id,
    reminderId: m.reminderId,
    borrowerId: m.borrowerRef,
    channel: m.channel,
    template: m.template,
    templateVersion: m.templateVersion,
    locale: m.locale,
    to: m.to,
    subject: m.subject,
    body: m.body,
    status: m.status,
    provider: m.provider,
    providerId: m.providerId,
    attempts: m.attempts,
    errorCode: m.error?.code ?? null,
    errorMessage: m.error?.message ?? null,
    sendAt: m.sendAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    tenant: m.tenant,
  };
}

/** A spreadsheet must not run a cell as a formula: cells starting =, +, -, @, tab or CR get a leading quote. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One page of the export as text; the CSV header comes with the first page only. */
export function formatExportPage(items: Message[], format: ExportFormat, first: boolean): string {
  if (format === 'ndjson') return items.map((m) => `${JSON.stringify(exportRow(m))}\n`).join('');
  return stringify(items.map(exportRow), {
    header: first,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: '\r\n',
    cast: { string: (v) => neutraliseFormula(v) },
  });
}
