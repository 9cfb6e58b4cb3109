/** npm run audit:verify — recomputes every hash chain; exits 1 and says where if one is broken. */
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

async function main(): Promise<number> {
  const store = await openStoreFromEnv(process.env);
  try {
    const report = await store.audit.verify();
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

runCli('audit:verify', () => main(), 2);
