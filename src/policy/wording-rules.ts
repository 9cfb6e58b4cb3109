/**
 * Wording rules (pure): threats, implied threats, insults, profanity and fake legal or government
 * wording, in English, Spanish and Chinese (simplified and traditional). Text is normalised before matching
 * (look-alike letters, leetspeak, zero-width and separator characters, full-width forms,
 * traditional characters: see wording/normalise.ts), and each match is read in its sentence: a
 * promise not to do the act, a warning against impostors, a place or a job name suppresses it, and
 * `explainWording` says why. Each finding names the regulation its rule serves.
 */
import { chineseHits } from './wording/chinese.js';
import { englishPlaceOrJob, englishSuppression } from './wording/english-scope.js';
import { ENGLISH_RULES, latinHits } from './wording/english.js';
import { REGULATIONS } from './wording/regulations.js';
import { readsSpanish, spanishSuppression } from './wording/spanish-scope.js';
import { SPANISH_RULES } from './wording/spanish.js';
import type { Rule, SuppressedFinding, Suppression, WordingFinding } from './wording/types.js';

export type { Severity, SuppressedFinding, Suppression, WordingFinding } from './wording/types.js';
export { CHINESE_RULES } from './wording/chinese.js';
export { ENGLISH_RULES } from './wording/english.js';
export { SPANISH_RULES } from './wording/spanish.js';

/**
 * English and Spanish share the Latin script and one reading of it. The English rules run on every
 * text; the Spanish ones on a text whose locale is es-* and on any text with a Spanish word or
 * letter in it (a Spanish sentence put into an English template, a rendered message whose locale
 * the worker does not pass), so an English or Chinese message does not pay for them. Each match is
 * then read in the scope of its sentence's language.
 */
const LATIN_RULES: readonly Rule[] = [...ENGLISH_RULES, ...SPANISH_RULES];
const SPANISH = new Set<Rule>(SPANISH_RULES);
const SPANISH_SIGNS =
  /[áéíóúñü¿¡]|\b(?:el|la|los|las|de|del|que|su|sus|usted|ustedes|por|para|con|una|es|se|le|lo|les|al|en|nuestro|nuestra|nosotros|si|pero|este|esta|esto|muy|mas|vamos|van|va|te|tu|tus|ya|queda|hoy|nos|otras?|otros?|\w+remos|\w+aci[oó0]n)\b/i;

function latinRules(text: string, locale: string | undefined): readonly Rule[] {
  return /^es\b/i.test(locale ?? '') || SPANISH_SIGNS.test(text) ? LATIN_RULES : ENGLISH_RULES;
}

const HAN = /\p{Script=Han}/u;

function finding(rule: string, message: string, start: number, end: number, matched: string): WordingFinding {
  return { severity: 'error', rule, message, regulation: REGULATIONS[rule] ?? '', start, end, matched };
}

/** Every match, each with why it is not a finding (null: it is one), de-duplicated by rule and start. */
function allMatches(text: string, locale?: string): Array<{ f: WordingFinding; suppressed: Suppression | null }> {
  const out: Array<{ f: WordingFinding; suppressed: Suppression | null }> = [];
  for (const h of latinHits(text, latinRules(text, locale))) {
    const start = h.tokens[h.first]!.start;
    out.push({
      f: finding(h.rule.rule, h.rule.message, start, h.tokens[h.last]!.end, h.matched),
      suppressed: readsSpanish(h, text, SPANISH.has(h.rule))
        ? (spanishSuppression(h, text) ?? englishPlaceOrJob(h, text))
        : englishSuppression(h, text),
    });
  }
  // Every Chinese rule needs a Han character (Kangxi radicals and compatibility ideographs are Han
  // too), so a text without one skips them: most rendered messages are not Chinese.
  if (HAN.test(text))
    for (const h of chineseHits(text))
      out.push({ f: finding(h.rule.rule, h.rule.message, h.start, h.end, h.matched), suppressed: h.suppressed });
  const seen = new Set<string>();
  return out
    .sort(
      (a, b) =>
        a.f.start - b.f.start || b.f.end - a.f.end || Number(a.suppressed !== null) - Number(b.suppressed !== null),
    )
    .filter(({ f }) => {
      const key = `${f.rule}:${f.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The findings of a text: matches that no negation, impostor warning, place or job name explains away. */
export function lintWording(text: string, locale?: string): WordingFinding[] {
  return allMatches(text, locale)
    .filter((m) => m.suppressed === null)
    .map((m) => m.f);
}

/** The findings, and the matches that did not fire with the reason (the lint API's debug view). */
export function explainWording(
  text: string,
  locale?: string,
): { findings: WordingFinding[]; suppressed: SuppressedFinding[] } {
  const all = allMatches(text, locale);
  return {
    findings: all.filter((m) => m.suppressed === null).map((m) => m.f),
    suppressed: all.filter((m) => m.suppressed !== null).map((m) => ({ ...m.f, suppressed: m.suppressed! })),
  };
}
