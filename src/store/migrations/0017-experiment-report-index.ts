/** 0017-experiment-report-index: a partial index holding everything the experiment report reads. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The experiment report groups an experiment's messages by arm and borrower: this index
  // holds every column it reads, in that order, so the database reads it alone and in order
  // (no sort). Partial: messages outside experiments do not pay for it on their updates.
  await db.schema
    .createIndex('messages_experiment_report_ix')
    .on('messages')
    .columns(['experiment', 'arm', 'borrower_id', 'send_at', 'status', 'channel', 'tenant'])
    .where(sql.ref('experiment'), 'is not', null)
    .execute();
}
