/** One interface per channel; the worker knows nothing of vendors. */

/** Who sends an SMS: a number (`From`) or a Messaging Service, which picks a number from its pool (`MessagingServiceSid`, no `From`). */
export type SmsSender = { from: string } | { messagingServiceSid: string };
export interface SendResult {
  provider: string;
  providerId: string;
}

export interface SmsRequest {
  messageId: string;
  to: string;
  body: string;
  /** Where the provider reports delivery (Twilio status callback). */
  statusCallback?: string | undefined;
  /** How long the provider may hold it before giving up (Twilio `ValidityPeriod`, 1–36,000 s). */
  validitySeconds?: number;
  /** The tenant's sender (absent: the provider's own). */
  sender?: SmsSender | undefined;
}

export interface VoiceRequest {
  messageId: string;
  to: string;
  twiml: string;
  statusCallback?: string | undefined;
  /** Answering-machine detection result goes here (then a machine gets the voicemail). */
  amdCallback?: string | undefined;
  /** The tenant's number (absent: the provider's own). */
  from?: string | undefined;
}

export interface EmailRequest {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The tenant's From and Reply-To (absent: the provider's own). */
  from?: string | undefined;
  replyTo?: string | undefined;
  /** The envelope sender (SMTP MAIL FROM, where bounces go): the message's VERP address (absent: the From). */
  envelopeFrom?: string | undefined;
}

export interface SmsProvider {
  readonly name: string;
  send(req: SmsRequest): Promise<SendResult>;
  close?(): Promise<void>;
}

export interface VoiceProvider {
  readonly name: string;
  send(req: VoiceRequest): Promise<SendResult>;
  /** Replaces what a call in progress plays (the limited-content voicemail for a machine). */
  redirect?(callId: string, twiml: string): Promise<void>;
  close?(): Promise<void>;
}

export interface EmailProvider {
  readonly name: string;
  send(req: EmailRequest): Promise<SendResult>;
  close?(): Promise<void>;
}

export interface Providers {
  sms: SmsProvider;
  voice: VoiceProvider;
  email: EmailProvider;
}
