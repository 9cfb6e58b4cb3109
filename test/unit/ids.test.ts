import { describe, expect, it } from 'vitest';
import { newMessageId, newReminderId } from '../../src/services/intake.js';

describe('message and reminder ids', () => {
  it('keep their shape: msg_ and 22 characters of [A-Za-z0-9_-], rem_ and 32 hex digits', () => {
    for (let i = 0; i < 1000; i++) {
      expect(newMessageId()).toMatch(/^msg_[\w-]{22}$/);
      expect(newReminderId()).toMatch(/^rem_[0-9a-f]{32}$/);
    }
  });

  it('sort by the time they were made (byte order), so a batch lands at the edge of each index', async () => {
    const early = [newMessageId(), newReminderId()];
    await new Promise((r) => setTimeout(r, 5));
    const late = [newMessageId(), newReminderId()];
    expect(early[0]! < late[0]!).toBe(true);
    expect(early[1]! < late[1]!).toBe(true);
    // Within one millisecond they still differ: 84 random bits after the time.
    const many = new Set(Array.from({ length: 10_000 }, () => newMessageId()));
    expect(many.size).toBe(10_000);
    const ids = Array.from({ length: 200 }, () => newMessageId());
    expect(ids.map((id) => id.slice(0, 12))).toEqual([...ids.map((id) => id.slice(0, 12))].sort());
  });
});
