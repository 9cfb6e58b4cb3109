/**
 * The compliance side of the audit store: search with keyset pagination (newest first; export
 * reads these pages, heavy-reads.ts), a borrower's timeline, and the log of who read what.
 */
import { outcomeOf, STAT_OUTCOMES, type StatOutcome } from '../domain/statuses.js';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { toMessage } from './rows.js';
import type { Database } from './schema.js';
import type { AuditEvent, Message } from '../domain/index.js';

export interface MessageFilter {
  /** Only this tenant's messages (undefined: every tenant's). */
  tenant?: string | undefined;
  borrowerId?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  template?: string | undefined;
  /** created_at ≥ from */
  from?: string | undefined;
  /** created_at < to */
  to?: string | undefined;
}

export interface Cursor {
  createdAt: string;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

export function decodeCursor(s: string): Cursor | undefined {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof createdAt === 'string' && typeof id === 'string' ? { createdAt, id } : undefined;
  } catch {
    return undefined;
  }
}

type MessagesQuery = SelectQueryBuilder<Database, 'messages', object>;

function filtered(db: Kysely<Database>, f: MessageFilter): MessagesQuery {
  let q = db.selectFrom('messages') as MessagesQuery;
  if (f.tenant) q = q.where('tenant', '=', f.tenant);
  if (f.borrowerId) q = q.where('borrower_id', '=', f.borrowerId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.template) q = q.where('template', '=', f.template);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  return q;
}

/** One page, newest first, after the cursor. */
export async function searchMessages(
  db: Kysely<Database>,
  f: MessageFilter,
  limit: number,
  cursor?: Cursor,
): Promise<MessagePage> {
  let q = filtered(db, f).selectAll();
  if (cursor)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]),
    );
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => toMessage(r as Database['messages']));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

export interface TimelineEntry {
  message: Message | null;
  event: Omit<AuditEvent, 'prevHash' | 'hash'>;
}

/** Every event of the borrower (message and borrower chains), newest first, with its message. */
export async function borrowerTimeline(
  db: Kysely<Database>,
  borrowerId: string,
  limit: number,
): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('borrower_id', '=', borrowerId)
    .where('chain', 'not like', 'r:%')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const messageIds = [...new Set(events.map((e) => e.message_id).filter((id): id is string => id !== null))];
  const messages = new Map(
    messageIds.length
      ? (await db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute()).map((m) => [
          m.id,
          toMessage(m as Database['messages']),
        ])
      : [],
  );
  return events.map((e) => ({
    message: e.message_id ? (messages.get(e.message_id) ?? null) : null,
    event: {
      chain: e.chain,
      seq: Number(e.seq),
      messageId: e.message_id,
      borrowerId: e.borrower_id,
      type: e.type,
      at: e.at,
      actor: e.actor,
      data: JSON.parse(e.data) as Record<string, unknown>,
    },
  }));
}

export interface AuditRead {
  keyId: string;
  role: string;
  /** The reading key's tenant (null: a deployment-wide key). */
  tenant?: string | null;
  action: string;
  target: string | null;
  filter: Record<string, unknown>;
}

export async function recordRead(db: Kysely<Database>, read: AuditRead, now: Date): Promise<void> {
  await db
    .insertInto('audit_reads')
    .values({
      key_id: read.keyId,
      role: read.role,
      tenant: read.tenant ?? null,
      action: read.action,
      target: read.target,
      filter: JSON.stringify(read.filter),
      at: now.toISOString(),
    })
    .execute();
}

/** A recorded read: who read what, when. */
export interface RecordedRead {
  id: number;
  keyId: string;
  role: string;
  /** The reading key's tenant (null: a deployment-wide key, or a read before tenants). */
  tenant: string | null;
  action: string;
  target: string | null;
  filter: Record<string, unknown>;
  at: string;
}

/** A page of messages, newest first, and where the next one starts (null: none). */
export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

/** The newest reads first; with a tenant, only reads by that tenant's keys. */
export async function listReads(
  db: Kysely<Database>,
  limit: number,
  beforeId?: number,
  tenant?: string,
): Promise<RecordedRead[]> {
  let q = db.selectFrom('audit_reads').selectAll().orderBy('id', 'desc').limit(limit);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  if (tenant !== undefined) q = q.where('tenant', '=', tenant);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    keyId: r.key_id,
    role: r.role,
    tenant: r.tenant,
    action: r.action,
    target: r.target,
    filter: JSON.parse(r.filter) as Record<string, unknown>,
    at: r.at,
  }));
}

export { outcomeOf, STAT_OUTCOMES, type StatOutcome };

export interface StatRow {
  /** The hour the messages were accepted, UTC, `YYYY-MM-DDTHH`. */
  hour: string;
  channel: string;
  status: string;
  /** For suppressed messages: the policy's reason (from the `suppressed` event). */
  reason: string | null;
  n: number;
}

/**
 * Messages accepted in [from, to), counted by UTC hour, channel, status and suppression reason:
 * one range over the (created_at, id) index, and a lookup of the `suppressed` event only for
 * suppressed messages. The caller folds hours into days in the zone it is asked for.
 */
export async function messageStats(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  from: string,
  to: string,
  tenant?: string,
): Promise<StatRow[]> {
  const reason =
    dialect === 'postgres'
      ? sql<string | null>`(e.data::json ->> 'reason')`
      : sql<string | null>`json_extract(e.data, '$.reason')`;
  const hour = sql<string>`substr(m.created_at, 1, 13)`;
  let q = db
    .selectFrom('messages as m')
    .leftJoin('events as e', (j) =>
      j.on(sql<boolean>`m.status = 'suppressed' and e.chain = 'm:' || m.id and e.type = 'suppressed'`),
    )
    .select([hour.as('hour'), 'm.channel', 'm.status', reason.as('reason'), sql<number>`count(*)`.as('n')])
    .where('m.created_at', '>=', from)
    .where('m.created_at', '<', to);
  if (tenant) q = q.where('m.tenant', '=', tenant);
  const rows = await q.groupBy([hour, 'm.channel', 'm.status', reason]).execute();
  return rows.map((r) => ({
    hour: r.hour,
    channel: r.channel,
    status: r.status,
    reason: r.reason ?? null,
    n: Number(r.n),
  }));
}
