/**
 * Retention: a borrower's personal data and message content are erased once the profile's
 * period has passed since the borrower's last activity. The rows stay as tombstones and every
 * event stays, so the hash chains still verify; the erasure itself is an event on each chain.
 */
import { type Kysely, sql } from 'kysely';
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
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('borrowers')
        .set({ name: null, phone: null, email: null, erased_at: nowIso, updated_at: nowIso })
        .where('id', '=', b.id)
        .execute();
      await appendEvent(
        trx,
        dialect,
        { chain: borrowerChain(b.id), messageId: null, borrowerId: b.id, now: nowIso },
        { type: 'borrower.erased', actor: 'retention', data: { cutoff, years: opts.years } },
      );
      const messages = await trx.selectFrom('messages').select('id').where('borrower_id', '=', b.id).execute();
      for (const m of messages) {
        await trx
          .updateTable('messages')
          .set({ to_addr: '[erased]', subject: null, body: null, render_data: null, error_message: null })
          .where('id', '=', m.id)
          .execute();
        await appendEvent(
          trx,
          dialect,
          { chain: messageChain(m.id), messageId: m.id, borrowerId: b.id, now: nowIso },
          { type: 'content.erased', actor: 'retention', data: { cutoff } },
        );
      }
      await trx
        .updateTable('reminders')
        .set({ debt: sql<string>`'{"erased":true}'`, metadata: null, contact: null })
        .where('borrower_id', '=', b.id)
        .execute();
      // What was said when a hold was opened or closed (the events commit to it as content, below).
      await trx
        .updateTable('borrower_holds')
        .set({ detail: null, close_detail: null })
        .where('borrower_id', '=', b.id)
        .execute();
      // Free text the borrower's events refer to (inbound replies): the hashes stay, the text goes.
      await trx
        .updateTable('event_content')
        .set({ text: null, erased_at: nowIso })
        .where('borrower_id', '=', b.id)
        .where('erased_at', 'is', null)
        .execute();
    });
  }
  return { cutoff, dryRun: false, borrowers };
}
