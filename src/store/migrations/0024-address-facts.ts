/**
 * 0024-address-facts: what a channel learned about an address (src/domain/address-facts.ts): a
 * landline, a number not in service, a hard bounce. One row per tenant, address and fact (the
 * first time it was learned, and the last); `cleared_at` when a later answer or a person said
 * otherwise (an inbound text from the number, an agent's correction).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('address_facts')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('fact', 'text', (c) => c.notNull())
    // The provider's code that taught it (`twilio-30006`, `smtp-5.1.1`), the last time.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    // How many times it was learned (a soft fact, e.g. an unreachable handset, counts up).
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .addPrimaryKeyConstraint('address_facts_pk', ['tenant', 'address', 'fact'])
    .execute();
}
