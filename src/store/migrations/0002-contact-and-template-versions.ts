/** 0002-contact-and-template-versions: a reminder's contact, a message's render data, and the files of each template version. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reminders').addColumn('contact', 'text').execute();
  await db.schema.alterTable('messages').addColumn('render_data', 'text').execute();
  await db.schema
    .createTable('template_versions')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
