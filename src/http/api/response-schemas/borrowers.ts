/**
 * The bodies of the borrower, account-strategy, console, tenant and policy routes, as zod
 * schemas (the OpenAPI document publishes them; the contract check holds the suite's answers to
 * them). Each mirrors what its handler sends: borrowers.routes.ts, strategy.routes.ts,
 * audit.routes.ts (the timeline), ui.routes.ts (/v1/me), tenants.routes.ts and policy.routes.ts.
 */
import { z } from 'zod';
import { CHANNELS, TEMPLATE_CHANNELS } from '../../../domain/channels.js';
import type { BorrowerStatus as BorrowerStatusName } from '../../../domain/statuses.js';
import { SENDER_KINDS } from '../../../domain/sender.js';
import { HOLD_KINDS, HOLD_RESOLUTIONS, HOLD_SOURCES } from '../../../domain/holds.js';
import { STAGES } from '../../../policy/strategy.js';
import { OUTCOMES } from '../../../policy/profile.js';
import type { DenialCode } from '../../../policy/evaluate.js';
import { WEEKDAYS } from '../../../schemas/request.schemas.js';
import { API_ROLES } from '../auth.js';
import { CONSOLE_FEATURES } from '../../ui/ui.routes.js';
import { MessageView, ProblemView } from '../response.schemas.js';

const instant = z.string().meta({ format: 'date-time' });
const Channel = z.enum(CHANNELS);
const BorrowerStatus = z.enum(['active', 'resolved', 'ceased'] as const satisfies readonly BorrowerStatusName[]);
/** A borrower's zone: one IANA zone, several (the borrower may be in any), or none known. */
const TimeZones = z.union([z.string(), z.array(z.string())]).nullable();
/** A channel the borrower opted out of: who said so (free text) and when. */
const BorrowerOptOut = z.object({
  channel: Channel,
  source: z.string(),
  at: instant,
  /** Not the borrower's wish: their address for the channel was not theirs (a wrong number); a new address lifts it. */
  detached: z.literal(true).optional(),
});

/**
 * The borrower's language preference as recorded (New York City: 6 RCNY 2-193(b)(5)): the language the
 * collection system last said the borrower prefers (`borrower.locale` in a request), and when.
 */
const BorrowerLanguage = z
  .object({
    /** A BCP 47 tag; null: never said (messages then go in en-US). */
    preference: z.string().nullable(),
    /** When it was said; null: never, or before the service recorded when. */
    recordedAt: instant.nullable(),
  })
  .meta({ description: "The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5))" });

/** A borrower as its tenant knows it (presentBorrower): its own id, contact data, consent, opt-outs, blackouts, status. */
export const BorrowerView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** What its messages are rendered in: its stated language, else en-US (the catalogue falls back from it, es-MX to es-US). */
  locale: z.string(),
  language: BorrowerLanguage,
  timezone: TimeZones,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Per channel: true given, false refused, null not recorded. */
  consent: z.object({ sms: z.boolean().nullable(), voice: z.boolean().nullable(), email: z.boolean().nullable() }),
  optOuts: z.array(BorrowerOptOut),
  blackouts: z.array(z.object({ days: z.array(z.enum(WEEKDAYS)), from: z.string(), to: z.string() })),
  /** Where the borrower lives: `region`, ISO 3166-2 (`US-MA`) or a locality (`US-NY-NYC`), or null when not given. */
  address: z.object({ region: z.string().nullable() }),
  status: BorrowerStatus,
  createdAt: instant,
  updatedAt: instant,
});

/** A resolved borrower: the message ids cancelled, whether it was resolved already, and the thank-you messages queued. */
export const BorrowerResolved = z.object({
  borrower: BorrowerView,
  cancelled: z.array(z.string()),
  /** Resolved before: nothing cancelled, no second thank-you. */
  alreadyResolved: z.boolean(),
  thanks: z.array(z.string()),
});

/** A borrower erased on request: when, what was cancelled first, the messages left as tombstones, the suppressions kept hashed. */
export const BorrowerErased = z.object({
  id: z.string(),
  erasedAt: instant,
  /** Erased before (by an earlier request or by retention): nothing done now. */
  alreadyErased: z.boolean(),
  cancelled: z.array(z.string()),
  messages: z.array(z.string()),
  /** Suppression entries of the borrower's addresses kept as keyed hashes. */
  suppressionsKept: z.number().int(),
});

/** A borrower opted out of a channel: whether the opt-out is new, and the pending message ids suppressed. */
export const BorrowerOptedOut = z.object({
  borrower: BorrowerView,
  /** False: the borrower had opted out of the channel already. */
  added: z.boolean(),
  suppressed: z.array(z.string()),
});

