/** Runs the store's migrations (src/store/migrations/, one file each) on SQLite or PostgreSQL. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './db.js';
import { migrations } from './migrations/index.js';

/** The migrations as kysely takes them: by name, each given the dialect it runs on. */
function provider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(migrations.map((m): [string, Migration] => [m.name, { up: (db) => m.up(db, dialect) }])),
  };
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<void> {
  await migrateStore(db, dialect, schema);
}

/**
 * Migrates to the latest version, or up to and including `to` (tests of a migration start from
 * the one before it). On PostgreSQL, processes starting at once take turns: kysely's own lock
 * covers the migrations but not the checks and table creation before it, so one advisory lock
 * per schema, held on one connection, serialises the whole run.
 */
export async function migrateStore(
  db: Kysely<Database>,
  dialect: Dialect,
  schema?: string,
  to?: string,
): Promise<void> {
  if (dialect !== 'postgres') return runMigrator(db, dialect, schema, to);
  await db.connection().execute(async (conn) => {
    const key = `reminder-dispatch:migrations:${schema ?? 'public'}`;
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      await runMigrator(conn, dialect, schema, to);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

async function runMigrator(
  db: Kysely<Database>,
  dialect: Dialect,
  schema: string | undefined,
  to: string | undefined,
): Promise<void> {
  // With a schema of our own, kysely must look for its bookkeeping tables there (not in any schema).
  const migrator = new Migrator({
    db,
    provider: provider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`audit store migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
