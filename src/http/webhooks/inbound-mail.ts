/**
 * Borrowers' email replies and bounces, however they arrive (the service's SMTP receiver,
 * inbound-smtp.ts, or a relay's POST of raw MIME, inbound-mail.routes.ts): the reply address or
 * the bounce address (VERP, bounce-address.ts) names the message; the mail is parsed (mailparser).
 * A delivery status notification (RFC 3464: `multipart/report; report-type=delivery-status`) is a
 * bounce: its `message/delivery-status` part is read (policy/bounces) and handed to the
 * handle-email-bounce use case. Anything else is a reply, out-of-office answers included: its text
 * part taken (or its HTML read as text), quoted history and signatures stripped, and the words
 * handed to the handle-inbound-email use case. Mail that maps to no message this service sent, and
 * a DSN that cannot be read, is refused and counted (`inbound_mail_refused_total`), logged with
 * the reason only, and attached to no one.
 */
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { htmlToText, stripQuotedReply } from '../../policy/replies/email-text.js';
import {
  handleInboundEmail,
  type HandleInboundEmailPorts,
  type HandleInboundEmailResult,
  resolveReplyToken,
  type UnmatchedReason,
} from '../../usecases/handle-inbound-email/handle-inbound-email.usecase.js';
import {
  type BounceRejectedReason,
  type BounceTarget,
  handleEmailBounce,
  type HandleEmailBouncePorts,
  type HandleEmailBounceResult,
} from '../../usecases/handle-email-bounce/handle-email-bounce.usecase.js';
import { type BounceReport, pickReport } from '../../policy/bounces/bounce-report.js';
import { parseDeliveryStatus } from '../../policy/bounces/delivery-status.js';
import type { BounceAddresses } from './bounce-address.js';
import type { ReplyAddresses } from './reply-address.js';

export type Via = 'smtp' | 'http';
export type RefusedReason = UnmatchedReason | BounceRejectedReason | 'not-a-reply-address' | 'too-large';

export interface InboundMailDeps {
  addresses: ReplyAddresses;
  ports: Omit<HandleInboundEmailPorts, 'tokens'>;
  /** Bounces (VERP addresses and DSNs); absent: no bounce domain, DSNs to a Reply-To are refused. */
  bounces?: { addresses: BounceAddresses; ports: Omit<HandleEmailBouncePorts, 'tokens'> } | undefined;
  log: Logger;
  metrics: Pick<Metrics, 'inboundMail' | 'inboundMailRefused' | 'emailBounces'>;
}

/** A reply taken: acted on now, or a retry of one already acted on. */
export type Taken = Exclude<HandleInboundEmailResult, { kind: 'unmatched' }>;
/** A bounce taken: recorded now, a delivery, or a retry of one already recorded. */
export type BounceTaken = Exclude<HandleEmailBounceResult, { kind: 'rejected' }>;

export type ReceiveResult =
  | { kind: 'acted'; results: Taken[] }
  | { kind: 'bounce'; results: BounceTaken[] }
  | { kind: 'unmatched'; reason: RefusedReason };

/** A delivery status notification (RFC 3464 / RFC 6533): `multipart/report; report-type=delivery-status`. */
export function isDeliveryStatusNotification(mail: Pick<ParsedMail, 'headers'>): boolean {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return (
    type?.value?.toLowerCase() === 'multipart/report' &&
    ['delivery-status', 'global-delivery-status'].includes(type.params?.['report-type']?.toLowerCase() ?? '')
  );
}

/** The report of a DSN's `message/delivery-status` part (mailparser with keepDeliveryStatus gives it as an attachment); undefined: unreadable. */
export function deliveryReportOf(mail: Pick<ParsedMail, 'attachments'>): BounceReport | undefined {
  const part = mail.attachments.find((a) =>
    ['message/delivery-status', 'message/global-delivery-status'].includes(a.contentType.toLowerCase()),
  );
  const blocks = part ? parseDeliveryStatus(part.content.toString('utf8')) : undefined;
  return blocks ? pickReport(blocks) : undefined;
}

export interface InboundMail {
  /** Whether mail to `address` would be taken (checked at RCPT time); a refusal is recorded. */
  checkRecipient(address: string, via: Via): Promise<{ ok: true } | { ok: false; reason: RefusedReason }>;
  /**
   * One mail, raw. `recipients`: the envelope's (SMTP); absent, the reply addresses are looked for
   * in the headers a relay keeps (Delivered-To, X-Original-To, To, Cc).
   */
  receive(raw: Buffer, via: Via, recipients?: readonly string[]): Promise<ReceiveResult>;
  /** Records a refusal decided outside (a mail too large). */
  refused(via: Via, reason: RefusedReason): void;
}

/** The borrower's words: the text part, or the HTML read as text; quoted history and signatures dropped. */
export function replyTextOf(mail: Pick<ParsedMail, 'text' | 'html'>): string {
  const text = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  return stripQuotedReply(text);
}

function headerAddresses(mail: ParsedMail): string[] {
  const out: string[] = [];
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to']) {
    const v = mail.headers.get(name);
    for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (typeof item === 'string') out.push(...item.split(',').map((s) => s.replace(/^.*<|>.*$/g, '').trim()));
      else if (item && typeof item === 'object' && 'value' in item)
        out.push(...(item as AddressObject).value.map((a) => a.address ?? ''));
    }
  }
  const objects = [mail.to, mail.cc].flatMap((x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]));
  for (const o of objects) for (const a of o.value) if (a.address) out.push(a.address);
  return out.filter(Boolean);
}

