import type twilio from 'twilio';
import type { SmsProvider } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

export function makeTwilioSmsProvider(deps: { client: twilio.Twilio; from: string }): SmsProvider {
  return {
    name: 'twilio-sms',
    async send(req) {
      try {
        const msg = await deps.client.messages.create({
          to: req.to,
          from: deps.from,
          body: req.body,
          ...(req.statusCallback ? { statusCallback: req.statusCallback } : {}),
        });
        return { provider: 'twilio', providerId: msg.sid };
      } catch (err) {
        throw classifyTwilioError(err, 'twilio-sms');
      }
    },
  };
}