/** A hold on a borrower (holds.routes.ts presentHold): nothing is sent while it is open. */
export const HoldView = z.object({
  id: z.string(),
  borrowerId: z.string(),
  kind: z.enum(HOLD_KINDS),
  openedAt: instant,
  /** When it lapses by itself; null for a dispute, which lasts until closed. */
  until: instant.nullable(),
  source: z.enum(HOLD_SOURCES),
  detail: z.string().nullable(),
  /** The rule it is held under (a dispute under US-REGF: 12 CFR 1006.38(d)(2)(i)). */
  ruleRef: z.string().nullable(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  resolution: z.enum(HOLD_RESOLUTIONS).nullable(),
  closeDetail: z.string().nullable(),
  /** The one account it holds (a promise's); null: every account of the borrower. */
  accountRef: z.string().nullable(),
  /** The promise whose hold it is (`promise` holds). */
  promiseId: z.string().nullable(),
});

/** One step of an account's plan: the cadence step, its reminder and message, and where it stands. */
const PlanStep = z.object({
  index: z.number().int(),
  template: z.string(),
  channel: Channel,
  /** The day overdue it goes on (negative: before the due date). */
  day: z.number().int(),
  experiment: z.string().optional(),
  /** When it was planned to go, in milliseconds since the epoch. */
  at: z.number(),
  /** The next step's planned time, in milliseconds since the epoch (null: the last step). */
  nextAt: z.number().nullable(),
  /** Dropped at planning: a later step was already due. */
  superseded: z.boolean(),
  reminderId: z.string().nullable(),
  messageId: z.string().nullable(),
  status: z.enum(['done', 'pending', 'dropped', 'not-scheduled']),
  /** Why it was dropped (null otherwise). */
  reason: z.string().nullable(),
  /** When it goes (pending: when its message is next due) or was planned to. */
  sendAt: instant,
});

/** A late account's hand-off to people, and the delivery of the `borrower.escalated` event. */
const Handoff = z.object({
  at: instant,
  why: z.string(),
  event: z.object({
    id: z.string(),
    delivery: z.enum(['delivered', 'retrying', 'failed', 'pending', 'not-configured']),
    attempts: z.number().int(),
    deliveredAt: instant.nullable(),
    error: z.string().nullable(),
  }),
});

/** An account's place in the strategy (planOf): its stage and why, its steps, and a late account's hand-off. */
const AccountPlan = z.object({
  accountRef: z.string(),
  stage: z.enum([...STAGES, 'resolved']),
  why: z.string(),
  enteredAt: instant,
  steps: z.array(PlanStep),
  /** For a late account: automated pressure stopped and people took over (null otherwise). */
  handoff: Handoff.nullable(),
});

/** The answer to an overdue account: the stage it is in and why, the message ids cancelled leaving the last, the borrower's plan. */
export const OverdueAccepted = z.object({
  stage: z.enum(STAGES),
  why: z.string(),
  cancelled: z.array(z.string()),
  plan: z.array(AccountPlan),
});

/** The delinquency file in bulk: counts, and each account's stage (202 entered, 200 unchanged) or problem (400), by its place. */
export const OverdueBatchResult = z.object({
  scheduled: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.union([
      z.object({
        index: z.number().int(),
        status: z.literal(202),
        accountRef: z.string(),
        stage: z.enum(STAGES),
        why: z.string(),
        /** How many steps its stage planned. */
        steps: z.number().int(),
      }),
      z.object({ index: z.number().int(), status: z.literal(200), accountRef: z.string(), stage: z.enum(STAGES) }),
      z.object({
        index: z.number().int(),
        status: z.literal(400),
        /** Absent when the item had no readable accountRef. */
        accountRef: z.string().optional(),
        problem: ProblemView,
      }),
    ]),
  ),
});

/** An imported file's report: lines read, counts, and the first 100 bad lines by number. */
export const OverdueImportReport = z.object({
  lines: z.number().int(),
  scheduled: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(
    z.object({ line: z.number().int(), accountRef: z.string().nullable(), path: z.string(), message: z.string() }),
  ),
  /** Lines skipped because a checkpoint said they were done (0 through the API). */
  resumedAfter: z.number().int(),
});

/** An account's promise or payment plan: where it stands, what was paid towards it, each instalment. */
const AccountPromise = z.object({
  id: z.string(),
  kind: z.enum(['promise', 'plan']),
  state: z.enum(['open', 'kept', 'broken', 'replaced']),
  agreedAt: instant,
  currency: z.string().nullable(),
  /** What payments reported since it was agreed add up to (a partial payment shows here). */
  paid: z.string(),
  misses: z.number().int(),
  instalments: z.array(
    z.object({
      dueDate: z.string(),
      amount: z.string().nullable(),
      state: z.enum(['due', 'kept', 'missed']),
    }),
  ),
});

