/**
 * Accepting reminders: one transaction for a batch, in named steps. Every item is resolved
 * against its borrower as it will be before anything is written, so an invalid item leaves no
 * trace (not even its borrower); a repeated idempotency key answers with the original.
 */
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Kysely } from 'kysely';
import type { Borrower, Message } from '../domain/index.js';
import type { Dialect } from './db.js';
import { type BulkLink, planLinks, writeLinks } from './event-chain.js';
import { messageChain } from './hash-chain.js';
import {
  applyPatch,
  borrowerRow,
  type Conn,
  json,
  newBorrower,
  toBorrower,
  toMessage,
  toReminder,
  upsertBorrowerIn,
} from './rows.js';
import type { Database, MessagesTable, RemindersTable } from './schema.js';
import type { AcceptResult, BorrowerPatch, NewMessage, NewReminder } from './store-types.js';

type Resolved =
  | { item: NewReminder; messages: NewMessage[] }
  | { invalid: { path: string; message: string } }
  | { earlier: RemindersTable; item: NewReminder };

export async function messagesOf(conn: Conn, reminderId: string): Promise<Message[]> {
  const rows = await conn
    .selectFrom('messages')
    .selectAll()
    .where('reminder_id', '=', reminderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toMessage);
}

/** The borrowers the items name, and the reminders their idempotency keys already have. */
async function readKnown(trx: Conn, items: NewReminder[], clientId: string) {
  const ids = [...new Set(items.map((i) => i.borrower.id))];
  const known = new Map<string, Borrower>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await trx
      .selectFrom('borrowers')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      known.set(row.id, toBorrower(row));
  }
  const keys = [...new Set(items.map((i) => i.externalId).filter((k): k is string => k !== null))];
  const earlier = new Map<string, RemindersTable>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const row of await trx
      .selectFrom('reminders')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('external_id', 'in', keys.slice(i, i + 500))
      .execute())
      earlier.set(row.external_id!, row);
  }
  return { known, earlier };
}

/** Each item against its borrower as it will be (stored row + earlier items' inline data + its own). */
function resolveItems(
  items: NewReminder[],
  known: Map<string, Borrower>,
  earlier: Map<string, RemindersTable>,
  nowIso: string,
) {
  const patches = new Map<string, BorrowerPatch>();
  const resolved: Resolved[] = [];
  for (const item of items) {
    const id = item.borrower.id;
    const original = item.externalId !== null ? earlier.get(item.externalId) : undefined;
    if (original) {
      resolved.push({ earlier: original, item });
      continue;
    }
    const base = known.get(id) ?? (patches.has(id) ? newBorrower(id, nowIso) : undefined);
    if (!base && !item.upsertBorrower) {
      resolved.push({
        invalid: {
          path: 'borrowerId',
          message: `no borrower with id "${id}": send the borrower inline or create it with PUT /v1/borrowers/:id`,
        },
      });
      continue;
    }
    const pending = patches.get(id);
    const merged = applyPatch(
      applyPatch(base ?? newBorrower(id, nowIso), pending, nowIso),
      item.upsertBorrower ? item.borrower : undefined,
      nowIso,
    );
    const messages = item.messages(merged);
    if (!Array.isArray(messages)) {
      resolved.push({ invalid: messages.error });
      continue;
    }
    if (item.upsertBorrower)
      patches.set(id, { ...pending, ...item.borrower, consent: { ...pending?.consent, ...item.borrower.consent } });
    resolved.push({ item, messages });
  }
  return { patches, resolved };
}

/**
 * Items of one group (the steps of one account's cadence) stand or fall together: if one is
 * invalid, every one of them is, with its reason, and the others are resolved without them (their
 * borrower patches included).
 */
