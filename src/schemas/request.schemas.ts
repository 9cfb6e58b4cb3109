/**
 * Request schemas for the v1 API. They validate, normalise (E.164 phones, canonical locales)
 * and feed the OpenAPI document, so the contract and the checks cannot drift apart.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { getCountry } from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { tooDeep } from './json-depth.js';
import { normaliseAddress } from '../policy/address.js';
import { LOCALITIES } from '../policy/regions.js';
import {
  isNegative,
  type Itemization as ItemizationData,
  ITEMIZATION_DATE_KINDS,
  itemizedAmounts,
  sameAmount,
} from '../policy/validation-notice.js';

const CURRENCY_CODES = Intl.supportedValuesOf('currency');
const KNOWN_CURRENCIES = new Set(CURRENCY_CODES);

/**
 * The shapes below are what the OpenAPI document can say of a check JSON Schema cannot make
 * (libphonenumber's numbering plans, the tz database, ICU's locale rules): a client that
 * validates against the document refuses what is plainly wrong, and the server's message says
 * the rest. Each is also checked here, so the document is never looser than its pattern says.
 */
const PHONE_MESSAGE = (value: unknown) =>
  `phone "${String(value)}" is not a valid E.164 number: give the country code and the whole number, e.g. +14155550100`;
/** A `+`, the country code and the number; spaces, dots, dashes and parentheses between digits are dropped. */
const PHONE_SHAPE = /^\s*\+[1-9][0-9 ().-]{5,24}\s*$/;
/** An IANA zone's name: `UTC`, `Asia/Shanghai`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`. */
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
/** A BCP 47 tag's shape: a language subtag, then subtags of 1 to 8 letters or digits. */
const LOCALE_SHAPE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export const Phone = z
  .string()
  .regex(PHONE_SHAPE, { error: (iss) => PHONE_MESSAGE(iss.input) })
  .meta({
    description:
      'An E.164 number: `+`, the country code and the number (spaces, dots, dashes and parentheses are removed); checked against its country’s numbering plan',
    examples: ['+14155550100', '+8613800138000'],
  })
  .transform((value, ctx) => {
    const parsed = value.trim().startsWith('+') ? parsePhoneNumberFromString(value.trim()) : undefined;
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE(value) });
      return z.NEVER;
    }
    return parsed.number;
  });

/** A phone number or email address, normalised as the suppression list and the caps key it. */
export const Address = z
  .string()
  .max(320)
  .transform((value, ctx) => {
    const a = normaliseAddress(value);
    if (!a.ok) {
      ctx.addIssue({ code: 'custom', message: a.message });
      return z.NEVER;
    }
    return a.address;
  });

/** luxon's check builds an Intl formatter each time: remember the answers. */
const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 10_000) zoneValidity.set(zone, ok);
  }
  return ok;
}

const ZONE_MESSAGE = (value: unknown) =>
  `time zone "${String(value)}" is not an IANA zone such as "Asia/Shanghai" or "America/New_York"`;

export const TimeZone = z
  .string()
  .max(64, 'a time zone name is at most 64 characters')
  .regex(ZONE_SHAPE, { error: (iss) => ZONE_MESSAGE(iss.input) })
  .meta({
    description: 'An IANA time zone name, checked against the tz database',
    examples: ['America/New_York', 'Asia/Shanghai'],
  })
  .refine((v) => isValidZone(v), {
    error: (iss) => ZONE_MESSAGE(iss.input),
  });

const LOCALE_MESSAGE = (value: unknown) => `locale "${String(value)}" is not a BCP 47 tag such as "en-US" or "zh-CN"`;

export const Locale = z
  .string()
  .max(64)
  .regex(LOCALE_SHAPE, { error: (iss) => LOCALE_MESSAGE(iss.input) })
  .meta({
    description:
      'A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US',
    examples: ['en-US', 'zh-CN', 'es-US'],
  })
  .transform((value, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // fall through
    }
    ctx.addIssue({ code: 'custom', message: LOCALE_MESSAGE(value) });
    return z.NEVER;
  });

