/**
 * 0029-validation-notices: the validation notice (12 CFR 1006.34) an agency's first email about a
 * debt carried, one row per borrower and account: the message that carried it, the dates it named
 * and the end of the validation period, which the dispute handling reads (a dispute within it
 * holds collection until verification, 1006.34(c)(4)). An account with a row gets no second notice.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('validation_notices')
    .addColumn('borrower_id', 'text', (c) => c.notNull())
    .addColumn('account_ref', 'text', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('assumed_receipt_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('itemization_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('validation_notices_pk', ['borrower_id', 'account_ref'])
    .execute();
}
