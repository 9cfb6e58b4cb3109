/**
 * The SMTP receiver on its own, with a real nodemailer client: STARTTLS only when given a key and
 * certificate, no AUTH, recipients decided at RCPT, the size limit, and a failure while handling
 * a reply answered 451 (the relay retries) rather than taken and lost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMail } from '../../src/http/webhooks/inbound-mail.js';
import { startInboundSmtp, type InboundSmtp } from '../../src/http/webhooks/inbound-smtp.js';

describe('inbound SMTP receiver', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-inbound-smtp-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const got: Array<{ raw: string; recipients: readonly string[] | undefined }> = [];
  let failNext = false;
  const mail: InboundMail = {
    checkRecipient: async (address) =>
      address.startsWith('reply+') ? { ok: true } : { ok: false, reason: 'not-a-reply-address' },
    receive: async (raw, _via, recipients) => {
      if (failNext) {
        failNext = false;
        throw new Error('store down');
      }
      got.push({ raw: raw.toString('utf8'), recipients });
      return { kind: 'acted', results: [] };
    },
    refused: () => undefined,
  };
  const log = pino({ level: 'silent' });
  let plain: InboundSmtp;
  let tls: InboundSmtp;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    plain = await startInboundSmtp({ mail, port: 0, host: '127.0.0.1', maxBytes: 4096, log });
    tls = await startInboundSmtp({ mail, port: 0, host: '127.0.0.1', maxBytes: 4096, log, tls: { keyFile, certFile } });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = async (port: number, o: { to: string; text?: string; requireTLS?: boolean }) => {
    const t = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ...(o.requireTLS ? { requireTLS: true, tls: { rejectUnauthorized: false } } : { ignoreTLS: true }),
    });
    try {
      return await t.sendMail({ from: 'a@example.com', to: o.to, subject: 's', text: o.text ?? 'stop' });
    } finally {
      t.close();
    }
  };
  /** A raw SMTP conversation: each command after the previous answer; the whole transcript. */
  const talk = (port: number, commands: string[]) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      const queue = [...commands];
      socket.on('data', (d) => {
        text += d.toString('utf8');
        // An answer is complete when its last line has a space after the code.
        if (/^\d{3} .*\r\n$/m.test(text.split('\r\n').slice(-2).join('\r\n') + '\r\n')) {
          const next = queue.shift();
          if (next) socket.write(`${next}\r\n`);
        }
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.setTimeout(5_000, () => socket.destroy(new Error('timeout')));
    });
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 0,
      (e: { responseCode?: number; code?: string }) => e.responseCode ?? e.code,
    );

  it('takes mail to a reply address, with the envelope recipients, and refuses others at RCPT (550)', async () => {
    await send(plain.port, { to: 'reply+abc@r.example' });
    expect(got.at(-1)!.recipients).toEqual(['reply+abc@r.example']);
    expect(await codeOf(send(plain.port, { to: 'postmaster@r.example' }))).toBe(550);
  });

  it('offers STARTTLS only when configured', async () => {
    expect(await codeOf(send(plain.port, { to: 'reply+abc@r.example', requireTLS: true }))).not.toBe(0);
    expect(await codeOf(send(tls.port, { to: 'reply+abc@r.example', requireTLS: true }))).toBe(0);
  });

  it('has no AUTH, and says SIZE', async () => {
    const transcript = await talk(plain.port, ['EHLO client.example', 'AUTH PLAIN AHUAcA==', 'QUIT']);
    const ehlo = transcript.split('\r\n').filter((l) => l.startsWith('250'));
    expect(ehlo.some((l) => /AUTH/i.test(l))).toBe(false);
    expect(ehlo.some((l) => /SIZE 4096/.test(l))).toBe(true);
    expect(transcript).toMatch(/^50\d .*not recognized/m);
  });

  it('refuses a mail past the limit with 552 and keeps nothing of it', async () => {
    const n = got.length;
    expect(await codeOf(send(plain.port, { to: 'reply+abc@r.example', text: 'x'.repeat(8192) }))).toBe(552);
    expect(got).toHaveLength(n);
  });

  it('answers 451 when handling fails, so the relay tries again', async () => {
    failNext = true;
    expect(await codeOf(send(plain.port, { to: 'reply+abc@r.example' }))).toBe(451);
  });
});
