/**
 * Retention: a borrower's personal data and message content are erased once the profile's
 * period has passed since the borrower's last activity. The rows stay as tombstones and every
 * event stays, so the hash chains still verify; the erasure itself is an event on each chain.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import type { Dialect } from './db.js';
import type { Database } from './schema.js';
import type { AuditStore } from './audit-store.js';
import { appendEvent } from './event-chain.js';
import { borrowerChain, messageChain } from './hash-chain.js';

export interface RetentionReport {
  cutoff: string;
  dryRun: boolean;
  borrowers: { id: string; lastActivity: string; messages: number }[];
}

export function retentionCutoff(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export interface RetentionOptions {
  years: number;
  now: Date;
  dryRun: boolean;
  limit?: number;
  /** Only this tenant's borrowers (retention per tenant: each tenant's own period); absent: every borrower. */
  tenant?: string;
}

/** A tenant's borrowers by their store key (borrower-key.ts: `acme~b1`; the default tenant's keys are bare). */
function ofTenant(tenant: string): ['b.id', 'like' | 'not like', string] {
  return tenant === DEFAULT_TENANT ? ['b.id', 'not like', '%~%'] : ['b.id', 'like', `${tenant}~%`];
}

/** Runs retention on a store (the store's own `retention.apply`). */
export function applyRetention(store: Pick<AuditStore, 'retention'>, opts: RetentionOptions): Promise<RetentionReport> {
  return store.retention.apply(opts);
}

export function makeRetention(db: Kysely<Database>, dialect: Dialect) {
  return { apply: (opts: RetentionOptions) => eraseExpired(db, dialect, opts) };
}

async function eraseExpired(db: Kysely<Database>, dialect: Dialect, opts: RetentionOptions): Promise<RetentionReport> {
  const cutoff = retentionCutoff(opts.now, opts.years).toISOString();
  // Borrowers with nothing newer than the cutoff: neither the record nor any message moved since.
  const rows = await db
    .selectFrom('borrowers as b')
    .select(['b.id', 'b.updated_at'])
    .select((eb) =>
      eb
        .selectFrom('messages as m')
        .select((x) => x.fn.max('m.updated_at').as('u'))
        .whereRef('m.borrower_id', '=', 'b.id')
        .as('last_message'),
    )
    .select((eb) =>
      eb
        .selectFrom('messages as m')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('m.borrower_id', '=', 'b.id')
        .as('messages'),
    )
    .where('b.erased_at', 'is', null)
    .where('b.updated_at', '<', cutoff)
    .$if(opts.tenant !== undefined, (q) => q.where(...ofTenant(opts.tenant!)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('messages as m')
            .select('m.id')
            .whereRef('m.borrower_id', '=', 'b.id')
            .where('m.updated_at', '>=', cutoff),
        ),
      ),
    )
    .orderBy('b.id')
    .limit(opts.limit ?? 10_000)
    .execute();
  const borrowers = rows.map((r) => ({
    id: r.id,
    lastActivity: [r.updated_at, r.last_message ?? ''].sort().at(-1)!,
    messages: Number(r.messages ?? 0),
  }));
  if (opts.dryRun) return { cutoff, dryRun: true, borrowers };

  const nowIso = opts.now.toISOString();
  for (const b of borrowers) {
    await db.transaction().execute((trx) =>
      eraseBorrowerContent(trx, dialect, b.id, nowIso, {
        actor: 'retention',
        borrowerEvent: { cutoff, years: opts.years },
        messageEvent: { cutoff },
      }),
    );
  }
  return { cutoff, dryRun: false, borrowers };
}

/**
 * Erases one borrower's personal data and content in `trx`, as retention and erasure on request
 * both do: the borrower's name, phone and email; each message's recipient, subject, body, render
 * data and error text (with a `content.erased` event on the message's chain); the reminders' debt,
 * metadata and contact; what was said about holds; the free texts events commit to. The rows stay
 * as tombstones and every event stays, so the hash chains still verify; `borrower.erased` on the
 * borrower's chain records who erased it and why (no personal data). Returns the message ids.
 */
export async function eraseBorrowerContent(
  trx: Transaction<Database>,
  dialect: Dialect,
  borrowerId: string,
  nowIso: string,
  why: { actor: string; borrowerEvent: Record<string, unknown>; messageEvent: Record<string, unknown> },
): Promise<string[]> {
  await trx
    .updateTable('borrowers')
    .set({ name: null, phone: null, email: null, region: null, erased_at: nowIso, updated_at: nowIso })
    .where('id', '=', borrowerId)
    .execute();
  await appendEvent(
    trx,
    dialect,
    { chain: borrowerChain(borrowerId), messageId: null, borrowerId, now: nowIso },
    { type: 'borrower.erased', actor: why.actor, data: why.borrowerEvent },
  );
  const messages = await trx.selectFrom('messages').select('id').where('borrower_id', '=', borrowerId).execute();
  for (const m of messages) {
    await trx
      .updateTable('messages')
      .set({ to_addr: '[erased]', subject: null, body: null, render_data: null, error_message: null })
      .where('id', '=', m.id)
      .execute();
    await appendEvent(
      trx,
      dialect,
      { chain: messageChain(m.id), messageId: m.id, borrowerId, now: nowIso },
      { type: 'content.erased', actor: why.actor, data: why.messageEvent },
    );
  }
  await trx
    .updateTable('reminders')
    .set({ debt: sql<string>`'{"erased":true}'`, metadata: null, contact: null })
    .where('borrower_id', '=', borrowerId)
    .execute();
  // What was said when a hold was opened or closed (the events commit to it as content, below).
  await trx
    .updateTable('borrower_holds')
    .set({ detail: null, close_detail: null })
    .where('borrower_id', '=', borrowerId)
    .execute();
  // Free text the borrower's events refer to (inbound replies): the hashes stay, the text goes.
  await trx
    .updateTable('event_content')
    .set({ text: null, erased_at: nowIso })
    .where('borrower_id', '=', borrowerId)
    .where('erased_at', 'is', null)
    .execute();
  return messages.map((m) => m.id);
}
