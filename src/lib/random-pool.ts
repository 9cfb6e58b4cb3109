/**
 * Random bytes drawn from a pool refilled 4 KB at a time: one call into the CSPRNG per few hundred
 * ids instead of one per id (the intake makes two ids a reminder; `randomBytes` was about 1 % of
 * the batch ingest's CPU). The bytes are the CSPRNG's own, each handed out once. The answer is a
 * view into the pool: use it before the next call (every caller turns it into text at once).
 */
import { randomFillSync } from 'node:crypto';

const POOL = Buffer.allocUnsafe(4096);
let at = POOL.length;

export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL.length) throw new RangeError(`at most ${POOL.length} pooled random bytes at a time`);
  if (at + n > POOL.length) {
    randomFillSync(POOL);
    at = 0;
  }
  const out = POOL.subarray(at, at + n);
  at += n;
  return out;
}
