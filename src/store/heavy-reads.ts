/**
 * Heavy reads: the queries that read a whole tenant's (or the deployment's) rows — export pages,
 * chain verification, message search, borrower search, stats and the outcome reports. They run
 * in worker threads, each with its own connection, and the event loop that serves the API and
 * the workers only waits for their answers: on SQLite (better-sqlite3 is synchronous) a read-only
 * connection to the same file (WAL: readers run beside the writer); on PostgreSQL a pool of one
 * (the driver is asynchronous, but hashing a verify's events and formatting an export's pages
 * would still hold the loop).
 */
import type { Kysely } from 'kysely';
import type { Message } from '../domain/index.js';
import { type Cursor, type MessageFilter, messageStats, searchMessages, type StatRow } from './audit-queries.js';
import { type BorrowerSearchResult, searchBorrowers } from './borrower-search.js';
import type { Dialect } from './db.js';
import {
  type ArmCounts,
  experimentCounts,
  type ExperimentFilter,
  type GroupCountsIn,
  groupCounts,
  type GroupFilter,
  type PeriodFilter,
  reachCounts,
  type ReachCountsIn,
  type ReviewCounts,
  reviewCounts,
} from './outcome-queries.js';
import type { Database } from './schema.js';
import { verifyChains, type VerifyReport } from './verify.js';
import { type ExportFormat, formatExportPage } from './export-format.js';
import { makeThreadPool } from '../lib/thread-pool.js';
import { siblingModule } from '../lib/time-boxed-worker.js';

export interface HeavyReads {
  /** One page of messages, newest first, after the cursor (search and export read these). */
  messages(f: MessageFilter, limit: number, cursor?: Cursor): Promise<{ items: Message[]; nextCursor: string | null }>;
  /** One page of the export, formatted (the CSV header with the first); `after` is where the next page starts, null at the end. */
  exportPage(f: MessageFilter, format: ExportFormat, limit: number, cursor: Cursor | undefined): Promise<ExportPage>;
  /** Every chain; with a tenant, that tenant's. An aborted signal stops the run. */
  verify(tenant: string | undefined, signal?: AbortSignal): Promise<VerifyReport>;
  stats(from: string, to: string, tenant?: string): Promise<StatRow[]>;
  searchBorrowers(tenant: string, q: string, limit: number): Promise<BorrowerSearchResult>;
  experimentCounts(f: ExperimentFilter): Promise<ArmCounts[]>;
  groupCounts(f: GroupFilter): Promise<GroupCountsIn[]>;
  reviewCounts(f: PeriodFilter): Promise<ReviewCounts>;
  reachCounts(f: PeriodFilter): Promise<ReachCountsIn>;
  close(): Promise<void>;
}

/** The operations a heavy-read thread answers (the names posted to it). */
export type HeavyReadOp = Exclude<keyof HeavyReads, 'close'>;

export interface ExportPage {
  text: string;
  after: Cursor | null;
}

/**
 * The queries on the connection given: what a heavy-read thread runs on its own connection (and,
 * for an in-memory SQLite database that no thread can open, the service on its own).
 */
export function makeInlineHeavyReads(db: Kysely<Database>, dialect: Dialect): HeavyReads {
  return {
    messages: (f, limit, cursor) => searchMessages(db, f, limit, cursor),
    async exportPage(f, format, limit, cursor) {
      const page = await searchMessages(db, f, limit, cursor);
      const last = page.items[page.items.length - 1];
      return {
        text: formatExportPage(page.items, format, cursor === undefined),
        after: page.nextCursor && last ? { createdAt: last.createdAt, id: last.id } : null,
      };
    },
    verify: (tenant, signal) => verifyChains(db, tenant, signal ? { signal } : {}),
    stats: (from, to, tenant) => messageStats(db, dialect, from, to, tenant),
    searchBorrowers: (tenant, q, limit) => searchBorrowers(db, tenant, q, limit),
    experimentCounts: (f) => experimentCounts(db, dialect, f),
    groupCounts: (f) => groupCounts(db, dialect, f),
    reviewCounts: (f) => reviewCounts(db, dialect, f),
    reachCounts: (f) => reachCounts(db, dialect, f),
    close: async () => undefined,
  };
}

export interface ThreadedHeavyReadsOptions {
  /** The database: `sqlite:<file>` (each thread opens it read-only) or `postgres://…` (each thread has a pool of its own). */
  url: string;
  /** PostgreSQL: the schema. */
  schema?: string | undefined;
  /** How many reads run at once (each in its thread); more wait their turn. */
  threads: number;
}

/**
 * Every heavy read in one of `threads` worker threads, each with its own connection: read-only on
 * SQLite; on PostgreSQL a pool of one, so hashing a verify's events and formatting an export's
 * pages run off the event loop too.
 */
export function makeThreadedHeavyReads(options: ThreadedHeavyReadsOptions): HeavyReads {
  const pool = makeThreadPool({
    file: siblingModule(import.meta.url, 'heavy-reads.worker'),
    threads: Math.max(1, options.threads),
    workerData: { url: options.url, schema: options.schema },
  });
  return {
    messages: (f, limit, cursor) => pool.run('messages', [f, limit, cursor]),
    exportPage: (f, format, limit, cursor) => pool.run('exportPage', [f, format, limit, cursor]),
    verify: (tenant, signal) => pool.run('verify', [tenant], signal),
    stats: (from, to, tenant) => pool.run('stats', [from, to, tenant]),
    searchBorrowers: (tenant, q, limit) => pool.run('searchBorrowers', [tenant, q, limit]),
    experimentCounts: (f) => pool.run('experimentCounts', [f]),
    groupCounts: (f) => pool.run('groupCounts', [f]),
    reviewCounts: (f) => pool.run('reviewCounts', [f]),
    reachCounts: (f) => pool.run('reachCounts', [f]),
    close: () => pool.close(),
  };
}

/**
 * The export as text, newest first, a page at a time: the next page is read (and formatted) while
 * this one is written out, and the event loop turns between pages (a page read ahead is already
 * there, and awaiting it alone would write page after page in one turn).
 */
export async function* exportText(
  reads: Pick<HeavyReads, 'exportPage'>,
  f: MessageFilter,
  format: ExportFormat,
  pageSize = 500,
): AsyncGenerator<string> {
  let page = await reads.exportPage(f, format, pageSize, undefined);
  for (;;) {
    const next = page.after ? reads.exportPage(f, format, pageSize, page.after) : undefined;
    // A page read ahead and never awaited (the client went away) must not fail the process.
    next?.catch(() => undefined);
    if (page.text) yield page.text;
    if (!next) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    page = await next;
  }
}
