import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { parseApiKeys } from '../../src/http/api/auth.js';
import { tenantOfKey } from '../../src/domain/keys.js';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      role: 'all',
      port: 3000,
      host: '127.0.0.1',
      redisUrl: 'redis://127.0.0.1:6379',
      twilio: undefined,
      smtp: undefined,
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
    expect(c.databaseUrl).toBe(`sqlite:${path.resolve('data', 'reminders.db')}`);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('leaves every tenant a heavy-read thread: a tenant holds at most all threads but one, a key at most its tenant’s', () => {
    expect(loadConfig({}, ['all']).heavyReads).toEqual({ perKey: 2, perTenant: 2, threads: 3 });
    expect(
      loadConfig({ HEAVY_READS_PER_TENANT: '10', HEAVY_READS_PER_KEY: '10', HEAVY_READ_THREADS: '4' }, ['all'])
        .heavyReads,
    ).toEqual({ perKey: 3, perTenant: 3, threads: 4 });
    expect(loadConfig({ HEAVY_READ_THREADS: '1' }, ['all']).heavyReads).toEqual({
      perKey: 1,
      perTenant: 1,
      threads: 1,
    });
  });

  it('takes the role from the first argument and refuses an unknown one', () => {
    expect(loadConfig({}, ['worker']).role).toBe('worker');
    expect(() => loadConfig({}, ['janitor'])).toThrow(/unknown role "janitor"/);
  });
  it('wants all three Twilio settings or none', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC1' })).toThrow(ConfigError);
    const c = loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' });
    expect(c.twilio).toEqual({
      accountSid: 'AC1',
      authToken: 't',
      from: '+15005550006',
      apiBaseUrl: 'https://api.twilio.com',
    });
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ WORKER_CHANNELS: 'sms,fax' })).toThrow(/WORKER_CHANNELS: unknown channel "fax"/);
  });
  it('takes a Messaging Service SID of the right shape, with the Twilio account it belongs to', () => {
    const twilio = { TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' };
    const sid = `MG${'a'.repeat(32)}`;
    expect(loadConfig({ ...twilio, TWILIO_MESSAGING_SERVICE_SID: sid }).twilio).toMatchObject({
      from: '+15005550006',
      messagingServiceSid: sid,
    });
    expect(() => loadConfig({ ...twilio, TWILIO_MESSAGING_SERVICE_SID: 'MG123' })).toThrow(
      /TWILIO_MESSAGING_SERVICE_SID: must be a Messaging Service SID/,
    );
    expect(() => loadConfig({ TWILIO_MESSAGING_SERVICE_SID: sid })).toThrow(
      /TWILIO_MESSAGING_SERVICE_SID: needs TWILIO_ACCOUNT_SID/,
    );
  });
  it('takes a secondary Twilio route: another account with its sender, or another sender of the primary account', () => {
    const twilio = { TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' };
    expect(loadConfig(twilio).twilioSecondary).toBeUndefined();
    expect(
      loadConfig({
        ...twilio,
        TWILIO_SECONDARY_ACCOUNT_SID: 'AC2',
        TWILIO_SECONDARY_AUTH_TOKEN: 't2',
        TWILIO_SECONDARY_FROM: '+15005550007',
      }).twilioSecondary,
    ).toEqual({
      accountSid: 'AC2',
      authToken: 't2',
      apiBaseUrl: 'https://api.twilio.com',
      sender: { from: '+15005550007' },
    });
    const sid = 'MG' + '0'.repeat(32);
    expect(loadConfig({ ...twilio, TWILIO_SECONDARY_MESSAGING_SERVICE_SID: sid }).twilioSecondary).toMatchObject({
      accountSid: 'AC1',
      authToken: 't',
      sender: { messagingServiceSid: sid },
    });
    expect(() =>
      loadConfig({ ...twilio, TWILIO_SECONDARY_ACCOUNT_SID: 'AC2', TWILIO_SECONDARY_FROM: '+15005550007' }),
    ).toThrow(/TWILIO_SECONDARY_ACCOUNT_SID and TWILIO_SECONDARY_AUTH_TOKEN go together/);
    expect(() =>
      loadConfig({ ...twilio, TWILIO_SECONDARY_ACCOUNT_SID: 'AC2', TWILIO_SECONDARY_AUTH_TOKEN: 't2' }),
    ).toThrow(/give exactly one/);
    expect(() => loadConfig({ ...twilio, TWILIO_SECONDARY_FROM: '+15005550006' })).toThrow(/is the primary one/);
    expect(() => loadConfig({ TWILIO_SECONDARY_FROM: '+15005550007' })).toThrow(/needs the primary/);
    expect(() => loadConfig({ ...twilio, TWILIO_SECONDARY_FROM: '555' })).toThrow(
      /TWILIO_SECONDARY_FROM: must be an E.164/,
    );
  });

  it('takes a secondary SMTP relay only beside a primary one, and not the same relay', () => {
    const smtp = { SMTP_URL: 'smtp://relay-a:25', EMAIL_FROM: 'a@b.example' };
    expect(loadConfig({ ...smtp, SMTP_SECONDARY_URL: 'smtp://relay-b:25' }).smtpSecondary).toEqual({
      url: 'smtp://relay-b:25',
    });
    expect(() => loadConfig({ SMTP_SECONDARY_URL: 'smtp://relay-b:25' })).toThrow(/needs the primary/);
    expect(() => loadConfig({ ...smtp, SMTP_SECONDARY_URL: 'smtp://relay-a:25' })).toThrow(/is the primary one/);
  });

  it('knows who sends: a creditor by default, an agency when told, nothing else', () => {
    expect(loadConfig({}).sender).toEqual({ kind: 'creditor', agencySmsToNanp: false });
    expect(loadConfig({ SENDER_KIND: 'agency', AGENCY_SMS_TO_NANP: 'true' }).sender).toEqual({
      kind: 'agency',
      agencySmsToNanp: true,
    });
    expect(() => loadConfig({ SENDER_KIND: 'bank' })).toThrow(/SENDER_KIND/);
  });
  it('keeps the sending lease longer than the provider timeout', () => {
    expect(loadConfig({}).sendingLeaseMs).toBe(30_000);
    expect(loadConfig({ PROVIDER_TIMEOUT_MS: '20000' }).sendingLeaseMs).toBe(40_000);
    expect(() => loadConfig({ SENDING_LEASE_MS: '1000', PROVIDER_TIMEOUT_MS: '1000' })).toThrow(
      /SENDING_LEASE_MS: must be longer than PROVIDER_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ JOB_LOCK_MS: '10' })).toThrow(/JOB_LOCK_MS/);
  });
  it('parses API_KEYS as role:token pairs and refuses unknown roles and short tokens', () => {
    const keys = parseApiKeys('collector:aaaaaaaaaaaaaaaa1,admin:bbbbbbbbbbbbbbbb2');
    expect(keys.map((k) => k.role)).toEqual(['collector', 'admin']);
    expect(keys[0]!.id).toMatch(/^key_[0-9a-f]{12}$/);
    expect(JSON.stringify(keys)).not.toContain('aaaaaaaaaaaaaaaa1');
    expect(() => parseApiKeys('boss:aaaaaaaaaaaaaaaa1')).toThrow(/role/);
    expect(() => parseApiKeys('agent:short')).toThrow(/shorter than 16/);
  });
  it('parses role@tenant:token for a tenant’s key, and refuses a tenant that is not an id', () => {
    const [collector, compliance] = parseApiKeys('collector@acme:aaaaaaaaaaaaaaaa1,compliance:bbbbbbbbbbbbbbbb2');
    expect(collector).toMatchObject({ role: 'collector', tenant: 'acme' });
    expect(compliance!.tenant).toBeUndefined();
    expect(tenantOfKey(collector!, 'default')).toBe('acme');
    expect(tenantOfKey(compliance!, 'default')).toBeNull();
    expect(tenantOfKey({ role: 'agent' }, 'default')).toBe('default');
    expect(() => parseApiKeys('collector@Not_An_Id:aaaaaaaaaaaaaaaa1')).toThrow(
      /API_KEYS: the tenant of a collector key/,
    );
  });
});
