import type twilio from 'twilio';
import type { VoiceProvider } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

export function makeTwilioVoiceProvider(deps: { client: twilio.Twilio; from: string }): VoiceProvider {
  return {
    name: 'twilio-voice',
    async send(req) {
      try {
        const call = await deps.client.calls.create({
          to: req.to,
          from: req.from ?? deps.from,
          twiml: req.twiml,
          ...(req.statusCallback ? { statusCallback: req.statusCallback, statusCallbackEvent: ['completed'] } : {}),
          // Asynchronous answering-machine detection: the call starts with the script at once; if a
          // machine answered, the AMD callback swaps in the limited-content voicemail.
          ...(req.amdCallback
            ? { machineDetection: 'DetectMessageEnd', asyncAmd: 'true', asyncAmdStatusCallback: req.amdCallback }
            : {}),
        });
        return { provider: 'twilio', providerId: call.sid };
      } catch (err) {
        throw classifyTwilioError(err, 'twilio-voice');
      }
    },
    async redirect(callId, twiml) {
      try {
        await deps.client.calls(callId).update({ twiml });
      } catch (err) {
        throw classifyTwilioError(err, 'twilio-voice');
      }
    },
  };
}
