/**
 * 0023-provider-route: the provider route a message was handed to (`twilio:primary`,
 * `smtp:secondary` …), set when it is claimed for sending on a channel with a secondary route.
 * After a send it names the route that sent it; after an attempt whose outcome is unknown it pins
 * the message to that route, so it is never sent through the other one too (docs/reach.md).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('route', 'text').execute();
}
