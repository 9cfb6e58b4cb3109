/**
 * A twilio SDK client whose requests go to `apiBaseUrl` (a Twilio-compatible gateway, or a
 * local fake in tests). The SDK has no base-URL option, so its transport rewrites the origin of
 * every request URI. The service's transport is the lean keep-alive one (lean-http.ts); `sdk`
 * keeps the SDK's own axios RequestClient (the bench's B1 baseline: what a team writing its own
 * worker would get).
 */
import twilio from 'twilio';
import { LeanRequestClient } from './lean-http.js';

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  timeoutMs: number;
  /** Sockets per host; with a slow provider this bounds sends per second (size it with worker concurrency). */
  maxSockets?: number;
  /** `lean` (default): node:http keep-alive; `sdk`: the SDK's axios RequestClient. */
  transport?: 'lean' | 'sdk';
}

type RequestOpts = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: URL | undefined,
    opts: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(opts);
  }

  override request<TData>(opts: RequestOpts & { data?: TData }) {
    if (this.origin) {
      const uri = new URL(opts.uri);
      uri.protocol = this.origin.protocol;
      uri.host = this.origin.host;
      if (this.origin.pathname !== '/') uri.pathname = this.origin.pathname.replace(/\/$/, '') + uri.pathname;
      return super.request<TData>({ ...opts, uri: uri.toString() });
    }
    return super.request<TData>(opts);
  }
}

export function makeTwilioClient(o: TwilioClientOptions): twilio.Twilio {
  const base = new URL(o.apiBaseUrl);
  const redirect = base.origin === 'https://api.twilio.com' ? undefined : base;
  const httpClient =
    o.transport === 'sdk'
      ? new RedirectingRequestClient(redirect, {
          timeout: o.timeoutMs,
          keepAlive: true,
          maxSockets: o.maxSockets ?? 50,
        })
      : // The SDK calls only request(opts) on its httpClient.
        (new LeanRequestClient({
          origin: redirect,
          timeoutMs: o.timeoutMs,
          maxSockets: o.maxSockets ?? 50,
        }) as unknown as twilio.RequestClient);
  return twilio(o.accountSid, o.authToken, { httpClient });
}
