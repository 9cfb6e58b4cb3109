/**
 * Finding a borrower the way an agent on the phone would: by a name (or part of one), a phone
 * number, an email address or the last four digits of an account. Only the tenant's borrowers;
 * at most `limit` of them, names first.
 */
import { type Kysely, sql } from 'kysely';
import type { Borrower } from '../domain/index.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { toBorrower } from './rows.js';
import type { Database } from './schema.js';

export type SearchKind = 'phone' | 'email' | 'account' | 'name';

export interface SearchHit {
  borrower: Borrower;
  /** The accounts of the borrower's reminders (newest first). */
  accounts: string[];
  /** The last message handed to a provider for the borrower: when (its `sent` event) and on which channel. */
  lastContact: { at: string; channel: string } | null;
}

/** What kind of query it is: 4 digits an account's end, an @ an email, a + or 7+ digits a phone, else a name. */
/** What a search took the query for, and the borrowers it found. */
export interface BorrowerSearchResult {
  kind: SearchKind;
  hits: SearchHit[];
}

export function searchKindOf(q: string): SearchKind {
  const s = q.trim();
  if (/^\d{4}$/.test(s)) return 'account';
  if (s.includes('@')) return 'email';
  if (/^\+?[\d\s().-]{7,}$/.test(s)) return 'phone';
  return 'name';
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchBorrowers(
  db: Kysely<Database>,
  tenant: string,
  q: string,
  limit: number,
): Promise<BorrowerSearchResult> {
  const kind = searchKindOf(q);
  const s = q.trim();
  let query = db.selectFrom('borrowers').selectAll();
  // The tenant's borrowers only (see domain/tenant.ts for the stored ids).
  query = tenant === DEFAULT_TENANT ? query.where('id', 'not like', '%~%') : query.where('id', 'like', `${tenant}~%`);
  if (kind === 'account') {
    const owners = db.selectFrom('reminders').select('borrower_id').where('account_ref', 'like', `%${s}`);
    query = query.where('id', 'in', owners);
  } else if (kind === 'email') {
    query = query.where(sql`lower(email)`, '=', s.toLowerCase());
  } else if (kind === 'phone') {
    const digits = s.replace(/\D/g, '');
    // E.164 as stored: the whole number, or a national number's last digits.
    query = query.where((eb) => eb.or([eb('phone', '=', `+${digits}`), eb('phone', 'like', `%${digits}`)]));
  } else {
    // Case-insensitive for what the database lowers (SQLite: ASCII letters only), exact otherwise.
    const lowered = sql<string>`${`%${likeEscape(s.toLowerCase())}%`} escape '\\'`;
    const exact = sql<string>`${`%${likeEscape(s)}%`} escape '\\'`;
    query = query.where((eb) => eb.or([eb(sql`lower(name)`, 'like', lowered), eb('name', 'like', exact)]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(limit).execute();
  const borrowers = rows.map(toBorrower);
  const accounts = new Map<string, string[]>();
  if (borrowers.length > 0) {
    const refs = await db
      .selectFrom('reminders')
      .select(['borrower_id', 'account_ref'])
      .where(
        'borrower_id',
        'in',
        borrowers.map((b) => b.id),
      )
      .where('account_ref', 'is not', null)
      .orderBy('created_at', 'desc')
      .execute();
    for (const r of refs) {
      const list = accounts.get(r.borrower_id) ?? [];
      if (!list.includes(r.account_ref!)) list.push(r.account_ref!);
      accounts.set(r.borrower_id, list);
    }
  }
  const last = new Map<string, { at: string; channel: string }>();
  if (borrowers.length > 0) {
    // The newest `sent` event a borrower: the moment a provider took a message (events_borrower_ix).
    const sent = await db
      .selectFrom('events as e')
      .innerJoin('messages as m', 'm.id', 'e.message_id')
      .select(['e.borrower_id as borrowerId', 'e.at as at', 'm.channel as channel'])
      .where(
        'e.borrower_id',
        'in',
        borrowers.map((b) => b.id),
      )
      .where('e.type', '=', 'sent')
      .orderBy('e.at', 'desc')
      .execute();
    for (const r of sent) if (!last.has(r.borrowerId)) last.set(r.borrowerId, { at: r.at, channel: r.channel });
  }
  return {
    kind,
    hits: borrowers.map((b) => ({
      borrower: b,
      accounts: accounts.get(b.id) ?? [],
      lastContact: last.get(b.id) ?? null,
    })),
  };
}
