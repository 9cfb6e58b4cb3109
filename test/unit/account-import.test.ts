/** The import's promise when it stops part-way: what it says was stored is what was stored. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportInterruptedError, importAccounts, type ImportDeps } from '../../src/services/account-import.js';
import type { OverdueAccount } from '../../src/services/strategy-runner.js';

describe('an import that stops part-way', () => {
  it('names the last committed line when the store fails on the second thousand, and stores nothing after it', async () => {
    const stored: string[] = [];
    let calls = 0;
    const deps: ImportDeps = {
      validate: (raw) => ({ ok: true, account: raw as OverdueAccount }),
      accountsOverdue: async (accounts) => {
        if (++calls === 2) throw new Error('the database went away');
        stored.push(...accounts.map((a) => a.accountRef));
        return {
          results: accounts.map((a) => ({
            accountRef: a.accountRef,
            status: 'scheduled' as const,
            stage: 'early' as const,
            why: '',
            steps: 1,
            cancelled: [],
          })),
        };
      },
    };
    const file = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ accountRef: `A-${i + 1}` })).join('\n');
    const err = await importAccounts(deps, Readable.from([Buffer.from(file)]), 'ndjson').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportInterruptedError);
    const stopped = err as ImportInterruptedError;
    expect(stopped.committedThrough).toBe(1000);
    expect(stopped.report.scheduled).toBe(1000);
    expect(stopped.message).toBe('the import stopped after line 1000: the database went away');
    expect(stored).toHaveLength(1000);
  });
});
