/**
 * Free text that events refer to (an inbound reply's body) lives here, not in the hashed event
 * data: the event holds `{content: {id, sha256}}`, which commits to the text, and retention
 * erases the text like message bodies while the chain still verifies.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface ContentRef {
  id: string;
  sha256: string;
}

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** `owner` is the borrower id (retention erases the borrower's texts) or, for an address, its chain. */
export async function storeContent(
  db: Kysely<Database> | Transaction<Database>,
  owner: string,
  text: string,
  now: Date,
): Promise<ContentRef> {
  const borrowerId = owner;
  const ref = { id: `c_${randomBytes(12).toString('base64url')}`, sha256: sha256Of(text) };
  await db
    .insertInto('event_content')
    .values({
      id: ref.id,
      borrower_id: borrowerId,
      sha256: ref.sha256,
      text,
      created_at: now.toISOString(),
      erased_at: null,
    })
    .execute();
  return ref;
}

/** The texts of some content refs: the text, or `null` with `erasedAt` once retention erased it. */
export async function contentsOf(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { text: string | null; erasedAt: string | null }>> {
  const out = new Map<string, { text: string | null; erasedAt: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('event_content')
      .select(['id', 'text', 'erased_at'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { text: r.text, erasedAt: r.erased_at });
  }
  return out;
}

/** A content ref inside event data, if the event has one. */
export function contentRefIn(data: Record<string, unknown>): ContentRef | undefined {
  const c = data.content as { id?: unknown; sha256?: unknown } | undefined;
  return c && typeof c.id === 'string' && typeof c.sha256 === 'string' ? { id: c.id, sha256: c.sha256 } : undefined;
}
