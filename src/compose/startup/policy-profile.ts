/** Reads the active compliance profile: POLICY_FILE (JSON) if set, else the built-in POLICY_PROFILE. */
import fs from 'node:fs';
import { type Profile, ProfileError, resolveProfile } from '../../policy/profile.js';

export function loadPolicyProfile(opts: { policyProfile: string; policyFile: string | undefined }): Profile {
  if (!opts.policyFile) return resolveProfile(opts.policyProfile, 'POLICY_PROFILE');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(opts.policyFile, 'utf8'));
  } catch (err) {
    throw new ProfileError(`POLICY_FILE ${opts.policyFile}: ${(err as Error).message}`);
  }
  return resolveProfile(raw, `POLICY_FILE ${opts.policyFile}`);
}
