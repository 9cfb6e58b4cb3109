/** What became of each outbound event sent to the collection system (see webhooks/outbound-events.ts). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Records what became of an event's delivery, so the plan can say whether the collection system was told. */
export async function recordDelivery(
  db: Kysely<Database>,
  eventId: string,
  status: 'delivered' | 'retrying' | 'failed',
  attempts: number,
  error: string | null,
  now: Date,
) {
  const row = { event_id: eventId, status, attempts, updated_at: now.toISOString(), error };
  await db
    .insertInto('outbound_deliveries')
    .values(row)
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ status, attempts, updated_at: row.updated_at, error }))
    .execute();
}

/** The delivery of one outbound event: `delivered`, `retrying`, `failed`, or `pending` (not tried yet). */
/** What became of an outbound event (`pending`: nothing recorded yet). */
export interface OutboundDelivery {
  status: string;
  attempts: number;
  at: string | null;
  error: string | null;
}

export async function deliveryOf(db: Kysely<Database>, eventId: string): Promise<OutboundDelivery> {
  const row = await db.selectFrom('outbound_deliveries').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  return row
    ? { status: row.status, attempts: Number(row.attempts), at: row.updated_at, error: row.error }
    : { status: 'pending', attempts: 0, at: null, error: null };
}
