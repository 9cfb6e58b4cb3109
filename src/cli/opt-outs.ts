/**
 * npm run opt-outs -- import <file.csv> [--list <name>]
 * npm run opt-outs -- show <address>
 * Imports a suppression list carried over from another system, idempotently; reports what was
 * new and each bad line by number (exit 1 when there were bad lines, after importing the rest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { normaliseAddress } from '../policy/address.js';
import { importOptOuts } from '../services/opt-out-import.js';
import { makeOptOuts } from '../services/opt-outs.js';
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, target] = argv;
  if ((command !== 'import' && command !== 'show') || !target) {
    process.stderr.write('usage: npm run opt-outs -- import <file.csv> [--list <name>] | show <address>\n');
    return 2;
  }
  if (command === 'import' && !fs.existsSync(target)) {
    process.stderr.write(`opt-outs import: no file ${target}\n`);
    return 2;
  }
  const store = await openStoreFromEnv(process.env);
  try {
    const list = store.suppressions;
    const optOuts = makeOptOuts({ store, list, clock: { now: () => new Date() } });
    if (command === 'show') {
      const a = normaliseAddress(target);
      if (!a.ok) {
        process.stderr.write(`opt-outs show: ${a.message}\n`);
        return 2;
      }
      const entries = await list.of(a.address);
      process.stdout.write(
        entries.length === 0
          ? `${a.address} is not suppressed\n`
          : entries
              .map((e) => `${a.address} ${e.channel} since ${e.at} (${e.source}${e.detail ? `: ${e.detail}` : ''})\n`)
              .join(''),
      );
      return 0;
    }
    const report = await importOptOuts(fs.readFileSync(target, 'utf8'), optOuts, {
      list: arg(argv, '--list') ?? `import of ${path.basename(target)}`,
      actor: 'cli:opt-outs',
    });
    for (const b of report.bad) process.stderr.write(`${target}:${b.line}: ${b.message}\n`);
    if (report.ignoredColumns.length > 0)
      process.stderr.write(
        `${target}: columns not read: ${report.ignoredColumns.join(', ')} (address, channel, source and date columns are read)\n`,
      );
    process.stdout.write(
      `${report.lines} lines read: ${report.added} new suppressions, ${report.known} already known, ${report.bad.length} bad lines${report.bad.length ? ' (not imported; the rest were)' : ''}\n`,
    );
    return report.bad.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

runCli('opt-outs', () => main(process.argv.slice(2)));
