/**
 * 0031-es-templates-language-preference: the borrower's language preference as recorded (New York
 * City requires a collector to ascertain and record it: 6 RCNY 2-193(b)(5)). `locale` stays what
 * messages are rendered in, defaulting to en-US; `language_preference` is the language the
 * collection system said the borrower prefers (null: never said), `language_recorded_at` when it
 * said so. A borrower stored before with a locale other than the default had one stated: it is
 * kept as the preference, with no date (when it was stated is not known).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table borrowers add column language_preference text`.execute(db);
  await sql`alter table borrowers add column language_recorded_at text`.execute(db);
  await sql`update borrowers set language_preference = locale where locale <> 'en-US'`.execute(db);
}
