/**
 * The agents' inbox: the borrowers of a tenant who replied (newest reply first, by the id of their last `inbound.sms`
 * event), a borrower's conversation events and outbound messages, and each key's read mark per borrower.
 */
import { type Kysely, sql } from 'kysely';
import type { Message } from '../domain/entities.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { borrowerChain } from './hash-chain.js';
import { toMessage } from './rows.js';
import type { Database } from './schema.js';

/** An event of a borrower's chain with its row id (the inbox names replies by it). */
export interface InboxEvent {
  id: number;
  type: string;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface InboxRepo {
  /** The tenant's borrowers with an inbound text, newest last text first, those whose last one is before `before`. */
  replied(tenant: string, before: number | undefined, limit: number): Promise<{ borrowerId: string; lastId: number }[]>;
  /** The borrower's events of `types`, oldest first (the newest `limit`). */
  events(borrowerId: string, types: readonly string[], limit: number): Promise<InboxEvent[]>;
  /** The messages to the borrower, oldest first (the newest `limit`). */
  messages(borrowerId: string, limit: number): Promise<Message[]>;
  /** A key's read marks on these borrowers: the id of the last reply read, by borrower. */
  marks(tenant: string, keyId: string, borrowerIds: readonly string[]): Promise<Map<string, number>>;
  /** Sets a key's read mark on a borrower. */
  mark(tenant: string, keyId: string, borrowerId: string, eventId: number, now: Date): Promise<void>;
}

export function makeInboxRepo(db: Kysely<Database>): InboxRepo {
  return {
    async replied(tenant, before, limit) {
      const prefix = `${tenant}~`;
      let q = db
        .selectFrom('events')
        .select(['borrower_id', (eb) => eb.fn.max('id').as('last_id')])
        .where('type', '=', 'inbound.sms')
        // The store's key: the default tenant's borrowers are bare, another's carry its prefix.
        .where(
          tenant === DEFAULT_TENANT
            ? sql<boolean>`borrower_id not like '%~%'`
            : sql<boolean>`substr(borrower_id, 1, ${sql.lit(prefix.length)}) = ${prefix}`,
        )
        .groupBy('borrower_id');
      if (before !== undefined) q = q.having((eb) => eb.fn.max('id'), '<', before);
      const rows = await q.orderBy('last_id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ borrowerId: r.borrower_id, lastId: Number(r.last_id) }));
    },

    async events(borrowerId, types, limit) {
      if (types.length === 0) return [];
      const rows = await db
        .selectFrom('events')
        .select(['id', 'type', 'at', 'actor', 'data'])
        .where('chain', '=', borrowerChain(borrowerId))
        .where('type', 'in', [...types])
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map((r) => ({
        id: Number(r.id),
        type: r.type,
        at: r.at,
        actor: r.actor,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },

    async messages(borrowerId, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map((r) => toMessage(r as Database['messages']));
    },

    async marks(tenant, keyId, borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('inbox_marks')
        .select(['borrower_id', 'last_event_id'])
        .where('tenant', '=', tenant)
        .where('key_id', '=', keyId)
        .where('borrower_id', 'in', [...borrowerIds])
        .execute();
      return new Map(rows.map((r) => [r.borrower_id, Number(r.last_event_id)]));
    },

    async mark(tenant, keyId, borrowerId, eventId, now) {
      const at = now.toISOString();
      await db
        .insertInto('inbox_marks')
        .values({ tenant, key_id: keyId, borrower_id: borrowerId, last_event_id: eventId, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['tenant', 'key_id', 'borrower_id']).doUpdateSet({ last_event_id: eventId, updated_at: at }),
        )
        .execute();
    },
  };
}
