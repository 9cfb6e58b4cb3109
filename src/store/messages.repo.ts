/** Messages and their reminders: reads, state transitions (each with its event), and the reconciler's queries. */
import type { Kysely } from 'kysely';
import type { Dialect } from './db.js';
import type { BorrowersTable, Database, RemindersTable } from './schema.js';
import type { AuditStore, MessageWithContext } from './audit-store.js';
import { appendEventsBulk, type BulkLink, headOfRow } from './event-chain.js';
import { messageChain } from './hash-chain.js';
import { messagesOf } from './intake.repo.js';
import { type Conn, toBorrower, toEvent, toMessage, toReminder, transitionIn } from './rows.js';
import type { TransitionInput } from './store-types.js';
import { JOB_STATUSES, PENDING_STATUSES } from '../domain/index.js';

const REMINDER_COLUMNS = [
  'id',
  'client_id',
  'external_id',
  'request_hash',
  'borrower_id',
  'channel',
  'template',
  'debt',
  'send_at',
  'expires_at',
  'metadata',
  'contact',
  'created_at',
  'account_ref',
] as const satisfies readonly (keyof RemindersTable)[];
const BORROWER_COLUMNS = [
  'id',
  'name',
  'locale',
  'timezone',
  'phone',
  'email',
  'consent',
  'opt_outs',
  'blackouts',
  'status',
  'created_at',
  'updated_at',
  'erased_at',
  'region',
  'language_preference',
  'language_recorded_at',
] as const satisfies readonly (keyof BorrowersTable)[];

// Every column, checked by the compiler: a column added to a table must be added here too.
type Missing<T, C extends readonly (keyof T)[]> = Exclude<keyof T, C[number]>;
const allColumns: [
  Missing<RemindersTable, typeof REMINDER_COLUMNS>,
  Missing<BorrowersTable, typeof BORROWER_COLUMNS>,
] extends [never, never]
  ? true
  : false = true;
void allColumns;

/** One round trip for what sends need: each message with its reminder and borrower, in the order asked (undefined: none). */
async function remindersOfMessages(
  db: Kysely<Database>,
  messageIds: readonly string[],
): Promise<Array<MessageWithContext | undefined>> {
  if (messageIds.length === 0) return [];
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('reminders as r', 'r.id', 'm.reminder_id')
    .innerJoin('borrowers as b', 'b.id', 'm.borrower_id')
    .selectAll('m')
    .select(REMINDER_COLUMNS.map((c) => `r.${c} as r_${c}` as const))
    .select(BORROWER_COLUMNS.map((c) => `b.${c} as b_${c}` as const))
    .where('m.id', 'in', [...new Set(messageIds)])
    .execute();
  const byId = new Map(
    rows.map((row) => {
      const picked = <T>(prefix: string, columns: readonly string[]) =>
        Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[`${prefix}${c}`]])) as T;
      return [
        row.id,
        {
          reminder: toReminder(picked<RemindersTable>('r_', REMINDER_COLUMNS)),
          message: toMessage(row),
          borrower: toBorrower(picked<BorrowersTable>('b_', BORROWER_COLUMNS)),
        },
      ];
    }),
  );
  return messageIds.map((id) => byId.get(id));
}

export function makeMessagesRepo(
  db: Kysely<Database>,
): Pick<
  AuditStore,
  | 'getReminder'
  | 'getMessage'
  | 'getReminderOfMessage'
  | 'getRemindersOfMessages'
  | 'listEvents'
  | 'pendingMessages'
  | 'getRenderData'
  | 'remindersByExternalIds'
  | 'remindersByExternalPrefix'
