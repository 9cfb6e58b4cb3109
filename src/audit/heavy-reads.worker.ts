/** Worker thread: answers heavy reads on its own read-only SQLite connection (see heavy-reads.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlySqlite } from './db.js';
import { type HeavyReadOp, makeInlineHeavyReads } from './heavy-reads.js';

const port = parentPort!;
const { db } = openReadOnlySqlite((workerData as { file: string }).file);
const reads = makeInlineHeavyReads(db, 'sqlite');

port.on('message', (msg: { id: number; op: HeavyReadOp; args: unknown[] }) => {
  const call = reads[msg.op] as (...args: unknown[]) => Promise<unknown>;
  call(...msg.args).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value }),
    (err: Error) => port.postMessage({ id: msg.id, ok: false, error: err.message, name: err.name }),
  );
});
port.postMessage({ ready: true });
