/**
 * docs/strategy.md shows an example STRATEGY_FILE: the first ```json block after the heading
 * "Example strategy file". It must load through the loader the service uses (loadStrategy), so
 * the documentation cannot drift from what start-up accepts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStrategy } from '../../src/compose/startup/strategy-file.js';
import { STAGES } from '../../src/policy/strategy.js';

const docPath = fileURLToPath(new URL('../../docs/strategy.md', import.meta.url));

function exampleBlock(markdown: string): string {
  const heading = markdown.search(/^#+ Example strategy file\s*$/m);
  if (heading < 0) throw new Error('docs/strategy.md has no "Example strategy file" heading');
  const block = /^```json\n([\s\S]*?)^```/m.exec(markdown.slice(heading));
  if (!block) throw new Error('no ```json block after the "Example strategy file" heading');
  return block[1]!;
}

describe('the example strategy file in docs/strategy.md', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-doc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads through loadStrategy (STRATEGY_FILE) with the stages and steps it shows', () => {
    const json = exampleBlock(fs.readFileSync(docPath, 'utf8'));
    const file = path.join(dir, 'strategy.json');
    fs.writeFileSync(file, json);
    const shown = JSON.parse(json) as { cadences: Record<string, unknown[]> };

    const strategy = loadStrategy(file);

    expect(Object.keys(strategy.cadences).sort()).toEqual([...STAGES].sort());
    for (const stage of STAGES) {
      expect(strategy.cadences[stage].length).toBeGreaterThan(0);
      expect(strategy.cadences[stage]).toEqual(shown.cadences[stage]);
    }
    expect(Object.keys(strategy.thresholds).sort()).toEqual(['GBP', 'USD']);
    expect(strategy.cadences.late.some((s) => s.channel === 'voice')).toBe(false);
    expect(strategy.resolvedTemplate).toBe('payment-received');
  });
});
