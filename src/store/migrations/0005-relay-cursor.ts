/** 0005-relay-cursor: the relay's cursor over events, and events by type. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('relay_cursor')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_id', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_type_ix').on('events').columns(['type', 'id']).execute();
}
