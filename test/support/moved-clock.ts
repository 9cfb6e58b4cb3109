/**
 * A service whose clock the test moves forward (never back) instead of waiting, with the fake
 * Twilio and a policy profile of the test's own: promises, holds and windows are tested this way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../src/policy/profile.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from './fake-twilio.js';
import { type DbVariant, startHarness, type Harness } from './harness.js';

export interface MovedClock {
  h: Harness;
  tw: FakeTwilio;
  /** The service's time now, in milliseconds. */
  now(): number;
  /** Moves the service's clock forward to `when` (never back). */
  moveTo(when: number): void;
  /** Reports a payment in USD on the account, paid now on the service's clock. */
  pay(account: string, id: string, amount: string, kind?: 'partial' | 'full'): ReturnType<Harness['api']>;
  destroy(): Promise<void>;
}

export async function startMovedClock(
  db: DbVariant,
  profile: Profile,
  env: Record<string, string> = {},
): Promise<MovedClock> {
  let offset = 0;
  const now = () => Date.now() + offset;
  const tw = await startFakeTwilio();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-moved-clock-'));
  const profileFile = path.join(dir, 'profile.json');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  const h = await startHarness({
    db,
    env: { POLICY_FILE: profileFile, ...providerEnv(tw), FEED_EVERY_MS: '200', ...env },
    service: { clock: { now: () => new Date(now()) } },
  });
  return {
    h,
    tw,
    now,
    moveTo: (when) => {
      offset = Math.max(offset, when - Date.now());
    },
    pay: (account, id, amount, kind = 'partial') =>
      h.api('POST', `/v1/accounts/${account}/payments`, {
        body: { id, amount, currency: 'USD', paidAt: new Date(now()).toISOString(), kind },
      }),
    destroy: async () => {
      await h.destroy();
      await tw.close();
    },
  };
}
