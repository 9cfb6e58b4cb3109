/**
 * Promises and payment plans, pure: when an instalment is decided, what a payment keeps, when a
 * plan is broken, and when the courtesy reminder goes (docs/outcomes.md, "Promises and plans").
 * A promise is a plan of one instalment; an instalment without an amount is kept by any payment.
 */
import { DateTime } from 'luxon';

export const PROMISE_KINDS = ['promise', 'plan'] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];
export const PROMISE_STATES = ['open', 'kept', 'broken', 'replaced'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];
export const INSTALMENT_STATES = ['due', 'kept', 'missed'] as const;
export type InstalmentState = (typeof INSTALMENT_STATES)[number];

/** A plan holds at most this many instalments. */
export const MAX_INSTALMENTS = 60;

export interface Instalment {
  seq: number;
  /** The borrower's calendar day, YYYY-MM-DD. */
  dueDate: string;
  /** A decimal string; null: any payment keeps it. */
  amount: string | null;
  state: InstalmentState;
}

/** A decimal amount in units of 1/10,000 (amounts have at most four decimals). */
export function unitsOf(amount: string): bigint {
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole!) * 10_000n + BigInt((frac + '0000').slice(0, 4));
}

export function decimalOf(units: bigint): string {
  const s = units.toString().padStart(5, '0');
  const frac = s.slice(-4).replace(/0+$/, '').padEnd(2, '0');
  return `${s.slice(0, -4)}.${frac}`;
}

/** The latest of the borrower's zones decides when a day is over there (nobody is told "missed" while it is still that day). */
function endOfLocalDay(date: string, zones: readonly string[], plusDays: number): number {
  return Math.max(
    ...(zones.length ? zones : ['UTC']).map((zone) =>
      DateTime.fromISO(date, { zone })
        .plus({ days: plusDays + 1 })
        .startOf('day')
        .toMillis(),
    ),
  );
}

/** When an instalment is decided: the end of its due day plus the grace days, in the borrower's zone. */
export function deadlineOf(dueDate: string, graceDays: number, zones: readonly string[]): number {
  return endOfLocalDay(dueDate, zones, graceDays);
}

/**
 * The courtesy reminder's time: 10:00 the day before the due date in the borrower's (first) zone;
 * null when that has passed (a promise made for tomorrow needs no reminder of itself).
 */
export function courtesyAt(dueDate: string, zones: readonly string[], now: number): number | null {
  const at = DateTime.fromISO(dueDate, { zone: zones[0] ?? 'UTC' })
    .minus({ days: 1 })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
  return at > now ? at : null;
}

/**
 * The instalments a payment total keeps: in order, each whose cumulative amount the total covers
 * (an instalment without an amount: any payment since it was agreed), missed ones left out. Returns the seqs newly kept.
 */
export function keptBy(instalments: readonly Instalment[], paid: bigint): number[] {
  const kept: number[] = [];
  let due = 0n;
  // A missed instalment stays missed and is counted out: the next one is kept by its own amount.
  for (const i of [...instalments].sort((a, b) => a.seq - b.seq)) {
    if (i.state === 'missed') continue;
    due += i.amount === null ? 0n : unitsOf(i.amount);
    const covered = i.amount === null ? paid > 0n : paid >= due;
    if (!covered) break;
    if (i.state === 'due') kept.push(i.seq);
  }
  return kept;
}

export interface Decision {
  /** Instalments past their deadline and not kept: missed now. */
  missed: number[];
  /** The promise is broken: a promise missed, or a plan missed `missedLimit` times. */
  broken: boolean;
}

/** What the clock decides: instalments past their deadline become missed; enough misses break the promise. */
export function decideAt(
  p: { kind: PromiseKind; misses: number; instalments: readonly Instalment[] },
  at: number,
  deadline: (i: Instalment) => number,
  missedLimit: number,
): Decision {
  const missed = p.instalments.filter((i) => i.state === 'due' && deadline(i) <= at).map((i) => i.seq);
  const misses = p.misses + missed.length;
  const broken = missed.length > 0 && (p.kind === 'promise' || misses >= missedLimit);
  return { missed, broken };
}

/** The next instalment still due (the one the hold waits for), or undefined when none is. */
export function nextDue(instalments: readonly Instalment[]): Instalment | undefined {
  return [...instalments].sort((a, b) => a.seq - b.seq).find((i) => i.state === 'due');
}
