/**
 * Inbound from Twilio, every request signature-checked with the SDK's own validation:
 * delivery and call status callbacks, the answering-machine result, and inbound SMS (STOP and
 * its family, START, HELP). Repeated and out-of-order callbacks are harmless: a state only
 * moves forward.
 */
import { DEFAULT_TENANT, tenantOfBorrower } from '../domain/tenant.js';
import { RECIPIENT_UNSUBSCRIBED_DETAIL, TWILIO_RECIPIENT_UNSUBSCRIBED } from '../domain/provider-codes.js';
import type { Clock } from '../domain/clock.js';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import twilio from 'twilio';
import type { AuditStore } from '../audit/audit-store.js';
import {
  type Borrower,
  CARRIER_HELD_STATUSES,
  LIVE_STATUSES,
  type MessageStatus,
  type SenderKind,
} from '../domain/index.js';
import type { ContactLedger } from '../caps/contact-ledger.js';
import type { Outcome, Profile } from '../policy/profile.js';
import type { VoiceProvider } from '../providers/provider.js';
import { type SenderContact, templateContext } from '../templates/context.js';
import type { Render } from '../templates/render.js';
import { type Logger, maskContactsIn } from '../observability/logger.js';
import { CALLBACK_PATHS } from '../domain/paths.js';
import type { OptOuts } from '../scheduler/opt-outs.js';
import { normaliseAddress } from '../policy/address.js';

export interface TwilioWebhookDeps {
  store: AuditStore;
  ledger: ContactLedger;
  profile: Profile;
  render: Render;
  voice: VoiceProvider | undefined;
  authToken: string | undefined;
  publicBaseUrl: string;
  clock: Clock;
  log: Logger;
  /** Suppresses a number for every borrower that carries it (and restores it on START). */
  optOuts: OptOuts;
  /** Who sends, as templates see it. */
  senderKind?: SenderKind;
  /** The tenant an inbound text was sent to, by its `To` number or Messaging Service (default: the default tenant). */
  tenantOfInbound?: (to: string, messagingServiceSid: string) => Promise<string>;
  /** A tenant's kind of sender (what its confirmations and voicemails render as). */
  kindOf?: (tenant: string) => Promise<SenderKind | undefined>;
  /** A tenant's contact details (who its confirmation says is writing). */
  contactOf?: (tenant: string) => Promise<SenderContact | null | undefined>;
}

const ACTOR = 'twilio';

/**
 * Twilio's codes for a text that waited past its validity period (the contact window closed
 * before the carrier took it): recorded as the reason the message is `undelivered`.
 */
const EXPIRED_CODES: Record<string, string> = {
  '30036': 'validity period expired (Twilio 30036): the contact window closed before the text could be delivered',
  '30001': 'queue overflow (Twilio 30001): the text waited in the sender queue past its validity period',
};

/** Twilio signs the full URL it called: our public base plus the path and query. */
function verifySignature(deps: TwilioWebhookDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!deps.authToken) {
      res
        .status(404)
        .type('application/problem+json')
        .send(
          JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'Twilio is not configured' }),
        );
      return;
    }
    const signature = req.get('x-twilio-signature') ?? '';
    const url = `${deps.publicBaseUrl}${req.originalUrl}`;
    const params = (req.body ?? {}) as Record<string, string>;
    if (!signature || !twilio.validateRequest(deps.authToken, signature, url, params)) {
      res
        .status(403)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
            detail: 'missing or invalid X-Twilio-Signature',
          }),
        );
      return;
    }
    next();
  };
}

/** Normalises an inbound text for keyword matching: full-width folded, case and surrounding punctuation dropped. */
export function keywordOf(body: string): string {
  return body
    .normalize('NFKC')
    .trim()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'KT']);
const HELP_WORDS = new Set(['HELP', 'INFO', '帮助']);

function twimlMessage(text: string | null): string {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
}

