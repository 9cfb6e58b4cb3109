/**
 * Importing a suppression list carried over from another system (Twilio's opt-out export, an
 * ESP's suppression list): one address a line, with optional channel, source and date columns.
 * Idempotent: an address already suppressed on a channel keeps its entry and is counted as known.
 * A bad line is reported with its line number; the rest are imported.
 */
import { parse } from 'csv-parse/sync';
import { type AddressChannel, CHANNELS_OF, normaliseAddress } from '../policy/address.js';
import type { OptOuts } from './opt-outs.js';

const ADDRESS_COLUMNS = [
  'address',
  'phone',
  'phone_number',
  'phonenumber',
  'phone number',
  'number',
  'to',
  'from',
  'email',
  'email_address',
  'email address',
  'recipient',
  'mobile',
];
const CHANNEL_COLUMNS = ['channel', 'type'];
const SOURCE_COLUMNS = ['source', 'reason', 'detail'];
const DATE_COLUMNS = [
  'at',
  'date',
  'created_at',
  'opted_out_at',
  'opt_out_date',
  'unsubscribed_at',
  'timestamp',
  'created',
];

export interface ImportReport {
  lines: number;
  /** Address × channel entries new to the list. */
  added: number;
  /** Entries the list already had. */
  known: number;
  bad: { line: number; message: string }[];
  /** Header columns the import does not read. */
  ignoredColumns: string[];
}

/** Header names compared loosely: "Opted Out At", "opted-out-at" and "opted_out_at" are one name. */
const loose = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function pick(header: string[], names: string[]): number {
  const wanted = new Set(names.map(loose));
  return header.findIndex((h) => wanted.has(loose(h)));
}

export async function importOptOuts(
  text: string,
  optOuts: OptOuts,
  options: { list: string; actor: string },
): Promise<ImportReport> {
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
  const report: ImportReport = { lines: 0, added: 0, known: 0, bad: [], ignoredColumns: [] };
  if (rows.length === 0) return report;
  const header = rows[0]!.map((h) => h.toLowerCase());
  let col = {
    address: pick(header, ADDRESS_COLUMNS),
    channel: pick(header, CHANNEL_COLUMNS),
    source: pick(header, SOURCE_COLUMNS),
    at: pick(header, DATE_COLUMNS),
  };
  // A column that is neither known nor empty is said, so a date under another name is not silently today.
  const used = new Set(Object.values(col));
  report.ignoredColumns =
    col.address === -1
      ? []
      : header
          .map((h, i) => (used.has(i) || h.trim() === '' ? null : rows[0]![i]!))
          .filter((h): h is string => h !== null);
  let first = 1;
  if (col.address === -1) {
    // No header we know: a plain list of addresses, one a line.
    if (!normaliseAddress(rows[0]![0] ?? '').ok) {
      report.bad.push({
        line: 1,
        message: `no address column: name one of ${ADDRESS_COLUMNS.slice(0, 6).join(', ')}…, or give one address a line with no header`,
      });
      return report;
    }
    col = { address: 0, channel: -1, source: -1, at: -1 };
    first = 0;
  }
  for (let i = first; i < rows.length; i++) {
    const row = rows[i]!;
    const line = i + 1;
    if (row.every((c) => c === '')) continue;
    report.lines++;
    const a = normaliseAddress(row[col.address] ?? '');
    if (!a.ok) {
      report.bad.push({ line, message: a.message });
      continue;
    }
    const channelText = col.channel >= 0 ? (row[col.channel] ?? '').toLowerCase() : '';
    let channels: readonly AddressChannel[] = CHANNELS_OF[a.kind];
    if (channelText !== '') {
      if (!(CHANNELS_OF[a.kind] as readonly string[]).includes(channelText)) {
        report.bad.push({
          line,
          message: `channel "${channelText}" does not reach ${a.kind === 'email' ? 'an email address' : 'a phone number'} (use ${CHANNELS_OF[a.kind].join(' or ')})`,
        });
        continue;
      }
      channels = [channelText as AddressChannel];
    }
    let at: string | undefined;
    const dateText = col.at >= 0 ? (row[col.at] ?? '') : '';
    if (dateText !== '') {
      const t = Date.parse(dateText);
      if (Number.isNaN(t)) {
        report.bad.push({
          line,
          message: `date "${dateText.slice(0, 40)}" is not a date (use ISO 8601, e.g. 2026-11-30T12:00:00Z)`,
        });
        continue;
      }
      at = new Date(t).toISOString();
    }
    const source =
      col.source >= 0 && row[col.source] ? `${options.list}: ${row[col.source]!.slice(0, 120)}` : options.list;
    const { added } = await optOuts.suppressAddress({
      address: a.address,
      kind: a.kind,
      channels,
      source: 'import',
      detail: source,
      actor: options.actor,
      ...(at ? { at } : {}),
    });
    report.added += added.length;
    report.known += channels.length - added.length;
  }
  return report;
}