export function makeInboundMail(deps: InboundMailDeps): InboundMail {
  const ports = { ...deps.ports, tokens: deps.addresses };
  const bounceAddresses = deps.bounces?.addresses;
  const bouncePorts = deps.bounces
    ? { ...deps.bounces.ports, tokens: { bounce: deps.bounces.addresses, reply: deps.addresses } }
    : undefined;
  /** The message a recipient names: a reply token or a bounce token (undefined: neither). */
  const targetOf = (address: string): Extract<BounceTarget, { token: string }> | undefined => {
    const reply = deps.addresses.tokenOf(address);
    if (reply !== undefined) return { kind: 'reply-token', token: reply };
    const bounce = bounceAddresses?.tokenOf(address);
    return bounce !== undefined ? { kind: 'bounce-token', token: bounce } : undefined;
  };
  const refused = (via: Via, reason: RefusedReason) => {
    deps.metrics.inboundMailRefused.inc({ via, reason });
    // The reason only: the address and the mail are a stranger's, perhaps a borrower's.
    deps.log.warn({ via, reason }, 'inbound mail refused: it maps to no message of ours');
  };
  /** A DSN: its report, for the message each address of ours names; refused when unreadable or naming nothing of ours. */
  const bounce = async (
    mail: ParsedMail,
    via: Via,
    targets: ReadonlyArray<Extract<BounceTarget, { token: string }>>,
  ): Promise<ReceiveResult> => {
    const report = bouncePorts ? deliveryReportOf(mail) : undefined;
    if (!bouncePorts || !report) {
      const reason = bouncePorts ? 'malformed-dsn' : 'not-a-reply-address';
      refused(via, reason);
      return { kind: 'unmatched', reason };
    }
    const results: BounceTaken[] = [];
    let reason: RefusedReason = 'unknown-message';
    for (const target of targets) {
      const r = await handleEmailBounce(bouncePorts, { target, report, reportId: mail.messageId, via });
      if (r.kind === 'rejected') reason = r.reason;
      else results.push(r);
    }
    if (results.length === 0) {
      refused(via, reason);
      return { kind: 'unmatched', reason };
    }
    for (const r of results) {
      const kind = r.kind === 'bounced' ? (r.hard ? 'hard' : 'soft') : r.kind;
      if (r.kind !== 'repeat') deps.metrics.emailBounces.inc({ via, kind });
      deps.log.info(
        {
          via,
          tenant: r.tenant,
          messageId: r.messageId,
          kind,
          status: report.status,
          ...(r.kind === 'bounced' ? { suppressed: r.suppressed, softInRow: r.softInRow } : {}),
        },
        r.kind === 'repeat' ? 'email bounce already handled (a retry)' : 'email bounce recorded',
      );
    }
    return { kind: 'bounce', results };
  };
  return {
    refused,
    async checkRecipient(address, via) {
      const target = targetOf(address);
      const tokens = target?.kind === 'bounce-token' ? bounceAddresses! : deps.addresses;
      const reason: RefusedReason | undefined =
        target === undefined
          ? 'not-a-reply-address'
          : await resolveReplyToken({ store: ports.store, tokens }, target.token).then((r) =>
              r.kind === 'matched' ? undefined : r.reason,
            );
      if (reason === undefined) return { ok: true };
      refused(via, reason);
      return { ok: false, reason };
    },
    async receive(raw, via, recipients) {
      // Loaded when the first mail comes: a deployment that receives none does not need the module.
      const { simpleParser } = await import('mailparser');
      // The delivery-status part as an attachment (a DSN's), not as text (a reply's).
      const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, keepDeliveryStatus: true });
      const candidates = recipients ?? headerAddresses(mail);
      const targets = [
        ...new Map(candidates.map(targetOf).flatMap((t) => (t ? [[t.token, t] as const] : []))).values(),
      ];
      if (targets.length === 0) {
        refused(via, 'not-a-reply-address');
        return { kind: 'unmatched', reason: 'not-a-reply-address' };
      }
      if (isDeliveryStatusNotification(mail)) return bounce(mail, via, targets);
      const text = replyTextOf(mail);
      const results: Taken[] = [];
      let reason: RefusedReason = 'unknown-message';
      for (const target of targets) {
        // Mail to a bounce address that is no DSN (an auto-reply to the Return-Path) is a reply like any.
        const replyPorts = target.kind === 'bounce-token' ? { ...ports, tokens: bounceAddresses! } : ports;
        const r = await handleInboundEmail(replyPorts, { token: target.token, text, providerId: mail.messageId, via });
        if (r.kind === 'unmatched') reason = r.reason;
        else results.push(r);
      }
      if (results.length === 0) {
        refused(via, reason);
        return { kind: 'unmatched', reason };
      }
      deps.metrics.inboundMail.inc({ via }, results.length);
      for (const r of results)
        deps.log.info(
          {
            via,
            tenant: r.tenant,
            borrowerId: r.borrowerId,
            messageId: r.messageId,
            ...(r.kind === 'acted'
              ? {
                  intents: r.understood.intents.map((i) => i.intent),
                  revoked: r.acted.revoked,
                  wrongNumber: r.acted.wrongNumber,
                }
              : { repeat: true }),
          },
          r.kind === 'acted' ? 'email reply understood and acted on' : 'email reply already handled (a retry)',
        );
      return { kind: 'acted', results };
    },
  };
}