export function twilioWebhooksRouter(deps: TwilioWebhookDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const signed = [form, verifySignature(deps)];

  const once = (
    keyOf: (req: Request) => string | null,
    repeat: (res: Response) => void,
    handler: (req: Request, res: Response) => Promise<void>,
  ) => processOnce(deps, keyOf, repeat, handler);

  router.post(
    CALLBACK_PATHS.messageStatus,
    ...signed,
    once(
      sidKey('message-status', 'MessageSid', 'MessageStatus', 'SmsStatus'),
      noContent,
      async (req: Request, res: Response) => {
        const messageId = String(req.query.m ?? '');
        const status = param(req, 'MessageStatus') || param(req, 'SmsStatus');
        const sid = param(req, 'MessageSid');
        const errorCode = param(req, 'ErrorCode') || null;
        if (messageId && (await deps.store.getMessage(messageId))) {
          if (['sent', 'delivered', 'undelivered', 'failed'].includes(status)) await ensureSent(deps, messageId, sid);
          if (status === 'delivered')
            await settle(deps, messageId, 'delivered', { providerId: sid }, 'delivered', ['sent']);
          if (status === 'undelivered' || status === 'failed') {
            const expired = errorCode ? EXPIRED_CODES[errorCode] : undefined;
            await settle(
              deps,
              messageId,
              status,
              { providerId: sid, errorCode, ...(expired ? { reason: expired } : {}) },
              'undelivered',
              CARRIER_HELD_STATUSES,
              expired
                ? { error_code: errorCode!, error_message: expired }
                : errorCode
                  ? { error_code: errorCode }
                  : undefined,
            );
            if (errorCode === TWILIO_RECIPIENT_UNSUBSCRIBED) {
              const m = await deps.store.getMessage(messageId);
              if (m) await deps.optOuts.providerRefused(m, RECIPIENT_UNSUBSCRIBED_DETAIL);
            }
          }
        }
        res.status(204).end();
      },
    ),
  );

  router.post(
    CALLBACK_PATHS.callStatus,
    ...signed,
    once(sidKey('call-status', 'CallSid', 'CallStatus'), noContent, async (req: Request, res: Response) => {
      const messageId = String(req.query.m ?? '');
      const status = param(req, 'CallStatus');
      const sid = param(req, 'CallSid');
      if (messageId && (await deps.store.getMessage(messageId))) {
        await ensureSent(deps, messageId, sid);
        const data = { providerId: sid, callStatus: status, duration: param(req, 'CallDuration') || null };
        if (status === 'completed') {
          // No machine was detected: a person answered — a conversation, which starts the block.
          await settle(deps, messageId, 'answered', data, 'answered');
        } else if (status === 'busy') {
          await settle(deps, messageId, 'busy', data, 'busy'); // a busy signal is not a placed call: the slot is free again
        } else if (status === 'no-answer') {
          await settle(deps, messageId, 'no-answer', data, 'no-answer');
        } else if (status === 'failed') {
          await settle(deps, messageId, 'failed', data, 'not-in-service');
        } else if (status === 'canceled') {
          await settle(deps, messageId, 'cancelled', data, 'release');
        }
      }
      res.status(204).end();
    }),
  );

  router.post(CALLBACK_PATHS.amd, ...signed, once(sidKey('amd', 'CallSid', 'AnsweredBy'), noContent, amdRoute(deps)));

  router.post(
    CALLBACK_PATHS.inboundSms,
    ...signed,
    once(sidKey('inbound-sms', 'MessageSid'), (res) => res.type('text/xml').send(twimlMessage(null)), inboundSms(deps)),
  );

  return router;
}

const param = (req: Request, k: string) => String((req.body as Record<string, unknown>)[k] ?? '');

