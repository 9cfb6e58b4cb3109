/**
 * Whether the audit database can be used, learned from the queries themselves: the first one that
 * finds it gone (PostgreSQL refusing connections, SQLite locked by another process) marks it
 * unavailable, and from then on queries fail at once with StoreUnavailableError instead of each
 * waiting for a connect timeout or SQLite's busy timeout, except one probe a second that goes
 * through to find out. The first query that succeeds again (on SQLite: one that took the write
 * lock) marks it available. A driver wrapper does this below kysely, so every part of the store
 * gets it and none has to know.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect as KyselyDialect,
  Driver,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type { Dialect } from './db.js';
import { StoreUnavailableError, storeUnavailable } from './store-unavailable.js';

export interface Unavailability {
  /** Why, safe to show (StoreUnavailableError.reason). */
  reason: string;
  since: Date;
}

export interface StoreAvailability {
  /** Null while the database answers; else why not, since when. */
  current(): Unavailability | null;
  /** Called once when the database becomes unavailable (with why) and once when it is back (null). */
  onChange(listener: (down: Unavailability | null, cause?: unknown) => void): void;
}

export const ALWAYS_AVAILABLE: StoreAvailability = { current: () => null, onChange: () => undefined };

export interface GuardOptions {
  dialect: Dialect;
  /** While unavailable, how often a query is let through to find out (default 1 s). */
  probeEveryMs?: number;
  /** SQLite: run around a probe (a short busy timeout, so a probe of a locked file does not block the process long). */
  probing?: { begin(): void; end(): void };
}

/** The shared state of one database's connections. */
class Guard implements StoreAvailability {
  private down: (Unavailability & { error: StoreUnavailableError }) | null = null;
  private nextProbeAt = 0;
  private readonly listeners: Array<(down: Unavailability | null, cause?: unknown) => void> = [];

  constructor(readonly o: GuardOptions) {}

  current(): Unavailability | null {
    return this.down && { reason: this.down.reason, since: this.down.since };
  }

  onChange(listener: (down: Unavailability | null, cause?: unknown) => void): void {
    this.listeners.push(listener);
  }

  /** While unavailable, the error that says so. */
  downError(): StoreUnavailableError | undefined {
    return this.down?.error;
  }

  /** May a query go to the database now? False: yes, it is up. True: yes, as the probe. Throws: no. */
  admit(): boolean {
    if (!this.down) return false;
    const now = Date.now();
    if (now < this.nextProbeAt) throw this.down.error;
    this.nextProbeAt = now + (this.o.probeEveryMs ?? 1_000);
    return true;
  }

  /** The error to throw for `err`: a StoreUnavailableError (and the state marked) when it says the database is gone. */
  failed(err: unknown): unknown {
    const unavailable = storeUnavailable(err);
    if (!unavailable) return err;
    if (!this.down) {
      this.down = { reason: unavailable.reason, since: new Date(), error: unavailable };
      this.nextProbeAt = Date.now() + (this.o.probeEveryMs ?? 1_000);
      const state = this.current();
      for (const l of this.listeners) l(state, unavailable.cause);
    }
    return unavailable;
  }

  /**
   * A query succeeded. Only a probe's says the database is back (a query sent before the outage
   * can still answer after the first one failed), and on SQLite only one that took the write lock.
   */
  succeeded(wrote: boolean, probe: boolean): void {
    if (!this.down || !probe || (this.o.dialect === 'sqlite' && !wrote)) return;
    this.down = null;
    for (const l of this.listeners) l(null);
  }

  async run<T>(wrote: boolean, probe: boolean, f: () => Promise<T>): Promise<T> {
    try {
      const out = await f();
      this.succeeded(wrote, probe);
      return out;
    } catch (err) {
      throw this.failed(err);
    }
  }
}

/** Statements that write (SQLite: they take the write lock). */
const WRITES = /^\s*(insert|update|delete|replace|begin|create|alter|drop)\b/i;

class GuardedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly guard: Guard,
    readonly probe: boolean,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.guard.run(WRITES.test(query.sql), this.probe, () => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (err) {
      throw this.guard.failed(err);
    }
  }
}

const innerOf = (c: DatabaseConnection) => (c instanceof GuardedConnection ? c.inner : c);
const isProbe = (c: DatabaseConnection) => c instanceof GuardedConnection && c.probe;

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly guard: Guard,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let probe = this.guard.admit();
    let conn: DatabaseConnection;
    try {
      conn = await this.inner.acquireConnection();
    } catch (err) {
      throw this.guard.failed(err);
    }
    // Waited for the connection (SQLite has one) while another query found the database gone: fail now.
    try {
      probe ||= this.guard.admit();
    } catch (err) {
      await this.inner.releaseConnection(conn);
      throw err;
    }
    if (probe) this.guard.o.probing?.begin();
    return new GuardedConnection(conn, this.guard, probe);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.guard.run(true, isProbe(connection), () => this.inner.beginTransaction(innerOf(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.guard.run(true, isProbe(connection), () => this.inner.commitTransaction(innerOf(connection)));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.rollbackTransaction(innerOf(connection));
    } catch (err) {
      // kysely throws the rollback's error in place of the one that caused it: on a connection the
      // outage closed ("not queryable") that must still read as the outage, not as a failed statement.
      const failed = this.guard.failed(err);
      throw this.guard.downError() ?? failed;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (isProbe(connection)) this.guard.o.probing?.end();
    await this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The dialect with its driver guarded, and the availability it learns. */
export function guardDialect(
  dialect: KyselyDialect,
  o: GuardOptions,
): { dialect: KyselyDialect; availability: StoreAvailability } {
  const guard = new Guard(o);
  return {
    availability: guard,
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new GuardedDriver(dialect.createDriver(), guard),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  };
}

export { StoreUnavailableError };
