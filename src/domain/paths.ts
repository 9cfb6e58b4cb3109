/**
 * The addresses providers and borrowers call back on: one place for the links the workers give
 * out, the routes that answer them and the OpenAPI document.
 */
export const CALLBACK_PATHS = Object.freeze({
  messageStatus: '/webhooks/twilio/message-status',
  callStatus: '/webhooks/twilio/call-status',
  amd: '/webhooks/twilio/amd',
  inboundSms: '/webhooks/twilio/inbound-sms',
  /** A key pressed during a call (TwiML <Gather>): 9 stops calls to the number. */
  voiceKeypress: '/webhooks/twilio/voice-keypress',
  /** Raw MIME of a borrower's email reply, POSTed by a mail relay (X-Signature). */
  inboundMail: '/webhooks/inbound-mail',
  /** A mail relay's bounce webhook: one report as JSON (X-Signature). */
  emailBounces: '/webhooks/email-bounces',
  /** `/u/:token`: the email unsubscribe page and RFC 8058 one-click. */
  unsubscribe: '/u',
});

/** The links for one message, under the service's public base URL. */
export function callbackLinks(base: string, sign: (messageId: string, tenant: string) => string) {
  return {
    smsStatus: (id: string) => `${base}${CALLBACK_PATHS.messageStatus}?m=${id}`,
    callStatus: (id: string) => `${base}${CALLBACK_PATHS.callStatus}?m=${id}`,
    amd: (id: string) => `${base}${CALLBACK_PATHS.amd}?m=${id}`,
    voiceKeypress: (id: string) => `${base}${CALLBACK_PATHS.voiceKeypress}?m=${id}`,
    unsubscribe: (id: string, tenant: string) => `${base}${CALLBACK_PATHS.unsubscribe}/${sign(id, tenant)}`,
  };
}