/** An account in a borrower's plan: its stage and steps, what holds it now, and its promise. */
const PlannedAccount = AccountPlan.extend({
  steps: z.array(
    PlanStep.extend({
      /** The holds a pending step waits for (ids in `holds`, e.g. the account's promise): held, not dropped. Empty: none. */
      heldBy: z.array(z.string()),
    }),
  ),
  /** The ids of the open holds that keep this account's steps waiting (the borrower's, and the account's own). */
  heldBy: z.array(z.string()),
  /** Its newest promise or plan (null: none). */
  promise: AccountPromise.nullable(),
});

/** A borrower's plan: its status and each account's stage, steps and hand-off. */
export const BorrowerPlan = z.object({
  borrowerId: z.string(),
  status: BorrowerStatus,
  accounts: z.array(PlannedAccount),
  /** The holds open now (a dispute, a claim to have paid, hardship): nothing is sent while one is. */
  holds: z.array(HoldView),
});

/** A borrower's timeline: the borrower, and its events newest first, each with its message (an agent's: masked). */
export const BorrowerTimeline = z.object({
  borrower: z.object({
    id: z.string(),
    name: z.string().nullable(),
    status: BorrowerStatus,
    locale: z.string(),
    language: BorrowerLanguage,
    timezone: TimeZones,
    optOuts: z.array(BorrowerOptOut),
    /** Where the borrower lives (ISO 3166-2, or null): it picks the state and local rules. */
    address: z.object({ region: z.string().nullable() }),
  }),
  /** The holds open now (a dispute, a claim to have paid, hardship). */
  holds: z.array(HoldView),
  items: z.array(
    z.object({
      chain: z.string(),
      seq: z.number().int(),
      messageId: z.string().nullable(),
      borrowerId: z.string(),
      type: z.string(),
      at: instant,
      actor: z.string(),
      /** The event's data; an inbound text's words joined back in (`text`, `textErased`; not for an agent). */
      data: z.record(z.string(), z.unknown()),
      message: MessageView.nullable(),
    }),
  ),
});

/** A borrower search: what the query was taken for, and the borrowers found, their contacts and accounts masked. */
export const BorrowerSearchResult = z.object({
  kind: z.enum(['phone', 'email', 'account', 'name']),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      status: BorrowerStatus,
      /** Its recorded zone or zones (null: none), for showing times in the borrower's zone. */
      timezone: TimeZones,
      /** Masked: the country code, a few digits and the last four (+141****0126). */
      phone: z.string().nullable(),
      email: z.string().nullable(),
      /** The accounts of its reminders, newest first, by their last four digits. */
      accounts: z.array(z.string()),
      /** The last message a provider took for the borrower: when and on which channel (null: none yet). */
      lastContact: z.object({ at: instant, channel: Channel }).nullable(),
    }),
  ),
});

/** The presented key: its id, role, tenant (null: deployment-wide) and the console pages it may open. */
export const MeView = z.object({
  keyId: z.string(),
  role: z.enum(API_ROLES),
  tenant: z.string().nullable(),
  features: z.array(z.enum(CONSOLE_FEATURES)),
});

/** A tenant as presentTenant shows it: an events secret by its last four characters only. */
export const TenantView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SENDER_KINDS),
  /** Its compliance profile's name (null: the deployment's). */
  profile: z.string().nullable(),
  channels: z.array(Channel),
  contact: z
    .object({
      name: z.string(),
      phone: z.string().optional(),
      hours: z.string().optional(),
      paymentUrlBase: z.string().optional(),
    })
    .nullable(),
  senders: z.object({
    sms: z
      .object({
        from: z.string().optional(),
        messagingServiceSid: z.string().optional(),
        ratePerSecond: z.number().int().optional(),
        allowsAgencySmsToNanp: z.boolean().optional(),
      })
      .optional(),
    voice: z.object({ from: z.string(), ratePerSecond: z.number().int().optional() }).optional(),
    email: z
      .object({ from: z.string(), replyTo: z.string().optional(), ratePerSecond: z.number().int().optional() })
      .optional(),
  }),
  events: z.object({ url: z.string(), secretEndsWith: z.string().optional() }).nullable(),
  /** Its own retention period in years; null or absent: its profile's. */
  retentionYears: z.number().int().nullable().optional(),
  /** Null for the default tenant while no record is stored for it. */
  createdAt: instant.nullable(),
  updatedAt: instant.nullable(),
  /** Present (false) only on the default tenant while no record is stored for it. */
  stored: z.literal(false).optional(),
});

