import type twilio from 'twilio';
import type { SmsProvider } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

/** Who sends: a number (`From`) or a Messaging Service, which picks a number from its pool (`MessagingServiceSid`, no `From`). */
export type SmsSender = { from: string } | { messagingServiceSid: string };

export function makeTwilioSmsProvider(deps: { client: twilio.Twilio; sender: SmsSender }): SmsProvider {
  return {
    name: 'twilio-sms',
    async send(req) {
      try {
        const msg = await deps.client.messages.create({
          to: req.to,
          ...deps.sender,
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
