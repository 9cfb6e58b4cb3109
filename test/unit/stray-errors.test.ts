/** The process's last line of defence: what it does with an error nobody caught. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLogger } from '../../src/observability/logger.js';
import { strayErrorHandlers } from '../../src/compose/startup/stray-errors.js';

function setup() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = makeLogger({
    level: 'info',
    destination: { write: (s: string) => void lines.push(JSON.parse(s) as { level: number; msg: string }) },
  });
  return { lines, handlers: strayErrorHandlers({ log }) };
}

describe('stray errors', () => {
  it('logs a rejection nobody heard and keeps the process running', () => {
    const { lines, handlers } = setup();
    handlers.onRejection(new Error('lost'));
    expect(lines).toMatchObject([{ level: 50, msg: expect.stringContaining('the process goes on') }]);
  });

  it('logs an uncaught exception as fatal, with its origin, and keeps the process running', () => {
    const { lines, handlers } = setup();
    handlers.onException(new RangeError('Invalid string length'), 'uncaughtException');
    expect(lines).toMatchObject([
      { level: 60, origin: 'uncaughtException', msg: expect.stringContaining('the process goes on') },
    ]);
  });

  it('keeps a process with the handlers installed running after an exception and a rejection nobody caught', () => {
    const script = `
      import { containStrayErrors, strayErrorHandlers } from './src/compose/startup/stray-errors.ts';
      import { makeLogger } from './src/observability/logger.ts';
      containStrayErrors(process, strayErrorHandlers({ log: makeLogger({ level: 'silent' }) }));
      setTimeout(() => { throw new RangeError('Invalid string length'); }, 10);
      setTimeout(() => void Promise.reject(new Error('lost')), 20);
      setTimeout(() => { process.stdout.write('still here'); }, 200);
    `;
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout, run.stderr).toBe('still here');
    expect(run.status).toBe(0);
  });
});
