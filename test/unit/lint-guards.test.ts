/**
 * The guards .ci/run runs count only if they can fail: a two-file import cycle, planted for the
 * test in a folder of its own, is reported by eslint's import-x/no-cycle (it passed unseen while
 * import-x had no parser for .ts files). A use case that imports a face or express, planted
 * under src/usecases, is reported by the boundary zone and the restricted imports.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const dir = path.resolve('test', `planted-cycle-${randomBytes(4).toString('hex')}`);
const usecaseDir = path.resolve('src', 'usecases', `planted-${randomBytes(4).toString('hex')}`);

describe('lint guards', () => {
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(usecaseDir, { recursive: true, force: true });
  });

  it('fails a two-file import cycle', async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'a.ts'),
      "import { b } from './b.js';\n\nexport const a = (): number => b() + 1;\n",
    );
    fs.writeFileSync(
      path.join(dir, 'b.ts'),
      "import { a } from './a.js';\n\nexport const b = (): number => (typeof a === 'function' ? 1 : 0);\n",
    );
    const results = await new ESLint({ cwd: path.resolve('.') }).lintFiles([
      path.join(dir, 'a.ts'),
      path.join(dir, 'b.ts'),
    ]);
    const rules = results.flatMap((r) =>
      r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId ?? m.message}`),
    );
    expect(rules).toEqual(['a.ts import-x/no-cycle', 'b.ts import-x/no-cycle']);
  });

  it('fails a use case that imports the webhooks, the API or express', async () => {
    fs.mkdirSync(usecaseDir, { recursive: true });
    const file = path.join(usecaseDir, 'planted.usecase.ts');
    fs.writeFileSync(
      file,
      [
        "import express from 'express';",
        "import { makeApp } from '../../api/app.js';",
        "import { twilioWebhooksRouter } from '../../webhooks/twilio.routes.js';",
        '',
        'export const planted = [express, makeApp, twilioWebhooksRouter];',
        '',
      ].join('\n'),
    );
    const [result] = await new ESLint({ cwd: path.resolve('.') }).lintFiles([file]);
    expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      '1 no-restricted-imports',
      '2 import-x/no-restricted-paths',
      '3 import-x/no-restricted-paths',
    ]);
  });
});
