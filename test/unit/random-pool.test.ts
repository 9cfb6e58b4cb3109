import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from '../../src/lib/random-pool.js';
import { newMessageId, newReminderId } from '../../src/services/intake.js';

describe('pooled random bytes', () => {
  it('hands out each byte once, across refills of the pool', () => {
    // 3,000 draws of 14 bytes cross the 4 KB pool about ten times; 112-bit draws never repeat.
    const seen = new Set<string>();
    for (let i = 0; i < 3_000; i++) {
      const b = pooledRandomBytes(14);
      expect(b).toHaveLength(14);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(3_000);
  });

  it('refuses more than the pool holds', () => {
    expect(() => pooledRandomBytes(4097)).toThrow(RangeError);
  });

  it("keeps the ids' shapes: distinct, time-ordered prefixes, the same lengths", () => {
    const ids = Array.from({ length: 2_000 }, newMessageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^msg_[-0-9A-Za-z_]{22}$/);
    const reminders = Array.from({ length: 500 }, newReminderId);
    expect(new Set(reminders).size).toBe(reminders.length);
    for (const id of reminders) expect(id).toMatch(/^rem_[0-9a-f]{32}$/);
  });
});
