/**
 * The collection strategy (pure): which stage an account is in, by days overdue and amount due,
 * and the cadence of steps each stage runs. Remind early and gently; add calls and a plan as
 * arrears grow; for long or large arrears stop automated pressure and hand the borrower to a
 * person. Thresholds are per currency; a stage's cadence is a list of steps by day overdue.
 */
import { CHANNELS } from '../domain/channels.js';
import { z } from 'zod';

export const STAGES = ['pre-due', 'early', 'middle', 'late'] as const;
export type Stage = (typeof STAGES)[number];

const Decimal = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'must be a decimal string such as "1000.00"');

export const Step = z
  .object({
    template: z.string().min(1),
    channel: z.enum(CHANNELS),
    /** The day overdue it goes on (negative: before the due date; 0: the due date). */
    day: z.number().int().min(-60).max(3650),
    /** An experiment of EXPERIMENTS_FILE: the borrower's arm replaces the template (and the channel, if the arm names one). */
    experiment: z.string().min(1).max(64).optional(),
    /** The channels to try next when the step's channel cannot reach the borrower (docs/reach.md, "Channel fallback"). */
    fallback: z
      .array(z.enum(CHANNELS))
      .min(1)
      .max(2)
      .refine((cs) => new Set(cs).size === cs.length, 'names a channel twice')
      .optional(),
  })
  .strict()
  .refine((s) => !s.fallback?.includes(s.channel), {
    path: ['fallback'],
    message: "names the step's own channel: list the channels to try after it",
  });
export type Step = z.infer<typeof Step>;

export const StrategySchema = z
  .object({
    /** Per currency: over `threshold` an account with 8+ days is `middle`; over `high` it is `late`. */
    thresholds: z.record(z.string().regex(/^[A-Z]{3}$/), z.object({ threshold: Decimal, high: Decimal }).strict()),
    cadences: z
      .object({ 'pre-due': z.array(Step), early: z.array(Step), middle: z.array(Step), late: z.array(Step) })
      .strict(),
    /** The channel `auto` picks in each stage. */
    preferredChannel: z
      .object({
        'pre-due': z.enum(CHANNELS),
        early: z.enum(CHANNELS),
        middle: z.enum(CHANNELS),
        late: z.enum(CHANNELS),
      })
      .strict(),
    /** Sent once when the account is paid. */
    resolvedTemplate: z.string().min(1).default('payment-received'),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [currency, t] of Object.entries(s.thresholds)) {
      if (compareDecimal(t.threshold, t.high) > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', currency, 'high'],
          message: 'must not be below threshold',
        });
    }
    for (const stage of STAGES) {
      for (const [i, step] of s.cadences[stage].entries()) {
        if (stage === 'late' && step.channel === 'voice')
          ctx.addIssue({
            code: 'custom',
            path: ['cadences', 'late', i, 'channel'],
            message: 'the late stage hands off to people: no automated calls',
          });
      }
    }
  });
export type Strategy = z.infer<typeof StrategySchema>;

export const DEFAULT_STRATEGY: Strategy = StrategySchema.parse({
  thresholds: {
    USD: { threshold: '1000.00', high: '5000.00' },
    EUR: { threshold: '1000.00', high: '5000.00' },
    GBP: { threshold: '800.00', high: '4000.00' },
    CNY: { threshold: '5000.00', high: '30000.00' },
    HKD: { threshold: '8000.00', high: '40000.00' },
  },
  cadences: {
    'pre-due': [
      { template: 'due-soon', channel: 'email', day: -3 },
      { template: 'due-soon', channel: 'sms', day: 0 },
    ],
    early: [
      { template: 'gentle-overdue', channel: 'sms', day: 1 },
      { template: 'gentle-overdue', channel: 'email', day: 3 },
    ],
    middle: [
      { template: 'payment-plan-offer', channel: 'sms', day: 8 },
      { template: 'payment-plan-offer', channel: 'email', day: 8 },
      { template: 'payment-plan-offer', channel: 'voice', day: 10 },
      { template: 'payment-plan-offer', channel: 'voice', day: 20 },
    ],
    late: [
      { template: 'final-courtesy', channel: 'email', day: 31 },
      { template: 'final-courtesy', channel: 'sms', day: 31 },
    ],
  },
  preferredChannel: { 'pre-due': 'email', early: 'sms', middle: 'sms', late: 'email' },
  resolvedTemplate: 'payment-received',
});

