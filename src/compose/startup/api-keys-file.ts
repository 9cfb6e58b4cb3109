/**
 * Without API_KEYS, a development start generates one key per role into DATA_DIR/api-keys.json
 * (mode 600) the first time, and reuses them afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { API_ROLES, type ApiKeyRecord, generateToken, hashToken, keyIdOf } from '../../domain/keys.js';

const KeysFile = z.record(z.enum(API_ROLES), z.string().min(16));

export function loadOrCreateDevKeys(dataDir: string): { file: string; created: boolean; records: ApiKeyRecord[] } {
  const file = path.join(dataDir, 'api-keys.json');
  let created = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tokens = Object.fromEntries(API_ROLES.map((role) => [role, generateToken(role)]));
    fs.writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    created = true;
  }
  const tokens = KeysFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const records = Object.entries(tokens).map(([role, token]) => {
    const hash = hashToken(token);
    return { id: keyIdOf(hash), role: role as ApiKeyRecord['role'], hash };
  });
  return { file, created, records };
}
