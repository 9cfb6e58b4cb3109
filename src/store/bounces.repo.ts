/**
 * Soft bounces of an email address in a row, per tenant: each message that soft-bounces adds one
 * (in one statement, so two bounces arriving together both count; a later report about the same
 * message, such as a second delay notice, adds none); a delivery, a hard bounce or the
 * suppression the run ends in clears the run.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface BouncesRepo {
  /** A soft bounce of the address by a message; how many messages have soft-bounced in a row, this one included. */
  softBounce(tenant: string, address: string, messageId: string, status: string, now: Date): Promise<number>;
  /** The run is over (a delivery, a hard bounce, the address suppressed). */
  clear(tenant: string, address: string): Promise<void>;
  /** How many soft bounces in a row the address has now (0: none). */
  inRow(tenant: string, address: string): Promise<number>;
}

export function makeBouncesRepo(db: Kysely<Database>): BouncesRepo {
  return {
    async softBounce(tenant, address, messageId, status, now) {
      const at = now.toISOString();
      const row = await db
        .insertInto('email_soft_bounces')
        .values({
          tenant,
          address,
          in_row: 1,
          last_message_id: messageId,
          last_status: status,
          first_at: at,
          last_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['tenant', 'address']).doUpdateSet({
            in_row: sql<number>`email_soft_bounces.in_row + case when email_soft_bounces.last_message_id = ${messageId} then 0 else 1 end`,
            last_message_id: messageId,
            last_status: status,
            last_at: at,
          }),
        )
        .returning('in_row')
        .executeTakeFirstOrThrow();
      return Number(row.in_row);
    },
    async clear(tenant, address) {
      await db.deleteFrom('email_soft_bounces').where('tenant', '=', tenant).where('address', '=', address).execute();
    },
    async inRow(tenant, address) {
      const row = await db
        .selectFrom('email_soft_bounces')
        .select('in_row')
        .where('tenant', '=', tenant)
        .where('address', '=', address)
        .executeTakeFirst();
      return Number(row?.in_row ?? 0);
    },
  };
}
