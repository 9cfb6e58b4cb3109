/** The providers a configuration asks for: Twilio and SMTP when configured, the sandbox outbox otherwise; a breaker each. */
import fs from 'node:fs';
import type { ProviderStore } from '../store/ports.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../domain/index.js';
import { type Breakers, makeCircuitBreaker } from '../providers/circuit-breaker.js';
import { makeOutboxProviders } from '../providers/outbox.provider.js';
import type { Providers } from '../providers/provider.js';
import { makeSmtpEmailProvider } from '../providers/smtp-email.provider.js';
import { makeTwilioClient } from '../providers/twilio-client.js';
import { makeTwilioSmsProvider } from '../providers/twilio-sms.provider.js';
import { makeTwilioVoiceProvider } from '../providers/twilio-voice.provider.js';
import type { Releasers } from './releasers.js';

export function composeProviders(
  config: Readonly<Config>,
  store: ProviderStore,
  clock: Clock,
  releasers: Releasers,
): Providers {
  const dkim = config.dkim
    ? {
        domainName: config.dkim.domainName,
        keySelector: config.dkim.keySelector,
        privateKey: fs.readFileSync(config.dkim.privateKeyFile, 'utf8'),
      }
    : undefined;
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
