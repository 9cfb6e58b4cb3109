/** POST /webhooks/inbound-mail before any mail is read: configured or not, media type, size, signature. */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMailRouter, signatureOf } from '../../src/http/webhooks/inbound-mail.routes.js';
import type { InboundMail } from '../../src/http/webhooks/inbound-mail.js';

const SECRET = 'relay-secret';

describe('inbound mail route', () => {
  const received: Buffer[] = [];
  const refused: string[] = [];
  const mail: InboundMail = {
    checkRecipient: async () => ({ ok: true }),
    receive: async (raw) => {
      received.push(raw);
      return raw.includes('reply+')
        ? { kind: 'acted', results: [{}] as never }
        : { kind: 'unmatched', reason: 'not-a-reply-address' };
    },
    refused: (_via, reason) => void refused.push(reason),
  };
  let servers: http.Server[] = [];
  let on = '';
  let off = '';
  const start = async (app: express.Express) => {
    const s = http.createServer(app);
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
  beforeAll(async () => {
    on = await start(express().use(inboundMailRouter({ mail, secret: SECRET, maxBytes: 1024 })));
    off = await start(express().use(inboundMailRouter({ mail: undefined, secret: undefined, maxBytes: 1024 })));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  });

  const post = (base: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/webhooks/inbound-mail`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', ...headers },
      body,
    });
  const signed = (body: string) => ({ 'x-signature': signatureOf(SECRET, Buffer.from(body)) });

  it('answers 404 when not configured', async () => {
    const res = await post(off, 'To: reply+x@r.example\r\n\r\nhi', signed('To: reply+x@r.example\r\n\r\nhi'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('takes a signed mail (202), refuses a wrong signature (403), another media type (415), nothing mapped (422)', async () => {
    const body = 'To: reply+x@r.example\r\n\r\nstop';
    expect((await post(on, body, signed(body))).status).toBe(202);
    expect((await post(on, body, { 'x-signature': signed(body)['x-signature'].toUpperCase() })).status).toBe(202);
    expect((await post(on, body)).status).toBe(403);
    expect((await post(on, body, { 'x-signature': 'sha256=00' })).status).toBe(403);
    expect((await post(on, `${body}!`, signed(body))).status).toBe(403);
    expect((await post(on, body, { ...signed(body), 'content-type': 'text/plain' })).status).toBe(415);
    const stranger = 'To: someone@r.example\r\n\r\nstop';
    const res = await post(on, stranger, signed(stranger));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ status: 422, reason: 'not-a-reply-address' });
  });

  it('refuses a body past the limit (413) before reading it as mail', async () => {
    const n = received.length;
    const big = `To: reply+x@r.example\r\n\r\n${'x'.repeat(2048)}`;
    const res = await post(on, big, signed(big));
    expect(res.status).toBe(413);
    expect(received).toHaveLength(n);
    expect(refused).toContain('too-large');
  });
});
