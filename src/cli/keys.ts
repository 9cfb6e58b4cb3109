/**
 * npm run keys -- create --role <collector|agent|compliance|admin> [--tenant <id>] [--label <text>]
 *   Collector and agent keys act for one tenant (the default tenant without --tenant); a
 *   compliance or admin key without --tenant is deployment-wide (every tenant's data).
 * npm run keys -- list
 * npm run keys -- revoke <key id>
 * Keys live in the audit store as hashes; a new key's token is printed once and never again.
 */
import { API_ROLES, type ApiRole } from '../domain/keys.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const store = await openStoreFromEnv(process.env);
  try {
    if (command === 'create') {
      const role = arg(rest, '--role');
      if (!role || !(API_ROLES as readonly string[]).includes(role)) {
        process.stderr.write(`keys create: --role must be one of ${API_ROLES.join(', ')}\n`);
        return 2;
      }
      const tenant = arg(rest, '--tenant');
      if (tenant !== undefined && tenant !== DEFAULT_TENANT && !(await store.tenants.get(tenant))) {
        process.stderr.write(
          `keys create: --tenant: unknown tenant "${tenant.slice(0, 40)}" (npm run tenants -- list shows them)\n`,
        );
        return 2;
      }
      const { token, key } = await store.apiKeys.create(
        role as ApiRole,
        arg(rest, '--label') ?? null,
        new Date(),
        tenant,
      );
      process.stdout.write(
        `created ${key.id} (${key.role}${tenant ? ` of tenant ${tenant}` : ''}${key.label ? `, ${key.label}` : ''})\n${token}\nKeep this token now: it is stored only as a hash and cannot be shown again.\n`,
      );
      return 0;
    }
    if (command === 'list') {
      for (const k of await store.apiKeys.list()) {
        process.stdout.write(
          `${k.id}\t${k.role}\t${k.tenant ?? '-'}\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\t${k.label ?? ''}\n`,
        );
      }
      return 0;
    }
    if (command === 'revoke') {
      const id = rest[0];
      if (!id) {
        process.stderr.write('keys revoke: give the key id (npm run keys -- list shows them)\n');
        return 2;
      }
      const done = await store.apiKeys.revoke(id, new Date());
      process.stdout.write(done ? `revoked ${id}\n` : `no active key ${id}\n`);
      return done ? 0 : 1;
    }
    process.stderr.write('usage: npm run keys -- create --role R [--label L] | list | revoke <id>\n');
    return 2;
  } finally {
    await store.close();
  }
}

runCli('keys', () => main(process.argv.slice(2)));
