import type twilio from 'twilio';
import type { SmsProvider, SmsSender } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

export type { SmsSender };

export function makeTwilioSmsProvider(deps: { client: twilio.Twilio; sender: SmsSender }): SmsProvider {
  return {
    name: 'twilio-sms',
    async send(req) {
      try {
        const msg = await deps.client.messages.create({
          to: req.to,
          ...(req.sender ?? deps.sender),
          body: req.body,
          ...(req.statusCallback ? { statusCallback: req.statusCallback } : {}),
          ...(req.validitySeconds !== undefined ? { validityPeriod: req.validitySeconds } : {}),
        });
        return { provider: 'twilio', providerId: msg.sid };
      } catch (err) {
        throw classifyTwilioError(err, 'twilio-sms');
      }
    },
  };
}
