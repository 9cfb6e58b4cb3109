/**
 * Normalisation before matching, with a map back to the original offsets (so a finding marks the
 * characters the author wrote). Zero-width and other invisible characters are dropped; NFKC folds
 * full-width and styled letters; obscenity's confusables table turns look-alike letters of other
 * scripts into Latin ones (Cyrillic "ѕ", Armenian "ս", accents); OpenCC turns traditional Chinese
 * into simplified. Leetspeak is decoded per token, in `english.ts`.
 */
import { resolveConfusablesTransformer } from 'obscenity';
import { Converter } from 'opencc-js/t2cn';

/**
 * Words joined by single spaces into one string to match rules across them, and the index of the
 * word a position of that string falls in (binary search over the words' starts).
 */
export function wordStream(words: readonly { word: string }[]): { stream: string; wordAt(pos: number): number } {
  let stream = '';
  const starts: number[] = [];
  for (const w of words) {
    if (stream.length > 0) stream += ' ';
    starts.push(stream.length);
    stream += w.word;
  }
  const wordAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { stream, wordAt };
}

export interface Normalised {
  text: string;
  /** Chinese view only: the whole input in simplified characters, offsets unchanged. */
  simplified?: string;
  /** For each character of `text`, the offset in the original of the character it came from. */
  map: number[];
}

const confusables = resolveConfusablesTransformer();
const toSimplified = Converter({ from: 't', to: 'cn' });

/** Format characters (zero-width space and joiners, word joiner, soft hyphen, BOM), variation selectors, the combining grapheme joiner. */
const FORMAT = /^\p{Cf}$/u;
const isInvisible = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return (
    FORMAT.test(ch) ||
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
};
const HAN = /\p{Script=Han}/u;

function latinOf(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80 || HAN.test(ch)) return ch;
  const mapped = confusables.transform(cp);
  return mapped === undefined ? ch : String.fromCodePoint(mapped);
}

/** The text as Latin-script matching sees it: lower case, invisible characters gone, look-alikes resolved. */
export function latinView(input: string): Normalised {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const cp of input) {
    const c = cp.charCodeAt(0);
    if (c < 0x80) {
      // ASCII is its own NFKC and its own Latin letter, and none of it is invisible: only the case changes.
      text += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : cp;
      map.push(offset);
      offset += 1;
      continue;
    }
    if (!isInvisible(cp)) {
      for (const ch of cp.normalize('NFKC')) {
        for (const out of latinOf(ch).toLowerCase()) {
          text += out;
          map.push(offset);
        }
      }
    }
    offset += cp.length;
  }
  return { text, map };
}

/**
 * The text as Chinese matching sees it: simplified characters, and only letters and digits (so
 * "起 诉", "起-诉", "起\u200b诉" and "起訴" all read 起诉).
 */
export function chineseView(input: string): Normalised {
  // OpenCC converts character for character here; where a phrase changes length, convert each
  // character alone so the offsets stay exact.
  const whole = toSimplified(input);
  const simplified =
    whole.length === input.length
      ? whole
      : [...input].map((c) => (toSimplified(c).length === c.length ? toSimplified(c) : c)).join('');
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const cp of simplified) {
    const c = cp.charCodeAt(0);
    if (c < 0x80) {
      // ASCII: only letters and digits count, in lower case.
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) text += cp;
      else if (c >= 65 && c <= 90) text += String.fromCharCode(c + 32);
      else {
        offset += 1;
        continue;
      }
      map.push(offset);
      offset += 1;
      continue;
    }
    for (const ch of cp.normalize('NFKC').toLowerCase()) {
      if (/[\p{L}\p{N}]/u.test(ch)) {
        text += ch;
        map.push(offset);
      }
    }
    offset += cp.length;
  }
  return { text, map, simplified };
}
