/**
 * Champion/challenger experiments. An experiment has arms (the first is the control), each a
 * template and optionally a channel, with weights that add up to 100. A borrower's arm is a hash
 * of the experiment and the borrower, so it is the same in every process and after every restart,
 * and a borrower stays in one arm for every reminder of the experiment. Every arm's template is
 * linted and goes through the policy like any other; arms whose templates differ in a required
 * element (who writes, how to opt out, how to pay, the collector disclosure) are refused, so an
 * experiment compares wording, never compliance.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CHANNELS } from '../domain/channels.js';

export const ExperimentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only');

export const Arm = z
  .object({
    name: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only'),
    template: z.string().min(1).max(100),
    channel: z.enum(CHANNELS).optional(),
    weight: z.number().int('a whole number').positive('more than 0').max(100),
  })
  .strict();

export const Experiment = z
  .object({
    id: ExperimentId,
    description: z.string().max(500).optional(),
    /** The tenants it runs for (absent: every tenant). */
    tenants: z.array(z.string().min(1).max(40)).min(1).optional(),
    arms: z.array(Arm).min(2, 'at least two arms: the control first, then its challengers').max(10),
  })
  .strict()
  .superRefine((e, ctx) => {
    const total = e.arms.reduce((n, a) => n + a.weight, 0);
    if (total !== 100)
      ctx.addIssue({ code: 'custom', path: ['arms'], message: `the weights add up to ${total}, not 100` });
    const names = new Set<string>();
    e.arms.forEach((a, i) => {
      if (names.has(a.name))
        ctx.addIssue({ code: 'custom', path: ['arms', i, 'name'], message: `"${a.name}" names two arms` });
      names.add(a.name);
    });
  });
export type Experiment = z.infer<typeof Experiment>;

export const ExperimentsFile = z
  .object({ experiments: z.array(Experiment).max(200) })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.experiments.forEach((e, i) => {
      if (ids.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['experiments', i, 'id'], message: `"${e.id}" names two experiments` });
      ids.add(e.id);
    });
  });

/** A number in [0, 100) from the experiment and the (stored) borrower id: the same everywhere, always. */
export function bucketOf(experimentId: string, borrowerId: string): number {
  const h = createHash('sha256').update(`${experimentId}\u0000${borrowerId}`).digest();
  return (h.readUInt32BE(0) / 2 ** 32) * 100;
}

/** The borrower's arm. */
export function assignArm(e: Pick<Experiment, 'id' | 'arms'>, borrowerId: string): Experiment['arms'][number] {
  const b = bucketOf(e.id, borrowerId);
  let upTo = 0;
  for (const arm of e.arms) {
    upTo += arm.weight;
    if (b < upTo) return arm;
  }
  return e.arms[e.arms.length - 1]!;
}

/** What every message must carry, as a template's source shows it. */
export const REQUIRED_ELEMENTS: Readonly<Record<string, RegExp>> = Object.freeze({
  'who is writing': /\{\{[^}]*\b(debt\.creditor|contact\.name)\b/,
  'how to opt out': /\bSTOP\b|退订|\bunsubscribe\b|opt[ -]out/i,
  'how to pay or agree a plan': /\{\{[^}]*\bdebt\.paymentUrl\b|\bplan\b|分期/i,
  'the debt collector disclosure': /\{\{#if sender\.agency\}\}/,
});

/** The required elements a template's source carries. */
export function requiredElementsOf(source: string): string[] {
  return Object.entries(REQUIRED_ELEMENTS)
    .filter(([, re]) => re.test(source))
    .map(([name]) => name);
}
