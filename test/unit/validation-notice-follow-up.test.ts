/**
 * What follows an agency's first text or call about an account (12 CFR 1006.34(a)(1)(i)(B)), with plain fakes: the
 * notice by email through the intake under one external id per borrower and account (so a repeat after a restart is
 * the same reminder), or, with no email it may go to, the request to the collection system, due five days after the
 * text; nothing for a creditor, an account that had its notice, or a limited-content voicemail.
 */
import { describe, expect, it } from 'vitest';
import type { Borrower, Message, Reminder } from '../../src/domain/index.js';
import type { ValidationNoticeRequest } from '../../src/domain/validation-notice.js';
import type { ReminderRequest } from '../../src/services/intake.js';
import { makeNoticeFollowUp, type NoticeFollowUpDeps } from '../../src/services/validation-notice-follow-up.js';
import type { EventInput } from '../../src/store/store-types.js';

const WENT = new Date('2026-09-04T15:00:00.000Z');

function world(over: { email?: string | null; tenant?: 'bravo' | 'acme'; template?: string; given?: boolean } = {}) {
  const borrower = {
    id: 'bravo:b1',
    tenant: over.tenant ?? 'bravo',
    ref: 'b1',
    email: over.email === undefined ? 'alex@example.com' : over.email,
    consent: { sms: null, voice: null, email: null },
    optOuts: [],
  } as unknown as Borrower;
  const message = {
    id: 'msg_sms',
    tenant: borrower.tenant,
    channel: 'sms',
    template: over.template ?? 'gentle-overdue',
  } as Message;
  const reminder = { debt: { accountRef: '4111111111111234' }, contact: null } as unknown as Reminder;
  const accepted: ReminderRequest[] = [];
  const requests: Array<{ req: ValidationNoticeRequest; event: EventInput }> = [];
  const deps: NoticeFollowUpDeps = {
    store: {
      validationNotices: {
        of: async () => (over.given ? ({ messageId: 'msg_email' } as never) : undefined),
        ofBorrower: async () => [],
        record: async () => true,
        requestOf: async () => requests[0]?.req,
        request: async (req, event) => {
          if (requests.length > 0) return false;
          requests.push({ req, event });
          return true;
        },
      },
      addressFacts: { of: async () => [] } as unknown as NoticeFollowUpDeps['store']['addressFacts'],
    },
    intake: {
      accept: async (given) => {
        accepted.push(...given);
        const first = accepted.findIndex((r) => r.externalId === given[0]!.externalId) === accepted.length - 1;
        return [{ kind: first ? 'created' : 'duplicate', reminder: {}, messages: [{ id: 'msg_notice' }] }] as never;
      },
    },
    clock: { now: () => new Date(WENT.getTime() + 40) },
    owesNotices: async (tenant) => tenant === 'bravo',
    exempt: (template) => template === 'voicemail-limited',
    emailSuppressed: async () => false,
  };
  return { deps, accepted, requests, sent: { message, reminder, borrower } };
}

describe('the validation notice after a first text or call', () => {
  it('sends it by email through the intake, marked with the text and due five days after it went', async () => {
    const { deps, accepted, sent } = world();
    const out = await makeNoticeFollowUp(deps).afterTextOrCall(sent, WENT);
    expect(out).toEqual({ kind: 'email', messageId: 'msg_notice', created: true });
    expect(accepted).toEqual([
      expect.objectContaining({
        externalId: 'validation-notice:bravo:b1:4111111111111234',
        channel: 'email',
        template: 'validation-notice',
        expiresAt: null,
        metadata: { validationNotice: { after: 'msg_sms', channel: 'sms', dueBy: '2026-09-09T15:00:00.000Z' } },
      }),
    ]);
  });

  it('asks the intake for the same reminder when repeated (a restart, a second text before the notice went)', async () => {
    const { deps, accepted, sent } = world();
    const followUp = makeNoticeFollowUp(deps);
    await followUp.afterTextOrCall(sent, WENT);
    const again = await followUp.afterTextOrCall(sent, WENT);
    expect(again).toMatchObject({ kind: 'email', created: false });
    expect(new Set(accepted.map((r) => r.externalId)).size).toBe(1);
  });

  it('asks the collection system for it once when the borrower has no email, due five days after the text', async () => {
    const { deps, accepted, requests, sent } = world({ email: null });
    const followUp = makeNoticeFollowUp(deps);
    expect(await followUp.afterTextOrCall(sent, WENT)).toEqual({
      kind: 'required',
      why: 'no-email',
      recorded: true,
    });
    expect(await followUp.afterTextOrCall(sent, WENT)).toEqual({ kind: 'none', why: 'requested' });
    expect(accepted).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.event).toMatchObject({
      type: 'validation-notice.required',
      data: { borrowerRef: 'b1', messageId: 'msg_sms', channel: 'sms', dueBy: '2026-09-09T15:00:00.000Z' },
    });
  });

  it('asks the collection system when the email is on the suppression list', async () => {
    const { deps, sent } = world();
    deps.emailSuppressed = async () => true;
    expect(await makeNoticeFollowUp(deps).afterTextOrCall(sent, WENT)).toMatchObject({
      kind: 'required',
      why: 'email-suppressed',
    });
  });

  it('does nothing for a creditor, an account that had its notice, or a limited-content voicemail', async () => {
    for (const [over, why] of [
      [{ tenant: 'acme' }, 'not-owed'],
      [{ given: true }, 'given'],
      [{ template: 'voicemail-limited' }, 'exempt'],
    ] as const) {
      const { deps, accepted, requests, sent } = world(over);
      expect(await makeNoticeFollowUp(deps).afterTextOrCall(sent, WENT)).toEqual({ kind: 'none', why });
      expect(accepted).toEqual([]);
      expect(requests).toEqual([]);
    }
  });
});
