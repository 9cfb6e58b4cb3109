/**
 * DKIM signing (DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE): a mail the SMTP server
 * received carries a DKIM-Signature that a DKIM verifier (mailauth) accepts against the public
 * key published for the selector, and does not accept once the body is altered or under
 * another key.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const DOMAIN = 'northwind.example';
const SELECTOR = 'rd2026';

/** An RSA key pair, and the TXT record that publishes its public half (in 255-character strings, as DNS holds it). */
function rsaKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const record = `v=DKIM1; k=rsa; p=${p}`;
  const chunks = record.match(/.{1,255}/g)!;
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), txt: chunks };
}

/** A resolver for mailauth that knows one record: the selector's key under _domainkey. */
function resolverFor(txt: string[]) {
  const lookups: string[] = [];
  const resolver = async (name: string, rr: string) => {
    lookups.push(`${rr} ${name}`);
    if (rr === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [txt];
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  return { resolver, lookups };
}

describe('DKIM signing', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let dir: string;
  const key = rsaKey();

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-dkim-'));
    const keyFile = path.join(dir, 'dkim.pem');
    fs.writeFileSync(keyFile, key.pem, { mode: 0o600 });
    h = await startHarness({
      db: sqliteOnly,
      env: { ...providerEnv(tw, smtp), DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY_FILE: keyFile },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs every mail with the configured domain and selector, and the signature verifies', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'email' }, { email: 'dkim@example.com', name: '林美', locale: 'zh-CN' }),
    });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent' || undefined, { what: 'sent' });
    const i = await waitFor(
      () => {
        const n = smtp.mails.findIndex((m) => m.messageId === `<${id}@northwind.example>`);
        return n >= 0 ? n : undefined;
      },
      { what: 'the mail' },
    );
    const raw = smtp.raw[i]!;
    expect(smtp.mails[i]!.headers.get('dkim-signature')).toBeDefined();

    const { resolver, lookups } = resolverFor(key.txt);
    const result = await dkimVerify(raw, { resolver });
    expect(result.results).toHaveLength(1);
    const sig = result.results[0]!;
    expect(sig.status.result, sig.info).toBe('pass');
    expect(sig).toMatchObject({ signingDomain: DOMAIN, selector: SELECTOR, algo: 'rsa-sha256' });
    expect(lookups).toContain(`TXT ${SELECTOR}._domainkey.${DOMAIN}`);
    // What a receiver cares about is signed: who it is from, to whom, the subject, the
    // Message-ID and the unsubscribe link.
    const signed = sig
      .signingHeaders!.keys.toLowerCase()
      .split(':')
      .map((k) => k.trim());
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'to', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
    );

    // The same mail altered in transit does not pass, nor under a key that is not the signer's.
    const bodyStart = raw.indexOf('\r\n\r\n') + 4;
    const altered = Buffer.concat([
      raw.subarray(0, bodyStart),
      Buffer.from('Added on the way.\r\n'),
      raw.subarray(bodyStart),
    ]);
    const tampered = (await dkimVerify(altered, { resolver })).results[0]!;
    const wrongKey = (await dkimVerify(raw, { resolver: resolverFor(rsaKey().txt).resolver })).results[0]!;
    expect(tampered.status).toMatchObject({ result: 'neutral', comment: 'body hash did not verify' });
    expect(wrongKey.status).toMatchObject({ result: 'fail', comment: 'bad signature' });
  });
});
