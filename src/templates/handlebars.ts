/**
 * The Handlebars instance used for every template: its own instance (never the global one),
 * with helpers for money, dates in the borrower's zone and masked account references.
 * Helpers read the locale and time zone from the render context's root (`_locale`, `_zone`).
 */
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';

interface HelperOptions {
  data?: { root?: { _locale?: string; _zone?: string } };
}

function rootLocale(options: HelperOptions): string {
  return options.data?.root?._locale ?? 'en-US';
}

function rootZone(options: HelperOptions): string {
  return options.data?.root?._zone ?? 'UTC';
}

export class TemplateDataError extends Error {
  override name = 'TemplateDataError';
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** Formats `{amount: "1234.50", currency: "CNY"}` exactly (the decimal string is never a float). */
export function formatMoney(value: unknown, locale: string): string {
  if (typeof value !== 'object' || value === null || !('amount' in value) || !('currency' in value)) {
    throw new TemplateDataError('money expects {amount, currency}');
  }
  const { amount, currency } = value as { amount: unknown; currency: unknown };
  if (typeof amount !== 'string' || typeof currency !== 'string') {
    throw new TemplateDataError('money expects amount and currency as strings');
  }
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 NumberFormat v3).
  const key = `${locale}|${currency}`;
  let nf = FORMATS.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    FORMATS.set(key, nf);
  }
  return (nf.format as unknown as (v: string) => string)(amount);
}

/**
 * Formatted dates remembered by (date, locale, zone): a due date is shared by many borrowers, and
 * luxon's parse and Intl formatting were 2 % of the pipeline's CPU. Bounded: cleared when full.
 */
const formattedDates = new Map<string, string>();

export function formatDate(value: unknown, locale: string, zone: string): string {
  if (typeof value !== 'string') throw new TemplateDataError('date expects an ISO date string');
  const key = `${value}\u0000${locale}\u0000${zone}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  const dt = DateTime.fromISO(value, { zone });
  if (!dt.isValid) throw new TemplateDataError(`date: "${value}" is not an ISO date`);
  const out = dt.setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  if (formattedDates.size >= 10_000) formattedDates.clear();
  formattedDates.set(key, out);
  return out;
}

export function lastFour(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new TemplateDataError('expects an account reference');
  const s = String(value).replace(/\s+/g, '');
  return s.slice(-4);
}

/** The rendered text grew past the instance's budget (a draft whose partials multiply). */
export class OutputBudgetError extends Error {
  override name = 'OutputBudgetError';
  constructor(readonly limit: number) {
    super(`makes its partials produce more than ${limit.toLocaleString('en-US')} characters`);
  }
}

export interface HandlebarsOptions {
  /**
   * For user-supplied templates: the characters all partials of this instance may produce
   * together. Counted as each partial returns, so a template whose partials double at each
   * level stops after about `maxOutput` characters of work instead of growing without end.
   */
  maxOutput?: number;
}

type PartialInvoker = (this: unknown, partial: unknown, context: unknown, options: unknown) => string;

export function createHandlebars(options: HandlebarsOptions = {}): typeof Handlebars {
  const hb = Handlebars.create();
  if (options.maxOutput !== undefined) {
    const limit = options.maxOutput;
    let used = 0;
    // The runtime calls partials through env.VM; this instance gets its own copy of it.
    const vm = hb.VM as unknown as { invokePartial: PartialInvoker };
    const invoke = vm.invokePartial;
    (hb as unknown as { VM: unknown }).VM = {
      ...vm,
      invokePartial(this: unknown, partial: unknown, context: unknown, opts: unknown) {
        const out = invoke.call(this, partial, context, opts);
        used += out.length;
        if (used > limit) throw new OutputBudgetError(limit);
        return out;
      },
    };
  }
  hb.registerHelper('money', (value: unknown, options: HelperOptions) => formatMoney(value, rootLocale(options)));
  hb.registerHelper('date', (value: unknown, options: HelperOptions) =>
    formatDate(value, rootLocale(options), rootZone(options)),
  );
  hb.registerHelper('mask', (value: unknown) => `****${lastFour(value)}`);
  hb.registerHelper('last4', (value: unknown) => lastFour(value));
  return hb;
}
