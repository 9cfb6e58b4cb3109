/**
 * The bodies of the read-only routes, as zod schemas for the OpenAPI document (openapi.ts `ok`):
 * the template catalogue, the audit trail, the outcome reports (their JSON form: a CSV answer is
 * not described here) and the health checks. Each mirrors its handler (templates.routes.ts,
 * audit.routes.ts, outcomes.routes.ts, health.routes.ts) and what it calls.
 */
import { z } from 'zod';
import { CHANNELS, type Channel, TEMPLATE_CHANNELS } from '../../../domain/channels.js';
import { API_ROLES } from '../../../domain/keys.js';
import { STAT_OUTCOMES, type StatOutcome } from '../../../domain/statuses.js';
import { EventView, MessageView, ReminderView } from '../response.schemas.js';

const instant = z.string().meta({ format: 'date-time' });
const day = z.string().meta({ format: 'date' });
const count = z.number().int();
/** Amounts by currency code, each a decimal string with two places ("1234.50"). */
const AmountsByCurrency = z.record(z.string(), z.string());

// ——— Templates ———

/** A lint finding: where in the source, which rule, how serious; wording findings name their regulation. */
export const LintFindingView = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  excerpt: z.string(),
  regulation: z.string().optional(),
  matched: z.string().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

/** The template catalogue: each template's keys, channels, locales and versions. */
export const TemplateList = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      stage: z.string().nullable(),
      channels: z.array(z.enum(TEMPLATE_CHANNELS)),
      locales: z.array(z.string()),
      variants: z.array(
        z.object({
          channel: z.enum(TEMPLATE_CHANNELS),
          locale: z.string(),
          version: z.string(),
          /** How many lint findings the variant has. */
          warnings: z.number().int(),
        }),
      ),
    }),
  ),
});

/** One template: its meta.json (what it leaves out is absent), and every variant with its source and findings. */
export const TemplateView = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** The strategy stage it is written for; null outside the stages. */
  stage: z.string().nullable(),
  channels: z.array(z.enum(TEMPLATE_CHANNELS)).optional(),
  confirmsOptOut: z.boolean().optional(),
  sampleData: z.record(z.string(), z.unknown()),
  sampleDataByLocale: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  variants: z.array(
    z.object({
      channel: z.enum(TEMPLATE_CHANNELS),
      locale: z.string(),
      version: z.string(),
      source: z.string(),
      findings: z.array(LintFindingView),
    }),
  ),
});

/** A template rendered for a channel and locale: the parts its channel has (null otherwise), SMS facts, findings. */
export const TemplatePreview = z.object({
  key: z.string(),
  channel: z.enum(TEMPLATE_CHANNELS),
  /** The locale rendered: the one asked for, or its fallback. */
  locale: z.string(),
  requestedLocale: z.string(),
  version: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  twiml: z.string().nullable(),
  voiceLanguage: z.string().nullable(),
  sms: z
    .object({
      encoding: z.enum(['GSM-7', 'UCS-2']),
      segments: z.number().int(),
      characters: z.number().int(),
      nonGsmCharacters: z.array(z.string()),
      /** Longer than any provider sends: the figures are an estimate. */
      tooLong: z.literal(true).optional(),
      /** SMS_MAX_SEGMENTS. */
      limit: z.number().int(),
    })
    .nullable(),
  findings: z.array(LintFindingView),
});

/** A draft's lint: ok unless an error fired, the profile it was checked against, and (debug) the matches that did not fire. */
export const TemplateLint = z.object({
  ok: z.boolean(),
  profile: z.string(),
  findings: z.array(LintFindingView),
  suppressed: z
    .array(
      LintFindingView.extend({
        suppressed: z.object({
          why: z.enum(['negation', 'impostor-warning', 'place-name', 'occupation']),
          detail: z.string(),
        }),
      }),
    )
    .optional(),
});

// ——— Audit ———

/** A page of the message search: recipients masked, no content; the borrower's tenant for a deployment-wide key. */
export const AuditMessageList = z.object({
  items: z.array(
    MessageView.extend({
      borrowerId: z.string(),
      tenant: z.string().optional(),
      reminderId: z.string(),
    }),
  ),
  /** Where the next page starts (null: none). */
  nextCursor: z.string().nullable(),
});

/** One message as sent: its content re-rendered from the stored sources, its reminder, borrower and hashed events. */
export const AuditMessageView = MessageView.extend({
  body: z.string().nullable(),
  content: z.object({
    subject: z.string().nullable(),
    text: z.string().nullable(),
    html: z.string().nullable(),
    twiml: z.string().nullable(),
    script: z.string().nullable(),
    voiceLanguage: z.string().nullable(),
    /** Whether the re-rendered body equals the stored one (null: it could not be re-rendered). */
    matchesStored: z.boolean().nullable(),
  }),
  reminder: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    debt: ReminderView.shape.debt,
    createdAt: instant,
    /** A channel fallback's reminder: the message it falls back from and the first of its chain (null: not a fallback). */
    fallback: z.object({ from: z.string(), first: z.string() }).nullable(),
  }),
  borrower: z.object({
    id: z.string(),
    name: z.string().nullable(),
    tenant: z.string(),
    /** Its recorded zone or zones (null: none), for showing the message's times in the borrower's zone. */
    timezone: z.union([z.string(), z.array(z.string())]).nullable(),
  }),
  events: z.array(EventView.extend({ hash: z.string() })),
});

