/** Lines of a stream under a bound: a long line is refused as it arrives and the next is read whole. */
import { describe, expect, it } from 'vitest';
import { boundedLines, type BoundedLine } from '../../src/lib/bounded-lines.js';

async function linesOf(chunks: Array<string | Buffer>, max: number): Promise<BoundedLine[]> {
  const out: BoundedLine[] = [];
  for await (const l of boundedLines(
    (async function* () {
      yield* chunks;
    })(),
    max,
  ))
    out.push(l);
  return out;
}

describe('bounded lines', () => {
  it('refuses a line once, by number, as soon as it passes the bound, and reads the next line whole', async () => {
    const lines = await linesOf(['ok\nabc', 'defgh', 'ijk', 'lmn\nnext\n'], 5);
    expect(lines).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLong: true },
      { line: 3, text: 'next' },
    ]);
  });

  it('reports the too-long line before the rest of it has arrived', async () => {
    let sent = 0;
    const endless = (async function* () {
      for (;;) {
        sent++;
        yield 'aaaa';
      }
    })();
    const it = boundedLines(endless, 10)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ line: 1, tooLong: true });
    expect(sent).toBe(3);
    await it.return(undefined);
  });

  it('joins a line and a UTF-8 character split across chunks, and drops CRLF and a leading BOM', async () => {
    const bytes = Buffer.from('\uFEFF名前,x\r\n最後', 'utf8');
    const lines = await linesOf([bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9)], 100);
    expect(lines).toEqual([
      { line: 1, text: '名前,x' },
      { line: 2, text: '最後' },
    ]);
  });

  it('counts blank lines, so a line keeps its number in the file', async () => {
    const lines = await linesOf(['a\n\n\nb'], 5);
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
      { line: 3, text: '' },
      { line: 4, text: 'b' },
    ]);
  });
});
