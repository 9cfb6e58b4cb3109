/**
 * Compliance profiles: contact windows, frequency caps, the block after a conversation, consent
 * and opt-out keywords. Built-in `US-REGF` and `CN`; a custom profile is a JSON file of the same
 * shape, validated here. Pure: no I/O (the caller reads the file).
 */
import { CHANNELS, TEMPLATE_CHANNELS } from '../domain/channels.js';
import { z } from 'zod';

export const POLICY_CHANNELS = CHANNELS;
export const PolicyChannel = z.enum(POLICY_CHANNELS);

/** What became of a contact attempt. `pending`: reserved, outcome not known yet (counts, to be safe). */
export const OUTCOMES = [
  'pending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'answered',
  'no-answer',
  'voicemail',
  'busy',
  'not-in-service',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LocalTime = z.string().regex(TIME, 'must be HH:MM between 00:00 and 24:00');

export const ContactWindow = z
  .object({ from: LocalTime, to: LocalTime })
  .strict()
  .refine((w) => w.from < w.to, { error: '"from" must be before "to" (the end is exclusive)', path: ['to'] });
export type ContactWindow = z.infer<typeof ContactWindow>;

export const Period = z.union([
  z.object({ days: z.number().int().min(1).max(366) }).strict(),
  z
    .object({
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 366),
    })
    .strict(),
  z
    .object({
      minutes: z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 366),
    })
    .strict(),
]);
export type Period = z.infer<typeof Period>;

export const CapRule = z
  .object({
    name: z.string().min(1),
    channels: z.array(PolicyChannel).min(1),
    max: z.number().int().min(0),
    per: Period,
    /** Outcomes that use a slot; others (busy, not in service…) do not. */
    counts: z.array(Outcome).min(1),
    /** `number`: counted per phone number instead of per borrower. */
    scope: z.enum(['borrower', 'number']).default('borrower'),
    source: z.string().optional(),
    /** The state or local layer the cap comes from (src/policy/regions.ts); absent: the profile's own. */
    layer: z.string().optional(),
  })
  .strict();
export type CapRule = z.infer<typeof CapRule>;

/** Where a rule of a composed profile comes from: the layer's name and its citation. */
const LayerSource = z.object({ layer: z.string().min(1), source: z.string().min(1) }).strict();
/** Which layer set a narrowed window's opening and which its close (absent: the profile's own). */
const WindowLayers = z.object({ from: LayerSource, to: LayerSource }).partial().strict();

