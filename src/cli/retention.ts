/** npm run retention [-- --dry-run] [--years N] — erases content past the profile's retention period. */
import { loadConfig } from '../config/config.js';
import { applyRetention } from '../store/retention.js';
import { loadPolicyProfile } from '../compose/startup/policy-profile.js';
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

async function main(argv: string[]): Promise<number> {
  const profile = loadPolicyProfile(loadConfig(process.env));
  const i = argv.indexOf('--years');
  const years = i >= 0 ? Number(argv[i + 1]) : profile.retentionYears;
  const store = await openStoreFromEnv(process.env);
  try {
    const report = await applyRetention(store, { years, now: new Date(), dryRun: argv.includes('--dry-run') });
    process.stdout.write(
      `${report.dryRun ? 'would erase' : 'erased'} ${report.borrowers.length} borrowers (last activity before ${report.cutoff}, ${profile.name}: ${years} years)\n`,
    );
    for (const b of report.borrowers)
      process.stdout.write(`  ${b.id}\tlast activity ${b.lastActivity}\t${b.messages} messages\n`);
    return 0;
  } finally {
    await store.close();
  }
}

runCli('retention', () => main(process.argv.slice(2)));
