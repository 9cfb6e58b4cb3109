/** SIGNING_SECRET, or one generated into DATA_DIR/signing-secret (mode 600) on the first start. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadOrCreateSigningSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = signingSecretFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** For the tools: SIGNING_SECRET, or the one a start generated into DATA_DIR; never a new one (a key derived from it would match nothing stored). */
export function existingSigningSecret(dataDir: string, configured: string | undefined): string | undefined {
  if (configured) return configured;
  const file = signingSecretFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

export const signingSecretFile = (dataDir: string) => path.join(dataDir, 'signing-secret');
