/**
 * The validation notice (12 CFR 1006.34) a debt collector gives with its initial communication
 * about a debt: the dates it names and the itemization it shows. Pure: the sending instant, the
 * zone and the data are arguments.
 *
 * - The validation period ends 30 days after the consumer receives, or is assumed to receive, the
 *   notice; a collector may assume receipt on any date at least five days after it provides it,
 *   excluding legal public holidays, Saturdays and Sundays (1006.34(b)(5)). The service assumes
 *   receipt on the fifth such day after the sending date and counts 30 calendar days from it.
 * - The legal public holidays are those of 5 U.S.C. 6103(a). A holiday on a Saturday or Sunday is
 *   observed on the Friday before or the Monday after (5 U.S.C. 6103(b), Executive Order 11582);
 *   both the date and the observed day are excluded, which only makes the period longer.
 */
import { DateTime } from 'luxon';
import { ITEMIZATION_DATE_KINDS, type Itemization, type ItemizationDateKind } from '../domain/validation-notice.js';

export { ITEMIZATION_DATE_KINDS, type Itemization, type ItemizationDateKind };

export const VALIDATION_NOTICE_RULE = '12 CFR 1006.34';
/** Where the notice sends the consumer to learn about their rights (Model Form B-1). */
export const CFPB_DEBT_COLLECTION_URL = 'www.cfpb.gov/debt-collection';
/** Days the notice may be assumed received after it is sent, counting business days only (1006.34(b)(5)). */
export const ASSUMED_RECEIPT_BUSINESS_DAYS = 5;
/**
 * Days after an initial communication that is not the notice (a text, a call) within which the
 * notice must be provided (1006.34(a)(1)(i)(B)): calendar days.
 */
