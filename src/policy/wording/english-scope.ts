/**
 * When an English match is not a threat: the sentence promises not to do the act ("we will never
 * contact your employer"), warns against impostors who name it ("if someone threatens you with
 * arrest in our name, it is not us"), or the word names a place or a job ("our Court Street
 * branch", "police officers can apply"). A negation does not count when it is conditional or
 * rhetorical ("we will not hesitate to sue", "we will not sue unless…", "don't make us come").
 */
import type { Hit, Suppression } from './types.js';

interface Token {
  word: string;
  start: number;
  end: number;
}

const NEGATORS = new Set([
  'not',
  'never',
  'no',
  'nobody',
  'none',
  'nothing',
  'neither',
  'nor',
  'cannot',
  'without',
  "won't",
  'wont',
  "don't",
  'dont',
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "haven't",
  "hasn't",
  "wouldn't",
  "couldn't",
  "shouldn't",
  "can't",
  'cant',
]);
/** Words between a negator and the act that turn the negation into a threat ("not hesitate to", "don't make us"). */
const BLOCKERS = /^(?:hesitate|hesitation|wait|waiting|delay|stop|prevent|want|afraid|mind|longer|rest)$/;
/** "don't make us", "don't force me", "won't let you": the negation is a demand. */
const PRESSURE = /^(?:make|force|let)$/;
/** A new subject and its verb ("… we will", "they'll"): the negation before it belongs to another clause. */
const SUBJECT_PRONOUN = /^(?:we|they|i|he|she)$/;
const MODAL = /^(?:will|would|shall|can|could|may|might|are|am|is|must|have|has)$/;
/** Words that end the clause a negation governs. */
const CLAUSE_ENDS = /^(?:but|however|otherwise|else|unless|until|before|because|so|then|if|when|once)$/;
const SUBJECTS = /^(?:we|i|you|they|our|it|this|the|there|he|she|your)$/;
/** After the act, a condition makes the promise a threat ("we will not sue if you pay by Friday"). */
const CONDITIONS = /\b(?:unless|until|as long as|so long as|provided|only if|(?<!even )if)\b/;
/** A negated verb of threatening covers every act the sentence lists ("we will never threaten you with a lawsuit, arrest or a visit"). */
const META = /\b(?:not|never|no|won't|don't|doesn't)\b(?: \w+){0,2} (?:threaten\w*|threats?|mention\w*|use threats)\b/;

const IMPOSTOR_SUBJECT =
  /\b(?:someone|somebody|anyone|anybody|a caller|callers?|a person|people|scammers?|scam callers?|fraudsters?|impostors?|imposters?|criminals?|crooks?|a message|messages|texts?|emails?|letters?) (?:who |that |which )?(?:may |might |can |could |will |sometimes |often )?(?:threaten\w*|claim\w*|says?|saying|said|pretend\w*|pos(?:e|es|ing) as|tells? you|demand\w*|asks? you)\b/;
const IMPOSTOR_WARNING =
  /\b(?:scams?|scammers?|fraudsters?|impostors?|imposters?|beware|be careful of|be aware of|watch out for|hang up|not (?:from )?us|did not come from us|isn'?t us|is fraud|report (?:it|any|them|this) to us|report any|please report|if you are told|if you receive a threat|genuine message from us)\b/;

const PLACE_WORDS = /^(?:courts?|jail|prison|police|sheriff|judge|cops?)(?:'s)?$/;
const PLACE_SUFFIX =
  /^(?:street|st|road|rd|lane|ln|avenue|ave|square|sq|plaza|building|house|hill|park|drive|dr|gate|walk|row|close|way|place|centre|center|museum|station|branch|office|car|cup|league|union|federation|association|club|credit)$/;
const NEAR = /^(?:next|opposite|across|behind|beside|near|by|around)$/;
const JOB_SUFFIX = /^(?:officers?|staff|clerks?|reporters?|personnel|employees|workers)$/;
const ELIGIBILITY =
  /\b(?:eligible|apply|applies|qualify|qualifies|discount|offer|open to|scheme|plan|rate|customers|members|include|includes|including|covers?|sponsor|can ask|teachers|nurses|firefighters|paramedics|soldiers|carers)\b/;

/** Sentences of the original text: [start, end) ranges split at . ! ? ; followed by a space or the end, and at line breaks. */
export function sentenceOf(text: string, at: number): [number, number] {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.!?;。！？；]+(?=\s|$)|[。！？；]|\n/g)) start = m.index + m[0].length;
  const rest = /[.!?;](?=\s|$)|[。！？；\n]/.exec(text.slice(at));
  return [start, rest ? at + rest.index + 1 : text.length];
}

