/**
 * The lines of a byte stream, read as the bytes arrive and never longer than a bound: a line that
 * passes `maxChars` is reported once (by number) as soon as it does, and the rest of it, up to
 * the next newline, is read and dropped without being kept. So memory stays within the bound plus
 * one chunk whatever the input, and the lines after a long one are read as usual. An error of the
 * source (a client gone, a corrupt gzip stream) rejects the iteration: it is never an unheard
 * 'error' event.
 */
import { StringDecoder } from 'node:string_decoder';

export type BoundedLine = { line: number; text: string } | { line: number; tooLong: true };

export async function* boundedLines(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxChars: number,
): AsyncGenerator<BoundedLine> {
  const decoder = new StringDecoder('utf8');
  /** The current line so far (its pieces and their length), unless it is being skipped. */
  let parts: string[] = [];
  let size = 0;
  let skipping = false;
  let n = 1;

  /** Adds a piece of the current line; false when the line has just passed the bound. */
  const add = (piece: string): boolean => {
    if (skipping || piece.length === 0) return true;
    if (size + piece.length > maxChars) {
      skipping = true;
      parts = [];
      size = 0;
      return false;
    }
    parts.push(piece);
    size += piece.length;
    return true;
  };
  const end = (): BoundedLine | undefined => {
    const line = n++;
    if (skipping) {
      skipping = false;
      return undefined;
    }
    let text = parts.join('');
    parts = [];
    size = 0;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    return { line, text };
  };

  const split = function* (s: string): Generator<BoundedLine> {
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (!add(s.slice(start, nl < 0 ? s.length : nl))) yield { line: n, tooLong: true };
      if (nl < 0) return;
      const done = end();
      if (done) yield done;
      start = nl + 1;
    }
  };

  for await (const chunk of source)
    yield* split(
      typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)),
    );
  yield* split(decoder.end());
  if (skipping || size > 0) {
    const last = end();
    if (last) yield last;
  }
}
