/** Worker thread: answers heavy reads on its own connection (see heavy-reads.ts): read-only on SQLite, a pool of one on PostgreSQL. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb, openReadOnlySqlite } from './db.js';
import { type HeavyReadOp, makeInlineHeavyReads } from './heavy-reads.js';

const port = parentPort!;
const { url, schema } = workerData as { url: string; schema?: string };
const { db, dialect } = url.startsWith('sqlite:')
  ? openReadOnlySqlite(url.slice('sqlite:'.length))
  : await openDb(url, { poolSize: 1, ...(schema ? { schema } : {}) });
const reads = makeInlineHeavyReads(db, dialect);

port.on('message', (msg: { id: number; op: HeavyReadOp; args: unknown[] }) => {
  const call = reads[msg.op] as (...args: unknown[]) => Promise<unknown>;
  call(...msg.args).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value }),
    (err: Error) => port.postMessage({ id: msg.id, ok: false, error: err.message, name: err.name }),
  );
});
port.postMessage({ ready: true });
