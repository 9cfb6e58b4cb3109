/** Opens the audit database named by a URL: `sqlite:<file>` (WAL) or `postgres://…`. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { ALWAYS_AVAILABLE, guardDialect, type StoreAvailability } from './availability.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Whether the database answers, as its queries find (availability.ts). */
  availability: StoreAvailability;
}

export interface OpenDbOptions {
  /** PostgreSQL only: the schema to use (created if missing). Tests use one per file. */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** SQLite: how long a write waits for another process's lock before SQLITE_BUSY (default 10 s). */
  busyTimeoutMs?: number;
}

/** PostgreSQL: how long opening a connection may take before the database counts as unreachable. */
const PG_CONNECT_TIMEOUT_MS = 5_000;
/** SQLite: the busy timeout of a probe while the file is known to be locked (availability.ts). */
const SQLITE_PROBE_BUSY_MS = 50;

// bigint columns (event ids) come back as strings from pg; they fit a JS number for our purposes.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock up front and wait for it
 * (busy_timeout), instead of failing with "database is locked" when a transaction that began
 * by reading tries to write while another process holds the lock.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/**
 * A read-only connection to a SQLite file the service has open (WAL mode): it reads beside the
 * writer without blocking it. Heavy reads (export, verify, reports) use one in a worker thread.
 */
export function openReadOnlySqlite(file: string): Db {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 10000');
  // 16 MB: heavy reads mostly scan once; each thread has its own cache.
  database.pragma('cache_size = -16384');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) }),
    dialect: 'sqlite',
    availability: ALWAYS_AVAILABLE,
  };
}

/**
 * kysely prepares every statement anew; better-sqlite3 statements can be reused, so keep them
 * (the service runs a bounded set of statement shapes).
 */
function cachingStatements(database: BetterSqlite3.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const cached = {
    prepare(sql: string) {
      let st = statements.get(sql);
      if (!st) {
        st = database.prepare(sql);
        if (statements.size < 2_000) statements.set(sql, st);
      }
      return st;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
  return cached as unknown as SqliteDialectConfig['database'];
}

export async function openDb(url: string, options: OpenDbOptions = {}): Promise<Db> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    const busyMs = options.busyTimeoutMs ?? 10_000;
    database.pragma(`busy_timeout = ${busyMs}`);
    database.pragma('foreign_keys = ON');
    // A 64 MB page cache: large stores keep their indexes in memory (the default is 2 MB).
    database.pragma('cache_size = -65536');
    // Checkpoint the WAL less often: bulk intake writes far fewer pages twice.
    database.pragma('wal_autocheckpoint = 10000');
    const guarded = guardDialect(new ImmediateSqliteDialect({ database: cachingStatements(database) }), {
      dialect: 'sqlite',
      probing: {
        begin: () => database.pragma(`busy_timeout = ${Math.min(busyMs, SQLITE_PROBE_BUSY_MS)}`),
        end: () => database.pragma(`busy_timeout = ${busyMs}`),
      },
    });
    return {
      db: new Kysely<Database>({ dialect: guarded.dialect }),
      dialect: 'sqlite',
      availability: guarded.availability,
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    }
    if (schema) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists ${schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
      // JIT off: the reports and heavy reads are row-bound, and compiling cost them 0.2–0.6 s a
      // query (the experiment report over a million messages, issue 32); the hot path gains nothing.
      // Custom plans always: a named statement is still parsed once, but planned with its values. After
      // five runs PostgreSQL may switch a named statement to a generic plan made without them, and one
      // made while a table was small stays a sequential scan as it grows: the nightly import's look-up
      // of a thousand account references took 272 ms a call at 30,000 accounts (issue 32).
      options: [
        '-c jit=off',
        '-c plan_cache_mode=force_custom_plan',
        ...(schema ? [`-c search_path=${schema}`] : []),
      ].join(' '),
    });
    // An idle connection the server closed (a restart, an outage) is dropped from the pool; without
    // a listener its error would reach the process as an uncaught exception. The next query finds out.
    pool.on('error', () => undefined);
    // The same for a connection in use: the query on it fails with the error, which is what counts.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const guarded = guardDialect(new PostgresDialect({ pool: preparingStatements(pool) }), { dialect: 'postgres' });
    return {
      db: new Kysely<Database>({ dialect: guarded.dialect }),
      dialect: 'postgres',
      availability: guarded.availability,
    };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

/** A statement text seen this often is prepared under a name on each connection that runs it. */
const PREPARE_AFTER = 3;
/** At most this many names per process: the service runs a bounded set of shapes; past it, texts run unnamed. */
const MAX_PREPARED = 500;
/** `select *` and `returning *` name columns only when prepared: a later migration could change them under the plan. */
const STAR = /\b(select|returning)\s+(\w+\.)?\*/i;

/**
 * PostgreSQL parses and plans every statement anew unless it is prepared under a name (kysely sends
 * text). The pool's clients name each parameterised text that repeats (`rd_<n>`), and pg prepares it
 * once per connection and then only binds and executes it: the hot path's statements (the
 * transition, the loads, the group commit's updates) stop being parsed per message (issue 32).
 */
export function preparingStatements(pool: pg.Pool): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const named = names.get(text);
    if (named || names.size >= MAX_PREPARED) return named;
    const n = (seen.get(text) ?? 0) + 1;
    if (n < PREPARE_AFTER || STAR.test(text)) {
      if (seen.size < 10_000) seen.set(text, n);
      return undefined;
    }
    seen.delete(text);
    const name = `rd_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      const named = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
        if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 0) {
          const name = nameOf(text);
          if (name) return query({ name, text, values });
        }
        return query(text, values, ...rest);
      }) as typeof client.query;
      return Object.assign(Object.create(client) as pg.PoolClient, { query: named });
    },
    end: () => pool.end(),
  };
}
