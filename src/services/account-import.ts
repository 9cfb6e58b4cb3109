/**
 * The nightly delinquency file: newly overdue accounts, one a line, as NDJSON (each line the body
 * of POST /v1/accounts/overdue/batch's items) or CSV (flat columns, see CSV_COLUMNS), read as a
 * stream and fed to the strategy a thousand accounts at a time. Each chunk commits before the
 * next is read; `onCheckpoint` hears the last line of each, so a crashed import resumes after it
 * (and since an account already in its stage is left unchanged, running a file twice schedules
 * nothing twice). A bad line is reported by number and the rest go on.
 */
import { parse as parseCsvLine } from 'csv-parse/sync';
import { boundedLines } from '../lib/bounded-lines.js';
import type { AccountResult, OverdueAccount } from './strategy-runner.js';

export type ImportFormat = 'ndjson' | 'csv';

export type Validated =
  { ok: true; account: OverdueAccount } | { ok: false; errors: Array<{ path: string; message: string }> };

export interface AccountImportReport {
  lines: number;
  scheduled: number;
  unchanged: number;
  rejected: number;
  /** The first 100 bad lines (every one is counted in `rejected`). */
  errors: Array<{ line: number; accountRef: string | null; path: string; message: string }>;
  /** Lines skipped because a checkpoint said they were done. */
  resumedAfter: number;
}

/** A line longer than this is refused (and a CSV record the same), by default (IMPORT_MAX_LINE_CHARS). */
export const MAX_LINE_CHARS = 64 * 1024;
const CHUNK = 1_000;
const MAX_REPORTED = 100;

/** CSV columns (header names, in any order; unknown columns are an error, so a typo is not silently dropped). */
export const CSV_COLUMNS = [
  'accountRef',
  'borrowerId',
  'name',
  'locale',
  'timezone',
  'phone',
  'email',
  'account',
  'creditor',
  'amount',
  'currency',
  'dueDate',
  'daysOverdue',
  'minimumPayment',
  'paymentUrl',
] as const;

/** A CSV record as the JSON an NDJSON line would carry. */
export function csvRecordToItem(r: Record<string, string>): unknown {
  const opt = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const borrower = Object.fromEntries(
    Object.entries({
      id: r.borrowerId,
      name: opt(r.name),
      locale: opt(r.locale),
      timezone: opt(r.timezone),
      phone: opt(r.phone),
      email: opt(r.email),
    }).filter(([, v]) => v !== undefined),
  );
  const debt = Object.fromEntries(
    Object.entries({
      accountRef: opt(r.account),
      creditor: r.creditor,
      amountDue: { amount: r.amount, currency: r.currency },
      dueDate: r.dueDate,
      daysOverdue: r.daysOverdue === undefined || r.daysOverdue === '' ? undefined : Number(r.daysOverdue),
      minimumPayment: opt(r.minimumPayment) ? { amount: r.minimumPayment, currency: r.currency } : undefined,
      paymentUrl: opt(r.paymentUrl),
    }).filter(([, v]) => v !== undefined),
  );
  return { accountRef: r.accountRef, borrower, debt };
}

type Line = { line: number; item: unknown } | { line: number; error: string };

const tooLong = (max: number) => `longer than ${max} characters: the rest of the line was skipped`;

async function* ndjsonLines(source: AsyncIterable<Buffer | string>, maxChars: number): AsyncGenerator<Line> {
  for await (const l of boundedLines(source, maxChars)) {
    if ('tooLong' in l) {
      yield { line: l.line, error: tooLong(maxChars) };
      continue;
    }
    if (l.text.trim() === '') continue;
    try {
      yield { line: l.line, item: JSON.parse(l.text) as unknown };
    } catch (err) {
      yield { line: l.line, error: `not JSON: ${(err as Error).message}` };
    }
  }
}

/** Why csv-parse refused one line, said for someone fixing the file. */
function csvFault(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quoted field is not closed on this line (a field may not span lines; write a quote inside one as "")';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE')
    return 'a quote in the middle of a field: quote the whole field and write the quote inside it as "" ("a ""b"" c")';
  return `not a CSV record: ${String((err as Error).message).replace(/ at line \d+/, '')}`;
}

/**
 * CSV one record a line (a quoted field may hold commas and "" but not a newline): a malformed
 * line is an error naming it, and the lines after it are read as usual.
 */
