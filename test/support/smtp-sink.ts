/** A real SMTP server (smtp-server) that parses every mail it receives with mailparser. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** Each mail as the server received it, byte for byte (same order as `mails`). */
  raw: Buffer[];
  envelopes: { from: string; to: string[] }[];
  /** The next messages are refused with these SMTP reply codes (e.g. 451, 550). */
  refuseNext(...codes: number[]): void;
  close(): Promise<void>;
}

/** `port`: a fixed one (a relay that comes back where it was); default: any free port. */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const raw: Buffer[] = [];
  const envelopes: { from: string; to: string[] }[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const refuse = refusals.shift();
      if (refuse) {
        stream.resume();
        stream.on('end', () => {
          const err = new Error(`scripted refusal ${refuse}`) as Error & { responseCode: number };
          err.responseCode = refuse;
          callback(err);
        });
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      new Promise<Buffer>((resolve, reject) => {
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      })
        .then(async (bytes) => ({ bytes, mail: await simpleParser(bytes) }))
        .then(({ bytes, mail }) => {
          mails.push(mail);
          raw.push(bytes);
          envelopes.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    raw,
    envelopes,
    refuseNext: (...codes) => {
      refusals.push(...codes);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
