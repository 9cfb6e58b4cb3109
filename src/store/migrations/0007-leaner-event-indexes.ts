/** 0007-leaner-event-indexes: drops indexes no read uses. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every read of events goes by chain (the unique key), borrower, registry reference or
  // id; these two indexes only slowed bulk intake.
  await db.schema.dropIndex('events_message_ix').execute();
  await db.schema.dropIndex('events_type_ix').execute();
  // Messages by borrower go through (borrower_id, updated_at); callbacks find their
  // message by id; strategy steps by (client_id, external_id) ranges.
  await db.schema.dropIndex('messages_borrower_ix').execute();
  await db.schema.dropIndex('messages_provider_ix').execute();
  await db.schema.dropIndex('reminders_external_ix').execute();
}
