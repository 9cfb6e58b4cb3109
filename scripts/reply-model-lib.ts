/**
 * The maths of the reply model (scripts/train-reply-model.ts, scripts/measure-reply-model.ts):
 * one-vs-rest logistic regression with L2, trained by SGD in a fixed, seeded order, so the same
 * corpus gives the same weights to the last bit; and the choice of each intent's threshold on
 * replies the model did not see. Reads only the tuning parts of the corpus, never the held-back one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, type Intent } from '../src/domain/replies.js';
import { seededRandom } from '../src/lib/seeded-random.js';
import { explainReply, interpretReply } from '../src/policy/replies/index.js';
import {
  featureValue,
  loadModel,
  type ModelLang,
  modelFeatures,
  type ReplyModelFile,
  scoreWith,
} from '../src/policy/replies/model.js';

export const REPLY_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'replies');
/** The tuning parts, named one by one: the held-back part (and any part not listed) is never read. */
export const TUNING_PARTS = ['tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6'] as const;
export const RECEIVED_AT = new Date('2026-12-02T12:00:00Z');
/** The intents the model learns: every one but `other` (which is the absence of the rest). */
export const MODEL_INTENTS = INTENTS.filter((i) => i !== 'other');

export interface Doc {
  part: string;
  text: string;
  channel: 'sms' | 'email';
  gold: Intent[];
  features: string[];
  /** What the rules alone answer. */
  rules: Intent[];
  /** The intents some rule matched, counted or explained away: the model adds none of these. */
  weighed: Intent[];
}

export function loadDocs(lang: ModelLang, withRules = true): Doc[] {
  const docs: Doc[] = [];
  for (const part of TUNING_PARTS) {
    const file = join(REPLY_DIR, `${lang}.${part}.jsonl`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text: string; channel: 'sms' | 'email'; intents: Intent[] };
      docs.push({
        part,
        text: r.text,
        channel: r.channel,
        gold: r.intents,
        // The corpus of a language is read by that language's model, whatever script a reply is in.
        features: modelFeatures(r.text, lang),
        ...(withRules ? byRules(r.text, r.channel) : { rules: [], weighed: [] }),
      });
    }
  }
  return docs;
}

function byRules(text: string, channel: 'sms' | 'email'): { rules: Intent[]; weighed: Intent[] } {
  const o = { channel, receivedAt: RECEIVED_AT, timeZone: 'UTC', learned: false };
  const rules = interpretReply(text, o).intents.map((i) => i.intent);
  return { rules, weighed: [...new Set([...rules, ...explainReply(text, o).hits.map((h) => h.rule.intent)])] };
}

export const TRAINING = {
  epochs: 30,
  rate: 0.5,
  l2: 1e-4,
  minCount: 2,
  seed: 20261202,
  keep: 0.03,
  perIntent: 1500,
} as const;