/** The hash chains verified: how many events and chains, or the first broken link; the tenant when limited to one. */
export const AuditVerifyReport = z.union([
  z.object({
    ok: z.literal(true),
    checked: z.number().int(),
    chains: z.number().int(),
    tenant: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    checked: z.number().int(),
    brokenAt: z.object({
      chain: z.string(),
      seq: z.number().int(),
      expected: z.string(),
      found: z.string().nullable(),
    }),
    tenant: z.string().optional(),
  }),
]);

const OutcomeCounts = z.object(
  Object.fromEntries(STAT_OUTCOMES.map((o) => [o, count])) as Record<StatOutcome, typeof count>,
);

/** The delivery chart: each day of the period (in `timezone`), every channel's messages by outcome, and why suppressed ones were held back. */
export const AuditStatsView = z.object({
  from: day,
  to: day,
  timezone: z.string(),
  outcomes: z.array(z.enum(STAT_OUTCOMES)),
  days: z.array(
    z.object({
      date: day,
      channels: z.object(
        Object.fromEntries(CHANNELS.map((c) => [c, OutcomeCounts])) as Record<Channel, typeof OutcomeCounts>,
      ),
    }),
  ),
  suppressedByReason: z.array(z.object({ reason: z.string(), n: z.number().int() })),
});

/** Who read what, newest first: the key, its role and tenant (null: deployment-wide), the action, target and query. */
export const AuditReadList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      keyId: z.string(),
      role: z.enum(API_ROLES),
      tenant: z.string().nullable(),
      action: z.string(),
      target: z.string().nullable(),
      filter: z.record(z.string(), z.unknown()),
      at: instant,
    }),
  ),
});

// ——— Outcomes ———

/** A proportion with its Wilson 95 % interval; with no trials, rate, low and high are 0. */
export const RateView = z.object({
  successes: z.number().int(),
  trials: z.number().int(),
  rate: z.number(),
  low: z.number(),
  high: z.number(),
});

/** A challenger against the control: difference of rates, z, two-sided p, p < 0.05. */
export const ComparisonView = z.object({
  difference: z.number(),
  z: z.number(),
  p: z.number(),
  significant: z.boolean(),
});

/** The experiments of EXPERIMENTS_FILE the caller's tenant takes part in, and their arms (the first the control). */
export const ExperimentList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      description: z.string().nullable(),
      arms: z.array(
        z.object({
          name: z.string(),
          template: z.string(),
          channel: z.enum(CHANNELS).optional(),
          weight: z.number().int(),
        }),
      ),
    }),
  ),
});

const ByRateDays = z.object({ '7': RateView, '14': RateView, '30': RateView });

/** An experiment's result for a period: per arm, rates with intervals and the test against the control; a sentence per challenger. */
export const ExperimentResultView = z.object({
  experiment: z.string(),
  description: z.string().nullable(),
  /** null: every tenant (a deployment-wide key without `tenant`). */
  tenant: z.string().nullable(),
  from: instant,
  to: instant,
  arms: z.array(
    z.object({
      arm: z.string(),
      control: z.boolean(),
      borrowers: z.number().int(),
      messages: z.number().int(),
      sent: z.number().int(),
      delivered: z.number().int(),
      /** Borrowers who paid within 7, 14 and 30 days of their first touch. */
      paid: ByRateDays,
      promised: ByRateDays,
      optedOut: RateView,
      stopped: RateView,
      replied: RateView,
      recovered: AmountsByCurrency,
      /** Promises (plans included) the arm's borrowers made within 30 days of their first touch, and those still open. */
      promisesMade: count,
      promisesPending: count,
      /** Kept ÷ decided (kept or broken) of those promises; pending ones are not counted. */
      promiseKept: RateView,
      /** Absent for the control. */
      vsControl: z
        .object({ paid7: ComparisonView, paid30: ComparisonView, promised7: ComparisonView, optedOut: ComparisonView })
        .optional(),
      guardrail: z.boolean(),
    }),
  ),
  sentences: z.array(z.string()),
});

/** Outcomes per template, channel and stage: payments and promises by last touch and every touch, opt-outs. */
export const TemplateOutcomes = z.object({
  tenant: z.string().nullable(),
  from: instant,
  to: instant,
  attributionWindowDays: z.number().int(),
  items: z.array(
    z.object({
      template: z.string(),
      channel: z.enum(CHANNELS),
      stage: z.string().nullable(),
      messages: z.number().int(),
      delivered: z.number().int(),
      borrowers: z.number().int(),
      paymentsLastTouch: RateView,
      promisesLastTouch: RateView,
      paymentsAnyTouch: z.number().int(),
      recoveredLastTouch: AmountsByCurrency,
      optedOut: RateView,
      /** Promises whose last touch was a message of this group, and those still open. */
      promisesMade: count,
      promisesPending: count,
      /** Kept ÷ decided (kept or broken) of those promises. */
      promiseKept: RateView,
      /** Emails of the group that bounced: hard (undelivered: not among `messages`), soft only (still delivered). */
      bounced: z.object({ hard: count, soft: count }),
    }),
  ),
});

