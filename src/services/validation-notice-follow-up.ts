/**
 * The validation notice after an agency's first text or call about a debt (12 CFR 1006.34(a)(1)(i)(B)): when the
 * initial communication does not carry the notice, the collector provides it within five days. Once the provider has
 * an agency's SMS or call about an account that has had no notice, the service:
 *
 * - sends it by email at once (the `validation-notice` template: a short note and the notice), when the borrower has
 *   an email address it may write to; a new reminder through the intake, the policy and the worker like any message,
 *   whose external id names the borrower and the account, so racing texts and restarts make one;
 * - otherwise asks the collection system to provide it (on paper): a `validation-notice.required` event on the
 *   borrower's chain, sent out like every outbound event, once per account.
 *
 * docs/compliance.md, "The validation notice".
 */
import { channelsRuledOut } from '../domain/address-facts.js';
import type { Clock } from '../domain/clock.js';
import type { Borrower, Message, Reminder } from '../domain/index.js';
import {
  type NoticeFollowUpMark,
  VALIDATION_NOTICE_KEY,
  VALIDATION_NOTICE_TEMPLATE,
} from '../domain/validation-notice.js';
import { noticeDueBy, VALIDATION_NOTICE_RULE } from '../policy/validation-notice.js';
import type { NoticeFollowUpStore } from '../store/ports.js';
import { type Intake, ownRequest } from './intake.js';

export interface NoticeFollowUpDeps {
  store: NoticeFollowUpStore;
  intake: Pick<Intake, 'accept'>;
  clock: Clock;
  /** Whether the tenant owes notices (an agency whose profile has `validationNotice`). */
  owesNotices(tenant: string): Promise<boolean>;
  /** A template whose message is no communication about the debt (an opt-out's confirmation, a limited-content voicemail). */
  exempt(template: string): boolean;
  /** Whether the tenant's suppression list holds the email address. */
  emailSuppressed(tenant: string, address: string): Promise<boolean>;
}

/** What came of a text or a call (for tests and logs). */
export type FollowUp =
  | { kind: 'none'; why: 'not-owed' | 'exempt' | 'given' | 'requested' }
  | { kind: 'email'; messageId: string | undefined; created: boolean }
  | { kind: 'required'; why: string; recorded: boolean };

/** The external id of the account's notice on its own: one per borrower and account, whatever repeats it. */
export const noticeExternalId = (borrowerId: string, accountRef: string): string =>
  `validation-notice:${borrowerId}:${accountRef}`;

export function makeNoticeFollowUp(deps: NoticeFollowUpDeps) {
  /** Why the notice cannot go by email to this borrower (undefined: it can). */
  async function noEmail(b: Borrower): Promise<string | undefined> {
    if (!b.email) return 'no-email';
    if (b.consent.email === false) return 'no-email-consent';
    if (b.optOuts.some((o) => o.channel === 'email')) return 'email-opted-out';
    if (await deps.emailSuppressed(b.tenant, b.email)) return 'email-suppressed';
    const facts = await deps.store.addressFacts.of(b.tenant, [b.email.toLowerCase()]);
    if (channelsRuledOut(facts).has('email')) return 'email-unreachable';
    return undefined;
  }

  return {
    /**
     * An SMS or a call the provider took (`sent`, as the worker loaded it, at `wentAt`): the notice it makes due, if
     * any. Repeating it changes nothing.
     */
    async afterTextOrCall(
      sent: { message: Message; reminder: Pick<Reminder, 'debt' | 'contact'>; borrower: Borrower },
      wentAt: Date,
    ): Promise<FollowUp> {
      const { message: m, reminder, borrower } = sent;
      if (m.channel === 'email') return { kind: 'none', why: 'exempt' };
      if (!(await deps.owesNotices(m.tenant))) return { kind: 'none', why: 'not-owed' };
      if (deps.exempt(m.template)) return { kind: 'none', why: 'exempt' };
      const { accountRef } = reminder.debt;
      if (await deps.store.validationNotices.of(borrower.id, accountRef)) return { kind: 'none', why: 'given' };
      if (await deps.store.validationNotices.requestOf(borrower.id, accountRef))
        return { kind: 'none', why: 'requested' };
      const now = deps.clock.now();
      const mark: NoticeFollowUpMark = { after: m.id, channel: m.channel, dueBy: noticeDueBy(wentAt) };
      const why = await noEmail(borrower);
      if (why === undefined) {
        const [r] = await deps.intake.accept(
          [
            {
              ...ownRequest(noticeExternalId(borrower.id, accountRef), borrower),
              channel: 'email',
              template: VALIDATION_NOTICE_TEMPLATE,
              templateChannels: ['email'],
              debt: reminder.debt,
              sendAt: now,
              expiresAt: null,
              metadata: { [VALIDATION_NOTICE_KEY]: mark },
              contact: reminder.contact,
            },
          ],
          `validation-notice:${borrower.tenant}`,
          'validation-notice',
        );
        const created = r !== undefined && 'reminder' in r && r.kind === 'created';
        const messageId = r && 'reminder' in r ? r.messages[0]?.id : undefined;
        return { kind: 'email', messageId, created };
      }
      const recorded = await deps.store.validationNotices.request(
        {
          tenant: m.tenant,
          borrowerId: borrower.id,
          accountRef,
          messageId: m.id,
          channel: m.channel,
          dueBy: mark.dueBy,
          requestedAt: now.toISOString(),
        },
        {
          type: 'validation-notice.required',
          actor: 'worker',
          data: {
            borrowerRef: borrower.ref,
            accountRef,
            messageId: m.id,
            channel: m.channel,
            dueBy: mark.dueBy,
            why,
            rule: `${VALIDATION_NOTICE_RULE}(a)(1)(i)(B)`,
          },
        },
        now,
      );
      return { kind: 'required', why, recorded };
    },
  };
}

export type NoticeFollowUp = ReturnType<typeof makeNoticeFollowUp>;
