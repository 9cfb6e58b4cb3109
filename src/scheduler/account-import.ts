/**
 * The nightly delinquency file: newly overdue accounts, one a line, as NDJSON (each line the body
 * of POST /v1/accounts/overdue/batch's items) or CSV (flat columns, see CSV_COLUMNS), read as a
 * stream and fed to the strategy a thousand accounts at a time. Each chunk commits before the
 * next is read; `onCheckpoint` hears the last line of each, so a crashed import resumes after it
 * (and since an account already in its stage is left unchanged, running a file twice schedules
 * nothing twice). A bad line is reported by number and the rest go on.
 */
import { parse as parseCsv } from 'csv-parse';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { AccountResult, OverdueAccount } from './strategy-runner.js';

export type ImportFormat = 'ndjson' | 'csv';

export type Validated = { ok: true; account: OverdueAccount } | { ok: false; errors: Array<{ path: string; message: string }> };

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

/** A line longer than this is refused (and a CSV record the same). */
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
    Object.entries({ id: r.borrowerId, name: opt(r.name), locale: opt(r.locale), timezone: opt(r.timezone), phone: opt(r.phone), email: opt(r.email) }).filter(([, v]) => v !== undefined),
  );
  const debt = Object.fromEntries(
    Object.entries({
      accountRef: r.account,
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

async function* ndjsonLines(source: Readable): AsyncGenerator<Line> {
  const rl = readline.createInterface({ input: source, crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (text.trim() === '') continue;
    if (text.length > MAX_LINE_CHARS) {
      yield { line: n, error: `longer than ${MAX_LINE_CHARS} characters` };
      continue;
    }
    try {
      yield { line: n, item: JSON.parse(text) as unknown };
    } catch (err) {
      yield { line: n, error: `not JSON: ${(err as Error).message}` };
    }
  }
}

async function* csvLines(source: Readable): AsyncGenerator<Line> {
  const parser = source.pipe(parseCsv({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_LINE_CHARS, info: true }));
  let header: string[] | undefined;
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = rec.info.lines;
    if (!header) {
      header = rec.record;
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length > 0) {
        yield { line, error: `unknown columns ${unknown.map((h) => `"${h.slice(0, 40)}"`).join(', ')} (known: ${CSV_COLUMNS.join(', ')})` };
        return;
      }
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, rec.record[i] ?? '']));
    yield { line, item: csvRecordToItem(row) };
  }
}

export interface ImportDeps {
  validate(raw: unknown): Validated;
  accountsOverdue(accounts: OverdueAccount[]): Promise<{ results: AccountResult[] }>;
}

export async function importAccounts(
  deps: ImportDeps,
  source: Readable,
  format: ImportFormat,
  opts: { skipLines?: number; onCheckpoint?: (lastLine: number) => Promise<void> | void } = {},
): Promise<AccountImportReport> {
  const report: AccountImportReport = { lines: 0, scheduled: 0, unchanged: 0, rejected: 0, errors: [], resumedAfter: opts.skipLines ?? 0 };
  const reject = (line: number, accountRef: string | null, path: string, message: string) => {
    report.rejected++;
    if (report.errors.length < MAX_REPORTED) report.errors.push({ line, accountRef, path, message });
  };
  let chunk: Array<{ line: number; account: OverdueAccount }> = [];
  let lastLine = report.resumedAfter;
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
    await opts.onCheckpoint?.(upTo);
  };
  const seen = new Set<string>();
  for await (const l of format === 'csv' ? csvLines(source) : ndjsonLines(source)) {
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
      const ref = typeof (l.item as { accountRef?: unknown })?.accountRef === 'string' ? (l.item as { accountRef: string }).accountRef : null;
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
  return report;
}
