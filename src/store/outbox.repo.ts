/** The sandbox outbox and the template versions kept for re-rendering. */
import type { Kysely } from 'kysely';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';
import type { AuditStore } from './audit-store.js';
import { json } from './rows.js';
import type { Channel } from '../domain/channels.js';
import type { StoredTemplateVersion } from './store-types.js';

export function makeOutboxRepo(
  db: Kysely<Database>,
  _dialect: Dialect,
): Pick<AuditStore, 'rememberTemplateVersion' | 'getTemplateVersion' | 'recordOutbox' | 'listOutbox'> {
  return {
    async rememberTemplateVersion(v, now) {
      await db
        .insertInto('template_versions')
        .values({
          version: v.version,
          key: v.key,
          channel: v.channel,
          locale: v.locale,
          sources: json(v.sources),
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('version').doNothing())
        .execute();
    },

    async getTemplateVersion(version) {
      const row = await db
        .selectFrom('template_versions')
        .selectAll()
        .where('version', '=', version)
        .executeTakeFirst();
      return row
        ? {
            version: row.version,
            key: row.key,
            channel: row.channel,
            locale: row.locale,
            sources: JSON.parse(row.sources) as StoredTemplateVersion['sources'],
          }
        : undefined;
    },

    async recordOutbox(entry, now) {
      await db
        .insertInto('outbox')
        .values({
          message_id: entry.messageId,
          channel: entry.channel,
          to_addr: entry.to,
          subject: entry.subject,
          body: entry.body,
          payload: json(entry.payload),
          created_at: now.toISOString(),
        })
        .execute();
    },

    async listOutbox(limit, tenant) {
      let q = db.selectFrom('outbox').selectAll('outbox').orderBy('outbox.id', 'desc').limit(limit);
      // A tenant's: the outbox entries of its messages.
      if (tenant !== undefined)
        q = q.innerJoin('messages', 'messages.id', 'outbox.message_id').where('messages.tenant', '=', tenant);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        messageId: r.message_id,
        channel: r.channel as Channel,
        to: r.to_addr,
        subject: r.subject,
        body: r.body,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
      }));
    },
  };
}
