/** For the command-line tools: the audit store named by the same environment the service reads. */
import { type AuditStore, openAuditStore } from '../store/audit-store.js';
import { loadConfig } from '../config/config.js';

export async function openStoreFromEnv(env: NodeJS.ProcessEnv): Promise<AuditStore> {
  const config = loadConfig(env);
  return openAuditStore(config.databaseUrl, config.databaseSchema ? { schema: config.databaseSchema } : {});
}
