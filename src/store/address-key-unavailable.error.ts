/**
 * The store holds a suppression-address key that neither SIGNING_SECRET nor SIGNING_SECRET_PREVIOUS
 * unwraps (address-key.ts): the service must not start, since a new key would match none of the
 * erased borrowers' suppressions and they would be contacted again.
 */
export class AddressKeyUnavailableError extends Error {
  override readonly name = 'AddressKeyUnavailableError';

  constructor(
    /** The fingerprint of the secret the stored key is wrapped under. */
    readonly wrappedUnder: string,
    /** The fingerprints of SIGNING_SECRET and SIGNING_SECRET_PREVIOUS (null: not set). */
    readonly tried: { current: string; previous: string | null },
  ) {
    super(
      `the suppression-address key in the store is wrapped under the secret with fingerprint ${wrappedUnder}, and ` +
        `neither SIGNING_SECRET (fingerprint ${tried.current}) nor SIGNING_SECRET_PREVIOUS ` +
        `(${tried.previous === null ? 'not set' : `fingerprint ${tried.previous}`}) unwraps it: start with ` +
        `SIGNING_SECRET_PREVIOUS set to the secret with fingerprint ${wrappedUnder} (the one before the rotation), ` +
        'once, so the key is re-wrapped under SIGNING_SECRET. Do not delete the stored key: no erased ' +
        'borrower’s suppression would match any more (docs/security.md, "Rotating SIGNING_SECRET")',
    );
  }
}
