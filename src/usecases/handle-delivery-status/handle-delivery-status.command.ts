/**
 * What a provider told us about a message it took: a text's delivery status, a call's status, or
 * what answered a call. Parsed from the provider's callback by the webhook; nothing HTTP here.
 */
export type HandleDeliveryStatusCommand =
  | {
      provider: 'twilio';
      kind: 'message';
      messageId: string;
      providerId: string;
      /** Twilio's MessageStatus (queued, sent, delivered, undelivered, failed …). */
      status: string;
      errorCode: string | null;
    }
  | {
      provider: 'twilio';
      kind: 'call';
      messageId: string;
      providerId: string;
      /** Twilio's CallStatus (completed, busy, no-answer, failed, canceled …). */
      status: string;
      duration: string | null;
      /** A failed call's Twilio error code and SIP response (they say whether the number is in service). */
      errorCode?: string | null;
      sipResponseCode?: string | null;
    }
  | {
      provider: 'twilio';
      kind: 'answered-by';
      messageId: string;
      providerId: string;
      /** Twilio's AnsweredBy (human, machine_start, machine_end_beep, fax, unknown …). */
      answeredBy: string;
    };