> {
  return {
    async getReminder(id) {
      const row = await db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return { reminder: toReminder(row), messages: await messagesOf(db, id) };
    },

    async getMessage(id) {
      const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },

    async getReminderOfMessage(messageId) {
      return (await remindersOfMessages(db, [messageId]))[0];
    },

    getRemindersOfMessages: (messageIds) => remindersOfMessages(db, messageIds),

    async listEvents(messageId) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('chain', '=', messageChain(messageId))
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },

    async pendingMessages(borrowerId, channel) {
      let q = db
        .selectFrom('messages')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .where('status', 'in', [...PENDING_STATUSES]);
      if (channel) q = q.where('channel', '=', channel);
      return (await q.orderBy('created_at').execute()).map(toMessage);
    },

    async getRenderData(messageId) {
      const row = await db.selectFrom('messages').select('render_data').where('id', '=', messageId).executeTakeFirst();
      return row?.render_data
        ? (JSON.parse(row.render_data) as {
            context: Record<string, unknown>;
            timezone: string | null;
            stopKeyAction?: string;
          })
        : undefined;
    },

    async remindersByExternalIds(clientId, externalIds) {
      if (externalIds.length === 0) return [];
      const rows = await db
        .selectFrom('reminders')
        .select(['id', 'external_id'])
        .where('client_id', '=', clientId)
        .where('external_id', 'in', externalIds)
        .execute();
      return rows.map((r) => ({ id: r.id, externalId: r.external_id! }));
    },

    async remindersByExternalPrefix(clientId, prefix) {
      // A range on (client_id, external_id): the unique index serves it.
      const rows = await db
        .selectFrom('reminders')
        .select(['id', 'external_id'])
        .where('client_id', '=', clientId)
        .where('external_id', '>=', prefix)
        .where('external_id', '<', `${prefix}\uffff`)
        .execute();
      return rows.map((r) => ({ id: r.id, externalId: r.external_id! }));
    },
  };
}

/** A message's moves between states, each with its event; and what the reconciler looks for. */
export function makeTransitionsRepo(
  db: Kysely<Database>,
  dialect: Dialect,
): Pick<AuditStore, 'transition' | 'transitionMany' | 'findAccepted' | 'findAwaitingJob'> {
  return {
    async transition(messageId, input, now) {
      return db.transaction().execute((trx) => transitionIn(trx, dialect, messageId, input, now.toISOString()));
    },

    async transitionMany(messageIds, input, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const moved: string[] = [];
        if (input.patch || input.orSendingSince) {
          for (const id of messageIds) if (await transitionIn(trx, dialect, id, input, nowIso)) moved.push(id);
          return moved;
        }
        return bulkTransitionIn(trx, dialect, messageIds, input, nowIso);
      });
    },

    async findAccepted(before, limit) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('status', '=', 'accepted')
        .where('created_at', '<', before.toISOString())
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async findAwaitingJob(afterId, limit, dueBy) {
      let q = db
        .selectFrom('messages')
        .selectAll()
        .where('status', 'in', [...JOB_STATUSES])
        .where('id', '>', afterId);
      if (dueBy) q = q.where('due_at', '<=', dueBy.toISOString());
      return (await q.orderBy('id').limit(limit).execute()).map(toMessage);
    },
  };
}

/** A plain state change for many messages (no patch): one update per 500, which locks the rows, and the events in bulk. */
export async function bulkTransitionIn(
  trx: Conn,
  dialect: Dialect,
  messageIds: string[],
  input: TransitionInput,
  nowIso: string,
): Promise<string[]> {
  const moved: string[] = [];
  const links: BulkLink[] = [];
  for (let i = 0; i < messageIds.length; i += 500) {
    const rows = await trx
      .updateTable('messages')
      .set({ status: input.to, updated_at: nowIso })
      .where('id', 'in', messageIds.slice(i, i + 500))
      .where('status', 'in', [...input.from])
      .returning(['id', 'borrower_id', 'chain_seq', 'chain_hash'])
      .execute();
    for (const r of rows) {
      moved.push(r.id);
      links.push({
        pos: { chain: messageChain(r.id), messageId: r.id, borrowerId: r.borrower_id, now: nowIso, head: headOfRow(r) },
        input: { type: input.type, actor: input.actor, data: input.data ?? {} },
      });
    }
  }
  await appendEventsBulk(trx, dialect, links);
  return moved;
}