export const ProfileSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    windows: z.object({ sms: ContactWindow, voice: ContactWindow, email: ContactWindow }).strict(),
    windowSource: z.string().optional(),
    caps: z.array(CapRule),
    /** After a telephone conversation (answered call, either direction): no calls for `days` local calendar days, that day being day 1. */
    conversationBlock: z
      .object({
        channels: z.array(PolicyChannel).min(1),
        days: z.number().int().min(1).max(366),
        source: z.string().optional(),
      })
      .strict()
      .nullable(),
    consentRequired: z.object({ sms: z.boolean(), voice: z.boolean(), email: z.boolean() }).strict(),
    optOutKeywords: z.array(z.string().min(1)).min(1),
    /**
     * Text every message on these channels must carry, by language (any one phrase of the
     * language will do); checked by the template linter. `US-REGF`: "from a debt collector".
     */
    disclosure: z
      .object({
        channels: z.array(z.enum(TEMPLATE_CHANNELS)).min(1),
        phrases: z.record(z.string(), z.array(z.string().min(1)).min(1)),
        source: z.string().optional(),
      })
      .strict()
      .nullable()
      .default(null),
    /** Content is erased this many years after the borrower's last activity (a tombstone stays for the chain). */
    retentionYears: z.number().int().min(1).max(50).default(3),
    /**
     * The shortest period a tenant under this profile may set for itself (its record's
     * `retentionYears`): the law's minimum keeping period. Absent: 1 year.
     */
    retentionMinYears: z.number().int().min(1).max(50).optional(),
    /** Messages released when a window opens are spread over this many seconds after the opening. */
    spreadSeconds: z.number().int().min(0).max(3600).default(600),
    /**
     * An agent's answer to a borrower's own message (POST /v1/inbox/{borrowerId}/replies): sent within `withinHours`
     * of the borrower's latest message, it counts against the caps only if `countAgainstCaps`; later, it is an
     * ordinary message and counts. The contact window always applies; holds never keep an answer back.
     */
    agentReplies: z
      .object({
        countAgainstCaps: z.boolean(),
        withinHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 30),
      })
      .strict()
      .default({ countAgainstCaps: false, withinHours: 24 }),
    /** A courtesy reminder the day before each date a borrower promised to pay (docs/outcomes.md). */
    promiseCourtesy: z.boolean().default(true),
    /** A reminder's fallback is also taken for an SMS with no delivery report within FALLBACK_AFTER (docs/reach.md). */
    fallbackOnSilence: z.boolean().default(false),
    /**
     * An agency's first email about a debt carries the validation notice (docs/compliance.md,
     * "The validation notice"); null: no notice. `US-REGF`: 12 CFR 1006.34.
     */
    validationNotice: z.object({ source: z.string().optional() }).strict().nullable().default(null),
    // Region layers (src/policy/regions.ts): set on a profile composed with the borrower's state or local rules.
    /** The layers composed on top of this profile, in order (absent: none). */
    layers: z.array(z.string().min(1)).optional(),
    /** A channel's window where a layer narrowed it: the layer and citation of its opening and of its close (absent: `windowSource`). */
    windowSources: z
      .object({ sms: WindowLayers, voice: WindowLayers, email: WindowLayers })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

const PLACED_CALL: Outcome[] = ['pending', 'answered', 'no-answer', 'voicemail'];
/**
 * A text or email counts against its cap unless it failed: waiting for its outcome, sent or
 * delivered (contact outcomes, not message statuses: the caps' ledger records these).
 */
const COUNTED_SEND: Outcome[] = ['pending', 'sent', 'delivered'];

// FCC 24-24 (47 CFR 64.1200(a)(10)) and Twilio Advanced Opt-Out, plus the Chinese carrier convention:
// every built-in profile honours all of them (a borrower's STOP is never lost to a language).
/** The service's own cadence, in both built-in profiles: one text and one email a day at most. */
const GENTLE_DAILY_CAPS = [
  {
    name: 'sms-1-per-day',
    channels: ['sms'],
    max: 1,
    per: { days: 1 },
    counts: COUNTED_SEND,
    source: 'service policy (gentle cadence)',
  },
  {
    name: 'email-1-per-day',
    channels: ['email'],
    max: 1,
    per: { days: 1 },
    counts: COUNTED_SEND,
    source: 'service policy (gentle cadence)',
  },
];

const STOP_WORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'END',
  'QUIT',
  'CANCEL',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
  'TD',
  'T',
  '退订',
  // Spanish: the words a Spanish-speaking borrower texts to stop (the es-US templates name STOP and ALTO).
  'ALTO',
  'PARAR',
  'BAJA',
  'CANCELAR',
];

