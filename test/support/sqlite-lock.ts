/**
 * Another process holding a SQLite database's write lock: a child `node` that opens the file with
 * better-sqlite3, runs `BEGIN EXCLUSIVE` and keeps the transaction open until released (its
 * stdin closed), then rolls back. While it holds the lock every writer of the file gets SQLITE_BUSY
 * once its busy timeout passes; readers go on (WAL).
 */
import { spawn } from 'node:child_process';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 30000');
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export interface SqliteLock {
  /** Ends the transaction and waits for the holder to exit. */
  release(): Promise<void>;
}

/** Resolves once the child holds the lock. */
export async function holdSqliteLock(file: string): Promise<SqliteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, file], { stdio: ['pipe', 'pipe', 'pipe'], cwd: process.cwd() });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('locked')) resolve();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    void exited.then((code) =>
      reject(new Error(`the lock holder exited (${code}) before it held the lock: ${output}`)),
    );
  });
  return {
    async release() {
      child.stdin.end();
      const code = await exited;
      if (code !== 0) throw new Error(`the lock holder exited with ${code}: ${output}`);
    },
  };
}