export const Money = z.object({
  amount: z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'required' : `must be a decimal string such as "1234.50", not a ${typeof iss.input}`,
    })
    .regex(
      /^\d{1,15}(\.\d{1,6})?$/,
      'must be a decimal string such as "1234.50" (digits, an optional point, no sign or separators)',
    ),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD" or "CNY"')
    .refine((c) => KNOWN_CURRENCIES.has(c), { error: (iss) => `unknown currency "${String(iss.input)}"` })
    // The document lists the codes this server knows (ICU's), so a client can refuse the rest.
    .meta({ enum: CURRENCY_CODES, description: 'An ISO 4217 code this server knows' }),
});

/**
 * What a validation notice itemizes (12 CFR 1006.34(c)(2)(vi)–(viii)): the debt on the itemization
 * date and what was added and taken off since, each in the currency of `amountDue`, adding up to it.
 */
export const Itemization = z
  .object({
    date: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).meta({ description: 'The itemization date' }),
    dateKind: z.enum(ITEMIZATION_DATE_KINDS).meta({
      description: 'Which of the five reference dates of 12 CFR 1006.34(b)(3) the itemization date is',
    }),
    atItemization: Money.meta({ description: 'What was owed on the itemization date' }),
    interest: Money.meta({ description: 'Interest charged since the itemization date (0 if none)' }),
    fees: Money.meta({ description: 'Fees charged since the itemization date (0 if none)' }),
    payments: Money.meta({ description: 'Payments applied since the itemization date (0 if none)' }),
    credits: Money.meta({ description: 'Credits applied since the itemization date (0 if none)' }),
  })
  .strict()
  .meta({
    description:
      "What the validation notice of an agency's first email about the debt itemizes (12 CFR 1006.34); required then",
  });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const Blackout = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    from: z.string().regex(HHMM, 'must be HH:MM (00:00 to 24:00)'),
    to: z.string().regex(HHMM, 'must be HH:MM (00:00 to 24:00)'),
  })
  .strict()
  .refine((b) => b.from < b.to, { error: '"from" must be before "to"', path: ['to'] });

export const Consent = z
  .object({ sms: z.boolean().optional(), voice: z.boolean().optional(), email: z.boolean().optional() })
  .strict();

const REGION_MESSAGE = (value: unknown) =>
  `region "${String(value)}" is not an ISO 3166-2 code: the country, a hyphen and the subdivision, e.g. "US-MA" or "US-NY" (or a locality: ${knownLocalities()})`;
/**
 * ISO 3166-2: a country's two letters, a hyphen, and one to three letters or digits of its subdivision;
 * for a locality with rules of its own, a hyphen and its three-letter UN/LOCODE location code (`US-NY-NYC`).
 */
const REGION_SHAPE = /^[A-Z]{2}-[A-Z0-9]{1,3}(-[A-Z0-9]{3})?$/;
const knownLocalities = () =>
  Object.entries(LOCALITIES)
    .map(([code, name]) => `"${code}", ${name}`)
    .join('; ');
/** ISO 3166-2:US: the fifty states, the District of Columbia and the outlying areas. */
const US_SUBDIVISIONS = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI'
  ).split(' '),
);

/**
 * Where the borrower lives, as an ISO 3166-2 subdivision, or a locality with rules of its own
 * (`US-NY-NYC`); it picks the state and local rules (docs/compliance.md).
 */
