/** Test profiles. */
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';

/** US-REGF with an all-day window, no caps and no spread: only what a test changes holds a message back. */
export function openProfile(name: string) {
  return resolveProfile({
    ...US_REGF,
    name,
    windows: {
      sms: { from: '00:00', to: '24:00' },
      voice: { from: '00:00', to: '24:00' },
      email: { from: '00:00', to: '24:00' },
    },
    caps: [],
    spreadSeconds: 0,
  });
}
