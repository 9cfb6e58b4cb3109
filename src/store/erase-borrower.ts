/**
 * Erasing one borrower's personal data and content, in the caller's transaction: the one path
 * erasure on request (erasure.ts) and retention (retention.ts) both take, so what one erases the
 * other does too. Only why differs (the events' data).
 *
 * What goes: the borrower's name, phone, email, region and recorded language preference (the
 * locale goes back to the default, since it says the same); each message's recipient, subject,
 * body, render data and error text (with a `content.erased` event on the message's chain); the
 * sandbox outbox's copies; the reminders' debt, metadata and contact; what was said about holds;
 * the free texts events commit to; what was learned about the borrower's addresses (soft bounces,
 * address facts). What stays: the rows as tombstones and every event, so the hash chains still
 * verify; `borrower.erased` on the borrower's chain records who erased it and why (no personal
 * data). Their suppressions survive as keyed hashes of the address (suppressions.ts,
 * keepSuppressionsHashed), an opt-out recorded only on the borrower included, so a later import or
 * reminder to that address, under any borrower id, stays suppressed. An address another borrower
 * of the tenant still carries is that borrower's data too: its entries and facts stay as they are.
 */
import { sql, type Transaction } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type { OptOut } from '../domain/entities.js';
import type { AddressHasher } from './address-hash.js';
import { tenantOfBorrowerKey } from './borrower-key.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import { borrowerChain, messageChain } from './hash-chain.js';
import type { Database } from './schema.js';
import { type ErasedOptOut, keepSuppressionsHashed } from './suppressions.js';

/** The locale an erased borrower is left with: the column's default, which says nothing of them. */
const ERASED_LOCALE = 'en-US';

/** Which address a channel's opt-out is for. */
const addressOf = (channel: Channel, b: { phone: string | null; email: string | null }) =>
  channel === 'email' ? (b.email?.toLowerCase() ?? null) : b.phone;

export interface ErasureWhy {
  actor: string;
  /** The `borrower.erased` event's data (`suppressionsKept` is added). */
  borrowerEvent: Record<string, unknown>;
  /** Each `content.erased` event's data. */
  messageEvent: Record<string, unknown>;
}

/** Erases the borrower (which must exist) in `trx`; the ids of its messages and how many suppressions were kept hashed. */
export async function eraseBorrowerData(
  trx: Transaction<Database>,
  dialect: Dialect,
  hasher: AddressHasher,
  borrowerId: string,
  nowIso: string,
  why: ErasureWhy,
): Promise<{ messages: string[]; suppressionsKept: number }> {
  const b = await trx.selectFrom('borrowers').selectAll().where('id', '=', borrowerId).executeTakeFirstOrThrow();
  const tenant = tenantOfBorrowerKey(b.id);
  const own = await addressesOnlyOf(trx, b, tenant);

  const optOuts: ErasedOptOut[] = [];
  for (const o of JSON.parse(b.opt_outs) as OptOut[]) {
    const address = addressOf(o.channel, b);
    // A detached opt-out was someone else's address (a wrong number): not this borrower's to keep.
    if (o.detached || address === null || !own.includes(address)) continue;
    optOuts.push({ address, channel: o.channel, at: o.at });
  }
  const suppressionsKept = await keepSuppressionsHashed(trx, hasher, {
    tenant,
    addresses: own,
    optOuts,
    actor: why.actor,
  });
  if (own.length > 0) {
    await trx.deleteFrom('email_soft_bounces').where('tenant', '=', tenant).where('address', 'in', own).execute();
    await trx.deleteFrom('address_facts').where('tenant', '=', tenant).where('address', 'in', own).execute();
  }
  // The sandbox outbox's copies of what was sent.
  await trx
    .updateTable('outbox')
    .set({ to_addr: '[erased]', subject: null, body: '', payload: '{}' })
    .where('message_id', 'in', (eb) => eb.selectFrom('messages as m').select('m.id').where('m.borrower_id', '=', b.id))
    .execute();

  await trx
    .updateTable('borrowers')
    .set({
      name: null,
      phone: null,
      email: null,
      region: null,
      locale: ERASED_LOCALE,
      language_preference: null,
      language_recorded_at: null,
      erased_at: nowIso,
      updated_at: nowIso,
    })
    .where('id', '=', borrowerId)
    .execute();
  await appendEvent(
    trx,
    dialect,
    { chain: borrowerChain(borrowerId), messageId: null, borrowerId, now: nowIso },
    { type: 'borrower.erased', actor: why.actor, data: { ...why.borrowerEvent, suppressionsKept } },
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
  return { messages: messages.map((m) => m.id), suppressionsKept };
}

/** The borrower's phone and (lower-cased) email that no other borrower of the tenant carries. */
async function addressesOnlyOf(
  trx: Transaction<Database>,
  b: { id: string; phone: string | null; email: string | null },
  tenant: string,
): Promise<string[]> {
  const own: string[] = [];
  for (const address of [b.phone, b.email?.toLowerCase() ?? null]) {
    if (address === null) continue;
    const others = await trx
      .selectFrom('borrowers')
      .select('id')
      .where('id', '!=', b.id)
      .where((eb) => eb.or([eb('phone', '=', address), eb('email', '=', address)]))
      .execute();
    if (!others.some((o) => tenantOfBorrowerKey(o.id) === tenant)) own.push(address);
  }
  return own;
}
