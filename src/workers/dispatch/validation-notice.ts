/**
 * The validation notice (12 CFR 1006.34) in the dispatch steps: whether an email must carry it
 * (its tenant is an agency under a profile that asks for it, the account has had none, and the
 * template is not an opt-out's confirmation), what it shows, and the record once it went.
 */
import type { ValidationNoticeRecord } from '../../domain/validation-notice.js';
import { displayZone } from '../../policy/zones.js';
import {
  missingForNotice,
  type NoticeContext,
  noticeContext,
  type NoticeDates,
  noticeDates,
  VALIDATION_NOTICE_RULE,
} from '../../policy/validation-notice.js';
import type { EventInput } from '../../store/store-types.js';
import type { MessageContext } from './steps.js';

/** Who the collector is, as its notice names it. */
export interface Collector {
  name: string | null;
  mailingAddress: string | null;
  phone: string | null;
  hours: string | null;
}

export interface ValidationNoticePorts {
  /** The collector, when the tenant owes notices (an agency whose profile has `validationNotice`); undefined: it does not. */
  collectorOf(tenant: string): Promise<Collector | undefined>;
  /** Whether the borrower's (store key) account was sent its notice already. */
  sentFor(borrowerId: string, accountRef: string): Promise<boolean>;
  /** A template that never carries it (an opt-out's confirmation says nothing more). */
  exempt(template: string): boolean;
  /** Records the notice sent, with its event on the borrower's chain; false when the account had one. */
  record(notice: ValidationNoticeRecord, event: EventInput, now: Date): Promise<boolean>;
}

/** A notice the message must carry: what it shows (its partial follows the rendered variant's locale). */
export interface NoticeDue {
  kind: 'due';
  context: NoticeContext;
  dates: NoticeDates;
}

export type NoticeDecision = null | { kind: 'missing'; fields: string[] } | NoticeDue;

export async function noticeFor(ports: ValidationNoticePorts, ctx: MessageContext, now: Date): Promise<NoticeDecision> {
  const { message, reminder, borrower } = ctx;
  if (message.channel !== 'email' || ports.exempt(message.template)) return null;
  const collector = await ports.collectorOf(message.tenant);
  if (!collector) return null;
  if (await ports.sentFor(message.borrowerId, reminder.debt.accountRef)) return null;
  const fields = missingForNotice(reminder.debt, collector);
  const itemization = reminder.debt.itemization;
  if (fields.length > 0 || !itemization || !collector.name || !collector.mailingAddress)
    return { kind: 'missing', fields };
  const dates = noticeDates(now, displayZone(borrower));
  return {
    kind: 'due',
    context: noticeContext(
      itemization,
      {
        name: collector.name,
        mailingAddress: collector.mailingAddress,
        phone: collector.phone,
        hours: collector.hours,
      },
      dates,
    ),
    dates,
  };
}

/** The account's last four characters, as a notice's detail names it. */
export const lastFour = (accountRef: string): string => `****${accountRef.replace(/\s+/g, '').slice(-4)}`;

/** Why a first email (or the notice on its own, `standalone`) without what its notice needs is not sent. */
export function missingDetail(accountRef: string, fields: readonly string[], standalone = false): string {
  if (standalone)
    return `the validation notice (${VALIDATION_NOTICE_RULE}) due after an agency's first text or call about account ${lastFour(accountRef)} needs ${fields.join(', ')}; nothing was sent`;
  return `an agency's first email about account ${lastFour(accountRef)} must carry the validation notice (${VALIDATION_NOTICE_RULE}), which needs ${fields.join(', ')}; nothing was sent`;
}

/** The record and event of a notice that went with the message. */
export function noticeRecord(
  ctx: MessageContext,
  due: NoticeDue,
  sentAt: Date,
): { record: ValidationNoticeRecord; event: EventInput } {
  const { message, reminder } = ctx;
  const record: ValidationNoticeRecord = {
    tenant: message.tenant,
    borrowerId: message.borrowerId,
    accountRef: reminder.debt.accountRef,
    messageId: message.id,
    sentAt: sentAt.toISOString(),
    sentOn: due.dates.sentOn,
    assumedReceiptOn: due.dates.assumedReceiptOn,
    endsOn: due.dates.endsOn,
    endsAt: due.dates.endsAt,
    itemizationDate: due.context.itemizationDate,
  };
  return {
    record,
    event: {
      type: 'validation-notice.sent',
      actor: 'worker',
      data: {
        messageId: message.id,
        accountRef: reminder.debt.accountRef,
        rule: VALIDATION_NOTICE_RULE,
        itemizationDate: due.context.itemizationDate,
        itemizationDateKind: due.context.itemizationDateKind,
        sentOn: due.dates.sentOn,
        assumedReceiptOn: due.dates.assumedReceiptOn,
        validationPeriodEndsOn: due.dates.endsOn,
        validationPeriodEndsAt: due.dates.endsAt,
        locale: message.locale,
      },
    },
  };
}
