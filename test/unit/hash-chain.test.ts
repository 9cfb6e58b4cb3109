import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from '../../src/store/hash-chain.js';

const event = {
  chain: 'm:msg_1',
  seq: 1,
  messageId: 'msg_1',
  borrowerId: 'b',
  type: 'accepted',
  at: '2026-11-29T00:00:00.000Z',
  actor: 'api:key_1',
  data: { b: 2, a: 1 },
};

describe('event hash', () => {
  it('is SHA-256 over the previous hash and the canonical JSON (sorted keys)', () => {
    const canonical =
      '{"actor":"api:key_1","at":"2026-11-29T00:00:00.000Z","borrowerId":"b","chain":"m:msg_1","data":{"a":1,"b":2},"messageId":"msg_1","seq":1,"type":"accepted"}';
    expect(eventHash(GENESIS_HASH, event)).toBe(
      createHash('sha256').update(GENESIS_HASH).update(canonical).digest('hex'),
    );
  });
  it('does not depend on key order, and changes with any field or the previous hash', () => {
    expect(eventHash(GENESIS_HASH, { ...event, data: { a: 1, b: 2 } })).toBe(eventHash(GENESIS_HASH, event));
    expect(eventHash(GENESIS_HASH, { ...event, data: { a: 1, b: 3 } })).not.toBe(eventHash(GENESIS_HASH, event));
    expect(eventHash('1'.repeat(64), event)).not.toBe(eventHash(GENESIS_HASH, event));
  });
});