function negation(h: Hit<Token>, text: string, sentence: string): Suppression | null {
  const ts = h.tokens;
  if (META.test(sentence)) return { why: 'negation', detail: META.exec(sentence)![0] };
  // "don't want to find out…": the match itself starts with the word that turns the negation round.
  if (BLOCKERS.test(ts[h.first]!.word)) return null;
  return lookBack(h, text, CLAUSE_ENDS, (t, next, i) => {
    if ((t.word === 'or' || t.word === 'and') && SUBJECTS.test(next.word)) return null;
    if (BLOCKERS.test(t.word)) return null;
    if (PRESSURE.test(t.word) && /^(?:us|me)$/.test(next.word)) return null;
    if (
      /^(?:we'll|they'll|i'll|he'll|she'll|we're|they're)$/.test(t.word) ||
      (SUBJECT_PRONOUN.test(t.word) && MODAL.test(next.word))
    )
      return null;
    // "if you do not pay", "unless you": the negation is the condition, not a promise.
    if (NEGATORS.has(t.word)) return promiseAt(h, text, i, /^(?:if|unless)$/, CONDITIONS);
    return undefined;
  });
}

/**
 * Up to seven words back from the match, within its clause (a clause break in the original text,
 * or a word of `clauseEnds`, ends the look-back); `step` decides at each word: a suppression or
 * null ends it, undefined goes on.
 */
export function lookBack(
  h: Hit<Token>,
  text: string,
  clauseEnds: RegExp,
  step: (t: Token, next: Token, i: number) => Suppression | null | undefined,
): Suppression | null {
  const ts = h.tokens;
  for (let i = h.first - 1, seen = 0; i >= 0 && seen < 7; i--, seen++) {
    const t = ts[i]!;
    if (/[,;:.!?¡¿—–]/.test(text.slice(t.end, ts[i + 1]!.start))) return null;
    if (clauseEnds.test(t.word)) return null;
    const decided = step(t, ts[i + 1]!, i);
    if (decided !== undefined) return decided;
  }
  return null;
}

/**
 * The negator at token `i` makes the match a promise, unless a word just before it makes it a
 * condition (`leadIn`: "if you do not pay") or a condition follows the act in the same sentence
 * (`conditions`: "we will not sue if you pay by Friday").
 */
export function promiseAt(
  h: Hit<Token>,
  text: string,
  i: number,
  leadIn: RegExp,
  conditions: RegExp,
): Suppression | null {
  const ts = h.tokens;
  if (ts.slice(Math.max(0, i - 3), i).some((x) => leadIn.test(x.word))) return null;
  const after = ts
    .slice(h.last + 1)
    .filter((x) => x.start < text.length && !/[.!?;]/.test(text.slice(ts[h.last]!.end, x.start)))
    .map((x) => x.word)
    .join(' ');
  if (conditions.test(after)) return null;
  return {
    why: 'negation',
    detail: ts
      .slice(i, h.last + 1)
      .map((x) => x.word)
      .join(' '),
  };
}

function innocent(h: Hit<Token>, sentence: string): Suppression | null {
  if (h.first !== h.last || !PLACE_WORDS.test(h.tokens[h.first]!.word)) return null;
  const next = h.tokens[h.first + 1]?.word ?? '';
  const word = h.tokens[h.first]!.word;
  if (PLACE_SUFFIX.test(next)) return { why: 'place-name', detail: `${word} ${next}` };
  const before = h.tokens.slice(Math.max(0, h.first - 4), h.first).map((t) => t.word);
  if (before.some((w) => NEAR.test(w))) return { why: 'place-name', detail: `${before.join(' ')} ${word}` };
  if (JOB_SUFFIX.test(next) && ELIGIBILITY.test(sentence)) return { why: 'occupation', detail: `${word} ${next}` };
  return null;
}

/** The words of the sentence the match is in, joined by spaces. */
export function sentenceWords(h: Hit<Token>, text: string): string {
  const [s, e] = sentenceOf(text, h.tokens[h.first]!.start);
  return h.tokens
    .filter((t) => t.start >= s && t.start < e)
    .map((t) => t.word)
    .join(' ');
}

/** A language's reading of a match: an impostor warning, then a place or a job, then a negation. */
export function suppressionIn(
  h: Hit<Token>,
  text: string,
  impostors: readonly RegExp[],
  place: (h: Hit<Token>, sentence: string) => Suppression | null,
  negated: (h: Hit<Token>, text: string, sentence: string) => Suppression | null,
): Suppression | null {
  const sentence = sentenceWords(h, text);
  for (const re of impostors) {
    const m = re.exec(sentence);
    if (m) return { why: 'impostor-warning', detail: m[0] };
  }
  return place(h, sentence) ?? negated(h, text, sentence);
}

/** Whether the match is a place or a job name ("Court Street", "police officers can apply"). */
export function englishPlaceOrJob(h: Hit<Token>, text: string): Suppression | null {
  return innocent(h, sentenceWords(h, text));
}

/** Why this match is not a finding, or null when it is one. */
export function englishSuppression(h: Hit<Token>, text: string): Suppression | null {
  return suppressionIn(h, text, [IMPOSTOR_SUBJECT, IMPOSTOR_WARNING], innocent, negation);
}