function resolveGroups(
  items: NewReminder[],
  known: Map<string, Borrower>,
  earlier: Map<string, RemindersTable>,
  nowIso: string,
) {
  const first = resolveItems(items, known, earlier, nowIso);
  const failed = new Map<string, { path: string; message: string }>();
  first.resolved.forEach((e, i) => {
    const group = items[i]!.group;
    if (group !== undefined && 'invalid' in e && !failed.has(group)) failed.set(group, e.invalid);
  });
  if (failed.size === 0) return first;
  const kept = items.filter((item) => item.group === undefined || !failed.has(item.group));
  const second = resolveItems(kept, known, earlier, nowIso);
  let k = 0;
  const resolved: Resolved[] = items.map((item) =>
    item.group !== undefined && failed.has(item.group) ? { invalid: failed.get(item.group)! } : second.resolved[k++]!,
  );
  return { patches: second.patches, resolved };
}

/**
 * Borrowers in id order, so concurrent batches lock rows in the same order. New ones are inserted
 * in bulk (built in memory); known ones, or any a concurrent request just created, one by one.
 */
async function writeBorrowers(
  trx: Conn,
  dialect: Dialect,
  patches: Map<string, BorrowerPatch>,
  known: Map<string, Borrower>,
  nowIso: string,
): Promise<Map<string, Borrower>> {
  const borrowers = new Map<string, Borrower>(known);
  const newIds = [...patches.keys()].filter((id) => !known.has(id)).sort();
  const fresh = new Map(newIds.map((id) => [id, applyPatch(newBorrower(id, nowIso), patches.get(id), nowIso)]));
  const inserted = new Set<string>();
  for (let i = 0; i < newIds.length; i += 100) {
    const values = newIds.slice(i, i + 100).map((id) => borrowerRow(fresh.get(id)!, nowIso));
    for (const r of await trx
      .insertInto('borrowers')
      .values(values)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute())
      inserted.add(r.id);
  }
  for (const id of newIds) if (inserted.has(id)) borrowers.set(id, fresh.get(id)!);
  for (const id of [...patches.keys()].sort()) {
    if (!inserted.has(id)) borrowers.set(id, (await upsertBorrowerIn(trx, dialect, patches.get(id)!, nowIso)).borrower);
  }
  return borrowers;
}

/** Reminders in bulk; a key taken meanwhile (a concurrent repeat) is answered by the caller. */
async function insertReminders(trx: Conn, items: NewReminder[], clientId: string, nowIso: string) {
  const values = new Map<string, RemindersTable>();
  for (const item of items) {
    values.set(item.id, {
      id: item.id,
      client_id: clientId,
      external_id: item.externalId,
      request_hash: item.requestHash,
      borrower_id: item.borrower.id,
      channel: item.channel,
      template: item.template,
      debt: json(item.debt),
      send_at: item.sendAt,
      expires_at: item.expiresAt,
      metadata: item.metadata === null ? null : json(item.metadata),
      contact: item.contact ? json(item.contact) : null,
      created_at: nowIso,
      account_ref: item.debt.accountRef,
    });
  }
  const inserted = new Set<string>();
  const all = [...values.values()];
  for (let i = 0; i < all.length; i += 100) {
    for (const r of await trx
      .insertInto('reminders')
      .values(all.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['client_id', 'external_id']).doNothing())
      .returning('id')
      .execute())
      inserted.add(r.id);
  }
  return { values, inserted };
}

function messageRow(m: NewMessage, reminderId: string, borrowerId: string, nowIso: string): MessagesTable {
  return {
    id: m.id,
    reminder_id: reminderId,
    borrower_id: borrowerId,
    channel: m.channel,
    template: m.template,
    template_version: null,
    locale: m.locale,
    to_addr: m.to,
    subject: null,
    body: null,
    status: m.status ?? 'accepted',
    provider: null,
    provider_id: null,
    route: null,
    attempts: 0,
    error_code: null,
    error_message: null,
    send_at: m.sendAt,
    due_at: m.sendAt,
    job_seq: 0,
    created_at: nowIso,
    updated_at: nowIso,
    render_data: null,
    tenant: tenantOfBorrowerKey(borrowerId),
    experiment: m.experiment ?? null,
    arm: m.arm ?? null,
    // Set from the batch's events before the rows are inserted (0027).
    chain_seq: null,
    chain_hash: null,
  };
}

