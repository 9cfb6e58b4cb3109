/** The outbound-event relay's view of the event log: new events of some types after a cursor, and the cursor itself. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface RelayEvent {
  id: number;
  type: string;
  messageId: string | null;
  borrowerId: string;
  at: string;
  data: Record<string, unknown>;
}

export function makeRelayFeed(db: Kysely<Database>) {
  return {
    async cursor(name: string): Promise<number> {
      const row = await db.selectFrom('relay_cursor').select('last_id').where('name', '=', name).executeTakeFirst();
      return Number(row?.last_id ?? 0);
    },

    /** Events of these types after `afterId` and older than `before` (transactions still open may hold lower ids), in id order. */
    async eventsAfter(afterId: number, before: string, types: string[], limit: number): Promise<RelayEvent[]> {
      const rows = await db
        .selectFrom('events')
        .select(['id', 'type', 'message_id', 'borrower_id', 'at', 'data'])
        .where('id', '>', afterId)
        .where('type', 'in', types)
        .where('chain', 'not like', 'r:%')
        .where('at', '<', before)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: Number(r.id), type: r.type, messageId: r.message_id, borrowerId: r.borrower_id, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
    },

    async advance(name: string, lastId: number): Promise<void> {
      await db
        .insertInto('relay_cursor')
        .values({ name, last_id: lastId })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: lastId }))
        .execute();
    },
  };
}

export type RelayFeed = ReturnType<typeof makeRelayFeed>;
