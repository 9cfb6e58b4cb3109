/**
 * The learned layer of the reply interpreter: per language, one logistic regression per intent
 * (one against the rest) over the same normalised view the rules read: English word unigrams and
 * bigrams of `tokens()` (look-alikes, zero-width letters and typos resolved), Chinese character
 * 1-3-grams of the simplified view. Trained by scripts/train-reply-model.ts on the tuning parts of
 * the reply corpus. After the rules, it may only ADD an intent they did not find (never remove
 * one), and each such intent explains itself like a rule: rule `model-<intent>` and, as `matched`,
 * the three words that weighed most for it.
 */
import type { Intent } from '../../domain/replies.js';
import { chineseView } from '../wording/normalise.js';
import { tokens } from './english.js';

export type ModelLang = 'en' | 'zh';

/** The file scripts/train-reply-model.ts writes: weights pruned, rounded, sparse (feature index, weight). */
export interface ReplyModelFile {
  lang: ModelLang;
  features: string[];
  intents: Array<{
    intent: Intent;
    bias: number;
    /** Add the intent at or above this probability; null: never add it. */
    threshold: number | null;
    weights: Array<[number, number]>;
  }>;
}

export interface ReplyModel {
  lang: ModelLang;
  intents: Array<{ intent: Intent; bias: number; threshold: number | null }>;
  /** Feature → the weight of each intent (same order as `intents`). */
  weights: Map<string, Float64Array>;
}

export interface ModelScore {
  intent: Intent;
  probability: number;
  threshold: number | null;
  /** The features present that weighed most for the intent, strongest first. */
  top: string[];
}

const HAN = /\p{Script=Han}/u;

/** Which model reads a reply: the Chinese one when it has a Han character, as the rules read Chinese then. */
export const modelLang = (text: string): ModelLang => (HAN.test(text) ? 'zh' : 'en');

/** The features of a reply, each once, in the order first seen. */
export function modelFeatures(text: string, lang: ModelLang): string[] {
  const out = new Set<string>();
  if (/[?？]/.test(text)) out.add('<?>');
  if (/[!！]/.test(text)) out.add('<!>');
  if (lang === 'en') {
    const words = tokens(text)
      .map((t) => (/^\d/.test(t.word) ? '<num>' : t.word))
      .filter((w) => w !== ',' && w !== '.');
    let prev = '<s>';
    for (const w of words) {
      out.add(w);
      out.add(`${prev} ${w}`);
      prev = w;
    }
    if (words.length) out.add(`${prev} </s>`);
    out.add(words.length <= 2 ? '<short>' : words.length > 25 ? '<long>' : '<mid>');
  } else {
    const s = `^${chineseView(text).text.replace(/\d+/g, '0')}$`;
    const cs = [...s];
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= cs.length; i++) {
        const g = cs.slice(i, i + n).join('');
        if (g !== '^' && g !== '$') out.add(g);
      }
  }
  return [...out];
}

export function loadModel(file: ReplyModelFile): ReplyModel {
  const k = file.intents.length;
  const weights = new Map<string, Float64Array>();
  file.intents.forEach((m, j) => {
    for (const [f, w] of m.weights) {
      const name = file.features[f]!;
      let row = weights.get(name);
      if (!row) weights.set(name, (row = new Float64Array(k)));
      row[j] = w;
    }
  });
  return {
    lang: file.lang,
    intents: file.intents.map(({ intent, bias, threshold }) => ({ intent, bias, threshold })),
    weights,
  };
}

/** Each feature counts 1/√n, n the reply's number of features, so long replies do not shout. */
export const featureValue = (n: number) => 1 / Math.sqrt(Math.max(n, 1));

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Features that are no word: markers a person would not recognise as "the words that weighed". */
const MARKER = /^<[^>]*>$/;

export function scoreWith(model: ReplyModel, features: readonly string[]): ModelScore[] {
  const v = featureValue(features.length);
  return model.intents.map((m, j) => {
    let z = m.bias;
    const contributions: Array<[string, number]> = [];
    for (const f of features) {
      const w = model.weights.get(f)?.[j];
      if (w === undefined || w === 0) continue;
      z += w * v;
      if (w > 0 && !MARKER.test(f)) contributions.push([f.replace(/^<s> | <\/s>$|\^|\$/g, ''), w]);
    }
    contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top: string[] = [];
    for (const [f] of contributions) if (f && !top.includes(f) && top.push(f) >= 3) break;
    return { intent: m.intent, probability: sigmoid(z), threshold: m.threshold, top };
  });
}

/** The intents the model adds to the rules' answer: at or above their threshold, not found by the rules, never `other`. */
export function modelAdditions(found: readonly Intent[], scores: readonly ModelScore[]): ModelScore[] {
  return scores.filter(
    (s) => s.intent !== 'other' && s.threshold !== null && s.probability >= s.threshold && !found.includes(s.intent),
  );
}
