/** 0018-keys-per-purpose: each tenant's outbound events, and when unsubscribe tokens got a key of their own. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each tenant's outbound events: where they go and, optionally, the secret that signs them
  // (JSON {url, secret?}; null: the defaults in docs/tenants.md). And when this store began
  // signing unsubscribe tokens with a key of their own: a token of the scheme before is
  // accepted only for a message created before then (docs/security.md).
  await db.schema.alterTable('tenants').addColumn('events', 'text').execute();
  await db.schema
    .createTable('key_schemes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into key_schemes (name, since) values ('unsubscribe-u2', ${new Date().toISOString()})`.execute(db);
}
