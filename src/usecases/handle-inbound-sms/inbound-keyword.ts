/** What an inbound text asks for: STOP (and the profile's family of opt-out words), START, HELP, or nothing. */

export type InboundKind = 'stop' | 'start' | 'help' | 'other';

const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'KT']);
const HELP_WORDS = new Set(['HELP', 'INFO', '帮助', 'AYUDA']);

/** Keywords only a Spanish speaker sends: an unknown number that sends one is answered in Spanish. */
const SPANISH_WORDS = new Set(['ALTO', 'PARAR', 'BAJA', 'CANCELAR', 'AYUDA']);

/** The locale to answer a number no borrower has in: the text's language, as far as a keyword tells it. */
export function replyLocaleOf(body: string): string {
  if (/[\u4e00-\u9fff]/.test(body)) return 'zh-CN';
  return SPANISH_WORDS.has(keywordOf(body)) ? 'es-US' : 'en-US';
}

/** Normalises an inbound text for keyword matching: full-width folded, case and surrounding punctuation dropped. */
export function keywordOf(body: string): string {
  return body
    .normalize('NFKC')
    .trim()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

/** The kind of a normalised keyword; the opt-out words are the profile's. */
export function inboundKind(keyword: string, optOutKeywords: readonly string[]): InboundKind {
  if (optOutKeywords.some((k) => keywordOf(k) === keyword)) return 'stop';
  if (START_WORDS.has(keyword)) return 'start';
  if (HELP_WORDS.has(keyword)) return 'help';
  return 'other';
}