export const US_REGF: Profile = ProfileSchema.parse({
  name: 'US-REGF',
  description: 'Regulation F (12 CFR 1006) and the FDCPA, applied per borrower (stricter than per debt).',
  windows: {
    sms: { from: '08:00', to: '21:00' },
    voice: { from: '08:00', to: '21:00' },
    email: { from: '08:00', to: '21:00' },
  },
  windowSource: '12 CFR 1006.6(b)(1)(i)',
  caps: [
    {
      name: 'voice-7-per-7-days',
      channels: ['voice'],
      max: 7,
      per: { days: 7 },
      counts: PLACED_CALL,
      source: '12 CFR 1006.14(b)(2)(i)(A)',
    },
    ...GENTLE_DAILY_CAPS,
    {
      name: 'all-10-per-7-days',
      channels: [...CHANNELS],
      max: 10,
      per: { days: 7 },
      counts: [...new Set([...COUNTED_SEND, ...PLACED_CALL])],
      source: 'service policy (gentle cadence)',
    },
  ],
  conversationBlock: { channels: ['voice'], days: 7, source: '12 CFR 1006.14(b)(2)(i)(B)' },
  consentRequired: { sms: false, voice: false, email: false },
  optOutKeywords: STOP_WORDS,
  // Not the limited-content voicemail, which must say nothing about the debt (1006.2(j)).
  disclosure: {
    channels: ['sms', 'email', 'voice'],
    phrases: { en: ['debt collector'], zh: ['债务催收', '催收方'], es: ['cobrador de deudas'] },
    source: '12 CFR 1006.18(e)',
  },
  retentionYears: 3, // 12 CFR 1006.100: three years after the last collection activity
  retentionMinYears: 3, // 1006.100 is a minimum: a tenant may keep longer, never shorter
  spreadSeconds: 600,
  // Texts and emails have no legal cap under Reg F (the daily caps are the service's cadence): answering the
  // borrower the same day is not one more reminder; later, it is.
  agentReplies: { countAgainstCaps: false, withinHours: 24 },
  validationNotice: { source: '12 CFR 1006.34' },
});

export const CN: Profile = ProfileSchema.parse({
  name: 'CN',
  description: 'GB/T 45251-2025 and the China Banking Association consumer-loan collection guideline (2026).',
  windows: {
    sms: { from: '08:00', to: '22:00' },
    voice: { from: '08:00', to: '22:00' },
    email: { from: '08:00', to: '22:00' },
  },
  windowSource: 'GB/T 45251-2025; CBA guideline (2026)',
  caps: [
    // A call whose outcome is not known yet might be a conversation: it counts until it is known.
    {
      name: 'voice-3-conversations-per-day',
      channels: ['voice'],
      max: 3,
      per: { days: 1 },
      counts: ['pending', 'answered'],
      source: 'GB/T 45251-2025; CBA guideline (2026)',
    },
    {
      name: 'voice-6-unanswered-per-number-per-day',
      channels: ['voice'],
      max: 6,
      per: { days: 1 },
      counts: ['pending', 'no-answer', 'busy', 'voicemail'],
      scope: 'number',
      source: 'GB/T 45251-2025; CBA guideline (2026)',
    },
    ...GENTLE_DAILY_CAPS,
  ],
  conversationBlock: null,
  consentRequired: { sms: false, voice: false, email: false },
  optOutKeywords: STOP_WORDS,
  retentionYears: 5, // NIFA internet-loan collection convention (2018): five years
  retentionMinYears: 2, // credit cards: two years (2011 measures art. 68); internet loans keep the default 5
  spreadSeconds: 600,
  // The daily text and email caps are the service's cadence, not GB/T 45251's (which caps calls).
  agentReplies: { countAgainstCaps: false, withinHours: 24 },
});

export const BUILT_IN_PROFILES: Readonly<Record<string, Profile>> = Object.freeze({ 'US-REGF': US_REGF, CN });

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** A profile from a built-in name or a parsed JSON object; errors name the field. */
export function resolveProfile(spec: string | unknown, origin = 'profile'): Profile {
  if (typeof spec === 'string') {
    // Own names only: "constructor" or "__proto__" are not profiles.
    const found = Object.hasOwn(BUILT_IN_PROFILES, spec) ? BUILT_IN_PROFILES[spec] : undefined;
    if (!found)
      throw new ProfileError(
        `${origin}: unknown profile "${spec}" (built in: ${Object.keys(BUILT_IN_PROFILES).join(', ')})`,
      );
    return found;
  }
  const parsed = ProfileSchema.safeParse(spec);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`);
    throw new ProfileError(`${origin} is not a valid profile:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
