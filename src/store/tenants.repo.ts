/** Tenant records: created and changed with `npm run tenants` and the admin API (see domain/tenant.ts). */
import type { Kysely } from 'kysely';
import { CHANNELS, type Channel } from '../domain/channels.js';
import type { SenderKind } from '../domain/sender.js';
import type { Tenant } from '../domain/tenant.js';
import type { Database, TenantsTable } from './schema.js';

export interface TenantsRepo {
  list(): Promise<Tenant[]>;
  get(id: string): Promise<Tenant | undefined>;
  /** Creates or replaces the record; `created` says which. */
  put(t: Omit<Tenant, 'createdAt' | 'updatedAt'>, now: Date): Promise<{ tenant: Tenant; created: boolean }>;
}

function toTenant(r: TenantsTable): Tenant {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as SenderKind,
    profile: r.profile,
    channels: JSON.parse(r.channels) as Channel[],
    contact: r.contact === null ? null : (JSON.parse(r.contact) as Tenant['contact']),
    senders: JSON.parse(r.senders) as Tenant['senders'],
    events: r.events === null ? null : (JSON.parse(r.events) as Tenant['events']),
    retentionYears: r.retention_years ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function makeTenantsRepo(db: Kysely<Database>): TenantsRepo {
  return {
    async list() {
      return (await db.selectFrom('tenants').selectAll().orderBy('id').execute()).map(toTenant);
    },
    async get(id) {
      const r = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toTenant(r) : undefined;
    },
    async put(t, now) {
      const nowIso = now.toISOString();
      const values = {
        name: t.name,
        kind: t.kind,
        profile: t.profile,
        channels: JSON.stringify(t.channels.length > 0 ? t.channels : CHANNELS),
        contact: t.contact === null ? null : JSON.stringify(t.contact),
        senders: JSON.stringify(t.senders),
        events: t.events === null ? null : JSON.stringify(t.events),
        retention_years: t.retentionYears ?? null,
        updated_at: nowIso,
      };
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('tenants').select('created_at').where('id', '=', t.id).executeTakeFirst();
        if (before) await trx.updateTable('tenants').set(values).where('id', '=', t.id).execute();
        else
          await trx
            .insertInto('tenants')
            .values({ id: t.id, ...values, created_at: nowIso })
            .execute();
        const row = await trx.selectFrom('tenants').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
        return { tenant: toTenant(row), created: !before };
      });
    },
  };
}
