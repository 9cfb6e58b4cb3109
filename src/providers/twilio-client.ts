/**
 * A twilio SDK client whose requests go to `apiBaseUrl` (a Twilio-compatible gateway, or a
 * local fake in tests). The SDK has no base-URL option, so its RequestClient is subclassed to
 * rewrite the origin of every request URI.
 */
import twilio from 'twilio';

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  timeoutMs: number;
  /** Sockets per host; with a slow provider this bounds sends per second (size it with worker concurrency). */
  maxSockets?: number;
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
  const httpClient = new RedirectingRequestClient(redirect, {
    timeout: o.timeoutMs,
    keepAlive: true,
    maxSockets: o.maxSockets ?? 50,
  });
  return twilio(o.accountSid, o.authToken, { httpClient });
}
