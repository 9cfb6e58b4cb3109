/**
 * The providers a configuration asks for: Twilio and SMTP when configured, the sandbox outbox
 * otherwise; a breaker each; and the secondary routes (provider failover), a breaker each too.
 */
import fs from 'node:fs';
import type { ProviderStore } from '../store/ports.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../domain/index.js';
import { type Breakers, makeCircuitBreaker } from '../providers/circuit-breaker.js';
import { makeOutboxProviders } from '../providers/outbox.provider.js';
import type { Providers } from '../providers/provider.js';
import type { SecondaryRoutes } from '../workers/dispatch/ports.js';
import { makeSmtpEmailProvider } from '../providers/smtp-email.provider.js';
import { makeTwilioClient } from '../providers/twilio-client.js';
import { makeTwilioSmsProvider } from '../providers/twilio-sms.provider.js';
import { makeTwilioVoiceProvider } from '../providers/twilio-voice.provider.js';
import type { Releasers } from './releasers.js';

/** The DKIM key mail is signed with, whichever relay takes it. */
function dkimOf(config: Readonly<Config>) {
  return config.dkim
    ? {
        domainName: config.dkim.domainName,
        keySelector: config.dkim.keySelector,
        privateKey: fs.readFileSync(config.dkim.privateKeyFile, 'utf8'),
      }
    : undefined;
}

export function composeProviders(
  config: Readonly<Config>,
  store: ProviderStore,
  clock: Clock,
  releasers: Releasers,
): Providers {
  const dkim = dkimOf(config);
  const outbox = makeOutboxProviders((entry) => store.recordOutbox(entry, clock.now()));
  let sms = outbox.sms;
  let voice = outbox.voice;
  if (config.twilio) {
    const client = makeTwilioClient({
      accountSid: config.twilio.accountSid,
      authToken: config.twilio.authToken,
      apiBaseUrl: config.twilio.apiBaseUrl,
      timeoutMs: config.providerTimeoutMs,
      maxSockets: Math.max(50, config.workerConcurrency * 2),
    });
    sms = makeTwilioSmsProvider({
      client,
      sender: config.twilio.messagingServiceSid
        ? { messagingServiceSid: config.twilio.messagingServiceSid }
        : { from: config.twilio.from },
    });
    voice = makeTwilioVoiceProvider({ client, from: config.twilio.from });
  }
  const email = config.smtp
    ? makeSmtpEmailProvider({ url: config.smtp.url, from: config.smtp.from, timeoutMs: config.providerTimeoutMs, dkim })
    : outbox.email;
  const providers = { sms, voice, email };
  releasers.add(async () => {
    await Promise.all([providers.sms.close?.(), providers.voice.close?.(), providers.email.close?.()]);
  });
  return providers;
}

export function composeBreakers(config: Readonly<Config>, providers: Providers | undefined): Breakers {
  return {
    sms: makeCircuitBreaker(providers?.sms.name ?? 'sms', config.breaker),
    voice: makeCircuitBreaker(providers?.voice.name ?? 'voice', config.breaker),
    email: makeCircuitBreaker(providers?.email.name ?? 'email', config.breaker),
  };
}

/**
 * The secondary routes of provider failover (docs/reach.md): SMS through TWILIO_SECONDARY_* and
 * email through SMTP_SECONDARY_URL, each with a breaker of its own. Voice has none: a call's
 * answering-machine redirect goes to the account that placed it.
 */
export function composeSecondaryRoutes(config: Readonly<Config>, releasers: Releasers): SecondaryRoutes {
  const routes: SecondaryRoutes = {};
  const tw = config.twilioSecondary;
  if (tw) {
    const client = makeTwilioClient({
      accountSid: tw.accountSid,
      authToken: tw.authToken,
      apiBaseUrl: tw.apiBaseUrl,
      timeoutMs: config.providerTimeoutMs,
      maxSockets: Math.max(50, config.workerConcurrency * 2),
    });
    const provider = makeTwilioSmsProvider({ client, sender: tw.sender });
    routes.sms = { provider, breaker: makeCircuitBreaker(`${provider.name}:secondary`, config.breaker) };
  }
  if (config.smtp && config.smtpSecondary) {
    const provider = makeSmtpEmailProvider({
      url: config.smtpSecondary.url,
      from: config.smtp.from,
      timeoutMs: config.providerTimeoutMs,
      dkim: dkimOf(config),
    });
    routes.email = { provider, breaker: makeCircuitBreaker(`${provider.name}:secondary`, config.breaker) };
    releasers.add(async () => provider.close?.());
  }
  return routes;
}
