/**
 * A local stand-in for Twilio's REST API (Messages.json and Calls.json), good enough for the
 * official twilio SDK: form-encoded requests with Basic auth in, Twilio-shaped JSON out.
 * Tests script failures and read back exactly what arrived.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface TwilioRequest {
  kind: 'message' | 'call' | 'call-update';
  /** For call updates: the call's sid. */
  sid?: string;
  accountSid: string;
  auth: { user: string; password: string };
  form: Record<string, string>;
  at: number;
}

export interface ScriptedReply {
  status: number;
  code?: number;
  message?: string;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  requests: TwilioRequest[];
  messages(): TwilioRequest[];
  calls(): TwilioRequest[];
  /** The next requests get these replies, in order, before normal service resumes. */
  script(...replies: ScriptedReply[]): void;
  /** The same, only for requests to one number (other tests' messages in flight are unaffected). */
  scriptFor(to: string, ...replies: ScriptedReply[]): void;
  /** Seconds each reply waits (a provider far away). */
  latencyMs: number;
  close(): Promise<void>;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export async function startFakeTwilio(
  options: { port?: number; accountSid?: string; authToken?: string } = {},
): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? sid('AC');
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const requests: TwilioRequest[] = [];
  const scripted: ScriptedReply[] = [];
  const scriptedFor = new Map<string, ScriptedReply[]>();

  const fake = {
    url: '',
    accountSid,
    authToken,
    requests,
    latencyMs: 0,
    messages: () => requests.filter((r) => r.kind === 'message'),
    calls: () => requests.filter((r) => r.kind === 'call'),
    script: (...replies: ScriptedReply[]) => {
      scripted.push(...replies);
    },
    scriptFor: (to: string, ...replies: ScriptedReply[]) => {
      scriptedFor.set(to, [...(scriptedFor.get(to) ?? []), ...replies]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies FakeTwilio;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        const send = () => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (fake.latencyMs > 0) setTimeout(send, fake.latencyMs);
        else send();
      };
      const update = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/(CA[0-9a-f]+)\.json$/.exec(req.url ?? '');
      if (req.method === 'POST' && update) {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        requests.push({
          kind: 'call-update',
          sid: update[2]!,
          accountSid: update[1]!,
          auth: { user: '', password: '' },
          form,
          at: Date.now(),
        });
        return reply(200, {
          sid: update[2],
          account_sid: accountSid,
          status: 'in-progress',
          api_version: '2010-04-01',
          uri: req.url,
        });
      }
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m)
        return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':');
      if (user !== accountSid || password !== authToken)
        return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const kind = m[2] === 'Messages' ? 'message' : 'call';
      const next = (form.To ? scriptedFor.get(form.To)?.shift() : undefined) ?? scripted.shift();
      requests.push({ kind, accountSid: m[1]!, auth: { user, password }, form, at: Date.now() });
      if (next && next.status >= 300) {
        return reply(next.status, {
          code: next.code ?? next.status * 100,
          message: next.message ?? `scripted ${next.status}`,
          more_info: `https://www.twilio.com/docs/errors/${next.code ?? ''}`,
          status: next.status,
        });
      }
      const now = new Date().toUTCString();
      if (kind === 'message') {
        return reply(201, {
          sid: sid('SM'),
          account_sid: accountSid,
          to: form.To,
          from: form.From,
          body: form.Body,
          status: 'queued',
          num_segments: '1',
          direction: 'outbound-api',
          date_created: now,
          date_updated: now,
          api_version: '2010-04-01',
          uri: `/2010-04-01/Accounts/${accountSid}/Messages.json`,
        });
      }
      return reply(201, {
        sid: sid('CA'),
        account_sid: accountSid,
        to: form.To,
        from: form.From,
        status: 'queued',
        direction: 'outbound-api',
        date_created: now,
        date_updated: now,
        api_version: '2010-04-01',
        uri: `/2010-04-01/Accounts/${accountSid}/Calls.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** The service's environment for Twilio (through this fake) and, given one, an SMTP server. */
export function providerEnv(tw: FakeTwilio, smtp?: { url: string }): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: tw.accountSid,
    TWILIO_AUTH_TOKEN: tw.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: tw.url,
    ...(smtp ? { SMTP_URL: smtp.url, EMAIL_FROM: 'Northwind Bank <reminders@northwind.example>' } : {}),
  };
}

/**
 * POSTs a callback to the service as Twilio does: form-encoded, signed with the account's auth
 * token over the public URL the service knows itself by (PUBLIC_BASE_URL).
 */
export async function postSignedCallback(
  service: { url: string; publicBaseUrl: string },
  authToken: string,
  route: string,
  params: Record<string, string>,
): Promise<Response> {
  const signature = twilio.getExpectedTwilioSignature(authToken, `${service.publicBaseUrl}${route}`, params);
  return fetch(`${service.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}
