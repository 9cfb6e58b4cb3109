/**
 * npm run retention [-- --dry-run] [--years N] — erases content past the retention period. Each
 * tenant's period is its own `retentionYears`, else its profile's, else the deployment's profile's
 * (policy/retention.ts); `--years N` applies N to every tenant. When every tenant has the same
 * period, one run covers them all (one summary line); otherwise each tenant gets its run and line.
 * Unless --dry-run it needs the service's SIGNING_SECRET (or DATA_DIR): erased borrowers'
 * suppressions are kept as keyed hashes, under the key the store keeps wrapped under it.
 */
import { loadConfig } from '../config/config.js';
import { applyRetention, type RetentionReport } from '../store/retention.js';
import { loadPolicyProfile } from '../compose/startup/policy-profile.js';
import { resolveProfile } from '../policy/profile.js';
import { effectiveRetentionYears } from '../policy/retention.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

async function main(argv: string[]): Promise<number> {
  const profile = loadPolicyProfile(loadConfig(process.env));
  const i = argv.indexOf('--years');
  const forced = i >= 0 ? Number(argv[i + 1]) : undefined;
  const dryRun = argv.includes('--dry-run');
  // Erasing keeps suppressions as keyed hashes: the key is needed unless nothing is erased.
  const store = await openStoreFromEnv(process.env, { addressKey: !dryRun });
  const print = (report: RetentionReport, label: string, period: string) => {
    process.stdout.write(
      `${label}${report.dryRun ? 'would erase' : 'erased'} ${report.borrowers.length} borrowers (last activity before ${report.cutoff}, ${period})\n`,
    );
    for (const b of report.borrowers)
      process.stdout.write(`  ${b.id}\tlast activity ${b.lastActivity}\t${b.messages} messages\n`);
  };
  try {
    const records = await store.tenants.list();
    const tenants = [
      ...(records.some((t) => t.id === DEFAULT_TENANT)
        ? []
        : [{ id: DEFAULT_TENANT, profile: null, retentionYears: null }]),
      ...records,
    ].map((t) => {
      const own = t.profile ? resolveProfile(t.profile, `tenant ${t.id}: profile`) : profile;
      const years = forced ?? effectiveRetentionYears(t, own);
      return { id: t.id, years, period: `${own.name}: ${years} years` };
    });
    // One period for every tenant: one run over every borrower.
    if (new Set(tenants.map((t) => t.period)).size === 1) {
      const { years, period } = tenants[0]!;
      print(await applyRetention(store, { years, now: new Date(), dryRun }), '', period);
      return 0;
    }
    for (const t of tenants) {
      const report = await applyRetention(store, { years: t.years, tenant: t.id, now: new Date(), dryRun });
      print(report, `tenant ${t.id}: `, t.period);
    }
    return 0;
  } finally {
    await store.close();
  }
}

runCli('retention', () => main(process.argv.slice(2)));
