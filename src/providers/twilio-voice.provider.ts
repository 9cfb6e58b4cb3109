import type twilio from 'twilio';
import type { VoiceProvider } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

export function makeTwilioVoiceProvider(deps: { client: twilio.Twilio; from: string; statusCallback?: string }): VoiceProvider {
  return {
    name: 'twilio-voice',
    async send(req) {
      try {
        const call = await deps.client.calls.create({
          to: req.to,
          from: deps.from,
          twiml: req.twiml,
          ...(deps.statusCallback ? { statusCallback: deps.statusCallback } : {}),
        });
        return { provider: 'twilio', providerId: call.sid };
      } catch (err) {
        throw classifyTwilioError(err, 'twilio-voice');
      }
    },
  };
}
