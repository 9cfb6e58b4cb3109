/** For the command-line tools: the audit store named by the same environment the service reads. */
import { type AuditStore, openAuditStore } from '../store/audit-store.js';
import { loadConfig } from '../config/config.js';
import { addressKeySource } from '../compose/startup/address-key-source.js';
import { existingSigningSecret, signingSecretFile } from '../compose/startup/signing-secret.js';

/**
 * `addressKey`: open it with the suppression-address key, as the service does (a tool that erases
 * borrowers needs it: retention). It comes from SIGNING_SECRET (and SIGNING_SECRET_PREVIOUS), or
 * the secret the service generated into DATA_DIR; never a new one.
 */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv, o: { addressKey?: boolean } = {}): Promise<AuditStore> {
  const config = loadConfig(env);
  const secret = o.addressKey ? existingSigningSecret(config.dataDir, config.signingSecret) : undefined;
  if (o.addressKey && !secret)
    throw new Error(
      `no SIGNING_SECRET and no ${signingSecretFile(config.dataDir)}: run it with the service's SIGNING_SECRET or DATA_DIR ` +
        '(erased borrowers’ suppressions are hashed under a key only it unwraps)',
    );
  return openAuditStore(config.databaseUrl, {
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    ...(secret ? { addressKey: addressKeySource(secret, config.signingSecretPrevious) } : {}),
  });
}
