/**
 * npm run lint:templates [-- <templates dir>] [--profile US-REGF|CN|<file.json>] [--max-segments N]
 * Prints every finding as `file:line:col rule message` and exits 1 if any is an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolveProfile } from '../policy/profile.js';
import { formatFinding, loadCatalogue } from '../templates/catalogue.js';

function main(argv: string[]): number {
  let dir = 'templates';
  let profileSpec: string = 'US-REGF';
  let maxSegments = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--profile') profileSpec = argv[++i] ?? profileSpec;
    else if (a === '--max-segments') maxSegments = Number(argv[++i] ?? maxSegments);
    else dir = a;
  }
  const profile = profileSpec.endsWith('.json')
    ? resolveProfile(JSON.parse(fs.readFileSync(profileSpec, 'utf8')), profileSpec)
    : resolveProfile(profileSpec, '--profile');
  const catalogue = loadCatalogue(path.resolve(dir), {
    lint: { profile, smsMaxSegments: maxSegments },
    tolerateErrors: true,
  });
  let errors = 0;
  let variants = 0;
  for (const key of catalogue.keys()) {
    for (const v of catalogue.get(key)!.variants) {
      variants++;
      for (const f of v.findings) {
        if (f.severity === 'error') errors++;
        process.stdout.write(
          `${formatFinding(path.relative(process.cwd(), v.file), f)}${f.severity === 'warning' ? ' (warning)' : ''}\n`,
        );
      }
    }
  }
  process.stdout.write(
    `${variants} template files checked under ${profile.name}: ${errors} error${errors === 1 ? '' : 's'}\n`,
  );
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`lint:templates: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
