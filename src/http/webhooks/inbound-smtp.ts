/**
 * The service's own SMTP receiver for borrowers' replies and bounces (INBOUND_SMTP_PORT, scheduler role). It
 * sits behind the MX or a relay (docs/replies.md): no AUTH, STARTTLS only when given a key and
 * certificate. Recipients are checked at RCPT time: only `reply+<token>@INBOUND_MAIL_DOMAIN` (or
 * `bounces+<token>@BOUNCE_DOMAIN`) with a token this service signed for that message's tenant is taken, anything else gets 550 (and is
 * counted). Size: SIZE is advertised, and a mail past INBOUND_MAIL_MAX_BYTES is cut off and
 * answered 552 whatever the client declared.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { SMTPServerDataStream } from 'smtp-server';
import type { Logger } from '../../observability/logger.js';
import type { InboundMail } from './inbound-mail.js';

export interface InboundSmtpOptions {
  mail: InboundMail;
  port: number;
  host: string;
  maxBytes: number;
  tls?: { keyFile: string; certFile: string } | undefined;
  log: Logger;
  /** The name it greets with. */
  name?: string;
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startInboundSmtp(o: InboundSmtpOptions): Promise<InboundSmtp> {
  // Loaded only when the receiver is on (INBOUND_SMTP_PORT).
  const { SMTPServer } = await import('smtp-server');
  const tls = o.tls ? { key: fs.readFileSync(o.tls.keyFile), cert: fs.readFileSync(o.tls.certFile) } : undefined;
  const server = new SMTPServer({
    name: o.name ?? 'reminder-dispatch',
    banner: 'replies only',
    logger: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    size: o.maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      o.mail
        .checkRecipient(address.address, 'smtp')
        .then((r) => callback(r.ok ? undefined : smtpError(550, '5.1.1 No such recipient here')))
        .catch((err: Error) => {
          o.log.error({ err: err.message }, 'inbound mail: checking a recipient failed');
          callback(smtpError(451, '4.3.0 Try again later'));
        });
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        // A hard stop: nothing past the limit is kept, whatever SIZE the client declared.
        if (size > o.maxBytes) over = true;
        else chunks.push(c);
      });
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        if (over || stream.sizeExceeded) {
          o.mail.refused('smtp', 'too-large');
          callback(smtpError(552, `5.3.4 Message too big: at most ${o.maxBytes} bytes`));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        o.mail
          .receive(Buffer.concat(chunks), 'smtp', recipients)
          .then((r) => callback(r.kind !== 'unmatched' ? undefined : smtpError(550, '5.1.1 No such recipient here')))
          .catch((err: Error) => {
            o.log.error({ err: err.message }, 'inbound mail: handling a reply failed');
            callback(smtpError(451, '4.3.0 Try again later'));
          });
      });
    },
  });
  server.on('error', (err) => o.log.error({ err: err.message }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
