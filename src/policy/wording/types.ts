/** Shared shapes of the wording rules. */
export type Severity = 'error' | 'warning';

export interface Rule {
  rule: string;
  message: string;
  /** English: over the token stream (lower-case words joined by single spaces). Chinese: over the simplified letters-and-digits view. */
  pattern: RegExp;
}

/** A match of an English rule: tokens first..last of the stream it was found in. */
export interface Hit<T> {
  rule: Rule;
  tokens: T[];
  first: number;
  last: number;
  /** The normalised text that matched. */
  matched: string;
}

/** Why a match is not a finding. */
export interface Suppression {
  why: 'negation' | 'impostor-warning' | 'place-name' | 'occupation';
  /** The words that decided it, as normalised. */
  detail: string;
}

export interface WordingFinding {
  severity: Severity;
  rule: string;
  message: string;
  /** The regulations the rule serves. */
  regulation: string;
  /** Offsets into the text that was checked (the original characters). */
  start: number;
  end: number;
  /** The normalised excerpt that matched ("4rr3st" reads "arrest", "起訴" reads "起诉"). */
  matched: string;
}

export interface SuppressedFinding extends WordingFinding {
  suppressed: Suppression;
}

/** Whole words of an alternation. */
export const W = (words: string) => new RegExp(`\\b(?:${words})\\b`, 'g');