export const Region = z
  .string()
  .max(10, { error: (iss) => REGION_MESSAGE(iss.input) })
  .regex(REGION_SHAPE, { error: (iss) => REGION_MESSAGE(iss.input) })
  .meta({
    description:
      'An ISO 3166-2 subdivision code (country, hyphen, subdivision); for the United States a state, DC or an outlying area. A locality with rules of its own adds a hyphen and its UN/LOCODE location code: "US-NY-NYC" (New York City), which takes the state\'s rules and the city\'s. It picks the state and local rules layered on the profile',
    examples: ['US-MA', 'US-NY', 'US-NY-NYC'],
  })
  .superRefine((value, ctx) => {
    // The shape was refused already (zod runs every check): one message is enough.
    if (!REGION_SHAPE.test(value)) return;
    const [country = '', sub = '', locality] = value.split('-');
    if (locality !== undefined && !Object.hasOwn(LOCALITIES, value))
      ctx.addIssue({
        code: 'custom',
        message: `region "${value}" is not a locality with rules of its own (known: ${knownLocalities()}); elsewhere give the state alone, e.g. "US-NY"`,
      });
    else if (!getCountry(country))
      ctx.addIssue({ code: 'custom', message: `region "${value}": "${country}" is not an ISO 3166-1 country code` });
    else if (country === 'US' && !US_SUBDIVISIONS.has(sub))
      ctx.addIssue({
        code: 'custom',
        message: `region "${value}" is not a US state, the District of Columbia or an outlying area (ISO 3166-2:US, e.g. "US-MA")`,
      });
  });

/** The borrower's postal address, as far as the policy needs it: the region. */
export const BorrowerAddress = z
  .object({ region: Region.nullable().optional() })
  .strict()
  .meta({ description: 'Where the borrower lives; `region: null` (or `address: null`) clears what was recorded' });

const borrowerFields = {
  name: z.string().trim().min(1).max(200).nullable().optional(),
  locale: Locale.optional(),
  timezone: z
    .union([TimeZone, z.array(TimeZone).min(1).max(10)])
    .nullable()
    .optional(),
  phone: Phone.nullable().optional(),
  email: z
    .email({ error: (iss) => `"${String(iss.input)}" is not an email address` })
    .nullable()
    .optional(),
  consent: Consent.optional(),
  blackouts: z.array(Blackout).max(50).optional(),
  address: BorrowerAddress.nullable().optional(),
};

export const BorrowerId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'letters, digits and . _ : @ - only');

export const BorrowerInput = z.object({ id: BorrowerId, ...borrowerFields }).strict();
export type BorrowerInput = z.infer<typeof BorrowerInput>;

/** PUT /v1/borrowers/:id: the id comes from the path (a body id, if given, must match). */
export const BorrowerPut = z.object({ id: BorrowerId.optional(), ...borrowerFields }).strict();

const isoInstant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T09:30:00+08:00',
});

/** The debt's fields, unrefined (a schema that extends it adds `itemizationIssues` again). */
export const DebtObject = z
  .object({
    accountRef: z.string().trim().min(1).max(64),
    creditor: z.string().trim().min(1).max(200),
    amountDue: Money,
    dueDate: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }),
    daysOverdue: z.number().int().min(-366).max(100_000),
    minimumPayment: Money.optional(),
    paymentUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', description: 'An http(s) URL where the borrower can pay' })
      .optional(),
    itemization: Itemization.optional(),
  })
  .strict();

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

/** The itemization's amounts in amountDue's currency, adding up to it (checked once each amount is well formed). */
export function itemizationIssues(
  d: { amountDue: { amount: string; currency: string }; itemization?: ItemizationData | undefined },
  ctx: z.RefinementCtx,
): void {
  {
    const it = d.itemization;
    if (!it || !DECIMAL.test(d.amountDue.amount)) return;
    // One currency throughout: the notice's table adds them up.
    const fields = ['atItemization', 'interest', 'fees', 'payments', 'credits'] as const;
    let sameCurrency = true;
    for (const f of fields)
      if (it[f].currency !== d.amountDue.currency) {
        sameCurrency = false;
        ctx.addIssue({
          code: 'custom',
          path: ['itemization', f, 'currency'],
          message: `must be the currency of amountDue (${d.amountDue.currency})`,
        });
      }
    if (!sameCurrency || fields.some((f) => !DECIMAL.test(it[f].amount))) return;
    const { current } = itemizedAmounts(it);
    if (isNegative(current))
      ctx.addIssue({
        code: 'custom',
        path: ['itemization'],
        message: `adds up to ${current}: the payments and credits exceed what was owed`,
      });
    else if (!sameAmount(current, d.amountDue.amount))
      ctx.addIssue({
        code: 'custom',
        path: ['itemization'],
        message: `adds up to ${current} (atItemization + interest + fees - payments - credits), but amountDue is ${d.amountDue.amount}: the validation notice's current amount must be the amount the reminder asks for`,
      });
  }
}

