/** 0001-initial: the first schema, borrowers, their reminders and messages, the hash-chained events and the outbox. */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

/** An id the database numbers: bigserial on PostgreSQL, integer (with autoincrement) on SQLite. */
const autoId = (dialect: Dialect) => (dialect === 'postgres' ? 'bigserial' : 'integer');

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await borrowers(db);
  await reminders(db);
  await messages(db);
  await events(db, dialect);
  await outbox(db, dialect);
}

async function borrowers(db: Kysely<unknown>): Promise<void> {
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
}

async function reminders(db: Kysely<unknown>): Promise<void> {
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
}

async function messages(db: Kysely<unknown>): Promise<void> {
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
}

async function events(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', sql.raw(autoId(dialect)), (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
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
}

async function outbox(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', sql.raw(autoId(dialect)), (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_addr', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
