/**
 * 0022-bounces: soft bounces of an email address counted in a row, per tenant (SOFT_BOUNCE_LIMIT
 * in a row suppresses the address; a delivery, a hard bounce or the suppression ends the run and
 * deletes the row). What each bounce said is on its message (error code and message) and its chain.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('email_soft_bounces')
    .addColumn('tenant', 'text', (c) => c.notNull())
    // Lower-cased, as the suppression list keys it.
    .addColumn('address', 'text', (c) => c.notNull())
    // Messages that soft-bounced in a row: a second report for the same message (a later delay notice) adds none.
    .addColumn('in_row', 'integer', (c) => c.notNull())
    .addColumn('last_message_id', 'text', (c) => c.notNull())
    .addColumn('last_status', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_soft_bounces_pk', ['tenant', 'address'])
    .execute();
}
