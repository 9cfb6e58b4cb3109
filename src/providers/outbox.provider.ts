/**
 * The sandbox: for a channel with no credentials configured, "sending" records what would have
 * gone out in the audit store's outbox, where the API (GET /v1/outbox) and the console show it.
 */
import { type Channel } from '../domain/channels.js';
import type { EmailProvider, SmsProvider, VoiceProvider } from './provider.js';

export interface OutboxSink {
  (entry: {
    messageId: string;
    channel: Channel;
    to: string;
    subject: string | null;
    body: string;
    payload: Record<string, unknown>;
  }): Promise<void>;
}

const providerId = (channel: string, messageId: string) => `outbox-${channel}-${messageId}`;

export function makeOutboxProviders(sink: OutboxSink): {
  sms: SmsProvider;
  voice: VoiceProvider;
  email: EmailProvider;
} {
  return {
    sms: {
      name: 'outbox-sms',
      async send(req) {
        await sink({
          messageId: req.messageId,
          channel: 'sms',
          to: req.to,
          subject: null,
          body: req.body,
          payload: { ...req },
        });
        return { provider: 'outbox', providerId: providerId('sms', req.messageId) };
      },
    },
    voice: {
      name: 'outbox-voice',
      async send(req) {
        await sink({
          messageId: req.messageId,
          channel: 'voice',
          to: req.to,
          subject: null,
          body: req.twiml,
          payload: { ...req },
        });
        return { provider: 'outbox', providerId: providerId('voice', req.messageId) };
      },
    },
    email: {
      name: 'outbox-email',
      async send(req) {
        await sink({
          messageId: req.messageId,
          channel: 'email',
          to: req.to,
          subject: req.subject,
          body: req.text,
          payload: { ...req },
        });
        return { provider: 'outbox', providerId: providerId('email', req.messageId) };
      },
    },
  };
}
