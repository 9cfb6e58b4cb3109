/** Email through any SMTP server, with nodemailer's pooled transport. */
import nodemailer from 'nodemailer';
import { ProviderError } from './provider-error.js';
import type { EmailProvider } from './provider.js';

export interface SmtpEmailOptions {
  url: string;
  from: string;
  timeoutMs: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string } | undefined;
}

/** The domain part of the From address, for Message-IDs. */
function fromDomain(from: string): string {
  const m = /@([^>\s]+)/.exec(from);
  return m?.[1] ?? 'reminder-dispatch.local';
}

/**
 * SMTP commands before the message: a failure during one of them means the relay never received
 * the message (nodemailer labels each error with the command it was in).
 */
const BEFORE_DATA = /^(EHLO|HELO|LHLO|STARTTLS|AUTH\b.*|MAIL FROM|RCPT TO)$/;
/** Failures while connecting (nodemailer's connection and greeting timeouts, a refused or unroutable connection). */
const CONNECTING = /^(Connection timeout|Greeting never received)/;

export function classifySmtpError(err: unknown): ProviderError {
  const e = (err ?? {}) as {
    responseCode?: number;
    code?: string;
    message?: string;
    command?: string;
    syscall?: string;
  };
  const message = e.message ?? String(err);
  if (typeof e.responseCode === 'number') {
    // 5xx: the server refused this message for good; 4xx: try again later.
    return new ProviderError(message, `smtp-${e.responseCode}`, e.responseCode >= 500, 'smtp');
  }
  // Connection, TLS, DNS and timeout errors are transient. Only a session that broke after the
  // message was on its way (during or after DATA: a socket timeout, a connection closed before the
  // relay's answer) may have delivered it; a failure to connect, or one in a command before the
  // message, certainly did not (docs/reach.md: a secondary relay may take only those).
  const code = e.code ?? 'smtp-error';
  const notSent =
    ['EDNS', 'EAUTH', 'ETLS'].includes(code) ||
    e.syscall === 'connect' ||
    (e.command !== undefined && BEFORE_DATA.test(e.command)) ||
    (code === 'ETIMEDOUT' && CONNECTING.test(message)) ||
    (code === 'ECONNECTION' && e.command === undefined);
  return new ProviderError(message, code, false, 'smtp', !notSent);
}

/**
 * The headers the DKIM signature covers: nodemailer's list (RFC 4871 5.5) plus
 * List-Unsubscribe-Post, which RFC 8058 section 4 requires alongside List-Unsubscribe.
 */
const DKIM_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'Resent-Date',
  'Resent-From',
  'Resent-Sender',
  'Resent-To',
  'Resent-Cc',
  'Resent-Message-ID',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
].join(':');

export function makeSmtpEmailProvider(o: SmtpEmailOptions): EmailProvider {
  const url = new URL(o.url);
  url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString(), {
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
    ...(o.dkim ? { dkim: { ...o.dkim, headerFieldNames: DKIM_HEADERS } } : {}),
  } as never);
  const domain = fromDomain(o.from);
  return {
    name: 'smtp',
    async send(req) {
      try {
        const info = await transport.sendMail({
          from: req.from ?? o.from,
          ...(req.replyTo ? { replyTo: req.replyTo } : {}),
          to: req.to,
          subject: req.subject,
          text: req.text,
          html: req.html,
          messageId: `<${req.messageId}@${req.from ? fromDomain(req.from) : domain}>`,
          headers: req.headers ?? {},
          // VERP: bounces come back to an address that names this message.
          ...(req.envelopeFrom ? { envelope: { from: req.envelopeFrom, to: req.to } } : {}),
        });
        return { provider: 'smtp', providerId: info.messageId };
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}
