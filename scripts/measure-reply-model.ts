/**
 * Does the learned layer generalise? Leave one tuning part out: for each part k, train on the other
 * five (thresholds chosen on those five, each scored by a model that did not see it), then score part
 * k by (a) the rules alone, (b) the model alone (every intent at probability ≥ 0.5, `other` when none)
 * and (c) the rules with what the model adds above its thresholds. The rules were tuned on every
 * part, so (a) flatters them. The held-back part is never read.
 *
 *   npx tsx scripts/measure-reply-model.ts [en|zh]
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTENTS, type Intent } from '../src/domain/replies.js';
import { loadModel, modelAdditions, modelFeatures, type ModelLang, scoreWith } from '../src/policy/replies/model.js';
import {
  type Doc,
  loadDocs,
  MODEL_INTENTS,
  REPLY_DIR,
  scoreDocs,
  trainWithThresholds,
  TUNING_PARTS,
} from './reply-model-lib.js';

type Answer = Intent[];
interface Tally {
  support: number;
  predicted: number;
  tp: number;
}

function tally(docs: readonly Doc[], answers: readonly Answer[]): Map<Intent, Tally> {
  const t = new Map<Intent, Tally>(INTENTS.map((i) => [i, { support: 0, predicted: 0, tp: 0 }]));
  docs.forEach((d, k) => {
    for (const i of INTENTS) {
      const x = t.get(i)!;
      const e = d.gold.includes(i);
      const g = answers[k]!.includes(i);
      if (e) x.support++;
      if (g) x.predicted++;
      if (e && g) x.tp++;
    }
  });
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? '   - ' : ((100 * a) / b).toFixed(1).padStart(5));

function measure(lang: ModelLang): void {
  const docs = loadDocs(lang);
  const rules: Answer[] = [];
  const alone: Answer[] = [];
  const combined: Answer[] = [];
  const ordered: Doc[] = [];
  const priorDocs: Doc[] = [];
  const prior: Answer[] = [];
  const priorCombined: Answer[] = [];
  const perPart: Array<{ part: string; r: Map<Intent, Tally>; c: Map<Intent, Tally> }> = [];
  for (const k of TUNING_PARTS) {
    const test = docs.filter((d) => d.part === k);
    const model = trainWithThresholds(
      lang,
      docs.filter((d) => d.part !== k),
    );
    const thresholds = model.intents.map((m) => m.threshold);
    const scored = scoreDocs(model, test);
    const r: Answer[] = [];
    const c: Answer[] = [];
    const before = priorRules(lang, k);
    for (const [n, s] of scored.entries()) {
      const scores = MODEL_INTENTS.map((intent, j) => ({
        intent,
        probability: s.p[j]!,
        threshold: thresholds[j]!,
        top: [],
      }));
      const a = MODEL_INTENTS.filter((_, j) => s.p[j]! >= 0.5);
      alone.push(a.length ? a : ['other']);
      const added = modelAdditions(s.doc.weighed, scores).map((x) => x.intent);
      const both = added.length ? [...s.doc.rules.filter((i) => i !== 'other'), ...added] : s.doc.rules;
      if (before) {
        const [b, weighed] = before[n]!;
        const more = modelAdditions(weighed, scores).map((x) => x.intent);
        priorDocs.push(s.doc);
        prior.push(b);
        priorCombined.push(more.length ? [...b.filter((i) => i !== 'other'), ...more] : b);
      }
      r.push(s.doc.rules);
      c.push(both);
      ordered.push(s.doc);
    }
    rules.push(...r);
    combined.push(...c);
    perPart.push({ part: k, r: tally(test, r), c: tally(test, c) });
    note(`${lang}/${k}: thresholds ${MODEL_INTENTS.map((i, j) => `${i}=${thresholds[j] ?? '-'}`).join(' ')}`);
  }
  const R = tally(ordered, rules);
  const M = tally(ordered, alone);
  const C = tally(ordered, combined);
  say(`\n${lang}: leave one tuning part out, the six parts summed (${ordered.length} replies)`);
  say(
    'intent            n |  rules R    P |  model R    P |  rules+model R    P | parts below target: rules → combined',
  );
  for (const i of INTENTS) {
    const [r, m, c] = [R.get(i)!, M.get(i)!, C.get(i)!];
    const min = i === 'revoke' ? 0.98 : 0.9;
    const below = (which: 'r' | 'c') =>
      perPart.filter((p) => {
        const x = p[which].get(i)!;
        return (
          x.support > 0 &&
          i !== 'other' &&
          (x.tp / x.support < min || (i === 'revoke' && x.predicted > 0 && x.tp / x.predicted < 0.95))
        );
      }).length;
    say(
      `${i.padEnd(14)} ${String(r.support).padStart(4)} | ${pct(r.tp, r.support)} ${pct(r.tp, r.predicted)} | ${pct(m.tp, m.support)} ${pct(m.tp, m.predicted)} |         ${pct(c.tp, c.support)} ${pct(c.tp, c.predicted)} | ${i === 'other' ? '' : `${below('r')} → ${below('c')}`}`,
    );
  }
  const P = tally(priorDocs, prior);
  const PC = tally(priorDocs, priorCombined);
  say(`\n${lang}: the rules as they were before each part was added (unseen), parts 2-6 (${priorDocs.length} replies)`);
  say('intent            n |  prior rules R    P |  prior rules+model R    P');
  for (const i of INTENTS) {
    const [r, c] = [P.get(i)!, PC.get(i)!];
    say(
      `${i.padEnd(14)} ${String(r.support).padStart(4)} |        ${pct(r.tp, r.support)} ${pct(r.tp, r.predicted)} |              ${pct(c.tp, c.support)} ${pct(c.tp, c.predicted)}`,
    );
  }
  const changed = ordered.filter((_, k) => rules[k]!.join() !== combined[k]!.join()).length;
  say(`replies whose answer the model changed: ${changed}`);
  seventh(lang, docs);
}

/**
 * The second check: the seventh part, which the model never saw, read by the rules as they were
 * before the seventh rounds (commit SEVENTH_RULES) with and without the model trained on parts 1-6.
 */
