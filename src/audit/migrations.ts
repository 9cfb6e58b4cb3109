/** One set of migrations for SQLite and PostgreSQL, written with kysely's schema builder. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './db.js';

// eslint-disable-next-line max-lines-per-function -- the schema's history, one step after another: read top to bottom, never split
function migrations(dialect: Dialect): Record<string, Migration> {
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0001-initial': {
      // eslint-disable-next-line max-lines-per-function -- the initial schema, table by table
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('borrowers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text')
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('timezone', 'text')
          .addColumn('phone', 'text')
          .addColumn('email', 'text')
          .addColumn('consent', 'text', (c) => c.notNull())
          .addColumn('opt_outs', 'text', (c) => c.notNull())
          .addColumn('blackouts', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('reminders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('external_id', 'text')
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('borrower_id', 'text', (c) => c.notNull().references('borrowers.id'))
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('template', 'text', (c) => c.notNull())
          .addColumn('debt', 'text', (c) => c.notNull())
          .addColumn('send_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('metadata', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('reminders_client_external_uq', ['client_id', 'external_id'])
          .execute();
        await db.schema.createIndex('reminders_borrower_ix').on('reminders').column('borrower_id').execute();

        await db.schema
          .createTable('messages')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('reminder_id', 'text', (c) => c.notNull().references('reminders.id'))
          .addColumn('borrower_id', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('template', 'text', (c) => c.notNull())
          .addColumn('template_version', 'text')
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('to_addr', 'text', (c) => c.notNull())
          .addColumn('subject', 'text')
          .addColumn('body', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('provider', 'text')
          .addColumn('provider_id', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('error_code', 'text')
          .addColumn('error_message', 'text')
          .addColumn('send_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('messages_reminder_ix').on('messages').column('reminder_id').execute();
        await db.schema.createIndex('messages_borrower_ix').on('messages').columns(['borrower_id', 'created_at']).execute();
        await db.schema.createIndex('messages_status_ix').on('messages').columns(['status', 'created_at']).execute();
        await db.schema.createIndex('messages_provider_ix').on('messages').column('provider_id').execute();

        await db.schema
          .createTable('events')
          .addColumn('id', sql.raw(autoId), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('chain', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('message_id', 'text')
          .addColumn('borrower_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addUniqueConstraint('events_chain_seq_uq', ['chain', 'seq'])
          .execute();
        await db.schema.createIndex('events_message_ix').on('events').column('message_id').execute();
        await db.schema.createIndex('events_borrower_ix').on('events').columns(['borrower_id', 'at']).execute();

        await db.schema
          .createTable('outbox')
          .addColumn('id', sql.raw(autoId), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('to_addr', 'text', (c) => c.notNull())
          .addColumn('subject', 'text')
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002-contact-and-template-versions': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('reminders').addColumn('contact', 'text').execute();
        await db.schema.alterTable('messages').addColumn('render_data', 'text').execute();
        await db.schema
          .createTable('template_versions')
          .addColumn('version', 'text', (c) => c.primaryKey())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('sources', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0003-chain-heads-keys-reads': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('events').addColumn('ref_chain', 'text').execute();
        await db.schema.createIndex('events_ref_chain_ix').on('events').column('ref_chain').execute();
        await db.schema
          .createTable('chain_heads')
          .addColumn('chain', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into chain_heads (chain, seq, hash) select e.chain, e.seq, e.hash from events e where e.seq = (select max(e2.seq) from events e2 where e2.chain = e.chain)`.execute(db);
        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull().unique())
          .addColumn('label', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('audit_reads')
          .addColumn('id', sql.raw(autoId), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('filter', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('messages_created_ix').on('messages').columns(['created_at', 'id']).execute();
      },
    },
    '0004-retention': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('borrowers').addColumn('erased_at', 'text').execute();
        await db.schema.createIndex('messages_borrower_updated_ix').on('messages').columns(['borrower_id', 'updated_at']).execute();
      },
    },
    '0005-relay-cursor': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('relay_cursor')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('last_id', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('events_type_ix').on('events').columns(['type', 'id']).execute();
      },
    },
    '0006-strategy': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('strategy_accounts')
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('account_ref', 'text', (c) => c.notNull())
          .addColumn('borrower_id', 'text', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('why', 'text', (c) => c.notNull())
          .addColumn('days_overdue', 'integer', (c) => c.notNull())
          .addColumn('entered_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('plan', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('strategy_accounts_pk', ['client_id', 'account_ref'])
          .execute();
        await db.schema.createIndex('strategy_accounts_borrower_ix').on('strategy_accounts').column('borrower_id').execute();
        await db.schema.createIndex('reminders_external_ix').on('reminders').column('external_id').execute();
      },
    },
    '0007-leaner-event-indexes': {
      async up(db: Kysely<unknown>) {
        // Every read of events goes by chain (the unique key), borrower, registry reference or
        // id; these two indexes only slowed bulk intake.
        await db.schema.dropIndex('events_message_ix').execute();
        await db.schema.dropIndex('events_type_ix').execute();
        // Messages by borrower go through (borrower_id, updated_at); callbacks find their
        // message by id; strategy steps by (client_id, external_id) ranges.
        await db.schema.dropIndex('messages_borrower_ix').execute();
        await db.schema.dropIndex('messages_provider_ix').execute();
        await db.schema.dropIndex('reminders_external_ix').execute();
      },
    },
    '0008-webhook-receipts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('webhook_receipts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0009-suppressions-and-content': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('suppressions')
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('suppressions_pk', ['tenant', 'address', 'channel'])
          .execute();
        await db.schema
          .createTable('event_content')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('borrower_id', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('text', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('erased_at', 'text')
          .execute();
        await db.schema.createIndex('event_content_borrower_ix').on('event_content').column('borrower_id').execute();
        // Opt-outs by address find every borrower that carries it.
        await db.schema.createIndex('borrowers_phone_ix').on('borrowers').column('phone').execute();
        await db.schema.createIndex('borrowers_email_ix').on('borrowers').column('email').execute();
      },
    },
    '0010-outbound-deliveries': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('outbound_deliveries')
          .addColumn('event_id', 'text', (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('error', 'text')
          .execute();
      },
    },
    '0011-suppressions-from-borrower-opt-outs': {
      async up(db: Kysely<unknown>) {
        // Opt-outs kept on borrower rows before the list existed belong to their addresses too
        // (their borrower.opted_out events are already on the borrowers' chains).
        const k = db as unknown as Kysely<Database>;
        const rows = await k.selectFrom('borrowers').select(['phone', 'email', 'opt_outs', 'updated_at']).where('opt_outs', '!=', '[]').execute();
        for (const r of rows) {
          for (const o of JSON.parse(r.opt_outs) as Array<{ channel: string; source?: string; at?: string }>) {
            const address = o.channel === 'email' ? r.email?.toLowerCase() : r.phone;
            if (!address) continue;
            await k
              .insertInto('suppressions')
              .values({ tenant: 'default', address, channel: o.channel, source: 'borrower-opt-out', detail: o.source ?? null, actor: 'migration', at: o.at ?? r.updated_at })
              .onConflict((oc) => oc.columns(['tenant', 'address', 'channel']).doNothing())
              .execute();
          }
        }
      },
    },
    '0012-suppression-chains': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('suppressions').addColumn('chain', 'text').execute();
      },
    },
    '0013-store-is-the-schedule': {
      async up(db: Kysely<unknown>) {
        // due_at: when a message is next due; the feeder reads (status, due_at) in order.
        await db.schema.alterTable('messages').addColumn('due_at', 'text').execute();
        await db.schema
          .alterTable('messages')
          .addColumn('job_seq', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await sql`update messages set due_at = send_at`.execute(db);
        await db.schema.createIndex('messages_due_ix').on('messages').columns(['status', 'due_at']).execute();
        await db.schema
          .createTable('leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('holder', 'text')
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('last_run_at', 'text')
          .execute();
      },
    },
    '0014-event-transactions': {
      async up(db: Kysely<unknown>) {
        if (dialect === 'postgres') {
          // Every event records its transaction; rows already there get this migration's, and
          // the relay's cursor is put at that transaction, so nothing is relayed twice.
          await sql`alter table events add column txid bigint default (pg_current_xact_id()::text::bigint)`.execute(db);
          await sql`alter table relay_cursor add column last_tx bigint not null default 0`.execute(db);
          await sql`update relay_cursor set last_tx = pg_current_xact_id()::text::bigint`.execute(db);
          await sql`create index events_txid_ix on events (txid, id)`.execute(db);
        } else {
          await db.schema.alterTable('events').addColumn('txid', 'integer').execute();
          await db.schema
            .alterTable('relay_cursor')
            .addColumn('last_tx', 'integer', (c) => c.notNull().defaultTo(0))
            .execute();
        }
      },
    },
    '0015-tenants': {
      async up(db: Kysely<unknown>) {
        // Tenants, the tenant of each key (null: the default tenant for collector and agent keys,
        // deployment-wide for compliance and admin), and of each message (for the feeder's turns
        // and the audit's filters). Rows already there are the default tenant's.
        await db.schema
          .createTable('tenants')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('profile', 'text')
          .addColumn('channels', 'text', (c) => c.notNull())
          .addColumn('contact', 'text')
          .addColumn('senders', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('api_keys').addColumn('tenant', 'text').execute();
        await db.schema.alterTable('audit_reads').addColumn('tenant', 'text').execute();
        await db.schema
          .alterTable('messages')
          .addColumn('tenant', 'text', (c) => c.notNull().defaultTo('default'))
          .execute();
        await db.schema.createIndex('messages_tenant_due_ix').on('messages').columns(['tenant', 'status', 'due_at']).execute();
      },
    },
    '0016-outcomes': {
      async up(db: Kysely<unknown>) {
        // Payments and promises the collection system reports, by account; reminders find their
        // account by it; messages record the experiment and arm they were sent in.
        await db.schema.alterTable('reminders').addColumn('account_ref', 'text').execute();
        const accountOf = dialect === 'postgres' ? sql`(debt::json ->> 'accountRef')` : sql`json_extract(debt, '$.accountRef')`;
        await sql`update reminders set account_ref = ${accountOf}`.execute(db);
        await db.schema.createIndex('reminders_account_ix').on('reminders').columns(['account_ref']).execute();
        await db.schema.alterTable('messages').addColumn('experiment', 'text').execute();
        await db.schema.alterTable('messages').addColumn('arm', 'text').execute();
        await db.schema.createIndex('messages_experiment_ix').on('messages').columns(['experiment', 'arm']).execute();
        await db.schema
          .createTable('outcomes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('caller_id', 'text', (c) => c.notNull())
          .addColumn('account_ref', 'text', (c) => c.notNull())
          .addColumn('borrower_id', 'text', (c) => c.notNull())
          .addColumn('amount', 'text')
          .addColumn('currency', 'text')
          .addColumn('full', 'integer')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('promised_for', 'text')
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('outcomes_tenant_at_ix').on('outcomes').columns(['tenant', 'at']).execute();
        await db.schema.createIndex('outcomes_borrower_ix').on('outcomes').columns(['borrower_id', 'at']).execute();
      },
    },
    '0017-experiment-report-index': {
      async up(db: Kysely<unknown>) {
        // The experiment report groups an experiment's messages by arm and borrower: this index
        // holds every column it reads, in that order, so the database reads it alone and in order
        // (no sort). Partial: messages outside experiments do not pay for it on their updates.
        await db.schema
          .createIndex('messages_experiment_report_ix')
          .on('messages')
          .columns(['experiment', 'arm', 'borrower_id', 'send_at', 'status', 'channel', 'tenant'])
          .where(sql.ref('experiment'), 'is not', null)
          .execute();
      },
    },
    '0018-keys-per-purpose': {
      async up(db: Kysely<unknown>) {
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
      },
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<void> {
  await migrateStore(db, dialect, schema);
}

/**
 * Migrates to the latest version, or up to and including `to` (tests of a migration start from
 * the one before it). On PostgreSQL, processes starting at once take turns: kysely's own lock
 * covers the migrations but not the checks and table creation before it, so one advisory lock
 * per schema, held on one connection, serialises the whole run.
 */
export async function migrateStore(db: Kysely<Database>, dialect: Dialect, schema?: string, to?: string): Promise<void> {
  if (dialect !== 'postgres') return runMigrator(db, dialect, schema, to);
  await db.connection().execute(async (conn) => {
    const key = `reminder-dispatch:migrations:${schema ?? 'public'}`;
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      await runMigrator(conn, dialect, schema, to);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

async function runMigrator(db: Kysely<Database>, dialect: Dialect, schema: string | undefined, to: string | undefined): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // With a schema of our own, kysely must look for its bookkeeping tables there (not in any schema).
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`audit store migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
