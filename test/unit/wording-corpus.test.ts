/**
 * The wording linter measured on a corpus of its own (test/fixtures/wording): per language and per
 * kind, how many threats it catches (recall) and how many courteous sentences it flags (false
 * positives per 100), in English, Chinese and Spanish. The tuning part must reach recall 0.95 and
 * at most 1 false positive in 100 courteous sentences; the held-back part is reported beside it and
 * not asserted (a part written blind and not yet delivered is skipped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWording } from '../../src/policy/wording-rules.js';

interface Line {
  label: 'threat' | 'courteous';
  kind: string;
  sentence: string;
}

const DIR = path.resolve('test/fixtures/wording');

export function readCorpus(file: string): Line[] {
  return fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [label, kind, sentence] = l.split('\t');
      if ((label !== 'threat' && label !== 'courteous') || !kind || !sentence)
        throw new Error(`${file}: bad line: ${l}`);
      return {
        label,
        kind,
        sentence: sentence.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      };
    });
}

export interface Figures {
  threats: number;
  caught: number;
  courteous: number;
  flagged: number;
  byKind: Record<string, { label: string; n: number; hits: number }>;
  misses: string[];
  falseAlarms: string[];
}

export function measure(lines: Line[]): Figures {
  const f: Figures = { threats: 0, caught: 0, courteous: 0, flagged: 0, byKind: {}, misses: [], falseAlarms: [] };
  for (const l of lines) {
    const fired = lintWording(l.sentence).length > 0;
    const k = (f.byKind[`${l.label}/${l.kind}`] ??= { label: l.label, n: 0, hits: 0 });
    k.n++;
    if (fired) k.hits++;
    if (l.label === 'threat') {
      f.threats++;
      if (fired) f.caught++;
      else f.misses.push(l.sentence);
    } else {
      f.courteous++;
      if (fired) {
        f.flagged++;
        f.falseAlarms.push(
          `${l.sentence} → ${lintWording(l.sentence)
            .map((x) => `${x.rule}:${x.matched}`)
            .join(', ')}`,
        );
      }
    }
  }
  return f;
}

function report(name: string, f: Figures): string {
  const rows = Object.entries(f.byKind).map(
    ([k, v]) =>
      `  ${k.padEnd(28)} ${String(v.n).padStart(4)}  ${v.label === 'threat' ? `recall ${(v.hits / v.n).toFixed(2)}` : `flagged ${v.hits}`}`,
  );
  return [
    `${name}: recall ${(f.caught / f.threats).toFixed(3)} (${f.caught}/${f.threats}), false positives ${((100 * f.flagged) / f.courteous).toFixed(2)} per 100 courteous (${f.flagged}/${f.courteous})`,
    ...rows,
    ...f.misses.map((m) => `  missed: ${m}`),
    ...f.falseAlarms.map((m) => `  flagged: ${m}`),
  ].join('\n');
}

describe.each([
  ['English', 'en'],
  ['Chinese', 'zh'],
  ['Spanish', 'es'],
])('the wording corpus in %s', (_name, lang) => {
  it('catches at least 95 % of the threats and flags at most 1 in 100 courteous sentences (tuning part)', () => {
    const lines = readCorpus(`${lang}.tsv`);
    expect(lines.filter((l) => l.label === 'threat').length).toBeGreaterThanOrEqual(150);
    expect(lines.filter((l) => l.label === 'courteous').length).toBeGreaterThanOrEqual(150);
    const f = measure(lines);
    process.stdout.write(`${report(`${lang} tuning`, f)}\n`);
    expect(f.caught / f.threats, report(lang, f)).toBeGreaterThanOrEqual(0.95);
    expect(f.flagged / f.courteous, report(lang, f)).toBeLessThanOrEqual(0.01);
  });

  // A held-back part written blind may not be there yet (Spanish): then there is nothing to report.
  it.skipIf(!fs.existsSync(path.join(DIR, `${lang}.holdout.tsv`)))(
    'reports the held-back part, which the rules were not tuned against',
    () => {
      const f = measure(readCorpus(`${lang}.holdout.tsv`));
      process.stdout.write(`${report(`${lang} held back`, f)}\n`);
      // Reported, not tuned: a floor far below the target, so the part stays honest and the test
      // still fails if the linter stops working at all.
      expect(f.caught / f.threats).toBeGreaterThan(0.5);
      expect(f.flagged / f.courteous).toBeLessThan(0.25);
    },
  );
});