export const Debt = DebtObject.superRefine(itemizationIssues);

export const ReminderChannel = z.enum(['sms', 'voice', 'email', 'auto']);

export const ReminderInput = z
  .object({
    externalId: z.string().min(1).max(200).optional(),
    borrower: BorrowerInput.optional(),
    borrowerId: BorrowerId.optional(),
    debt: Debt,
    channel: ReminderChannel,
    /** Required unless `experiment` names one: then the borrower's arm chooses it. */
    template: z.string().min(1).max(100).optional(),
    /** A champion/challenger experiment of EXPERIMENTS_FILE: the borrower's arm picks the template (and channel). */
    experiment: z.string().min(1).max(64).optional(),
    sendAt: isoInstant.optional(),
    expiresAt: isoInstant.optional(),
    /** Who the borrower can reply to (templates show it; the voicemail needs an agent and a phone). */
    contact: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        agent: z.string().trim().min(1).max(200).optional(),
        phone: z.string().trim().min(3).max(40).optional(),
        hours: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .optional(),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((m) => tooDeep(m, 8) === undefined, 'must nest at most 8 levels of objects and arrays')
      .refine((m) => JSON.stringify(m).length <= 4096, 'must be at most 4 KB of JSON')
      .optional(),
    /**
     * The channels to try next, in order, when the message's channel cannot reach the borrower (a
     * landline for SMS, a number not in service, a hard bounce): docs/reach.md, "Channel fallback".
     */
    fallback: z
      .array(z.enum(['sms', 'voice', 'email']))
      .min(1)
      .max(2)
      .refine((cs) => new Set(cs).size === cs.length, 'names a channel twice')
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.fallback && r.channel !== 'auto' && r.fallback.includes(r.channel))
      ctx.addIssue({
        code: 'custom',
        path: ['fallback'],
        message: `names the reminder's own channel (${r.channel}): list the channels to try after it`,
      });
    // Absent, not empty: an empty string is already refused by the field's own check.
    if (r.template === undefined && r.experiment === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['template'],
        message: 'required: a template key, or an experiment whose arms choose it',
      });
    if (!r.borrower && !r.borrowerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['borrower'],
        message: 'required: the borrower inline, or borrowerId of one created with PUT /v1/borrowers/:id',
      });
    }
    if (r.borrower && r.borrowerId && r.borrower.id !== r.borrowerId) {
      ctx.addIssue({ code: 'custom', path: ['borrowerId'], message: `differs from borrower.id ("${r.borrower.id}")` });
    }
    if (r.sendAt && r.expiresAt && Date.parse(r.expiresAt) <= Date.parse(r.sendAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after sendAt' });
    }
  })
  // What the refinement above and the intake require, said in JSON Schema for generated clients.
  .meta({
    allOf: [
      { anyOf: [{ required: ['template'] }, { required: ['experiment'] }] },
      { anyOf: [{ required: ['borrower'] }, { required: ['borrowerId'] }] },
      ...(['sms', 'voice', 'email'] as const).map((channel) => ({
        if: { required: ['channel'], properties: { channel: { const: channel } } },
        // Not a borrower whose phone (email) is given as null.
        then: {
          not: {
            required: ['borrower'],
            properties: {
              borrower: {
                required: [channel === 'email' ? 'email' : 'phone'],
                properties: { [channel === 'email' ? 'email' : 'phone']: { type: 'null' } },
              },
            },
          },
        },
      })),
    ],
  });
export type ReminderInput = z.infer<typeof ReminderInput>;

export const MAX_BATCH = 1000;
export const BatchInput = z
  .object({
    reminders: z
      .array(z.unknown())
      .min(1, 'at least one reminder')
      .max(MAX_BATCH, `at most ${MAX_BATCH} reminders per batch`),
  })
  .strict();
