/**
 * The schema a store has, as text to compare: on SQLite every `sqlite_master` entry with its SQL
 * as stored; on PostgreSQL the catalogue's columns, constraints and indexes of the current schema
 * (its name written `<schema>`). Both end with the migrations recorded as run.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../src/store/db.js';

export async function dumpSchema<DB>(db: Kysely<DB>, dialect: Dialect): Promise<string> {
  const body = dialect === 'postgres' ? await dumpPostgres(db) : await dumpSqlite(db);
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return [...body, '', '-- migrations run', ...rows.map((r) => r.name), ''].join('\n');
}

async function dumpSqlite<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
    select type, name, tbl_name, sql from sqlite_master order by tbl_name, type desc, name`.execute(db);
  return rows.map((r) => `${r.type} ${r.name} on ${r.tbl_name}: ${r.sql ?? '(implicit)'}`);
}

async function dumpPostgres<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows: schemaRows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  const schema = schemaRows[0]!.s;
  const { rows: columns } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const { rows: constraints } = await sql<{ table_name: string; conname: string; def: string }>`
    select c.relname as table_name, k.conname, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.connamespace = current_schema()::regnamespace order by c.relname, k.conname`.execute(db);
  const { rows: indexes } = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() order by tablename, indexname`.execute(
    db,
  );
  const unschema = (s: string) => s.split(`${schema}.`).join('<schema>.');
  return [
    '-- columns',
    ...columns.map(
      (c) =>
        `${c.table_name}.${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}${c.column_default === null ? '' : ` default ${unschema(c.column_default)}`}`,
    ),
    '',
    '-- constraints',
    ...constraints.map((c) => `${c.table_name} ${c.conname}: ${unschema(c.def)}`),
    '',
    '-- indexes',
    ...indexes.map((i) => `${i.tablename} ${i.indexname}: ${unschema(i.indexdef)}`),
  ];
}
