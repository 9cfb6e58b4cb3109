/** The process's last line of defence: what it does with an error nobody caught. */
import { describe, expect, it } from 'vitest';
import { makeLogger } from '../../src/observability/logger.js';
import { strayErrorHandlers } from '../../src/process/stray-errors.js';

function setup() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = makeLogger({ level: 'info', destination: { write: (s: string) => void lines.push(JSON.parse(s) as { level: number; msg: string }) } });
  const stops: Array<[string, number]> = [];
  return { lines, stops, handlers: strayErrorHandlers({ log, stop: (why, code) => void stops.push([why, code]) }) };
}

describe('stray errors', () => {
  it('logs a rejection nobody heard and keeps the process running', () => {
    const { lines, stops, handlers } = setup();
    handlers.onRejection(new Error('lost'));
    expect(lines).toMatchObject([{ level: 50, msg: expect.stringContaining('the process goes on') }]);
    expect(stops).toEqual([]);
  });

  it('logs an uncaught exception and stops as on SIGTERM, with exit code 1', () => {
    const { lines, stops, handlers } = setup();
    handlers.onException(new RangeError('Invalid string length'), 'uncaughtException');
    expect(lines).toMatchObject([{ level: 60, msg: expect.stringContaining('stopping as on SIGTERM') }]);
    expect(stops).toEqual([['uncaughtException', 1]]);
  });
});
