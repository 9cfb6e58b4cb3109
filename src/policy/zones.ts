/**
 * The time zones a borrower may be in. Known: the recorded zone. Ambiguous: every candidate
 * recorded. Unknown: every zone of the phone number's country (or, without a phone, of the
 * locale's region). A time is convenient only if it is convenient in every one of them.
 */
import { getCountry } from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface ZoneSource {
  timezone: string | string[] | null;
  phone: string | null;
  locale: string;
}

export function contactZones(b: ZoneSource): string[] {
  if (typeof b.timezone === 'string') return [b.timezone];
  if (Array.isArray(b.timezone) && b.timezone.length > 0) return [...new Set(b.timezone)];
  const country = (b.phone ? parsePhoneNumberFromString(b.phone)?.country : undefined) ?? regionOf(b.locale);
  const zones = country ? getCountry(country)?.timezones : undefined;
  return zones && zones.length > 0 ? [...zones] : ['UTC'];
}

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** Dates are shown in the borrower's zone; with several candidate zones, the first. */
export function displayZone(borrower: { timezone: string | string[] | null }): string | null {
  const tz = borrower.timezone;
  if (tz === null) return null;
  return Array.isArray(tz) ? (tz[0] ?? null) : tz;
}
