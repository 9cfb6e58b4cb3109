/** Bounce addresses (VERP): a reply token's shape under a key of their own. */
import { describe, expect, it } from 'vitest';
import { makeBounceAddresses } from '../../src/http/webhooks/bounce-address.js';
import { makeReplyAddresses } from '../../src/http/webhooks/reply-address.js';

// A message id as the service makes them (msg_ and 22 characters, services/intake.ts).
const ID = 'msg_0Kx9aB-_zZ0123456789ab';
const bounces = makeBounceAddresses({ secret: 'a-deployment-secret', domain: 'Bounces.Example.com' });
const replies = makeReplyAddresses({ secret: 'a-deployment-secret', domain: 'bounces.example.com' });

describe('bounce addresses', () => {
  it('name the message and its tenant, lowercase, within 64 octets of local part, read whatever the case', () => {
    const address = bounces.addressOf(ID, 'acme');
    expect(address).toMatch(/^bounces\+[a-z2-7-]+@bounces\.example\.com$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    for (const a of [address, address.toUpperCase()]) {
      const opened = bounces.open(bounces.tokenOf(a)!)!;
      expect(opened.messageId).toBe(ID);
      expect(opened.signedFor('acme')).toBe('current');
      expect(opened.signedFor('other')).toBeUndefined();
    }
  });

  it('are not reply addresses: neither token verifies as the other', () => {
    const bounceToken = bounces.tokenOf(bounces.addressOf(ID, 'acme'))!;
    const replyToken = replies.tokenOf(replies.addressOf(ID, 'acme'))!;
    expect(bounceToken).not.toBe(replyToken);
    expect(replies.open(bounceToken)?.signedFor('acme')).toBeUndefined();
    expect(bounces.open(replyToken)?.signedFor('acme')).toBeUndefined();
    expect(bounces.tokenOf(replies.addressOf(ID, 'acme'))).toBeUndefined();
  });

  it('verify under the previous secret after a rotation', () => {
    const old = makeBounceAddresses({ secret: 'old', domain: 'bounces.example.com' }).addressOf(ID, 'acme');
    const rotated = makeBounceAddresses({ secret: 'new', previous: 'old', domain: 'bounces.example.com' });
    expect(rotated.open(rotated.tokenOf(old)!)!.signedFor('acme')).toBe('previous');
  });
});