async function* csvLines(source: AsyncIterable<Buffer | string>, maxChars: number): AsyncGenerator<Line> {
  let header: string[] | undefined;
  for await (const l of boundedLines(source, maxChars)) {
    if ('tooLong' in l) {
      yield { line: l.line, error: tooLong(maxChars) };
      if (!header) return;
      continue;
    }
    if (l.text.trim() === '') continue;
    let fields: string[];
    try {
      fields = (parseCsvLine(l.text, { trim: true, relax_column_count: true }) as string[][])[0] ?? [];
    } catch (err) {
      yield { line: l.line, error: csvFault(err) };
      if (!header) return;
      continue;
    }
    if (!header) {
      header = fields;
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length > 0) {
        yield {
          line: l.line,
          error: `unknown columns ${unknown.map((h) => `"${h.slice(0, 40)}"`).join(', ')} (known: ${CSV_COLUMNS.join(', ')})`,
        };
        return;
      }
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
    yield { line: l.line, item: csvRecordToItem(row) };
  }
}

/**
 * The import stopped before the end of the file: the file could not be read on (the client went,
 * a corrupt gzip stream, past IMPORT_MAX_BYTES) or the store failed. `committedThrough` is the last
 * line whose account is stored; `report` counts what was read. The same file again completes it
 * (lines already done come back unchanged).
 */
export class ImportInterruptedError extends Error {
  constructor(
    readonly report: AccountImportReport,
    readonly committedThrough: number,
    override readonly cause: unknown,
  ) {
    super(`the import stopped after line ${committedThrough}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'ImportInterruptedError';
  }
}

export interface ImportDeps {
  validate(raw: unknown): Validated;
  accountsOverdue(accounts: OverdueAccount[]): Promise<{ results: AccountResult[] }>;
}

export async function importAccounts(
  deps: ImportDeps,
  source: AsyncIterable<Buffer | string>,
  format: ImportFormat,
  opts: { skipLines?: number; onCheckpoint?: (lastLine: number) => Promise<void> | void; maxLineChars?: number } = {},
): Promise<AccountImportReport> {
  const maxLineChars = opts.maxLineChars ?? MAX_LINE_CHARS;
  const report: AccountImportReport = {
    lines: 0,
    scheduled: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    resumedAfter: opts.skipLines ?? 0,
  };
  const reject = (line: number, accountRef: string | null, path: string, message: string) => {
    report.rejected++;
    if (report.errors.length < MAX_REPORTED) report.errors.push({ line, accountRef, path, message });
  };
  let chunk: Array<{ line: number; account: OverdueAccount }> = [];
  let lastLine = report.resumedAfter;
  let committed = report.resumedAfter;
  /** Commits the chunk and checkpoints `upTo`: every line up to it is done. */
  const flush = async (upTo: number) => {
    if (chunk.length > 0) {
      const { results } = await deps.accountsOverdue(chunk.map((c) => c.account));
      results.forEach((r, i) => {
        if (r.status === 'scheduled') report.scheduled++;
        else if (r.status === 'unchanged') report.unchanged++;
        else reject(chunk[i]!.line, r.accountRef, r.error.path, r.error.message);
      });
      chunk = [];
    }
    committed = upTo;
    await opts.onCheckpoint?.(upTo);
  };
  const seen = new Set<string>();
  const lines = (format === 'csv' ? csvLines(source, maxLineChars) : ndjsonLines(source, maxLineChars))[
    Symbol.asyncIterator
  ]();
  try {
    for (;;) {
      let next: IteratorResult<Line>;
      try {
        next = await lines.next();
      } catch (readFault) {
        // The file cannot be read on: what was read before the fault is committed, and said.
        await flush(lastLine);
        throw new ImportInterruptedError(report, committed, readFault);
      }
      if (next.done) break;
      const l = next.value;
      if (l.line <= report.resumedAfter) continue;
      report.lines++;
      const before = lastLine;
      lastLine = l.line;
      if ('error' in l) {
        reject(l.line, null, '', l.error);
        continue;
      }
      const v = deps.validate(l.item);
      if (!v.ok) {
        const ref =
          typeof (l.item as { accountRef?: unknown })?.accountRef === 'string'
            ? (l.item as { accountRef: string }).accountRef
            : null;
        for (const e of v.errors.slice(0, 1)) reject(l.line, ref, e.path, e.message);
        continue;
      }
      // The same account twice in one chunk would race itself: the later line waits for the next chunk.
      if (seen.has(v.account.accountRef)) {
        await flush(before);
        seen.clear();
      }
      seen.add(v.account.accountRef);
      chunk.push({ line: l.line, account: v.account });
      if (chunk.length >= CHUNK) {
        await flush(lastLine);
        seen.clear();
      }
    }
    await flush(lastLine);
  } catch (err) {
    if (err instanceof ImportInterruptedError) throw err;
    throw new ImportInterruptedError(report, committed, err);
  } finally {
    // Stops reading the file when the import ends early (a no-op after its end).
    await lines.return?.(undefined);
  }
  return report;
}