export const NOTICE_WITHIN_DAYS = 5;
/** Days after (assumed) receipt the validation period ends (1006.34(b)(5)). */
export const VALIDATION_PERIOD_DAYS = 30;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(iso: string): number {
  if (!ISO_DATE.test(iso)) throw new RangeError(`not a date (YYYY-MM-DD): ${iso}`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => isoOf(Date.UTC(y, m - 1, d));

/** The `n`th `weekday` (0 Sunday … 6 Saturday) of a month; n = -1: the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return ymd(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  const back = (lastDay.getUTCDay() - weekday + 7) % 7;
  return ymd(year, month, lastDay.getUTCDate() - back);
}

/** A fixed-date holiday and, when it falls on a weekend, the weekday it is observed on. */
function fixed(year: number, month: number, day: number): string[] {
  const at = Date.UTC(year, month - 1, day);
  const wd = new Date(at).getUTCDay();
  const observed = wd === 6 ? at - DAY_MS : wd === 0 ? at + DAY_MS : undefined;
  return observed === undefined ? [isoOf(at)] : [isoOf(at), isoOf(observed)];
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The legal public holidays of 5 U.S.C. 6103(a) in `year`, with their observed days (YYYY-MM-DD). */
export function legalPublicHolidays(year: number): ReadonlySet<string> {
  const known = holidayCache.get(year);
  if (known) return known;
  const days = new Set<string>([
    ...fixed(year, 1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday in January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday in February
    nthWeekday(year, 5, 1, -1), // Memorial Day: last Monday in May
    ...(year >= 2021 ? fixed(year, 6, 19) : []), // Juneteenth National Independence Day (since 2021)
    ...fixed(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday in September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday in October
    ...fixed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday in November
    ...fixed(year, 12, 25), // Christmas Day
  ]);
  // New Year's Day of the next year on a Saturday is observed on 31 December of this one.
  for (const d of fixed(year + 1, 1, 1)) if (d.startsWith(`${year}-`)) days.add(d);
  if (holidayCache.size > 200) holidayCache.clear();
  holidayCache.set(year, days);
  return days;
}

/** Not a Saturday, a Sunday or a legal public holiday (or the day one is observed). */
export function isBusinessDay(date: string): boolean {
  const wd = new Date(dayOf(date)).getUTCDay();
  if (wd === 0 || wd === 6) return false;
  return !legalPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The `n`th business day after `date` (the date itself not counted). */
export function addBusinessDays(date: string, n: number): string {
  let at = dayOf(date);
  for (let counted = 0; counted < n;) {
    at += DAY_MS;
    if (isBusinessDay(isoOf(at))) counted++;
  }
  return isoOf(at);
}

export const addDays = (date: string, n: number): string => isoOf(dayOf(date) + n * DAY_MS);

/** The latest instant the notice may go after an initial communication at `firstAt` (1006.34(a)(1)(i)(B)). */
export const noticeDueBy = (firstAt: Date): string =>
  new Date(firstAt.getTime() + NOTICE_WITHIN_DAYS * DAY_MS).toISOString();

/** The dates a notice sent at `sentAt` names, in the consumer's zone (unknown: UTC). */
export interface NoticeDates {
  /** The date it was sent. */
  sentOn: string;
  /** The fifth business day after: when the consumer is assumed to have received it. */
  assumedReceiptOn: string;
  /** The last day of the validation period: the dispute and original-creditor deadline. */
  endsOn: string;
  /**
   * The instant the validation period ends: the end of `endsOn` in the consumer's zone, or, when
   * it is unknown, in the westernmost zone (UTC−12), so no consumer's last day is cut short.
   */
  endsAt: string;
}

export function noticeDates(sentAt: Date, zone: string | null): NoticeDates {
  const z = zone ?? 'UTC';
  const local = DateTime.fromJSDate(sentAt, { zone: z });
  const sentOn = (local.isValid ? local : DateTime.fromJSDate(sentAt, { zone: 'UTC' })).toISODate()!;
  const assumedReceiptOn = addBusinessDays(sentOn, ASSUMED_RECEIPT_BUSINESS_DAYS);
  const endsOn = addDays(assumedReceiptOn, VALIDATION_PERIOD_DAYS);
  const end = DateTime.fromISO(endsOn, { zone: zone && local.isValid ? z : 'Etc/GMT+12' }).endOf('day');
  return { sentOn, assumedReceiptOn, endsOn, endsAt: end.toUTC().toISO()! };
}

// Exact decimal arithmetic on the request's decimal strings (at most 6 places: request.schemas.ts).
const SCALE = 6;
function units(amount: string): bigint {
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole!) * 10n ** BigInt(SCALE) + BigInt((frac + '0'.repeat(SCALE)).slice(0, SCALE));
}
function places(amount: string): number {
  return amount.includes('.') ? amount.split('.')[1]!.length : 0;
}
function decimal(u: bigint, scale: number): string {
  const neg = u < 0n;
  const abs = neg ? -u : u;
  const base = 10n ** BigInt(SCALE);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(SCALE, '0').slice(0, scale);
  return `${neg ? '-' : ''}${whole}${scale > 0 ? `.${frac}` : ''}`;
}

/** The itemization's amounts, the payments and credits together, and the current amount. */
export interface ItemizedAmounts {
  currency: string;
  atItemization: string;
  interest: string;
  fees: string;
  payments: string;
  credits: string;
  /** Payments and credits together: the model form's "paid or were credited" line. */
  paidOrCredited: string;
  /** atItemization + interest + fees − payments − credits. */
  current: string;
}

export function itemizedAmounts(it: Itemization): ItemizedAmounts {
  const parts = [it.atItemization, it.interest, it.fees, it.payments, it.credits];
  // Shown with as many places as the most precise amount given, and at least two.
  const scale = Math.max(2, ...parts.map((m) => places(m.amount)));
  const fmt = (u: bigint) => decimal(u, scale);
  const [at, interest, fees, payments, credits] = parts.map((m) => units(m.amount)) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  return {
    currency: it.atItemization.currency,
    atItemization: fmt(at),
    interest: fmt(interest),
    fees: fmt(fees),
    payments: fmt(payments),
    credits: fmt(credits),
    paidOrCredited: fmt(payments + credits),
    current: fmt(at + interest + fees - payments - credits),
  };
}

/** Whether two decimal strings are the same amount ("120.5" and "120.50" are). */
export const sameAmount = (a: string, b: string): boolean => units(a) === units(b);
export const isNegative = (a: string): boolean => a.startsWith('-');

/** What the collector's notice needs of the tenant and the request, by the field's name when missing. */
export function missingForNotice(
  debt: { itemization?: Itemization | null | undefined },
  collector: { name?: string | null | undefined; mailingAddress?: string | null | undefined } | null,
): string[] {
  const missing: string[] = [];
  if (!debt.itemization) missing.push('debt.itemization');
  if (!collector?.name) missing.push('tenant contact.name');
  if (!collector?.mailingAddress) missing.push('tenant contact.mailingAddress');
  return missing;
}

/** What the notice's partial sees as `validation`. */
export interface NoticeContext {
  collector: { name: string; mailingAddress: string; phone: string | null; hours: string | null };
  itemizationDate: string;
  itemizationDateKind: ItemizationDateKind;
  /** Which reference date it is, one true (templates say it in their language: strict mode has no `eq`). */
  dateIs: { lastStatement: boolean; chargeOff: boolean; lastPayment: boolean; transaction: boolean; judgment: boolean };
  /** Each amount as `{amount, currency}`, for the `money` helper. */
  amounts: Record<Exclude<keyof ItemizedAmounts, 'currency'>, { amount: string; currency: string }>;
  sentOn: string;
  assumedReceiptOn: string;
  endsOn: string;
  cfpbUrl: string;
}

export function noticeContext(
  itemization: Itemization,
  collector: {
    name: string;
    mailingAddress: string;
    phone?: string | null | undefined;
    hours?: string | null | undefined;
  },
  dates: NoticeDates,
): NoticeContext {
  const a = itemizedAmounts(itemization);
  const m = (amount: string) => ({ amount, currency: a.currency });
  return {
    collector: {
      name: collector.name,
      mailingAddress: collector.mailingAddress,
      phone: collector.phone ?? null,
      hours: collector.hours ?? null,
    },
    itemizationDate: itemization.date,
    itemizationDateKind: itemization.dateKind,
    dateIs: {
      lastStatement: itemization.dateKind === 'last-statement',
      chargeOff: itemization.dateKind === 'charge-off',
      lastPayment: itemization.dateKind === 'last-payment',
      transaction: itemization.dateKind === 'transaction',
      judgment: itemization.dateKind === 'judgment',
    },
    amounts: {
      atItemization: m(a.atItemization),
      interest: m(a.interest),
      fees: m(a.fees),
      payments: m(a.payments),
      credits: m(a.credits),
      paidOrCredited: m(a.paidOrCredited),
      current: m(a.current),
    },
    sentOn: dates.sentOn,
    assumedReceiptOn: dates.assumedReceiptOn,
    endsOn: dates.endsOn,
    cfpbUrl: CFPB_DEBT_COLLECTION_URL,
  };
}

/** The partial the notice is rendered from for a message's locale: Spanish for `es-*`, English otherwise. */
export function noticePartialFor(locale: string): 'validation-notice-en-US' | 'validation-notice-es-US' {
  return locale.toLowerCase().startsWith('es') ? 'validation-notice-es-US' : 'validation-notice-en-US';
}
