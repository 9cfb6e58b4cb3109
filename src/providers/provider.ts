/** One interface per channel; the worker knows nothing of vendors. */
export interface SendResult {
  provider: string;
  providerId: string;
}

export interface SmsRequest {
  messageId: string;
  to: string;
  body: string;
}

export interface VoiceRequest {
  messageId: string;
  to: string;
  twiml: string;
}

export interface EmailRequest {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface SmsProvider {
  readonly name: string;
  send(req: SmsRequest): Promise<SendResult>;
  close?(): Promise<void>;
}

export interface VoiceProvider {
  readonly name: string;
  send(req: VoiceRequest): Promise<SendResult>;
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