/** The tenants a key may see. */
export const TenantList = z.object({ items: z.array(TenantView) });

const Period = z.union([
  z.object({ days: z.number().int() }),
  z.object({ hours: z.number().int() }),
  z.object({ minutes: z.number().int() }),
]);
const ContactWindow = z.object({ from: z.string(), to: z.string() });

/** The compliance profile in force: contact windows, caps, conversation block, consent, opt-out keywords, disclosure. */
export const ProfileView = z.object({
  name: z.string(),
  description: z.string().optional(),
  windows: z.object({ sms: ContactWindow, voice: ContactWindow, email: ContactWindow }),
  windowSource: z.string().optional(),
  caps: z.array(
    z.object({
      name: z.string(),
      channels: z.array(Channel),
      max: z.number().int(),
      per: Period,
      counts: z.array(z.enum(OUTCOMES)),
      scope: z.enum(['borrower', 'number']),
      source: z.string().optional(),
      /** The state or local layer the cap comes from (a profile composed for a region). */
      layer: z.string().optional(),
    }),
  ),
  conversationBlock: z
    .object({ channels: z.array(Channel), days: z.number().int(), source: z.string().optional() })
    .nullable(),
  consentRequired: z.object({ sms: z.boolean(), voice: z.boolean(), email: z.boolean() }),
  optOutKeywords: z.array(z.string()),
  disclosure: z
    .object({
      channels: z.array(z.enum(TEMPLATE_CHANNELS)),
      phrases: z.record(z.string(), z.array(z.string())),
      source: z.string().optional(),
    })
    .nullable(),
  retentionYears: z.number().int(),
  /** The shortest retention period a tenant under this profile may set (absent: 1). */
  retentionMinYears: z.number().int().optional(),
  spreadSeconds: z.number().int(),
  /** Whether an agent's answer within `withinHours` of the borrower's message counts against the caps. */
  agentReplies: z.object({ countAgainstCaps: z.boolean(), withinHours: z.number().int() }),
  /** An agency's first email about an account carries the validation notice (12 CFR 1006.34); null: no notice. */
  validationNotice: z.object({ source: z.string().optional() }).nullable(),
  /** A profile composed for a region: the layers on top of it, and which layer set a narrowed window's opening and close. */
  layers: z.array(z.string()).optional(),
  windowSources: z
    .record(z.string(), z.record(z.string(), z.object({ layer: z.string(), source: z.string() })))
    .optional(),
});

const DENIAL_CODES = [
  'outside-contact-window',
  'blackout',
  'cap-reached',
  'conversation-block',
  'opted-out',
  'no-consent',
  'resolved',
  'ceased',
  'held',
  'no-allowed-time',
] as const satisfies readonly DenialCode[];

/** The tenant's profile, then each state or local layer on top of it; the region that chose them (null: none given). */
const PolicyLayers = {
  profile: z.string(),
  layers: z.array(z.string()).meta({ examples: [['US-REGF', 'US-MA']] }),
  region: z.string().nullable(),
};

/** A policy answer: the profile and its layers, the instant asked about, the borrower's zones, and (refused) why and when it would be allowed. */
export const PolicyDecision = z.discriminatedUnion('allowed', [
  z.object({ ...PolicyLayers, at: instant, allowed: z.literal(true), zones: z.array(z.string()) }),
  z.object({
    ...PolicyLayers,
    at: instant,
    allowed: z.literal(false),
    reasons: z.array(
      z.object({
        code: z.enum(DENIAL_CODES),
        rule: z.string(),
        detail: z.string(),
        /** For `held`: the hold (a dispute, a claim to have paid, hardship). */
        hold: z.object({ id: z.string(), kind: z.string() }).optional(),
        /** For a window, cap or conversation block: the layer whose rule decided (`US-REGF`, `US-MA` …). */
        layer: z.string().optional(),
      }),
    ),
    /** Null: waiting cures nothing (an opt-out, say), or no time within the horizon is allowed. */
    earliestAllowedAt: instant.nullable(),
    zones: z.array(z.string()),
  }),
]);

/** A borrower's holds, newest first. */
export const HoldList = z.object({ items: z.array(HoldView) });

/** A hold closed or released: the hold, whether it had ended before, and the messages it held, due now. */
export const HoldClosed = z.object({
  hold: HoldView,
  alreadyClosed: z.boolean(),
  rescheduled: z.array(z.string()),
});

/** A borrower ceased: the pending messages suppressed, and whether it was ceased before. */
export const BorrowerCeased = z.object({
  borrower: BorrowerView,
  suppressed: z.array(z.string()),
  alreadyCeased: z.boolean(),
});