/** Inbound SMS: STOP and its family suppress the number, START restores it, HELP answers. */
function inboundSms(deps: TwilioWebhookDeps) {
  return async (req: Request, res: Response) => {
    const from = param(req, 'From');
    const body = param(req, 'Body');
    const keyword = keywordOf(body);
    const stop = deps.profile.optOutKeywords.some((k) => keywordOf(k) === keyword);
    const start = START_WORDS.has(keyword);
    const help = HELP_WORDS.has(keyword);
    const number = from ? normaliseAddress(from) : undefined;
    const phone = number?.ok && number.kind === 'phone' ? number.address : null;
    // The tenant whose number (or Messaging Service) the text was sent to; its borrowers only.
    const tenant = deps.tenantOfInbound
      ? await deps.tenantOfInbound(param(req, 'To'), param(req, 'MessagingServiceSid'))
      : DEFAULT_TENANT;
    const borrowers = phone
      ? (await deps.store.borrowersByPhone(phone)).filter((b) => tenantOfBorrower(b.id) === tenant)
      : [];
    const kind = stop ? 'stop' : start ? 'start' : help ? 'help' : 'other';
    for (const b of borrowers) {
      // The text itself is personal data: it goes to the content table, the event commits to it by hash.
      const content = await deps.store.content.put(b.id, body, deps.clock.now());
      await deps.store.recordBorrowerEvent(
        b.id,
        {
          type: 'inbound.sms',
          actor: ACTOR,
          data: { kind, ...(kind === 'other' ? {} : { keyword }), content, messageSid: param(req, 'MessageSid') },
        },
        deps.clock.now(),
      );
    }
    let reply: string | null = null;
    const first: Borrower | undefined = borrowers[0];
    const zh = first ? first.locale.startsWith('zh') : /[\u4e00-\u9fff]/.test(body);
    if (stop && phone) {
      // The number is suppressed whether or not a borrower has it yet; the one confirmation goes only the first time.
      const { added } = await deps.optOuts.suppressAddress({
        address: phone,
        kind: 'phone',
        channels: ['sms'],
        source: 'inbound-keyword',
        detail: keyword,
        actor: ACTOR,
        tenant,
      });
      if (added.length > 0)
        reply = first
          ? await confirmation(deps, first)
          : zh
            ? '您已退订，本号码将不再收到我们的短信。'
            : 'You have been unsubscribed: we will send no more texts to this number.';
    } else if (start && phone) {
      await deps.optOuts.restoreAddress({
        address: phone,
        kind: 'phone',
        channels: ['sms'],
        source: `inbound-keyword ${keyword}`,
        actor: ACTOR,
        tenant,
      });
      reply = zh ? '您已恢复接收短信提醒。回复TD退订' : 'You are subscribed again. Reply STOP to opt out.';
    } else if (help)
      reply = zh
        ? '如需帮助，请致电我们的客服。回复TD退订'
        : 'For help, call us on the number in our last message. Reply STOP to opt out.';
    res.type('text/xml').send(twimlMessage(reply));
  };
}

/** The one confirmation an opt-out allows, in the borrower's language, from the template. */
async function confirmation(deps: TwilioWebhookDeps, b: Borrower): Promise<string> {
  const tenant = tenantOfBorrower(b.id);
  const reminder = await deps.store.latestReminder(b.id);
  const senderContact = (await deps.contactOf?.(tenant)) ?? null;
  const unnamed = b.locale.startsWith('zh')
    ? '您已成功退订。回复KT可恢复接收'
    : 'You have been unsubscribed and will receive no more texts. Reply START to resume.';
  // Who is writing: the reminder's contact, else the tenant's, else the creditor. Without any, the plain sentence (never ": You have…").
  const who = reminder?.contact?.name ?? senderContact?.name ?? reminder?.debt.creditor;
  if (!who) return unnamed;
  const debt = reminder?.debt ?? {
    accountRef: '',
    creditor: who,
    amountDue: { amount: '0', currency: 'USD' },
    dueDate: '2026-01-01',
    daysOverdue: 0,
  };
  try {
    return deps.render({
      key: 'opt-out-confirmation',
      channel: 'sms',
      locale: b.locale,
      timezone: null,
      data: templateContext({
        borrower: b,
        debt,
        contact: reminder?.contact ?? null,
        senderContact,
        sender: (await deps.kindOf?.(tenant)) ?? deps.senderKind,
      }),
    }).body;
  } catch {
    return unnamed;
  }
}

/**
 * Processes a callback once: its key (the provider's SID, with the status for status
 * callbacks) is claimed first, and a repeat gets `repeat` without being processed again. A
 * failure releases the claim, so Twilio's retry is processed.
 */
