/**
 * Drafts are user-supplied templates: they are compiled, rendered and linted in a worker thread
 * with a time budget and a memory limit, never on the event loop that serves the API and the
 * workers. A draft that runs out of either is answered with a lint error, not a stall.
 */
import type { LintFinding } from '../policy/template-lint.js';
import { makeTimeBoxedWorker, siblingModule, TimeBudgetError, WorkerBusyError } from '../lib/time-boxed-worker.js';
import type { DraftLintInput } from './draft.js';

export class DraftLinterBusyError extends Error {
  override name = 'DraftLinterBusyError';
}

export interface DraftLinter {
  lint(input: DraftLintInput): Promise<LintFinding[]>;
  close(): Promise<void>;
}

export interface DraftLinterOptions {
  /** How long one draft may take (compile, render, lint). */
  budgetMs: number;
  /** Drafts that may wait while one is linted; more get DraftLinterBusyError (the API answers 503). */
  maxQueue?: number;
}

export function makeDraftLinter(options: DraftLinterOptions): DraftLinter {
  const worker = makeTimeBoxedWorker<DraftLintInput, LintFinding[]>({
    file: siblingModule(import.meta.url, 'draft-lint.worker'),
    budgetMs: options.budgetMs,
    maxQueue: options.maxQueue ?? 32,
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return {
    async lint(input) {
      try {
        return await worker.run(input);
      } catch (err) {
        if (err instanceof WorkerBusyError) throw new DraftLinterBusyError(err.message);
        const message =
          err instanceof TimeBudgetError
            ? `linting this draft ${err.message}: it does too much work (loops or partials that multiply)`
            : `linting this draft failed: ${(err as Error).message} (a draft that needs too much memory is stopped)`;
        return [{ severity: 'error', rule: 'budget-exceeded', message, line: 1, column: 1, excerpt: '' }];
      }
    },
    close: () => worker.close(),
  };
}
