/**
 * The validation notices sent (0029): one per borrower and account, written with its
 * `validation-notice.sent` event on the borrower's chain in one transaction. The first stays: a
 * notice sent twice (two emails racing) keeps the dates of the first. And the notices the
 * collection system was asked to provide on paper (0034), once per account the same way, each with
 * its `validation-notice.required` event.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ValidationNoticeRecord, ValidationNoticeRequest } from '../domain/validation-notice.js';
import type { Dialect } from './db.js';
import { appendEvent } from './event-chain.js';
import { borrowerChain } from './hash-chain.js';
import type { Database, ValidationNoticeRequestsTable, ValidationNoticesTable } from './schema.js';
import type { EventInput } from './store-types.js';

export interface ValidationNoticesRepo {
  /** The notice the borrower's account was sent, if any. */
  of(borrowerId: string, accountRef: string): Promise<ValidationNoticeRecord | undefined>;
  /** The borrower's notices, the latest period end first. */
  ofBorrower(borrowerId: string): Promise<ValidationNoticeRecord[]>;
  /** Records a notice sent and its event; false (no event) when the account had one already. */
  record(notice: ValidationNoticeRecord, event: EventInput, now: Date): Promise<boolean>;
  /** The request to provide the account's notice on paper, if one was made (0034). */
  requestOf(borrowerId: string, accountRef: string): Promise<ValidationNoticeRequest | undefined>;
  /** Records the request and its event; false (no event) when the account had one already. */
  request(req: ValidationNoticeRequest, event: EventInput, now: Date): Promise<boolean>;
}

const toRecord = (r: ValidationNoticesTable): ValidationNoticeRecord => ({
  tenant: r.tenant,
  borrowerId: r.borrower_id,
  accountRef: r.account_ref,
  messageId: r.message_id,
  sentAt: r.sent_at,
  sentOn: r.sent_on,
  assumedReceiptOn: r.assumed_receipt_on,
  endsOn: r.ends_on,
  endsAt: r.ends_at,
  itemizationDate: r.itemization_date,
});

const toRequest = (r: ValidationNoticeRequestsTable): ValidationNoticeRequest => ({
  tenant: r.tenant,
  borrowerId: r.borrower_id,
  accountRef: r.account_ref,
  messageId: r.message_id,
  channel: r.channel === 'voice' ? 'voice' : 'sms',
  dueBy: r.due_by,
  requestedAt: r.requested_at,
});

/** Touching the borrower orders the writes to its chain (PostgreSQL's row lock); then the event. */
async function appendToBorrower(
  trx: Transaction<Database>,
  dialect: Dialect,
  borrowerId: string,
  event: EventInput,
  nowIso: string,
) {
  await trx.updateTable('borrowers').set({ updated_at: nowIso }).where('id', '=', borrowerId).execute();
  await appendEvent(
    trx,
    dialect,
    { chain: borrowerChain(borrowerId), messageId: null, borrowerId, now: nowIso },
    event,
  );
}

export function makeValidationNoticesRepo(db: Kysely<Database>, dialect: Dialect): ValidationNoticesRepo {
  return {
    async of(borrowerId, accountRef) {
      const row = await db
        .selectFrom('validation_notices')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .where('account_ref', '=', accountRef)
        .executeTakeFirst();
      return row && toRecord(row);
    },

    async ofBorrower(borrowerId) {
      const rows = await db
        .selectFrom('validation_notices')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .orderBy('ends_at', 'desc')
        .orderBy('account_ref')
        .execute();
      return rows.map(toRecord);
    },

    async record(n, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('validation_notices')
          .values({
            borrower_id: n.borrowerId,
            account_ref: n.accountRef,
            tenant: n.tenant,
            message_id: n.messageId,
            sent_at: n.sentAt,
            sent_on: n.sentOn,
            assumed_receipt_on: n.assumedReceiptOn,
            ends_on: n.endsOn,
            ends_at: n.endsAt,
            itemization_date: n.itemizationDate,
          })
          .onConflict((oc) => oc.columns(['borrower_id', 'account_ref']).doNothing())
          .returning('borrower_id')
          .executeTakeFirst();
        if (!inserted) return false;
        await appendToBorrower(trx, dialect, n.borrowerId, event, nowIso);
        return true;
      });
    },

    async requestOf(borrowerId, accountRef) {
      const row = await db
        .selectFrom('validation_notice_requests')
        .selectAll()
        .where('borrower_id', '=', borrowerId)
        .where('account_ref', '=', accountRef)
        .executeTakeFirst();
      return row && toRequest(row);
    },

    async request(r, event, now) {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('validation_notice_requests')
          .values({
            borrower_id: r.borrowerId,
            account_ref: r.accountRef,
            tenant: r.tenant,
            message_id: r.messageId,
            channel: r.channel,
            due_by: r.dueBy,
            requested_at: r.requestedAt,
          })
          .onConflict((oc) => oc.columns(['borrower_id', 'account_ref']).doNothing())
          .returning('borrower_id')
          .executeTakeFirst();
        if (!inserted) return false;
        await appendToBorrower(trx, dialect, r.borrowerId, event, nowIso);
        return true;
      });
    },
  };
}
