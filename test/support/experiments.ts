import { createHash } from 'node:crypto';
import type { ArmCounts } from '../../src/policy/outcome-report.js';

/** The experiment the tests run: the shipped gentle-overdue against its warmer challenger, 50/50. */
export const WARM_WORDING = {
  id: 'warm-wording',
  description: 'Does opening with understanding get more people to pay?',
  arms: [
    { name: 'control', template: 'gentle-overdue', weight: 50 },
    { name: 'warm', template: 'gentle-overdue-warm', weight: 50 },
  ],
};

/** The warm-wording arm by the documented rule, computed here: sha256(experiment NUL borrower), first 32 bits, as a share of 100. */
export function expectedWarmWordingArm(storedBorrowerId: string): 'control' | 'warm' {
  const h = createHash('sha256').update(`${WARM_WORDING.id}\u0000${storedBorrowerId}`).digest();
  return (h.readUInt32BE(0) / 4_294_967_296) * 100 < 50 ? 'control' : 'warm';
}

/** Wilson's interval in its other form, independent of the service's: (x + z²/2 ± z √(x(n−x)/n + z²/4)) / (n + z²). */
export function wilsonHere(x: number, n: number) {
  const z = 1.959963984540054;
  const mid = x + (z * z) / 2;
  const half = z * Math.sqrt((x * (n - x)) / n + (z * z) / 4);
  return { low: (mid - half) / (n + z * z), high: (mid + half) / (n + z * z) };
}

/** An arm's counts as the store gives them, every figure 0 but the borrowers reached (and what `over` sets). */
export function armCounts(arm: string, borrowers: number, over: Partial<ArmCounts> = {}): ArmCounts {
  return {
    arm,
    borrowers,
    messages: borrowers,
    sent: borrowers,
    delivered: borrowers,
    paid: { 7: 0, 14: 0, 30: 0 },
    promised: { 7: 0, 14: 0, 30: 0 },
    optedOut: 0,
    stopped: 0,
    replied: 0,
    payments: [],
    promises: { made: 0, kept: 0, broken: 0, pending: 0 },
    ...over,
  };
}
