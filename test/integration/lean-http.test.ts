/**
 * The lean transport under the twilio SDK, against a real local HTTP server: what goes on the
 * wire (method, auth, form with repeated keys, query), what comes back (text the SDK parses), and
 * a timeout surfacing with node's code so the error classifier sees a broken request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formEncode, LeanRequestClient } from '../../src/providers/lean-http.js';
import { classifyTwilioError } from '../../src/providers/twilio-errors.js';

describe('the lean Twilio transport', () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ method: string; url: string; auth: string | undefined; body: string }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        if (req.url!.startsWith('/hang')) return; // never answers
        res.writeHead(req.url!.startsWith('/missing') ? 404 : 201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid: 'SM1', ok: true }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('encodes forms and queries as the SDK does (arrays as repeated keys, undefined left out)', () => {
    expect(
      formEncode({
        To: '+14155550100',
        StatusCallbackEvent: ['initiated', 'answered'],
        Skip: undefined,
        Empty: null,
        N: 3,
      }),
    ).toBe('To=%2B14155550100&StatusCallbackEvent=initiated&StatusCallbackEvent=answered&Empty=&N=3');
  });

  it('sends to the configured origin with Basic auth and returns the text the SDK parses', async () => {
    const client = new LeanRequestClient({ origin: new URL(url), timeoutMs: 2_000, maxSockets: 4 });
    try {
      const res = await client.request({
        method: 'post',
        uri: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json',
        username: 'AC1',
        password: 'secret',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        data: { To: '+14155550100', Body: 'Hi — 你好' },
        params: { PageSize: 2 },
      });
      expect(res.statusCode).toBe(201);
      expect(JSON.parse(res.body)).toEqual({ sid: 'SM1', ok: true });
      const last = seen.at(-1)!;
      expect(last).toMatchObject({
        method: 'POST',
        url: '/2010-04-01/Accounts/AC1/Messages.json?PageSize=2',
        auth: `Basic ${Buffer.from('AC1:secret').toString('base64')}`,
      });
      expect(new URLSearchParams(last.body).get('Body')).toBe('Hi — 你好');
      const missing = await client.request({ method: 'get', uri: 'https://api.twilio.com/missing' });
      expect(missing.statusCode).toBe(404);
    } finally {
      client.close();
    }
  });

  it('gives up after its timeout with ETIMEDOUT: a transient error that may have reached Twilio', async () => {
    const client = new LeanRequestClient({ origin: new URL(url), timeoutMs: 200, maxSockets: 4 });
    try {
      const err = await client.request({ method: 'post', uri: 'https://api.twilio.com/hang' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ETIMEDOUT' });
      const classified = classifyTwilioError(err, 'twilio');
      expect(classified.permanent).toBe(false);
      expect(classified.mayHaveReached).toBe(true);
    } finally {
      client.close();
    }
  });
});