/** A reminder whose key another request took: the original, or a conflict if the bodies differ. */
async function answerRepeat(trx: Conn, original: RemindersTable, requestHash: string): Promise<AcceptResult> {
  return original.request_hash === requestHash
    ? { kind: 'repeat', reminder: toReminder(original), messages: await messagesOf(trx, original.id) }
    : { kind: 'conflict', reminderId: original.id };
}

export function makeIntakeRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    async acceptReminders(items: NewReminder[], clientId: string, now: Date, actor: string): Promise<AcceptResult[]> {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const { known, earlier } = await readKnown(trx, items, clientId);
        const { patches, resolved } = resolveGroups(items, known, earlier, nowIso);
        const borrowers = await writeBorrowers(trx, dialect, patches, known, nowIso);
        const fresh = resolved.flatMap((e) => ('messages' in e ? [e.item] : []));
        const reminders = await insertReminders(trx, fresh, clientId, nowIso);
        const rows: MessagesTable[] = [];
        const links: BulkLink[] = [];
        const results: AcceptResult[] = [];
        const repeats: Array<{ at: number; item: NewReminder }> = [];
        for (const entry of resolved) {
          if ('invalid' in entry) results.push({ kind: 'invalid', ...entry.invalid });
          else if ('earlier' in entry) results.push(await answerRepeat(trx, entry.earlier, entry.item.requestHash));
          else if (!reminders.inserted.has(entry.item.id)) {
            // Its key was taken by another request: answered once this batch's messages are written,
            // since the original may be an earlier item of this very batch (concurrent requests with
            // one Idempotency-Key accepted together), whose messages are not inserted yet.
            repeats.push({ at: results.length, item: entry.item });
            results.push(undefined as unknown as AcceptResult);
          } else {
            const { item } = entry;
            const borrowerId = borrowers.get(item.borrower.id)!.id;
            const created = entry.messages.map((m) => messageRow(m, item.id, borrowerId, nowIso));
            rows.push(...created);
            for (const m of entry.messages) {
              const pos = { chain: messageChain(m.id), messageId: m.id, borrowerId, now: nowIso, isNew: true };
              links.push({
                pos,
                // The first event names the first state: `accepted`, or `scheduled` for one due beyond the horizon.
                input: {
                  type: m.status === 'scheduled' ? 'scheduled' : 'accepted',
                  actor,
                  data: {
                    reminderId: item.id,
                    channel: m.channel,
                    template: m.template,
                    sendAt: m.sendAt,
                    ...(m.experiment ? { experiment: m.experiment, arm: m.arm } : {}),
                  },
                },
              });
              // Due now: queued in the same transaction, its job added after the commit.
              if (m.status === 'queued')
                links.push({ pos: { ...pos, isNew: false }, input: { type: 'queued', actor: 'scheduler' } });
            }
            // Built from what was written: no read-back per item.
            results.push({
              kind: 'created',
              reminder: toReminder(reminders.values.get(item.id)!),
              messages: created.map(toMessage),
            });
          }
        }
        // Every chain here is new: its events and heads are worked out first, so each message row
        // is inserted with its chain's head and no head is written after.
        const plan = planLinks(links);
        for (const row of rows) {
          const head = plan.heads.get(messageChain(row.id));
          if (head) [row.chain_seq, row.chain_hash] = [head.seq, head.hash];
        }
        for (let i = 0; i < rows.length; i += 100)
          await trx
            .insertInto('messages')
            .values(rows.slice(i, i + 100))
            .execute();
        await writeLinks(trx, dialect, plan, { messageHeadsOnRows: true });
        for (const { at, item } of repeats) {
          const original = await trx
            .selectFrom('reminders')
            .selectAll()
            .where('client_id', '=', clientId)
            .where('external_id', '=', item.externalId)
            .executeTakeFirstOrThrow();
          results[at] = await answerRepeat(trx, original, item.requestHash);
        }
        return results;
      });
    },
  };
}
