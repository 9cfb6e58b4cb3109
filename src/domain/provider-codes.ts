/** Provider answers more than one part acts on. */

/** Twilio 21610: the recipient replied STOP to this sender; the number is suppressed for SMS. */
export const TWILIO_RECIPIENT_UNSUBSCRIBED = '21610';
export const RECIPIENT_UNSUBSCRIBED_DETAIL = 'twilio-21610 (recipient unsubscribed)';
