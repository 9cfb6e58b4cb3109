/**
 * Borrowers' email replies, however they arrive (the service's SMTP receiver, inbound-smtp.ts, or
 * a relay's POST of raw MIME, inbound-mail.routes.ts): the reply address names the message
 * (reply-address.ts); the mail is parsed (mailparser), its text part taken (or its HTML read as
 * text), quoted history and signatures stripped, and the borrower's words handed to the
 * handle-inbound-email use case. Mail that maps to no message this service sent is refused and
 * counted (`inbound_mail_refused_total`), logged with the reason only, and attached to no one.
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
import type { ReplyAddresses } from './reply-address.js';

export type Via = 'smtp' | 'http';
export type RefusedReason = UnmatchedReason | 'not-a-reply-address' | 'too-large';

export interface InboundMailDeps {
  addresses: ReplyAddresses;
  ports: Omit<HandleInboundEmailPorts, 'tokens'>;
  log: Logger;
  metrics: Pick<Metrics, 'inboundMail' | 'inboundMailRefused'>;
}

/** A reply taken: acted on now, or a retry of one already acted on. */
export type Taken = Exclude<HandleInboundEmailResult, { kind: 'unmatched' }>;

export type ReceiveResult = { kind: 'acted'; results: Taken[] } | { kind: 'unmatched'; reason: RefusedReason };

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
  const refused = (via: Via, reason: RefusedReason) => {
    deps.metrics.inboundMailRefused.inc({ via, reason });
    // The reason only: the address and the mail are a stranger's, perhaps a borrower's.
    deps.log.warn({ via, reason }, 'inbound mail refused: it maps to no message of ours');
  };
  return {
    refused,
    async checkRecipient(address, via) {
      const token = deps.addresses.tokenOf(address);
      const reason: RefusedReason | undefined =
        token === undefined
          ? 'not-a-reply-address'
          : await resolveReplyToken(ports, token).then((r) => (r.kind === 'matched' ? undefined : r.reason));
      if (reason === undefined) return { ok: true };
      refused(via, reason);
      return { ok: false, reason };
    },
    async receive(raw, via, recipients) {
      // Loaded when the first mail comes: a deployment that receives none does not need the module.
      const { simpleParser } = await import('mailparser');
      const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
      const candidates = recipients ?? headerAddresses(mail);
      const tokens = [
        ...new Set(candidates.map((a) => deps.addresses.tokenOf(a)).filter((t): t is string => t !== undefined)),
      ];
      if (tokens.length === 0) {
        refused(via, 'not-a-reply-address');
        return { kind: 'unmatched', reason: 'not-a-reply-address' };
      }
      const text = replyTextOf(mail);
      const results: Taken[] = [];
      let reason: RefusedReason = 'unknown-message';
      for (const token of tokens) {
        const r = await handleInboundEmail(ports, { token, text, providerId: mail.messageId, via });
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
