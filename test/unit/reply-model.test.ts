/**
 * The learned layer of the reply interpreter (src/policy/replies/model.ts): trained the same on
 * every run, it only adds to the rules (never removes an intent, never outweighs a revocation), each
 * intent it adds explains itself, and it keeps the interpreter fast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpretReply, type ReplyContext } from '../../src/policy/replies/index.js';
import { loadModel, modelFeatures, modelLang, type ReplyModelFile, scoreWith } from '../../src/policy/replies/model.js';
import { loadDocs, serialise, trainWithThresholds } from '../../scripts/reply-model-lib.js';

const at = new Date('2026-12-02T12:00:00Z');
const o = (channel: 'sms' | 'email' = 'sms'): ReplyContext => ({ channel, receivedAt: at, timeZone: 'UTC' });
const MODEL_DIR = join(import.meta.dirname, '..', '..', 'src', 'policy', 'replies');

describe('reply model', () => {
  it('is written byte for byte the same by the trainer', { timeout: 60_000 }, () => {
    for (const lang of ['en', 'zh'] as const) {
      const again = serialise(trainWithThresholds(lang, loadDocs(lang, false)));
      expect(again === readFileSync(join(MODEL_DIR, `model.${lang}.json`), 'utf8')).toBe(true);
      expect(again.length).toBeLessThan(400 * 1024);
    }
  });

  it('explains an intent it adds like a rule: model-<intent> and the words that weighed most', () => {
    const rules = interpretReply("I'll get it done by friday", { ...o(), learned: false });
    expect(rules.intents.map((i) => i.intent)).toEqual(['other']);
    const got = interpretReply("I'll get it done by friday", o());
    expect(got.intents).toHaveLength(1);
    const [i] = got.intents;
    expect(i).toMatchObject({ intent: 'promise', rule: 'model-promise', promise: { date: '2026-12-04' } });
    const words = i!.matched.split(', ');
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBeLessThanOrEqual(3);
    expect(words).toContain('friday');
    // The rules would have sent an unread reply of five words to a person: so does the model's guess.
    expect(got.needsPerson).toBe(true);
  });

  it('adds a revocation only when very sure, of the line the reply came on, and sends it to a person', () => {
    expect(interpretReply('真的不想再收了', { ...o(), learned: false }).intents.map((i) => i.intent)).toEqual([
      'other',
    ]);
    const got = interpretReply('真的不想再收了', o('email'));
    expect(got.intents).toEqual([
      expect.objectContaining({ intent: 'revoke', rule: 'model-revoke', scope: ['email'] }),
    ]);
    expect(got.intents[0]!.matched).not.toBe('');
    expect(got.needsPerson).toBe(true);
  });

  it('leaves to the rules what a rule matched and explained away', () => {
    for (const t of ['I will stop by the branch', '我想下周还', 'Stop calling my mom, call me instead'])
      expect(
        interpretReply(t, o())
          .intents.map((i) => i.rule)
          .filter((r) => r.startsWith('model-')),
      ).toEqual([]);
  });

  // Reads every tuning reply twice: minutes on a loaded 2-core CI host, not the 60 s default.
  it(
    'never removes an intent the rules found, nor changes a revocation, on every tuning reply',
    { timeout: 240_000 },
    () => {
      let added = 0;
      for (const lang of ['en', 'zh'] as const)
        for (const d of loadDocs(lang, false)) {
          const rules = interpretReply(d.text, { ...o(d.channel), learned: false });
          const both = interpretReply(d.text, o(d.channel));
          const found = rules.intents.filter((i) => i.intent !== 'other');
          // Every intent of the rules, with its rule, words, scope and terms, unchanged and first.
          expect(both.intents.slice(0, found.length)).toEqual(found);
          for (const i of both.intents.slice(found.length)) {
            if (i.intent === 'other') continue;
            added++;
            expect(i.rule).toBe(`model-${i.intent}`);
            expect(found.map((f) => f.intent)).not.toContain(i.intent);
          }
          if (rules.needsPerson) expect(both.needsPerson).toBe(true);
        }
      // Trained on these replies, the model has little to add to rules tuned on them.
      expect(added).toBeLessThan(50);
    },
  );

  it('keeps a revocation the rules found whatever else the model reads', () => {
    const got = interpretReply("Stop texting me. I'll pay $50 on Friday, I lost my job", o());
    expect(got.intents[0]).toMatchObject({ intent: 'revoke', scope: ['sms'] });
    expect(got.intents.find((i) => i.intent === 'revoke')!.rule.startsWith('model-')).toBe(false);
  });

  it('costs little per reply', () => {
    const texts = (['en', 'zh'] as const).flatMap((l) => loadDocs(l, false).map((d) => d.text));
    const models = {
      en: loadModel(JSON.parse(readFileSync(join(MODEL_DIR, 'model.en.json'), 'utf8')) as ReplyModelFile),
      zh: loadModel(JSON.parse(readFileSync(join(MODEL_DIR, 'model.zh.json'), 'utf8')) as ReplyModelFile),
    };
    const perReply = (f: (t: string) => unknown) => {
      const t0 = process.hrtime.bigint();
      for (const t of texts) f(t);
      return Number(process.hrtime.bigint() - t0) / 1000 / texts.length;
    };
    const model = (t: string) => {
      const lang = modelLang(t);
      return scoreWith(models[lang], modelFeatures(t, lang));
    };
    perReply(model);
    const learned = perReply(model);
    const all = perReply((t) => interpretReply(t, o()));
    console.log(`reply model: ${learned.toFixed(0)} µs a reply; interpretReply with it: ${all.toFixed(0)} µs`);
    // Generous for a shared machine: features of at most MAX_REPLY_CHARS and a map lookup each.
    expect(learned).toBeLessThan(1000);
  });
});
