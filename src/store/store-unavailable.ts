/**
 * The audit store cannot be used right now: PostgreSQL is down, restarting or unreachable, or
 * another process holds the SQLite database's write lock (SQLITE_BUSY). Nothing was stored by the
 * call that threw it; it is worth trying again later. The API answers 503 with Retry-After, a
 * worker puts its job back to wait without spending an attempt, and the maintenance jobs skip
 * their turn (docs/operations.md, "When the database is unavailable").
 *
 * `reason` is safe to show anyone (no host, port, user or driver text); the driver's error is
 * kept as `cause`, for the log only.
 */
const PREFIX = 'the database is unavailable: ';

export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${PREFIX}${reason}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** PostgreSQL SQLSTATEs that mean "not now" rather than "never": connection exceptions (class 08), shutdown and start-up (57P01-57P03), too many connections. */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Socket-level errors of a database connection. */
const NET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** pg's own messages for a connection that went away or could not be made in time. */
const PG_LOST =
  /Connection terminated|not queryable|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|ECONNREFUSED|ECONNRESET/i;
/** SQLite: another connection holds the lock (better-sqlite3's SqliteError carries the extended code). */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED)/;

/**
 * The error as a StoreUnavailableError when it says the database is unavailable (for now), else
 * undefined. Errors that crossed a thread (heavy reads) keep only their message: matched by it.
 */
export function storeUnavailable(err: unknown): StoreUnavailableError | undefined {
  if (err instanceof StoreUnavailableError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  // One rebuilt from a heavy-read thread (name and message only: lib/thread-pool.ts).
  if ((err as Error).name === 'StoreUnavailableError' && message.startsWith(PREFIX))
    return new StoreUnavailableError(message.slice(PREFIX.length), { cause: err });
  if (SQLITE_UNAVAILABLE.test(code) || /database is locked|database table is locked/.test(message))
    return new StoreUnavailableError('the SQLite database is locked by another process', { cause: err });
  if (PG_UNAVAILABLE.test(code) || NET_UNAVAILABLE.has(code) || PG_LOST.test(message))
    return new StoreUnavailableError('the database server is not accepting connections', { cause: err });
  // An AggregateError from a connect that tried several addresses (IPv4 and IPv6).
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => storeUnavailable(x)))
    return new StoreUnavailableError('the database server is not accepting connections', { cause: err });
  return undefined;
}