/** Weights per intent over the features seen in at least `minCount` training replies (thresholds left null). */
export function train(lang: ModelLang, docs: readonly Doc[], o = TRAINING): ReplyModelFile {
  const count = new Map<string, number>();
  for (const d of docs) for (const f of d.features) count.set(f, (count.get(f) ?? 0) + 1);
  const features = [...count.keys()].filter((f) => count.get(f)! >= o.minCount).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const rows = docs.map((d) => ({
    x: Int32Array.from(d.features.map((f) => index.get(f) ?? -1).filter((i) => i >= 0)).sort(),
    v: featureValue(d.features.length),
    gold: d.gold,
  }));
  const next = seededRandom(o.seed);
  const orders: number[][] = [];
  for (let e = 0; e < o.epochs; e++) {
    const order = rows.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    orders.push(order);
  }
  const intents = MODEL_INTENTS.map((intent) => {
    const w = new Float64Array(features.length);
    let b = 0;
    const pos = rows.filter((r) => r.gold.includes(intent)).length;
    // Rare intents weigh more, as far as √(negatives/positives): they are what is missed.
    const posWeight = pos ? Math.sqrt(Math.max(1, (rows.length - pos) / pos)) : 1;
    for (let e = 0; e < o.epochs; e++) {
      const rate = o.rate / (1 + e * 0.2);
      for (const i of orders[e]!) {
        const r = rows[i]!;
        let z = b;
        for (const f of r.x) z += w[f]! * r.v;
        const y = r.gold.includes(intent) ? 1 : 0;
        const g = (1 / (1 + Math.exp(-z)) - y) * (y ? posWeight : 1);
        for (const f of r.x) w[f] = w[f]! - rate * (g * r.v + o.l2 * w[f]!);
        b -= rate * g;
      }
    }
    return { intent, bias: round(b), threshold: null, w };
  });
  // Prune: only weights that matter, rounded so the file reads the same on every machine.
  // Each intent keeps its `perIntent` strongest weights (ties by feature), none under `keep`.
  const strongest = intents.map(({ w }) => {
    const idx = [...w.keys()].filter((f) => Math.abs(w[f]!) >= o.keep);
    idx.sort((a, b) => Math.abs(w[b]!) - Math.abs(w[a]!) || a - b);
    return new Set(idx.slice(0, o.perIntent));
  });
  const used = new Set<number>();
  for (const s of strongest) for (const f of s) used.add(f);
  const kept = [...used].sort((a, b) => a - b);
  const renum = new Map(kept.map((f, i) => [f, i]));
  return {
    lang,
    features: kept.map((f) => features[f]!),
    intents: intents.map(({ intent, bias, threshold, w }, j) => ({
      intent,
      bias,
      threshold,
      weights: kept.filter((f) => strongest[j]!.has(f)).map((f) => [renum.get(f)!, round(w[f]!)]),
    })),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Scored {
  doc: Doc;
  /** Probability per MODEL_INTENTS entry. */
  p: number[];
}

/**
 * Thresholds from replies the model did not see: the lowest probability at which the model's own
 * answers for the intent are still precise. (Not measured against what the rules miss: the rules
 * were tuned on every tuning part, so on them they miss next to nothing.)
 */
export const THRESHOLDS = {
  precision: 0.9,
  /** A revocation is added only when very sure, and when nearly every one found was right. */
  revoke: { min: 0.95, precision: 0.97 },
  min: 0.7,
} as const;

export function chooseThresholds(scored: readonly Scored[], o = THRESHOLDS): Array<number | null> {
  return MODEL_INTENTS.map((intent, j) => {
    const revoke = intent === 'revoke';
    const minP = revoke ? o.revoke.min : o.min;
    const want = revoke ? o.revoke.precision : o.precision;
    const ranked = scored.map((s) => ({ p: s.p[j]!, right: s.doc.gold.includes(intent) })).sort((a, b) => b.p - a.p);
    let pred = 0;
    let tp = 0;
    let best: number | null = null;
    for (let k = 0; k < ranked.length; k++) {
      const c = ranked[k]!;
      if (c.p < minP) break;
      pred++;
      if (c.right) tp++;
      // Only at a boundary between distinct probabilities.
      if (k + 1 < ranked.length && ranked[k + 1]!.p === c.p) continue;
      if (tp / pred >= want) best = c.p;
    }
    // Rounded down, so the reply that set it still passes once the model is written out.
    return best === null ? null : Math.floor(best * 1000) / 1000;
  });
}

/** Each reply's probabilities under a model. */
export function scoreDocs(model: ReplyModelFile, docs: readonly Doc[]): Scored[] {
  const m = loadModel(model);
  return docs.map((doc) => ({ doc, p: scoreWith(m, doc.features).map((s) => s.probability) }));
}

/** Thresholds chosen on the training replies only: each part scored by a model trained on the others. */
export function outOfFold(lang: ModelLang, docs: readonly Doc[]): Scored[] {
  const parts = [...new Set(docs.map((d) => d.part))];
  return parts.flatMap((k) =>
    scoreDocs(
      train(
        lang,
        docs.filter((d) => d.part !== k),
      ),
      docs.filter((d) => d.part === k),
    ),
  );
}

/** The model trained on these replies, each intent's threshold chosen on them out of fold. */
export function trainWithThresholds(lang: ModelLang, docs: readonly Doc[]): ReplyModelFile {
  const thresholds = chooseThresholds(outOfFold(lang, docs));
  const model = train(lang, docs);
  model.intents.forEach((m, j) => (m.threshold = thresholds[j]!));
  return model;
}

/** One intent a line, so a retrained model's diff says which intents moved. */
export function serialise(m: ReplyModelFile): string {
  const intents = m.intents.map((i) => `    ${JSON.stringify(i)}`).join(',\n');
  return `{\n  "lang": ${JSON.stringify(m.lang)},\n  "features": ${JSON.stringify(m.features)},\n  "intents": [\n${intents}\n  ]\n}\n`;
}
