/**
 * Opt-outs belong to the number or address: the suppression list, inbound keywords from any
 * number, email unsubscribe for every borrower with the address, the API and the import.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { maskRecipient } from '../../src/policy/address.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const run = promisify(execFile);

describe.each(dbVariants())('opt-outs by address on $name', (variant) => {
  let h: Harness;
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let seq = 0;
  const phone = () => `+1415555${String(3000 + seq++).padStart(4, '0')}`;
  const sid = () => `SM${String(seq++).padStart(32, '0')}`;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    h = await startHarness({ db: variant, env: providerEnv(tw, smtp) });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  async function inbound(from: string, body: string, messageSid = sid()) {
    const route = '/webhooks/twilio/inbound-sms';
    const params = { From: from, To: '+15005550006', Body: body, MessageSid: messageSid };
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      route,
      params,
    );
    return res.text();
  }

  async function settled(id: string) {
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && !['accepted', 'queued', 'sending'].includes(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }

  async function post(body: Record<string, unknown>) {
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.messages[0].id as string;
  }

  it('suppresses a number that texted STOP before any borrower had it; a borrower created later is never texted', async () => {
    const p = phone();
    const reply = await inbound(p, 'STOP');
    expect(reply).toContain('no more texts to this number');
    const listed = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p)}`, { role: 'agent' });
    expect(listed.body).toMatchObject({
      address: p,
      suppressed: true,
      channels: [expect.objectContaining({ channel: 'sms', source: 'inbound-keyword', detail: 'STOP' })],
    });
    const id = await post(reminderBody({ channel: 'sms' }, { id: `b-late-${seq}`, phone: p }));
    const m = await settled(id);
    expect(m.status).toBe('suppressed');
    const last = (await h.service.store.listEvents(id)).at(-1)!;
    expect(last.data).toMatchObject({ reason: 'opted-out' });
    expect(JSON.stringify(last.data)).toContain('suppression list');
    expect(JSON.stringify(last.data)).not.toContain(p);
    expect(tw.messages().filter((r) => r.form.To === p)).toHaveLength(0);
  });

  it('sends the one confirmation once: a second STOP from the number gets no reply', async () => {
    const p = phone();
    expect(await inbound(p, 'STOP')).toContain('<Message>');
    expect(await inbound(p, 'stop')).not.toContain('<Message>');
  });

  it('suppresses both borrowers that share a number when one texts STOP, pending messages included', async () => {
    const p = phone();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const a = await post(reminderBody({ channel: 'sms', sendAt: later }, { id: `b-shared-a-${seq}`, phone: p }));
    const b = await post(reminderBody({ channel: 'sms', sendAt: later }, { id: `b-shared-b-${seq}`, phone: p }));
    await inbound(p, 'STOP');
    for (const id of [a, b]) expect((await h.service.store.getMessage(id))!.status).toBe('suppressed');
    const again = await post(reminderBody({ channel: 'sms' }, { id: `b-shared-b-${seq - 1}`, phone: p }));
    expect((await settled(again)).status).toBe('suppressed');
  });

  it('restores only that number on START', async () => {
    const p1 = phone();
    const p2 = phone();
    await inbound(p1, 'STOP');
    await inbound(p2, 'STOP');
    expect(await inbound(p1, 'START')).toContain('subscribed again');
    expect(
      (await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p1)}`, { role: 'agent' })).body.suppressed,
    ).toBe(false);
    expect(
      (await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p2)}`, { role: 'agent' })).body.suppressed,
    ).toBe(true);
    const id = await post(reminderBody({ channel: 'sms' }, { id: `b-restored-${seq}`, phone: p1 }));
    expect((await settled(id)).status).toBe('sent');
  });

  it('suppresses the address for every borrower that has it on one-click unsubscribe', async () => {
    const email = `shared.${seq++}@example.com`;
    const first = await post(reminderBody({ channel: 'email' }, { id: `b-mail-a-${seq}`, email }));
    await settled(first);
    const pending = await post(
      reminderBody(
        { channel: 'email', sendAt: new Date(Date.now() + 3_600_000).toISOString() },
        { id: `b-mail-b-${seq}`, email: email.toUpperCase() },
      ),
    );
    const mail = await waitFor(() => smtp.mails.find((x) => x.messageId === `<${first}@northwind.example>`), {
      what: 'mail',
    });
    const link = mail.headerLines.find((l) => l.key === 'list-unsubscribe')!.line.replace(/^[^:]+:\s*<|>$/g, '');
    const token = link.split('/u/')[1]!;
    const res = await fetch(`${h.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect((await h.service.store.getMessage(pending))!.status).toBe('suppressed');
    const third = await post(reminderBody({ channel: 'email' }, { id: `b-mail-c-${seq}`, email }));
    expect((await settled(third)).status).toBe('suppressed');
    expect(
      (await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(email.toUpperCase())}`, { role: 'compliance' }))
        .body,
    ).toMatchObject({
      address: email,
      suppressed: true,
      channels: [expect.objectContaining({ channel: 'email', source: 'email-one-click' })],
    });
  });

  it('finds an address on the list whatever the capitals of the borrower’s copy of it', async () => {
    const email = `kim.${seq++}@example.com`;
    expect((await h.api('POST', '/v1/opt-outs', { body: { address: email, source: 'esp list' } })).status).toBe(201);
    const id = await post(
      reminderBody(
        { channel: 'email' },
        { id: `b-caps-${seq}`, email: email.replace(/^k/, 'K').replace('example', 'Example') },
      ),
    );
    expect((await settled(id)).status).toBe('suppressed');
    const check = await h.api('POST', '/v1/policy/check', {
      role: 'agent',
      body: { borrowerId: `b-caps-${seq}`, channel: 'email' },
    });
    expect(check.body.allowed).toBe(false);
  });

  it('normalises the numbers given to the simulator, so a formatted one counts as the same number', async () => {
    const history = Array.from({ length: 6 }, (_, i) => ({
      channel: 'voice',
      at: `2026-06-10T${String(9 + i).padStart(2, '0')}:00:00+08:00`,
      outcome: 'no-answer',
      to: '+86 138 0013 8000',
    }));
    const res = await h.api('POST', '/v1/policy/simulate', {
      role: 'agent',
      body: {
        profile: 'CN',
        borrower: { timezone: 'Asia/Shanghai', phone: '+8613800138000' },
        history,
        attempt: { channel: 'voice', at: '2026-06-10T16:00:00+08:00' },
      },
    });
    expect(res.body).toMatchObject({ allowed: false, reasons: [expect.objectContaining({ code: 'cap-reached' })] });
    const bad = await h.api('POST', '/v1/policy/simulate', {
      role: 'agent',
      body: {
        profile: 'CN',
        borrower: {},
        history: [{ ...history[0], to: 'nobody' }],
        attempt: { channel: 'voice', at: '2026-06-10T16:00:00+08:00' },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('history.0.to');
  });

  it('suppresses the number for every borrower when Twilio answers 21610', async () => {
    const p = phone();
    tw.scriptFor(p, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    expect(
      (await settled(await post(reminderBody({ channel: 'sms' }, { id: `b-21610-a-${seq}`, phone: p })))).status,
    ).toBe('failed');
    const other = await post(reminderBody({ channel: 'sms' }, { id: `b-21610-b-${seq}`, phone: p }));
    expect((await settled(other)).status).toBe('suppressed');
  });

  it('writes a borrower-level opt-out to the list', async () => {
    const p = phone();
    await h.api('PUT', `/v1/borrowers/b-row-${seq}`, { body: { phone: p } });
    expect(
      (
        await h.api('POST', `/v1/borrowers/b-row-${seq}/opt-out`, {
          role: 'agent',
          body: { channel: 'voice', source: 'asked on a call' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p)}`, { role: 'agent' })).body.channels,
    ).toEqual([expect.objectContaining({ channel: 'voice', source: 'agent', detail: 'asked on a call' })]);
  });

  describe('the API', () => {
    it('adds an address on every channel it carries, says since when, and repeats without adding', async () => {
      const p = phone();
      const res = await h.api('POST', '/v1/opt-outs', {
        body: { address: p.replace(/(\d{3})(\d{3})(\d{4})$/, ' $1 $2 $3'), source: 'letter received 2026-11-30' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ address: p, suppressed: true, added: ['sms', 'voice'] });
      expect(res.body.since).toEqual(expect.any(String));
      expect((await h.api('POST', '/v1/opt-outs', { body: { address: p, source: 'again' } })).status).toBe(200);
    });

    it('opts back in only with a recorded source, and 404s an address that is not suppressed', async () => {
      const p = phone();
      await h.api('POST', '/v1/opt-outs', { role: 'agent', body: { address: p, channel: 'sms', source: 'call' } });
      const noSource = await h.api('DELETE', `/v1/opt-outs/${encodeURIComponent(p)}`, { role: 'agent' });
      expect(noSource.status).toBe(400);
      expect(noSource.body.errors).toContainEqual(expect.objectContaining({ path: 'source' }));
      const done = await h.api(
        'DELETE',
        `/v1/opt-outs/${encodeURIComponent(p)}?source=${encodeURIComponent('consent given in writing')}`,
        { role: 'agent' },
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ suppressed: false, removed: ['sms'] });
      expect((await h.api('DELETE', `/v1/opt-outs/${encodeURIComponent(p)}?source=x`, { role: 'agent' })).status).toBe(
        404,
      );
    });

    it('refuses malformed addresses and channels an address cannot carry, naming the field', async () => {
      const bad = await h.api('POST', '/v1/opt-outs', { body: { address: '+86 138', source: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ path: 'address', message: expect.stringContaining('E.164') }),
      ]);
      const wrong = await h.api('POST', '/v1/opt-outs', {
        body: { address: 'a@example.com', channel: 'sms', source: 'x' },
      });
      expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'channel' })]);
      expect((await h.api('GET', '/v1/opt-outs?address=not-an-address', { role: 'agent' })).body.errors).toEqual([
        expect.objectContaining({ path: 'address' }),
      ]);
    });

    it('shows the suppression in may-I-contact', async () => {
      const p = phone();
      // Suppressed before the borrower existed: only the list knows.
      await h.api('POST', '/v1/opt-outs', { body: { address: p, channel: 'sms', source: 'x' } });
      await h.api('PUT', `/v1/borrowers/b-check-${seq}`, { body: { phone: p } });
      const check = await h.api('POST', '/v1/policy/check', {
        role: 'agent',
        body: { borrowerId: `b-check-${seq}`, channel: 'sms' },
      });
      expect(check.body).toMatchObject({
        allowed: false,
        earliestAllowedAt: null,
        reasons: [expect.objectContaining({ code: 'opted-out', detail: expect.stringContaining('suppression list') })],
      });
      expect(JSON.stringify(check.body)).not.toContain(p);
    });
  });

  it('imports a list carried over from another system, idempotently, reporting bad lines by number', async () => {
    const p1 = phone();
    const p2 = phone();
    const file = path.join(h.dir, 'twilio-opt-outs.csv');
    fs.writeFileSync(
      file,
      `Phone Number,Channel,Opted Out At,Carrier\n${p1},sms,2026-10-01T10:00:00Z,x\n+86 138,,,\n${p2},,,\nFormer.Customer@Example.com,email,,\nnot-a-date@example.com,email,yesterday,\n`,
    );
    const env = { ...process.env, ...h.env };
    const cli = (args: string[]) =>
      run('npx', ['tsx', 'src/cli/opt-outs.ts', ...args], { env }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const first = await cli(['import', file]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('5 lines read: 4 new suppressions, 0 already known, 2 bad lines');
    expect(first.stderr).toContain(`${file}:3: "+86 138" is neither`);
    expect(first.stderr).toContain(`${file}:6: date "yesterday"`);
    expect(first.stderr).toContain('columns not read: Carrier');
    const second = await cli(['import', file]);
    expect(second.stdout).toContain('0 new suppressions, 4 already known');
    const listed = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p1)}`, { role: 'agent' });
    expect(listed.body).toMatchObject({
      since: '2026-10-01T10:00:00.000Z',
      channels: [expect.objectContaining({ channel: 'sms', source: 'import' })],
    });
    expect(
      (await h.api('GET', '/v1/opt-outs?address=former.customer%40example.com', { role: 'agent' })).body.suppressed,
    ).toBe(true);
  });

  it('keeps personal data out of hashed events: retention leaves no number or inbound text behind, and the chains verify', async () => {
    const p = phone();
    const borrowerId = `b-pd-${seq}`;
    tw.scriptFor(p, { status: 400, code: 21211, message: `The 'To' number ${p} is not a valid phone number.` });
    const failed = await post(reminderBody({ channel: 'sms' }, { id: borrowerId, phone: p }));
    expect((await settled(failed)).status).toBe('failed');
    const reply = 'Wrong person? I am on +14155550777 now, mail me at kim.reply@example.com';
    await inbound(p, reply);
    const before = await h.api('GET', `/v1/borrowers/${borrowerId}/timeline`, { role: 'compliance' });
    expect(before.body.items.find((e: { type: string }) => e.type === 'inbound.sms').data).toMatchObject({
      kind: 'other',
      text: reply,
    });
    // Agents learn that a text came in, not what it said.
    const agentView = await h.api('GET', `/v1/borrowers/${borrowerId}/timeline`, { role: 'agent' });
    expect(JSON.stringify(agentView.body)).not.toContain('Wrong person');

    const events = () =>
      h.service.store.db.selectFrom('events').select(['data']).where('borrower_id', '=', borrowerId).execute();
    const hashed = (await events()).map((e) => e.data).join('\n');
    expect(hashed).not.toContain(p);
    expect(hashed).not.toContain('kim.reply');
    expect(hashed).toContain('[number]');

    const { applyRetention } = await import('../../src/store/retention.js');
    const { verifyChains } = await import('../../src/store/verify.js');
    await applyRetention(h.service.store, {
      years: 3,
      now: new Date(Date.now() + 4 * 365 * 86_400_000),
      dryRun: false,
    });
    const db = h.service.store.db;
    const left = JSON.stringify([
      await db.selectFrom('messages').selectAll().where('borrower_id', '=', borrowerId).execute(),
      await db.selectFrom('borrowers').selectAll().where('id', '=', borrowerId).execute(),
      await db.selectFrom('event_content').selectAll().where('borrower_id', '=', borrowerId).execute(),
      await events(),
    ]);
    for (const gone of [p, p.slice(1), 'kim.reply', 'Wrong person']) expect(left).not.toContain(gone);
    expect(await verifyChains(db)).toMatchObject({ ok: true });
    const after = await h.api('GET', `/v1/borrowers/${borrowerId}/timeline`, { role: 'compliance' });
    expect(after.body.items.find((e: { type: string }) => e.type === 'inbound.sms').data).toMatchObject({
      text: null,
      textErased: true,
    });
  });

  it('records every addition and removal as an event on a chain that still verifies', async () => {
    const p = phone();
    await h.api('POST', '/v1/opt-outs', {
      body: { address: p, channel: 'sms', source: 'asked Agent Quimby on the phone' },
    });
    await h.api('POST', '/v1/opt-outs', { body: { address: p, channel: 'voice', source: 'and calls too' } });
    await h.api(
      'DELETE',
      `/v1/opt-outs/${encodeURIComponent(p)}?source=${encodeURIComponent('written consent from Quimby')}`,
    );
    const rows = await h.service.store.db
      .selectFrom('events')
      .select(['chain', 'type', 'data'])
      .where('type', 'in', ['address.suppressed', 'address.unsuppressed'])
      .where('data', 'like', `%${maskRecipient(p)}%`)
      .execute();
    expect(rows.map((r) => r.type).sort()).toEqual([
      'address.suppressed',
      'address.suppressed',
      'address.unsuppressed',
      'address.unsuppressed',
    ]);
    // One chain for the address, named by nothing that can be reversed into it.
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    expect(rows[0]!.chain).not.toBe(`a:${createHash('sha256').update(`default\0${p}`).digest('hex').slice(0, 32)}`);
    // Neither the number nor the people's words are in the hashed data.
    const hashed = rows.map((r) => r.data).join();
    expect(hashed).not.toContain(p);
    expect(hashed).not.toContain('Quimby');
    expect((await h.api('GET', '/v1/audit/verify', { role: 'compliance' })).body).toMatchObject({ ok: true });
  });
});
