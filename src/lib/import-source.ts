/**
 * The bytes of an imported file as they arrive: decompressed when the file is gzip (the body's
 * `Content-Encoding: gzip`, or a `.gz` file), and at most `maxBytes` of them after decompression,
 * so a small compressed body that inflates without end is stopped at the bound, never held.
 */
import { PassThrough, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export type ImportEncoding = 'identity' | 'gzip';

/** The file decompresses (or runs) past the bound: what was read before it stands. */
export class ImportTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(
      `the file is over ${maxBytes.toLocaleString('en-US')} bytes (decompressed): split it, or raise IMPORT_MAX_BYTES`,
    );
    this.name = 'ImportTooLargeError';
  }
}

/** The body says gzip and is not: what was read before the fault stands. */
export class ImportEncodingError extends Error {
  constructor(cause: Error) {
    super(`the body is not valid gzip (${cause.message}): compress it with gzip, or send it without Content-Encoding`);
    this.name = 'ImportEncodingError';
  }
}

function isZlibError(err: unknown): err is Error {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
}

export async function* importBytes(
  source: Readable,
  encoding: ImportEncoding,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  // Read through a stream of our own: stopping early (the bound passed, the store failing) destroys
  // that one, not the source; an HTTP request destroyed takes its socket, and the answer, with it.
  const through = encoding === 'gzip' ? zlib.createGunzip() : new PassThrough();
  const forward = (err: Error) => through.destroy(err);
  source.on('error', forward);
  source.pipe(through);
  let total = 0;
  try {
    for await (const chunk of through as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new ImportTooLargeError(maxBytes);
      yield chunk;
    }
  } catch (err) {
    throw isZlibError(err) ? new ImportEncodingError(err) : err;
  } finally {
    source.unpipe(through);
    source.off('error', forward);
  }
}
