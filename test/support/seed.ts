/** Seeds many messages straight into the audit store (for export and memory measurements). */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../src/store/db.js';
import { appendEventsBulk } from '../../src/store/event-chain.js';
import { messageChain } from '../../src/store/hash-chain.js';
import type { Database } from '../../src/store/schema.js';

export async function seedMessages(
  db: Kysely<Database>,
  count: number,
  options: { borrowerId?: string; chunk?: number } = {},
): Promise<void> {
  const borrowerId = options.borrowerId ?? 'b-seed';
  const now = new Date();
  await db
    .insertInto('borrowers')
    .values({
      id: borrowerId,
      name: 'Seed',
      locale: 'en-US',
      timezone: '"America/New_York"',
      phone: '+14155550999',
      email: 'seed@example.com',
      consent: '{}',
      opt_outs: '[]',
      blackouts: '[]',
      status: 'active',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      erased_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('reminders')
    .values({
      id: `rem_seed_${borrowerId}`,
      client_id: 'seed',
      external_id: null,
      request_hash: 'seed',
      borrower_id: borrowerId,
      channel: 'sms',
      template: 'gentle-overdue',
      debt: '{}',
      send_at: now.toISOString(),
      expires_at: null,
      metadata: null,
      contact: null,
      created_at: now.toISOString(),
      account_ref: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const chunk = options.chunk ?? 500;
  for (let i = 0; i < count; i += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - i) }, (_, j) => {
      const n = i + j;
      const at = new Date(now.getTime() - n * 1000).toISOString();
      return {
        id: `msg_seed_${String(n).padStart(8, '0')}`,
        reminder_id: `rem_seed_${borrowerId}`,
        borrower_id: borrowerId,
        channel: 'sms',
        template: 'gentle-overdue',
        template_version: 'a'.repeat(64),
        locale: 'en-US',
        to_addr: '+14155550999',
        subject: null,
        body: `Northwind Bank: Hi Seed, a friendly reminder that $${n}.50 on account ****1234 was due. "Quoted", commas, and a newline\nhere. Reply STOP to opt out.`,
        status: 'sent',
        provider: 'twilio',
        provider_id: `SM${String(n).padStart(32, '0')}`,
        attempts: 1,
        error_code: null,
        error_message: null,
        send_at: at,
        due_at: at,
        job_seq: 0,
        created_at: at,
        updated_at: at,
        render_data: null,
        tenant: 'default',
        experiment: null,
        arm: null,
      };
    });
    await db.insertInto('messages').values(rows).execute();
  }
}

/**
 * Valid hash chains for the messages `seedMessages` wrote (ids `msg_seed_…`): `eventsEach`
 * events on each message's chain, every chain registered, so a verify reads them all.
 */
export async function seedChains(
  db: Kysely<Database>,
  dialect: Dialect,
  count: number,
  options: { borrowerId?: string; eventsEach?: number; chunk?: number } = {},
): Promise<void> {
  const borrowerId = options.borrowerId ?? 'b-seed';
  const types = (['accepted', 'queued', 'sending', 'sent'] as const).slice(0, options.eventsEach ?? 2);
  const chunk = options.chunk ?? 1_000;
  const at = new Date().toISOString();
  for (let i = 0; i < count; i += chunk) {
    const ids = Array.from(
      { length: Math.min(chunk, count - i) },
      (_, j) => `msg_seed_${String(i + j).padStart(8, '0')}`,
    );
    await db.transaction().execute(async (trx) => {
      for (const [k, type] of types.entries()) {
        await appendEventsBulk(
          trx,
          dialect,
          ids.map((id) => ({
            pos: { chain: messageChain(id), messageId: id, borrowerId, now: at, isNew: k === 0 },
            input: { type, actor: 'seed', data: { n: k } },
          })),
        );
      }
    });
  }
}
