/**
 * 0026-first-touches: each borrower's first touch in each experiment, written when a message of
 * the experiment first reaches its borrower (rows.ts), so the experiment report reads one row per
 * borrower instead of grouping every message of the experiment (issue 32). The days 7, 14 and 30
 * after it are stored with it: the report compares instants as strings, with no date arithmetic.
 * Existing messages fill it once here.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('first_touches')
    .addColumn('experiment', 'text', (c) => c.notNull())
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('arm', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('first7', 'text', (c) => c.notNull())
    .addColumn('first14', 'text', (c) => c.notNull())
    .addColumn('first30', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('first_touches_pk', ['experiment', 'borrower_id'])
    .execute();
  // The report's read: an experiment's borrowers first touched in a period.
  await db.schema
    .createIndex('first_touches_period_ix')
    .on('first_touches')
    .columns(['experiment', 'first_at', 'tenant'])
    .execute();
  const plus = (days: number) =>
    dialect === 'postgres'
      ? sql.raw(
          `to_char((min(send_at)::timestamptz + interval '${days} days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        )
      : sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', min(send_at), '+${days} days')`);
  // The statuses that reached the borrower, as they were when this was written (domain/statuses.ts).
  const reached = sql.join(['sent', 'delivered', 'answered', 'machine'].map((s) => sql.lit(s)));
  await sql`insert into first_touches (experiment, borrower_id, tenant, arm, first_at, first7, first14, first30)
    select experiment, borrower_id, min(tenant), min(arm), min(send_at), ${plus(7)}, ${plus(14)}, ${plus(30)}
    from messages where experiment is not null and arm is not null and status in (${reached})
    group by experiment, borrower_id`.execute(db);
}
