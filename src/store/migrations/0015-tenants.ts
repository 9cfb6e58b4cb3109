/** 0015-tenants: tenants, and the tenant of each key, read and message. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Tenants, the tenant of each key (null: the default tenant for collector and agent keys,
  // deployment-wide for compliance and admin), and of each message (for the feeder's turns
  // and the audit's filters). Rows already there are the default tenant's.
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('profile', 'text')
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('senders', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('api_keys').addColumn('tenant', 'text').execute();
  await db.schema.alterTable('audit_reads').addColumn('tenant', 'text').execute();
  await db.schema
    .alterTable('messages')
    .addColumn('tenant', 'text', (c) => c.notNull().defaultTo('default'))
    .execute();
  await db.schema
    .createIndex('messages_tenant_due_ix')
    .on('messages')
    .columns(['tenant', 'status', 'due_at'])
    .execute();
}
