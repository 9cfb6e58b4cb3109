/**
 * npm run tenants -- list
 * npm run tenants -- show <id>
 * npm run tenants -- put <file.json>     (creates or replaces the tenant the file describes)
 * npm run tenants -- events-secret <id>  (the secret the tenant's events receiver checks signatures with)
 * The file is what PUT /v1/tenants/:id takes; it is checked the same way (senders, profile, and
 * every template for the tenant's kind of sender). A running service picks the change up within
 * TENANT_REFRESH_MS.
 */
import fs from 'node:fs';
import { loadConfig } from '../config/config.js';
import { catalogueLintForKind, checkTenant } from '../compose/tenants.js';
import { DEFAULT_TENANT, presentTenant } from '../domain/tenant.js';
import { derivedEventsSecret } from '../http/webhooks/signing-keys.js';
import { loadPolicyProfile } from '../compose/startup/policy-profile.js';
import { existingSigningSecret, signingSecretFile } from '../compose/startup/signing-secret.js';
import { openStoreFromEnv } from './open-store.js';
import { runCli } from './run.js';

async function put(file: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write('tenants put: give the JSON file of the tenant\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    process.stderr.write(`tenants put: ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  const profile = loadPolicyProfile(config);
  const checked = checkTenant(raw, {
    lintForKind: catalogueLintForKind(config.templatesDir, profile, config.smsMaxSegments),
    profile,
  });
  if (!checked.ok) {
    for (const e of checked.errors) process.stderr.write(`${file}: ${e.path}: ${e.message}\n`);
    return 1;
  }
  const store = await openStoreFromEnv(process.env);
  try {
    const { tenant, created } = await store.tenants.put(checked.tenant, new Date());
    process.stdout.write(`${created ? 'created' : 'updated'} tenant ${tenant.id} (${tenant.kind}, ${tenant.name})\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * The secret a tenant's receiver checks event signatures with: the key derived from SIGNING_SECRET
 * for the tenant (HKDF, "events:<id>"), unless its record gives its own `events.secret`. Never
 * makes a SIGNING_SECRET: a key derived from a new one would check nothing the service sends.
 */
async function eventsSecret(id: string | undefined): Promise<number> {
  if (!id) {
    process.stderr.write("tenants events-secret: give the tenant id (default: the deployment's own tenant)\n");
    return 2;
  }
  const config = loadConfig(process.env);
  const secret = existingSigningSecret(config.dataDir, config.signingSecret);
  if (!secret) {
    process.stderr.write(
      `tenants events-secret: no SIGNING_SECRET and no ${signingSecretFile(config.dataDir)}: run it with the service's SIGNING_SECRET or DATA_DIR\n`,
    );
    return 2;
  }
  const store = await openStoreFromEnv(process.env);
  try {
    const t = await store.tenants.get(id);
    if (!t && id !== DEFAULT_TENANT) {
      process.stderr.write(`no tenant ${id}\n`);
      return 1;
    }
    if (t?.events?.secret) {
      process.stderr.write(
        `tenant ${id} signs its events with its own events.secret (ending ${t.events.secret.slice(-4)}): its receiver checks with that\n`,
      );
      return 0;
    }
    process.stdout.write(`${derivedEventsSecret(secret, id)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'put') return put(rest[0]);
  if (command === 'events-secret') return eventsSecret(rest[0]);
  const store = await openStoreFromEnv(process.env);
  try {
    if (command === 'list') {
      for (const t of await store.tenants.list())
        process.stdout.write(`${t.id}\t${t.kind}\t${t.channels.join(',')}\t${t.name}\n`);
      return 0;
    }
    if (command === 'show' && rest[0]) {
      const t = await store.tenants.get(rest[0]);
      if (!t) {
        process.stderr.write(`no tenant ${rest[0]}\n`);
        return 1;
      }
      process.stdout.write(`${JSON.stringify(presentTenant(t), null, 2)}\n`);
      return 0;
    }
    process.stderr.write('usage: npm run tenants -- list | show <id> | put <file.json> | events-secret <id>\n');
    return 2;
  } finally {
    await store.close();
  }
}

runCli('tenants', () => main(process.argv.slice(2)));
