/**
 * 0034-validation-notice-requests: the validation notices (12 CFR 1006.34) the collection system was asked to
 * provide itself (on paper), one row per borrower and account: an agency's first communication about the debt was a
 * text or a call, and the borrower had no email the notice could go to. The row makes the request once, whatever
 * texts race or restarts repeat it: the message it followed, its channel, and the day it is due by.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('validation_notice_requests')
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('due_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('validation_notice_requests_pk', ['borrower_id', 'account_ref'])
    .execute();
}
