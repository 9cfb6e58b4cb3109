/**
 * The reply interpreter measured on the reply corpus (test/fixtures/replies): recall and
 * precision per language, part and intent, and for `revoke` whether the scope is exact. The
 * targets hold on the tuning part and, when its files are present, on the held-back part.
 * The figures go to the console and to dist/reply-corpus.json for the docs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, failures, type PartFigures, score } from '../support/reply-corpus.js';

const files = corpusFiles();
const parts: PartFigures[] = files.map(score);
/**
 * A new author's part is measured unseen before anyone tunes against it (docs/replies.md gives those figures), and
 * joins the asserted parts when its round is done.
 */
const UNSEEN = new Set<string>([]);
const tuning = parts.filter(
  (p) =>
    ['tune', 'tune2', 'tune3', 'tune4', 'tune5', 'tune6', 'tune7', 'tune8'].includes(p.part) &&
    !UNSEEN.has(`${p.lang}.${p.part}`),
);
/** Spanish (es.tune to es.tune5, and es.held when its author has written it): a language of its own since issue 33. */
const spanish = parts.filter((p) => p.lang === 'es');
const held = parts.filter((p) => p.part === 'held');

const pct = (x: number | undefined) => (x === undefined ? '' : (100 * x).toFixed(1));

function table(ps: PartFigures[]): string {
  const rows = ['lang part  intent        n    pred  recall  precision  scope/terms exact'];
  for (const p of ps)
    for (const i of p.intents)
      rows.push(
        [
          p.lang.padEnd(4),
          p.part.padEnd(5),
          i.intent.padEnd(13),
          String(i.support).padStart(4),
          String(i.predicted).padStart(5),
          pct(i.recall).padStart(7),
          pct(i.precision).padStart(10),
          pct(i.scopeExact ?? i.termsExact).padStart(18),
        ].join(' '),
      );
  return rows.join('\n');
}

function report(ps: PartFigures[], showMisses = true): string[] {
  const problems = ps.flatMap(failures);
  if (problems.length && showMisses)
    console.log(
      [
        ...problems,
        'misses:',
        ...ps.flatMap((p) =>
          p.misses.map(
            (m) => `  [${p.lang}/${p.part}] ${JSON.stringify(m.text)}: ${m.why} (got ${m.got.join(', ') || 'nothing'})`,
          ),
        ),
      ].join('\n'),
    );
  return problems;
}

describe('reply corpus', () => {
  it('reads the eight tuning parts of English and Chinese, and the Spanish ones', () => {
    expect(tuning.map((p) => `${p.lang}.${p.part}`).sort()).toEqual([
      'en.tune',
      'en.tune2',
      'en.tune3',
      'en.tune4',
      'en.tune5',
      'en.tune6',
      'en.tune7',
      'en.tune8',
      'es.tune',
      'es.tune2',
      'es.tune3',
      'es.tune4',
      'es.tune5',
      'zh.tune',
      'zh.tune2',
      'zh.tune3',
      'zh.tune4',
      'zh.tune5',
      'zh.tune6',
      'zh.tune7',
      'zh.tune8',
    ]);
    for (const p of tuning) expect(p.replies).toBeGreaterThanOrEqual(p.part === 'tune4' ? 120 : 200);
    // Spanish: 320 replies or more, 70 of them revocations.
    const es = spanish.find((p) => p.part === 'tune')!;
    expect(es.replies).toBeGreaterThanOrEqual(320);
    expect(es.intents.find((i) => i.intent === 'revoke')!.support).toBeGreaterThanOrEqual(70);
  });

  it('prints the figures and writes them to dist/reply-corpus.json', () => {
    console.log(table(parts));
    const out = join(import.meta.dirname, '..', '..', 'dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'reply-corpus.json'),
      JSON.stringify(
        {
          receivedAt: '2026-12-02T12:00:00Z',
          parts: parts.map(({ misses, ...p }) => ({ ...p, misses: misses.length })),
        },
        null,
        2,
      ),
    );
  });

  it('meets the targets on each tuning part, tune to tune8 and es.tune to es.tune5 (revoke recall ≥ 0.98, precision ≥ 0.95; other intents recall ≥ 0.9)', () => {
    expect(report(tuning)).toEqual([]);
  });

  /*
   * The held-back part is measured and its figures reported, never its replies: whoever adjusts
   * the rules must not see them (REPLY_CORPUS_SHOW_HELD=1 prints them, for a reviewer only).
   * The targets are not met on it yet (docs/replies.md gives the figures); they become an
   * assertion here when they are, and issue 28 stays open until then.
   */
  it.skipIf(held.length === 0)('measures the held-back part of each language against the targets', () => {
    // es.held.jsonl is written blind by another author; measured when it is there, skipped when not.
    expect(held.map((p) => p.lang).filter((l) => l !== 'es')).toEqual(['en', 'zh']);
    for (const p of held) expect(p.replies).toBeGreaterThanOrEqual(p.lang === 'es' ? 1 : 150);
    const gaps = report(held, process.env.REPLY_CORPUS_SHOW_HELD === '1');
    console.log(gaps.length ? `held-back part, below target:\n${gaps.join('\n')}` : 'held-back part: every target met');
  });
});
