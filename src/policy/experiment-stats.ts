/**
 * The statistics of the outcome reports: a proportion with its Wilson score interval, and the
 * difference of two proportions with a two-sided z test on the pooled proportion (both at 95 %).
 * Pure functions; the formulas are written out in docs/outcomes.md.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Rate {
  successes: number;
  trials: number;
  /** successes / trials (0 with no trials). */
  rate: number;
  /** Wilson score interval at 95 %. */
  low: number;
  high: number;
}

export function wilson(successes: number, trials: number, z = Z95): Rate {
  if (trials === 0) return { successes, trials, rate: 0, low: 0, high: 0 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { successes, trials, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The standard normal distribution function (Zelen & Severo 26.2.17; error below 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

export interface Comparison {
  /** challenger rate − control rate. */
  difference: number;
  z: number;
  /** Two-sided p value. */
  p: number;
  /** p < 0.05. */
  significant: boolean;
}

/** Two-proportion z test (pooled): the challenger against the control. */
export function compare(
  challenger: Pick<Rate, 'successes' | 'trials'>,
  control: Pick<Rate, 'successes' | 'trials'>,
): Comparison {
  const { successes: x1, trials: n1 } = challenger;
  const { successes: x2, trials: n2 } = control;
  if (n1 === 0 || n2 === 0) return { difference: 0, z: 0, p: 1, significant: false };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : (p1 - p2) / se;
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  return { difference: p1 - p2, z, p, significant: p < 0.05 };
}

/** The guardrail: the challenger's rate is significantly above the control's (one-sided, 95 %). */
export function significantlyAbove(
  challenger: Pick<Rate, 'successes' | 'trials'>,
  control: Pick<Rate, 'successes' | 'trials'>,
): boolean {
  return compare(challenger, control).z > 1.6448536269514722;
}
