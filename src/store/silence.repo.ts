/**
 * Texts that went silent (docs/reach.md, "Channel fallback"): `sent`, with no delivery report
 * since, whose reminder names a fallback. Read by the scheduler's `fallback-silence` job.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface SilentText {
  id: string;
  tenant: string;
}

export interface SilenceRepo {
  /**
   * SMS messages still `sent` whose last change was in [`from`, `to`), whose reminder names a
   * fallback; by id, after `afterId`, at most `limit`.
   */
  silentTexts(from: string, to: string, limit: number, afterId?: string): Promise<SilentText[]>;
}

export function makeSilenceRepo(db: Kysely<Database>): SilenceRepo {
  return {
    async silentTexts(from, to, limit, afterId) {
      let q = db
        .selectFrom('messages as m')
        .innerJoin('reminders as r', 'r.id', 'm.reminder_id')
        .select(['m.id as id', 'm.tenant as tenant'])
        .where('m.channel', '=', 'sms')
        .where('m.status', '=', 'sent')
        .where('m.updated_at', '>=', from)
        .where('m.updated_at', '<', to)
        // The fallback is kept in the reminder's metadata (services/fallbacks.ts, FALLBACK_KEY).
        .where('r.metadata', 'like', '%"fallback":{"channels":["%')
        // Not fallen back already (services/fallbacks.ts keys the new reminder by the message).
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('reminders as f')
                .select(sql`1`.as('one'))
                .where('f.client_id', '=', sql<string>`${'fallback:'} || m.tenant`)
                .where('f.external_id', '=', sql<string>`${'fallback:'} || m.id`),
            ),
          ),
        );
      if (afterId) q = q.where('m.id', '>', afterId);
      return q.orderBy('m.id').limit(limit).execute();
    },
  };
}
