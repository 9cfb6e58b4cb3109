/**
 * How the store keys a borrower. Borrowers belong to a tenant: the same borrower id in two tenants
 * is two borrowers. Stored, a borrower of tenant `acme` is `acme~<id>` (`~` cannot appear in a
 * borrower id or a tenant id); a borrower of the default tenant keeps its bare id, so data written
 * before tenants existed is the default tenant's as it stands.
 *
 * The form is the store's alone. Outside the store a borrower's key is opaque: code that needs the
 * tenant or the id as the tenant knows it reads the entity's `tenant` and `ref` (filled here from
 * the key, or from the `tenant` column where the table has one), and code that names a borrower
 * builds the key with `borrowerKey`. No code outside src/store parses a key.
 */
import { DEFAULT_TENANT } from '../domain/tenant.js';

const SEP = '~';

/**
 * The key of the borrower `ref` of `tenant`. A ref carrying the separator is refused: given by a
 * caller, `acme~b1` would otherwise name tenant acme's borrower b1 from any tenant's key.
 */
export function borrowerKey(tenant: string, ref: string): string {
  if (ref.includes(SEP))
    throw new TypeError(`a borrower id cannot contain "${SEP}" (it separates the tenant in a stored id)`);
  return tenant === DEFAULT_TENANT ? ref : `${tenant}${SEP}${ref}`;
}

/** The tenant a key belongs to (the store's row mappers and queries only). */
export function tenantOfBorrowerKey(key: string): string {
  const i = key.indexOf(SEP);
  return i < 0 ? DEFAULT_TENANT : key.slice(0, i);
}

/** The borrower id as its tenant knows it (the store's row mappers only). */
export function refOfBorrowerKey(key: string): string {
  const i = key.indexOf(SEP);
  return i < 0 ? key : key.slice(i + SEP.length);
}
