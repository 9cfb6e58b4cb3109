/** Reply-To tokens: signed per message and tenant under their own key, read the same whatever the case. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, makeReplyAddresses } from '../../src/http/webhooks/reply-address.js';
import { makeTokenSigner } from '../../src/http/webhooks/unsubscribe-token.js';
import { derivedEventsSecret, deriveKey, UNSUBSCRIBE_KEY_INFO } from '../../src/http/webhooks/signing-keys.js';
import { loadConfig } from '../../src/config/config.js';

const SECRET = 'a-deployment-secret';
const replies = makeReplyAddresses({ secret: SECRET, domain: 'Replies.Example.com' });
const ID = 'msg_0Kx9aB-_zZ0123456789abcd';

function tokenOf(address: string) {
  const t = replies.tokenOf(address);
  expect(t).toBeDefined();
  return t!;
}

describe('reply addresses', () => {
  it('round-trips base32 and refuses what is not canonical', () => {
    for (const n of [0, 1, 2, 5, 9, 22, 26]) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
    expect(base32Decode('ab1')).toBeUndefined();
    expect(base32Decode('aa')).toEqual(Buffer.from([0x00]));
    expect(base32Decode('ab')).toBeUndefined(); // non-zero padding bits
  });

  it('gives a lowercase address at the domain, within 64 octets of local part, naming the message', () => {
    const address = replies.addressOf(ID, 'acme');
    expect(address).toMatch(/^reply\+[a-z2-7-]+@replies\.example\.com$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const opened = replies.open(tokenOf(address))!;
    expect(opened.messageId).toBe(ID);
    expect(opened.signedFor('acme')).toBe('current');
    // Bound to its tenant: the same message id under another tenant does not verify.
    expect(opened.signedFor('other')).toBeUndefined();
  });

  it('reads an address whose case was folded by a mail system', () => {
    const address = replies.addressOf(ID, 'acme');
    for (const folded of [address.toUpperCase(), address.replace('reply+', 'Reply+')]) {
      const opened = replies.open(tokenOf(folded))!;
      expect(opened.messageId).toBe(ID);
      expect(opened.signedFor('acme')).toBe('current');
    }
  });

  it('refuses a forged or tampered token', () => {
    const token = tokenOf(replies.addressOf(ID, 'acme'));
    const [id, mac] = token.split('-') as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
    // Another message's id under the first's mac.
    expect(replies.open(`${flip(id, 3)}-${mac}`)?.signedFor('acme')).toBeUndefined();
    expect(replies.open(`${id}-${flip(mac, 0)}`)?.signedFor('acme')).toBeUndefined();
    // Guessed: a token of another deployment's secret.
    const other = makeReplyAddresses({ secret: 'another-secret', domain: 'replies.example.com' });
    expect(replies.open(tokenOf(other.addressOf(ID, 'acme')))?.signedFor('acme')).toBeUndefined();
    for (const bad of ['', 'm-', 'x' + id + '-' + mac, id, `${id}-${mac}-x`, `${id}-${mac.slice(2)}`, `${id}!-${mac}`])
      expect(replies.open(bad)?.signedFor('acme')).toBeUndefined();
  });

  it('cannot be made with the key of another purpose: unsubscribe tokens, events secrets, the secret itself', () => {
    const token = tokenOf(replies.addressOf(ID, 'acme'));
    const idPart = token.split('-')[0]!;
    const macUnder = (key: Buffer | string) =>
      base32Encode(createHmac('sha256', key).update(`reply:v1\0acme\0${ID}`).digest().subarray(0, 10));
    for (const key of [
      deriveKey(SECRET, UNSUBSCRIBE_KEY_INFO),
      derivedEventsSecret(SECRET, 'acme'),
      Buffer.from(derivedEventsSecret(SECRET, 'acme'), 'base64url'),
      SECRET,
    ])
      expect(replies.open(`${idPart}-${macUnder(key)}`)!.signedFor('acme')).toBeUndefined();
    // An unsubscribe token is no reply token.
    const unsubscribe = makeTokenSigner({ secret: SECRET }).sign(ID, 'acme');
    expect(replies.open(unsubscribe)).toBeUndefined();
    expect(replies.open(unsubscribe.toLowerCase())).toBeUndefined();
  });

  it('still reads a token signed under the previous secret after a rotation, marked so', () => {
    const before = makeReplyAddresses({ secret: 'old-secret', domain: 'replies.example.com' });
    const after = makeReplyAddresses({ secret: SECRET, previous: 'old-secret', domain: 'replies.example.com' });
    expect(after.open(tokenOf(before.addressOf(ID, 'acme')))!.signedFor('acme')).toBe('previous');
  });

  it('takes only reply+ addresses at its own domain', () => {
    expect(replies.tokenOf('someone@replies.example.com')).toBeUndefined();
    expect(replies.tokenOf('reply+abc@elsewhere.example.com')).toBeUndefined();
    expect(replies.tokenOf('reply+abc@sub.replies.example.com')).toBeUndefined();
    expect(replies.tokenOf(' REPLY+ABC@replies.example.com ')).toBe('abc');
  });

  it('a message id not of the msg_ form round-trips too', () => {
    const opened = replies.open(tokenOf(replies.addressOf('legacy-42', 'default')))!;
    expect(opened.messageId).toBe('legacy-42');
    expect(opened.signedFor('default')).toBe('current');
  });

  it('configures the receiver only with a domain, and STARTTLS only with both files', () => {
    expect(loadConfig({}).inboundMail).toMatchObject({ domain: undefined, smtpPort: undefined, maxBytes: 10485760 });
    expect(loadConfig({ INBOUND_MAIL_DOMAIN: 'R.Example.com', INBOUND_SMTP_PORT: '2525' }).inboundMail).toMatchObject({
      domain: 'r.example.com',
      smtpPort: 2525,
    });
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '2525' })).toThrow(/INBOUND_MAIL_DOMAIN/);
    expect(() => loadConfig({ INBOUND_MAIL_DOMAIN: 'r.example.com', INBOUND_SMTP_TLS_KEY_FILE: 'k' })).toThrow(
      /go together/,
    );
    expect(() => loadConfig({ INBOUND_MAIL_DOMAIN: 'not a domain' })).toThrow(/INBOUND_MAIL_DOMAIN/);
  });
});
