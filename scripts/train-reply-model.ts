/**
 * Trains the reply interpreter's learned layer (src/policy/replies/model.ts) on the six tuning
 * parts of the reply corpus, never the held-back one, and writes src/policy/replies/model.<lang>.json.
 * Deterministic: a fixed seed and order, weights rounded, so a re-run writes the same bytes.
 *
 *   npx tsx scripts/train-reply-model.ts [outDir]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelLang } from '../src/policy/replies/model.js';
import { loadDocs, serialise, trainWithThresholds } from './reply-model-lib.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'src', 'policy', 'replies');
for (const lang of ['en', 'zh'] as ModelLang[]) {
  const model = trainWithThresholds(lang, loadDocs(lang, false));
  const text = serialise(model);
  writeFileSync(join(out, `model.${lang}.json`), text);
  say(
    `model.${lang}.json: ${model.features.length} features, ${(text.length / 1024).toFixed(0)} KB; thresholds ${model.intents
      .map((i) => `${i.intent}=${i.threshold ?? '-'}`)
      .join(' ')}`,
  );
}
