/**
 * Regression tests for the security review (issue 13), one `describe` per finding. Each was
 * seen failing on the code before its fix (see CHANGELOG.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/** Draft SMS whose inline partials double at each level: 2^levels copies of a 10-character word. */
function doublingDraft(levels: number): string {
  let s = '{{#*inline "p0"}}0123456789{{/inline}}';
  for (let i = 1; i <= levels; i++) s += `{{#*inline "p${i}"}}{{> p${i - 1}}}{{> p${i - 1}}}{{/inline}}`;
  return `${s}{{debt.creditor}}: {{> p${levels}}} Reply STOP to opt out.`;
}

describe('security', () => {
  let h: Harness;
  let tw: FakeTwilio;
  const marker = path.join(os.tmpdir(), `rd-rce-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    tw = await startFakeTwilio();
    h = await startHarness({
      db: sqliteOnly,
      env: {
        ...providerEnv(tw, undefined),
        RATE_LIMIT_PER_MINUTE: '1000',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '40',
        WEBHOOK_RATE_LIMIT_PER_MINUTE: '40',
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    fs.rmSync(marker, { force: true });
  });

  describe('1. front matter is data, never code', () => {
    for (const engine of ['js', 'javascript', 'coffee']) {
      it(`refuses a ---${engine} front-matter block without running it`, async () => {
        const source = `---${engine}\n{subject: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') || 'x'}\n---\nHello from {{debt.creditor}}. Reply STOP to opt out.`;
        const res = await h.api('POST', '/v1/templates/lint', {
          role: 'agent',
          body: { source, channel: 'email', locale: 'en-US' },
        });
        expect(res.status).toBe(200);
        expect(fs.existsSync(marker)).toBe(false);
        expect(res.body.ok).toBe(false);
        expect(res.body.findings).toContainEqual(
          expect.objectContaining({ rule: 'front-matter', severity: 'error', line: 1 }),
        );
      });
    }

    it('does not echo the output of code in a throwing front-matter block', async () => {
      const source =
        "---js\n(() => { throw new Error('OUT:' + require('child_process').execSync('echo pwned').toString()) })()\n---\nHi";
      const res = await h.api('POST', '/v1/templates/lint', {
        role: 'agent',
        body: { source, channel: 'email', locale: 'en-US' },
      });
      expect(JSON.stringify(res.body)).not.toContain('OUT:pwned');
    });

    it('still reads a plain subject: line', async () => {
      const source =
        '---\nsubject: A note from {{debt.creditor}}\n---\n{{debt.creditor}}: a payment is overdue. Unsubscribe: {{unsubscribeUrl}}';
      const res = await h.api('POST', '/v1/templates/lint', {
        role: 'agent',
        body: { source, channel: 'email', locale: 'en-US' },
      });
      expect(res.body.findings.filter((f: { rule: string }) => f.rule === 'front-matter')).toEqual([]);
    });
  });

  describe('2. user-supplied rendering is bounded', () => {
    it('refuses a draft whose partials double past the size limit, and the API answers meanwhile', async () => {
      const lint = h.api('POST', '/v1/templates/lint', {
        role: 'agent',
        body: { source: doublingDraft(12), channel: 'sms', locale: 'en-US' },
      });
      // While the draft is being linted the event loop is free: a health check is answered first.
      const order: string[] = [];
      const health = h.api('GET', '/healthz', { role: null }).then((r) => order.push(`health:${r.status}`));
      const linted = lint.then((r) => {
        order.push('lint');
        return r;
      });
      const [res] = await Promise.all([linted, health]);
      expect(order[0]).toBe('health:200');
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.findings).toContainEqual(
        expect.objectContaining({ rule: 'rendered-too-long', severity: 'error' }),
      );
    });

    it('counts the segments of a long plain SMS draft without stalling', async () => {
      const source = `{{debt.creditor}}: ${'a'.repeat(19_900)} Reply STOP to opt out.`;
      const res = await h.api('POST', '/v1/templates/lint', {
        role: 'agent',
        body: { source, channel: 'sms', locale: 'en-US' },
      });
      expect(res.status).toBe(200);
      expect(res.body.findings).toContainEqual(expect.objectContaining({ rule: 'rendered-too-long' }));
    });
  });

  describe('3. the rate limit follows the key, not the header bytes', () => {
    let limited: Harness;
    beforeAll(async () => {
      limited = await startHarness({ db: sqliteOnly, env: { RATE_LIMIT_PER_MINUTE: '3' } });
    });
    afterAll(async () => {
      await limited?.destroy();
    });

    it('refuses a bearer token with characters outside the token alphabet', async () => {
      const res = await fetch(`${limited.url}/v1/me`, {
        headers: { authorization: `Bearer ${limited.keys.tokens.agent}\u00a0` },
      });
      expect(res.status).toBe(401);
    });

    it('counts padded variants of one key against the same quota', async () => {
      for (let i = 0; i < 3; i++) expect((await limited.api('GET', '/v1/me', { role: 'compliance' })).status).toBe(200);
      const padded = await fetch(`${limited.url}/v1/me`, {
        headers: { authorization: `Bearer ${limited.keys.tokens.compliance}\u00a0\u00a0` },
      });
      expect(padded.status).not.toBe(200);
      expect((await limited.api('GET', '/v1/me', { role: 'compliance' })).status).toBe(429);
    });

    it('counts Basic auth on /admin/queues by key whatever the user name', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const basic = Buffer.from(`user${i}:${limited.keys.tokens.admin}`).toString('base64');
        statuses.push(
          (await fetch(`${limited.url}/admin/queues`, { headers: { authorization: `Basic ${basic}` } })).status,
        );
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    });
  });

  describe('4. what each role sees of a reminder and the outbox', () => {
    let reminderId: string;
    let messageId: string;
    const phone = '+14155550142';
    beforeAll(async () => {
      // Email goes to the sandbox outbox (no SMTP configured here).
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'email' }, { phone, email: 'pat.doe@example.com' }),
      });
      reminderId = res.body.id;
      messageId = res.body.messages[0].id;
      await waitFor(async () => (await h.service.store.getMessage(messageId))?.status === 'sent', { what: 'sent' });
    });

    it('shows an agent masked recipients and account numbers and no content', async () => {
      const res = await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'agent' });
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('pat.doe@example.com');
      expect(text).not.toContain('4111111111111234');
      expect(res.body.debt.accountRef).toBe('****1234');
      expect(res.body.messages[0].to).toBe('p***@example.com');
      expect(res.body.messages[0].body).toBeUndefined();
    });

    it('shows an agent the outbox masked, and compliance in full with the read recorded', async () => {
      const agent = await h.api('GET', '/v1/outbox', { role: 'agent' });
      expect(JSON.stringify(agent.body)).not.toContain('pat.doe@example.com');
      expect(agent.body.items[0].body).toBeUndefined();
      const full = await h.api('GET', '/v1/outbox', { role: 'compliance' });
      expect(JSON.stringify(full.body)).toContain('pat.doe@example.com');
      const reads = await h.api('GET', '/v1/audit/reads', { role: 'admin' });
      expect(reads.body.items).toContainEqual(expect.objectContaining({ action: 'outbox', role: 'compliance' }));
    });

    it('records reads of a reminder with its content', async () => {
      expect((await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'compliance' })).status).toBe(200);
      expect((await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'collector' })).status).toBe(200);
      const reads = await h.api('GET', '/v1/audit/reads', { role: 'admin' });
      const of = reads.body.items.filter(
        (r: { action: string; target: string }) => r.action === 'reminder' && r.target === reminderId,
      );
      expect(of.map((r: { role: string }) => r.role).sort()).toEqual(['collector', 'compliance']);
    });

    it('records the read when a repeated post or a cancel answers with the content', async () => {
      const body = reminderBody({ channel: 'email', sendAt: new Date(Date.now() + 86_400_000).toISOString() });
      const first = await h.api('POST', '/v1/reminders', { body });
      expect((await h.api('POST', '/v1/reminders', { body })).status).toBe(200);
      expect((await h.api('DELETE', `/v1/reminders/${first.body.id}`)).status).toBe(200);
      const reads = await h.api('GET', '/v1/audit/reads', { role: 'admin' });
      const of = reads.body.items.filter(
        (r: { action: string; target: string }) => r.action === 'reminder' && r.target === first.body.id,
      );
      expect(of.map((r: { filter: Record<string, boolean> }) => Object.keys(r.filter)[0]).sort()).toEqual([
        'cancel',
        'repeat',
      ]);
    });

    it('masks the number quoted in a provider error for agents', async () => {
      const bad = '+14155550143';
      tw.scriptFor(bad, { status: 400, code: 21211, message: `The 'To' number ${bad} is not a valid phone number.` });
      const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }, { phone: bad }) });
      const id = res.body.messages[0].id as string;
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'failed', { what: 'failed' });
      const agent = await h.api('GET', `/v1/reminders/${res.body.id}`, { role: 'agent' });
      expect(JSON.stringify(agent.body)).not.toContain(bad);
      const timeline = await h.api('GET', `/v1/borrowers/${res.body.borrowerId}/timeline`, { role: 'agent' });
      expect(JSON.stringify(timeline.body)).not.toContain(bad);
    });
  });

  describe('5. a replayed signed webhook is processed once', () => {
    async function inbound(params: Record<string, string>) {
      const res = await postSignedCallback(
        { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
        tw.authToken,
        '/webhooks/twilio/inbound-sms',
        params,
      );
      return res.status;
    }

    it('does not re-subscribe a borrower when an old START is replayed after a new STOP', async () => {
      const phone = '+14155550177';
      await h.api('PUT', '/v1/borrowers/b-replay', { body: { phone, locale: 'en-US' } });
      const optedOut = async () =>
        (await h.service.store.getBorrower('b-replay'))!.optOuts.some((o) => o.channel === 'sms');
      expect(await inbound({ From: phone, Body: 'STOP', MessageSid: `SM${'1'.repeat(32)}` })).toBe(200);
      expect(await optedOut()).toBe(true);
      expect(await inbound({ From: phone, Body: 'START', MessageSid: `SM${'2'.repeat(32)}` })).toBe(200);
      expect(await optedOut()).toBe(false);
      expect(await inbound({ From: phone, Body: 'STOP', MessageSid: `SM${'3'.repeat(32)}` })).toBe(200);
      expect(await optedOut()).toBe(true);
      // The attacker replays the START they captured: same body, same signature, same MessageSid.
      expect(await inbound({ From: phone, Body: 'START', MessageSid: `SM${'2'.repeat(32)}` })).toBe(200);
      expect(await optedOut()).toBe(true);
    });
  });

  describe('6. profile names are own names only', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      it(`refuses profile "${name}" on the linter and the simulator with 400 naming the field`, async () => {
        const lint = await h.api('POST', '/v1/templates/lint', {
          role: 'agent',
          body: { source: 'We will arrest you.', channel: 'sms', locale: 'en-US', profile: name },
        });
        expect(lint.status).toBe(400);
        expect(lint.body.errors).toContainEqual(expect.objectContaining({ path: 'profile' }));
        const sim = await h.api('POST', '/v1/policy/simulate', {
          role: 'agent',
          body: {
            profile: name,
            borrower: { timezone: 'America/New_York' },
            attempt: { channel: 'sms', at: '2026-06-10T12:00:00-04:00' },
          },
        });
        expect(sim.status).toBe(400);
        expect(sim.body.errors).toContainEqual(expect.objectContaining({ path: 'profile' }));
      });
    }
  });

  describe('7. bad input is a 400 naming the field', () => {
    for (const limit of ['abc', '100000', '-1']) {
      it(`GET /v1/audit/reads?limit=${limit}`, async () => {
        const res = await h.api('GET', `/v1/audit/reads?limit=${limit}`, { role: 'admin' });
        expect(res.status).toBe(400);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'limit' }));
      });
    }

    it('refuses metadata nested 10,000 deep', async () => {
      const raw = JSON.stringify(reminderBody()).replace(
        /}$/,
        `,"metadata":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
      );
      const res = await h.api('POST', '/v1/reminders', { raw });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toMatch(/^metadata/);
    });

    it('refuses preview data nested past the limit', async () => {
      const raw = `{"channel":"sms","locale":"en-US","data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
      const res = await h.api('POST', '/v1/templates/gentle-overdue/preview', { role: 'agent', raw });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toMatch(/^data/);
    });
  });

  describe('8. hardening', () => {
    it('sends security headers and a content security policy with the unsubscribe page and bull-board', async () => {
      const token = h.service.signer.sign('msg_none', 'default');
      const page = await fetch(`${h.url}/u/${token}`);
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const board = await fetch(`${h.url}/admin/queues`, {
        headers: { authorization: `Bearer ${h.keys.tokens.admin}` },
      });
      expect(board.status).toBe(200);
      expect(board.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(board.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    });

    for (const route of ['/metrics', '/u/not-a-token', '/webhooks/twilio/inbound-sms']) {
      it(`rate-limits ${route} by address`, async () => {
        const statuses = new Set<number>();
        for (let i = 0; i < 45; i++)
          statuses.add(
            (await fetch(`${h.url}${route}`, { method: route.startsWith('/webhooks') ? 'POST' : 'GET' })).status,
          );
        expect(statuses.has(429)).toBe(true);
      });
    }

    it('logs the rule of a rendered message that fails the linter, not the words', async () => {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({
          channel: 'email',
          debt: { ...reminderBody().debt, creditor: 'Zarquon Bank will have you arrested' },
        }),
      });
      const id = res.body.messages[0].id as string;
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'failed', { what: 'failed' });
      // The line is written just after the row turns failed.
      const line = await waitFor(
        () =>
          fs
            .readFileSync(h.logFile, 'utf8')
            .split('\n')
            .find((l) => l.includes(id) && l.includes('lint')),
        { what: 'the log line' },
      );
      expect(line).toMatch(/"rules":\["/);
      expect(line).not.toContain('have you arrested');
      expect(line).not.toContain('Zarquon');
    });
  });
});
