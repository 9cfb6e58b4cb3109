/**
 * The one error type providers throw. Whether a failure is worth retrying is decided here, in
 * the adapter that knows the vendor, and nowhere else.
 */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly code: string,
    /** true: retrying cannot help (invalid number, recipient unsubscribed); the message fails. */
    readonly permanent: boolean,
    readonly provider: string,
    /** false when the provider certainly did not send (it answered with an error, or was never reached). */
    readonly mayHaveReached = false,
  ) {
    super(message);
  }
}