function seventh(lang: ModelLang, docs: readonly Doc[]): void {
  const file = join(REPLY_DIR, `${lang}.tune7.jsonl`);
  const test = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intents: Intent[] });
  const model = trainWithThresholds(lang, docs);
  const m = loadModel(model);
  const before = rulesAt(SEVENTH_RULES, lang, 'tune7', false)!;
  const gold = test.map((r) => ({ gold: r.intents }) as Doc);
  const r: Answer[] = [];
  const c: Answer[] = [];
  test.forEach((t, n) => {
    const [b, weighed] = before[n]!;
    const more = modelAdditions(weighed, scoreWith(m, modelFeatures(t.text, lang))).map((x) => x.intent);
    r.push(b);
    c.push(more.length ? [...b.filter((i) => i !== 'other'), ...more] : b);
  });
  const R = tally(gold, r);
  const C = tally(gold, c);
  say(`\n${lang}: tune7 unseen by both, the rules at ${SEVENTH_RULES} (${test.length} replies)`);
  say('intent            n |  rules R    P |  rules+model R    P');
  for (const i of INTENTS) {
    const [x, y] = [R.get(i)!, C.get(i)!];
    say(
      `${i.padEnd(14)} ${String(x.support).padStart(4)} | ${pct(x.tp, x.support)} ${pct(x.tp, x.predicted)} |         ${pct(y.tp, y.support)} ${pct(y.tp, y.predicted)}`,
    );
  }
}

/**
 * The commit that added each part: the rules of its parent had never seen the part, so they give
 * an honest "rules on unseen text" figure for it (the first part has none: the rules began on it).
 */
const ADDED: Record<ModelLang, Partial<Record<string, string>>> = {
  en: { tune2: 'bfb1f4b', tune3: '74ee15b', tune4: 'bda6896', tune5: '9d5f889', tune6: '4a38900' },
  zh: { tune2: 'bfb1f4b', tune3: '74ee15b', tune4: 'bda6896', tune5: '81db745', tune6: '1b2d72b' },
};
const ROOT = join(import.meta.dirname, '..');

/** The rules before the seventh rounds (the merge of the learned layer): tune7's unseen check. */
const SEVENTH_RULES = '21705a6';

/** The answers of the rules as they were before the part was added (cached under the system's tmp). */
function priorRules(lang: ModelLang, part: string): Array<[Answer, Answer]> | null {
  const commit = ADDED[lang][part];
  return commit ? rulesAt(commit, lang, part, true) : null;
}

/** The answers of the rules at a commit (or its parent), rules only, cached under the system's tmp. */
function rulesAt(commit: string, lang: ModelLang, part: string, parent: boolean): Array<[Answer, Answer]> {
  const dir = join(tmpdir(), 'reply-model-prior', parent ? commit : `${commit}-at`);
  const cache = join(dir, `${lang}.${part}.v2.json`);
  if (!existsSync(cache)) {
    if (!existsSync(join(dir, 'src'))) {
      mkdirSync(dir, { recursive: true });
      execSync(`git -C ${ROOT} archive ${commit}${parent ? '^' : ''} src queues package.json | tar -x -C ${dir}`);
      execSync(`ln -sfn ${join(ROOT, 'node_modules')} ${join(dir, 'node_modules')}`);
    }
    const runner = join(dir, 'run.mts');
    writeFileSync(
      runner,
      `import { readFileSync } from 'node:fs';
import { explainReply, interpretReply } from './src/policy/replies/index.ts';
const out = readFileSync(process.argv[2], 'utf8').split('\\n').filter((l) => l.trim()).map((l) => {
  const r = JSON.parse(l);
  const o = { channel: r.channel, receivedAt: new Date('2026-12-02T12:00:00Z'), timeZone: 'UTC', learned: false };
  const rules = interpretReply(r.text, o).intents.map((i) => i.intent);
  return [rules, [...new Set([...rules, ...explainReply(r.text, o).hits.map((h) => h.rule.intent)])]];
});
process.stdout.write(JSON.stringify(out));
`,
    );
    const file = join(ROOT, 'test', 'fixtures', 'replies', `${lang}.${part}.jsonl`);
    writeFileSync(cache, execSync(`npx tsx ${runner} ${file}`, { cwd: dir, maxBuffer: 1 << 26 }));
  }
  return JSON.parse(readFileSync(cache, 'utf8')) as Array<[Answer, Answer]>;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

const langs = (process.argv[2] ? [process.argv[2]] : ['en', 'zh']) as ModelLang[];
for (const lang of langs) measure(lang);
