/**
 * The guards .ci/run runs count only if they can fail: a two-file import cycle, planted for the
 * test in a folder of its own, is reported by eslint's import-x/no-cycle (it passed unseen while
 * import-x had no parser for .ts files). A use case importing a face, express or the store's code, planted in
 * src/usecases (where the rule applies) and removed after, is reported too, as is a job that takes the
 * whole AuditStore instead of its port.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const dir = path.resolve('test', `planted-cycle-${randomBytes(4).toString('hex')}`);

// Each test starts eslint with the project's typed config: over a minute on a loaded 2-core host.
describe('lint guards', { timeout: 240_000 }, () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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

  it("fails a use case that imports a face, express or the store's code, and passes a type from the store", async () => {
    const planted = path.resolve('src', 'usecases', `planted-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(planted, { recursive: true });
    const file = path.join(planted, 'planted.usecase.ts');
    try {
      fs.writeFileSync(
        file,
        [
          "import type { Request } from 'express';",
          "import { makeOutcomesRepo } from '../../store/outcomes.repo.js';",
          "import type { OutcomesRepo } from '../../store/outcomes.repo.js';",
          "import { HttpProblem } from '../../http/api/problem.js';",
          "import { unsubscribeRouter } from '../../http/webhooks/unsubscribe.routes.js';",
          '',
          'export const parts: unknown[] = [makeOutcomesRepo, HttpProblem, unsubscribeRouter];',
          'export type Parts = [Request, OutcomesRepo];',
          '',
        ].join('\n'),
      );
      const [result] = await new ESLint({ cwd: path.resolve('.') }).lintFiles([file]);
      expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
        '1 @typescript-eslint/no-restricted-imports',
        '2 @typescript-eslint/no-restricted-imports',
        '4 import-x/no-restricted-paths',
        '5 import-x/no-restricted-paths',
      ]);
    } finally {
      fs.rmSync(planted, { recursive: true, force: true });
    }
  });

  it('fails a job that takes the whole AuditStore, and passes one that takes its port', async () => {
    const planted = path.resolve('src', 'jobs', `planted-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(planted, { recursive: true });
    const file = path.join(planted, 'planted.ts');
    try {
      fs.writeFileSync(
        file,
        [
          "import type { AuditStore, NewMessage } from '../../store/audit-store.js';",
          "import type { FeederStore } from '../../store/ports.js';",
          '',
          'export type Parts = [AuditStore, NewMessage, FeederStore];',
          '',
        ].join('\n'),
      );
      const [result] = await new ESLint({ cwd: path.resolve('.') }).lintFiles([file]);
      expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['1 no-restricted-imports']);
    } finally {
      fs.rmSync(planted, { recursive: true, force: true });
    }
  });
});