/** One tenant's reach on one channel (`all`: every channel of the tenant); docs/reach.md, "Reach in the reports". */
const ReachRowView = z.object({
  tenant: z.string(),
  /** A channel, or `all`. */
  channel: z.string(),
  /** The provider took it (sent, delivered, answered, machine, no-answer, busy, undelivered; failed after a provider took it). */
  handedOver: count,
  /** A text or call confirmed, an email taken by the receiving server and not bounced hard. */
  delivered: count,
  /** Texts and calls still `sent`: no final report yet. */
  awaiting: count,
  /** Calls not answered or busy. */
  notAnswered: count,
  undelivered: count,
  failed: count,
  /** Of the failed, those no provider took (refused, or not rendered): not handed over. */
  failedUnsent: count,
  /** Emails with a hard bounce (undelivered), with soft bounces only (still delivered). */
  bounced: z.object({ hard: count, soft: count }),
  /** Undelivered and failed by the provider's code, with words; most frequent first. */
  reasons: z.array(
    z.object({
      status: z.enum(['undelivered', 'failed']),
      code: z.string().nullable(),
      reason: z.string(),
      n: count,
    }),
  ),
  /** Delivered ÷ handed over, with its Wilson 95 % interval. */
  reach: RateView,
});

/** Fallbacks taken in a tenant from one channel to another, and what they reached. */
const FallbackRowView = z.object({
  tenant: z.string(),
  /** The channel that could not reach the person. */
  from: z.enum(CHANNELS),
  /** The channel the fallback message used. */
  to: z.enum(CHANNELS),
  /** Fallback messages made, whatever became of them. */
  taken: count,
  handedOver: count,
  delivered: count,
  /** Delivered ÷ handed over, with its Wilson 95 % interval. */
  reach: RateView,
});

/** Reach per tenant and channel, per tenant, and the fallbacks taken. */
const ReachView = z.object({
  items: z.array(ReachRowView),
  tenants: z.array(ReachRowView),
  fallbacks: z.array(FallbackRowView),
});

/** Reach for a period: per tenant and channel, handed over, delivered, undelivered by reason, bounced; the reach rate. */
export const ReachReportView = ReachView.extend({
  /** null: every tenant (a deployment-wide key without `tenant`). */
  tenant: z.string().nullable(),
  from: instant,
  to: instant,
});

/** The periodic review: sent by stage and channel, recovered, promises kept and broken, opt-outs, STOPs and replies, held back and why, the experiments. */
export const OutcomeReview = z.object({
  tenant: z.string().nullable(),
  from: instant,
  to: instant,
  sent: z.array(
    z.object({
      /** The strategy stage (`none`: a reminder outside the strategy). */
      stage: z.string(),
      channel: z.enum(CHANNELS),
      messages: z.number().int(),
      delivered: z.number().int(),
    }),
  ),
  recovered: z.object({
    payments: z.number().int(),
    promises: z.number().int(),
    amounts: AmountsByCurrency,
  }),
  relationship: z.object({
    optOuts: z.number().int(),
    stops: z.number().int(),
    replies: z.number().int(),
  }),
  /** Promises decided in the period (the last instalment decided in it): the kept rate, the broken ones. */
  promises: z.object({
    /** Kept ÷ decided; promises still open are not counted. */
    kept: RateView,
    broken: count,
    /** The broken promises, newest first (at most 200). */
    brokenList: z.array(
      z.object({
        /** The promise's id as it was reported. */
        promiseId: z.string(),
        tenant: z.string(),
        accountRef: z.string(),
        /** The borrower's id as its tenant knows it. */
        borrowerId: z.string(),
        kind: z.enum(['promise', 'plan']),
        agreedAt: instant,
        brokenAt: instant,
        misses: count,
      }),
    ),
    /** Every broken promise is in the list. */
    brokenListComplete: z.boolean(),
  }),
  /** Reach per tenant and channel in the period. */
  reach: ReachView,
  heldBack: z.array(z.object({ reason: z.string(), n: z.number().int() })),
  experiments: z.array(
    z.object({
      id: z.string(),
      description: z.string().nullable(),
      borrowers: z.number().int(),
      guardrail: z.boolean(),
      sentences: z.array(z.string()),
    }),
  ),
});

// ——— Health ———

/** Liveness: the process answers. */
export const Liveness = z.object({ ok: z.literal(true) });

/** Readiness: every check (Redis, the audit store) answered; the providers' circuits are shown, not judged. */
export const Readiness = z.object({
  ok: z.literal(true),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })),
  /** Each provider's circuit breaker by name (absent when the process has none). */
  providers: z.record(z.string(), z.enum(['closed', 'open', 'half-open'])).optional(),
});

/** Not ready: the same report with the check that failed; plain JSON (not problem+json), as load balancers read it. */
export const NotReady = Readiness.extend({ ok: z.literal(false) });