function processOnce(
  deps: TwilioWebhookDeps,
  keyOf: (req: Request) => string | null,
  repeat: (res: Response) => void,
  handler: (req: Request, res: Response) => Promise<void>,
) {
  return async (req: Request, res: Response) => {
    const key = keyOf(req);
    if (key === null) return handler(req, res);
    if (!(await deps.store.webhooks.claim(key, deps.clock.now()))) {
      repeat(res);
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      await deps.store.webhooks.release(key).catch(() => undefined);
      throw err;
    }
  };
}
const sidKey =
  (prefix: string, sidParam: string, ...parts: string[]) =>
  (req: Request) => {
    const sid = param(req, sidParam);
    return sid ? [prefix, sid, ...parts.map((p) => param(req, p))].join(':') : null;
  };
const noContent = (res: Response) => {
  res.status(204).end();
};

/** The provider's own `sent` may arrive after a later state, or before the worker recorded it. */
async function ensureSent(deps: TwilioWebhookDeps, messageId: string, providerId: string) {
  await deps.store.transition(
    messageId,
    {
      from: ['sending'],
      to: 'sent',
      type: 'sent',
      actor: ACTOR,
      data: { providerId, via: 'status-callback' },
      patch: { provider: 'twilio', provider_id: providerId },
    },
    deps.clock.now(),
  );
}

async function settle(
  deps: TwilioWebhookDeps,
  messageId: string,
  to: MessageStatus,
  data: Record<string, unknown>,
  outcome: Outcome | 'release' | null,
  from: readonly MessageStatus[] = LIVE_STATUSES,
  patch?: { error_code?: string; error_message?: string },
) {
  const moved = await deps.store.transition(
    messageId,
    { from, to, type: to, actor: ACTOR, data, ...(patch ? { patch } : {}) },
    deps.clock.now(),
  );
  if (moved && outcome) {
    const m = await deps.store.getMessage(messageId);
    if (m) {
      if (outcome === 'release') await deps.ledger.release(m.borrowerId, m.id);
      else await deps.ledger.recordOutcome(m.borrowerId, m.id, outcome);
    }
  }
  return moved;
}

function amdRoute(deps: TwilioWebhookDeps) {
  return async (req: Request, res: Response) => {
    const messageId = String(req.query.m ?? '');
    const answeredBy = param(req, 'AnsweredBy');
    const sid = param(req, 'CallSid');
    const found = messageId ? await deps.store.getReminderOfMessage(messageId) : undefined;
    if (found) {
      await ensureSent(deps, messageId, sid);
      if (answeredBy === 'human') {
        await settle(deps, messageId, 'answered', { providerId: sid, answeredBy }, 'answered');
      } else if (answeredBy.startsWith('machine') || answeredBy === 'fax') {
        // A machine gets the limited-content voicemail (12 CFR 1006.2(j)), never the call script.
        const sender = (await deps.kindOf?.(tenantOfBorrower(found.borrower.id))) ?? deps.senderKind;
        const ctx = templateContext({
          borrower: found.borrower,
          debt: found.reminder.debt,
          contact: found.reminder.contact,
          metadata: found.reminder.metadata,
          sender,
        });
        let voicemail: { body: string; version: string } | undefined;
        try {
          const r = deps.render({
            key: 'voicemail-limited',
            channel: 'voicemail',
            locale: found.message.locale,
            timezone: null,
            data: ctx,
          });
          voicemail = { body: r.body, version: r.version };
          await deps.voice?.redirect?.(sid, r.body);
        } catch (err) {
          deps.log.error(
            { messageId, err: maskContactsIn((err as Error).message) },
            'could not leave the limited-content voicemail',
          );
        }
        await settle(
          deps,
          messageId,
          'machine',
          {
            providerId: sid,
            answeredBy,
            voicemail: voicemail?.body ?? null,
            voicemailVersion: voicemail?.version ?? null,
          },
          'voicemail',
        );
      }
    }
    res.status(204).end();
  };
}
