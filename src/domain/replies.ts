/** What a borrower's reply to a reminder can mean: the reply interpreter's vocabulary (src/policy/replies). */
import type { Channel } from './channels.js';

export const INTENTS = [
  'revoke',
  'wrong-number',
  'dispute',
  'paid-already',
  'promise',
  'hardship',
  'question',
  'callback',
  'complaint',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** A promise to pay: the date (local calendar day, YYYY-MM-DD) and the amount ("50.00"), each only when stated. */
export interface PromiseTerms {
  date?: string;
  amount?: string;
}

export interface InterpretedIntent {
  intent: Intent;
  /** The rule that found it. */
  rule: string;
  /** The words of the original reply that matched. */
  matched: string;
  /** revoke only: the channels the borrower no longer wants to be contacted on. */
  scope?: Channel[];
  /** promise only. */
  promise?: PromiseTerms;
}

export interface Interpretation {
  intents: InterpretedIntent[];
  /** Uncertain, conflicting, or an intent a person must handle. */
  needsPerson: boolean;
  /** Only the first part of the reply was read. */
  truncated: boolean;
}