export class StrategyError extends Error {
  override name = 'StrategyError';
}

/** Compares two decimal strings exactly (no floats). */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt(`${ai}${af.padEnd(width, '0')}`);
  const y = BigInt(`${bi}${bf.padEnd(width, '0')}`);
  return x === y ? 0 : x > y ? 1 : -1;
}

/** Validates a custom strategy (JSON) and names the field that is wrong. */
export function resolveStrategy(spec: unknown, origin = 'strategy'): Strategy {
  const parsed = StrategySchema.safeParse(spec);
  if (!parsed.success) {
    throw new StrategyError(
      `${origin} is not a valid strategy:\n  ${parsed.error.issues.map((i) => `${i.path.join('.') || '(strategy)'}: ${i.message}`).join('\n  ')}`,
    );
  }
  return parsed.data;
}

export interface StageAnswer {
  stage: Stage;
  why: string;
}

/** The stage for an account: late before middle before early; pre-due up to the due date. */
export function selectStage(
  strategy: Strategy,
  debt: { daysOverdue: number; amountDue: { amount: string; currency: string } },
): StageAnswer {
  const t = strategy.thresholds[debt.amountDue.currency];
  if (!t) {
    throw new StrategyError(
      `the strategy has no thresholds for ${debt.amountDue.currency} (it has ${Object.keys(strategy.thresholds).join(', ')}); add them to the strategy file`,
    );
  }
  const days = debt.daysOverdue;
  const amount = debt.amountDue.amount;
  const cur = debt.amountDue.currency;
  if (days <= 0)
    return { stage: 'pre-due', why: days === 0 ? 'due today' : `due in ${-days} day${days === -1 ? '' : 's'}` };
  if (days >= 31) return { stage: 'late', why: `${days} days overdue (31 or more)` };
  if (compareDecimal(amount, t.high) > 0)
    return { stage: 'late', why: `${amount} ${cur} is over the high threshold of ${t.high} ${cur}` };
  if (days >= 8)
    return {
      stage: 'middle',
      why:
        compareDecimal(amount, t.threshold) > 0
          ? `${days} days overdue, ${amount} ${cur} over the threshold of ${t.threshold} ${cur}`
          : `${days} days overdue (8 to 30)`,
    };
  return { stage: 'early', why: `${days} day${days === 1 ? '' : 's'} overdue (1 to 7)` };
}

export interface PlannedStep extends Step {
  index: number;
  /** When it goes; past steps are due now. */
  at: number;
  /** The next step's time: a step still held back then is dropped as superseded. */
  nextAt: number | null;
  /** Dropped at planning: a later step that is also already due makes it pointless. */
  superseded: boolean;
}

/**
 * Lays out a stage's steps from the day the account is at. `dayMs` is the length of a cadence
 * day (a calendar day in production; shortened in tests through configuration).
 */
export function planSteps(
  strategy: Strategy,
  stage: Stage,
  daysOverdue: number,
  now: number,
  dayMs: number,
): PlannedStep[] {
  const steps = strategy.cadences[stage];
  const times = steps.map((s) => now + Math.max(0, s.day - daysOverdue) * dayMs);
  // Of the steps already due, only those of the latest due day go; earlier ones are superseded.
  const dueDays = steps.filter((s) => s.day <= daysOverdue).map((s) => s.day);
  const latestDue = dueDays.length ? Math.max(...dueDays) : undefined;
  return steps.map((s, index) => {
    const later = times.filter((t, j) => j > index && steps[j]!.day > s.day);
    return {
      ...s,
      index,
      at: times[index]!,
      nextAt: later.length ? Math.min(...later) : null,
      superseded: latestDue !== undefined && s.day < latestDue,
    };
  });
}
