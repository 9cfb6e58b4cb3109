/**
 * Each provider callback is processed once. Twilio's signature covers the URL and parameters but
 * no time, so a captured request stays valid for ever: a replayed inbound START would re-subscribe
 * a borrower who has since opted out again. The callback's own id (`MessageSid` for inbound texts,
 * SID + status for status callbacks) is claimed before it is processed.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** True when this is the first time `key` is seen (the caller processes it); false for a repeat. */
export async function claimWebhook(db: Kysely<Database>, key: string, now: Date): Promise<boolean> {
  const rows = await db
    .insertInto('webhook_receipts')
    .values({ key, at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return rows.length > 0;
}

/** Processing failed: forget the claim so the provider's retry is processed. */
export async function releaseWebhook(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('webhook_receipts').where('key', '=', key).execute();
}
