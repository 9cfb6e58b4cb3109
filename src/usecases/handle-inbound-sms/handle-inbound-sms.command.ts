/** A text a borrower sent us, parsed from the provider's webhook; the tenant is the one whose number it was sent to. */
export interface HandleInboundSmsCommand {
  provider: 'twilio';
  tenant: string;
  /** The sender's number as the provider gave it (normalised by the use case). */
  from: string;
  body: string;
  /** The provider's id of the text. */
  providerId: string;
}
