/**
 * Erasure on request (POST /v1/borrowers/:id/erase; PIPL art. 47, GDPR art. 17): a borrower who
 * was texted, replied, texted STOP and unsubscribed their email is erased by compliance; their
 * name, number and email are then nowhere — in no answer of any read or export and in no row of any
 * table — the chains still verify, and their number and email stay suppressed for any borrower id
 * a later reminder or import gives them (nothing reaches the fake Twilio). A legal hold refuses;
 * other roles are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

/** Every table of the store (src/store/schema.ts), scanned for what was erased. */
const TABLES = [
  'borrowers',
  'reminders',
  'messages',
  'events',
  'outbox',
  'template_versions',
  'chain_heads',
  'api_keys',
  'audit_reads',
  'relay_cursor',
  'strategy_accounts',
  'webhook_receipts',
  'suppressions',
  'event_content',
  'outbound_deliveries',
  'leases',
  'tenants',
  'outcomes',
  'key_schemes',
  'borrower_holds',
  'inbox_marks',
  'promises',
  'promise_instalments',
  'email_soft_bounces',
  'address_facts',
  'first_touches',
  'validation_notices',
  'wrapped_keys',
] as const;

describe.each(dbVariants())('erasure on request on $name', (variant) => {
  let h: Harness;
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  const tag = `${variant.name}${Date.now() % 100_000}`;
  // What must be gone: unique to this borrower in the whole store.
  const NAME = `Zelda Quillfeather ${tag}`;
  const PHONE = `+1415555${String(Date.now() % 10_000).padStart(4, '0')}`;
  const EMAIL = `zelda.${tag}@example.org`;
  const id = `b-erase-${tag}`;
  const REPLY = `This is ${NAME}, wrong time, write to ${EMAIL}`;
  let messageId = '';
  let reminderId = '';

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

  async function inbound(from: string, body: string) {
    const params = {
      From: from,
      To: '+15005550006',
      Body: body,
      MessageSid: `SM${Math.random().toString(16).slice(2)}`,
    };
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      '/webhooks/twilio/inbound-sms',
      params,
    );
    expect(res.status).toBe(200);
  }
  const settled = (mid: string) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(mid);
        return m && !['accepted', 'queued', 'sending'].includes(m.status) ? m : undefined;
      },
      { what: `message ${mid} settled` },
    );
  const texted = (to: string) => tw.messages().filter((r) => r.form.To === to).length;
  const leaks = (text: string) =>
    [NAME, PHONE, PHONE.slice(1), EMAIL, 'Quillfeather', 'zelda.'].filter((s) => text.includes(s));

  async function scanTables(): Promise<Record<string, string[]>> {
    const db = h.service.store.db;
    const found: Record<string, string[]> = {};
    for (const t of TABLES) {
      const rows = await db
        .selectFrom(t as any)
        .selectAll()
        .execute();
      const hits = leaks(JSON.stringify(rows));
      if (hits.length > 0) found[t] = hits;
    }
    return found;
  }

  it('erases a borrower who was texted, replied and opted out: gone from every read, export and row; chains verify', async () => {
    const posted = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id, name: NAME, phone: PHONE, email: EMAIL }),
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(202);
    reminderId = posted.body.id;
    messageId = posted.body.messages[0].id;
    expect((await settled(messageId)).status).toBe('sent');
    expect(texted(PHONE)).toBe(1);
    await inbound(PHONE, REPLY);
    await inbound(PHONE, 'STOP');
    const emailOut = await h.api('POST', '/v1/opt-outs', {
      body: { address: EMAIL, channel: 'email', source: 'web form' },
    });
    expect(emailOut.status, JSON.stringify(emailOut.body)).toBeLessThan(300);
    // Before: the data is there to be found.
    expect(Object.keys(await scanTables())).toEqual(expect.arrayContaining(['borrowers', 'messages', 'suppressions']));

    const erased = await h.api('POST', `/v1/borrowers/${id}/erase`, {
      role: 'compliance',
      body: { basis: 'gdpr-art-17', reference: 'DSR-2026-0142' },
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ id, alreadyErased: false, messages: [messageId] });
    expect(erased.body.suppressionsKept).toBeGreaterThanOrEqual(2);

    // No row of any table keeps the name, number or email.
    expect(await scanTables()).toEqual({});

    // The chains still verify, and the erasure is on the borrower's chain: who, why, no personal data.
    const verify = await h.api('GET', '/v1/audit/verify', { role: 'compliance' });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
    const timeline = await h.api('GET', `/v1/borrowers/${id}/timeline`, { role: 'compliance' });
    expect(timeline.status).toBe(200);
    const event = timeline.body.items.find((e: { type: string }) => e.type === 'borrower.erased');
    expect(event).toMatchObject({
      actor: expect.stringMatching(/^api:/),
      data: { reason: 'erasure-request', basis: 'gdpr-art-17', reference: 'DSR-2026-0142' },
    });
    expect(timeline.body.items.find((e: { type: string }) => e.type === 'inbound.sms')?.data).toMatchObject({
      text: null,
      textErased: true,
    });

    // Every read and export shows it erased.
    const reads = [
      timeline,
      await h.api('GET', `/v1/borrowers/${id}/timeline`, { role: 'agent' }),
      await h.api('GET', `/v1/audit/messages?borrowerId=${id}`, { role: 'compliance' }),
      await h.api('GET', `/v1/audit/messages/${messageId}`, { role: 'compliance' }),
      await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'compliance' }),
      await h.api('GET', `/v1/audit/export?format=ndjson&borrowerId=${id}`, { role: 'compliance' }),
      await h.api('GET', `/v1/audit/export?format=csv&borrowerId=${id}`, { role: 'compliance' }),
      await h.api('GET', '/v1/audit/export?format=ndjson', { role: 'compliance' }),
      await h.api('GET', '/v1/inbox', { role: 'compliance' }),
      await h.api('GET', `/v1/inbox/${id}`, { role: 'compliance' }),
      await h.api('GET', `/v1/borrowers/${id}/plan`, { role: 'compliance' }),
      await h.api('GET', '/v1/outbox', { role: 'compliance' }),
    ];
    for (const r of reads) {
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      expect(r.status, text.slice(0, 300)).toBeLessThan(300);
      expect(leaks(text), text.slice(0, 300)).toEqual([]);
    }
    const message = reads[3]!.body;
    expect(message).toMatchObject({ id: messageId, to: '[erased]', body: null });
    const exported = JSON.stringify(reads[5]!.body);
    expect(exported, exported).toContain('[erased]');

    // A second request changes nothing.
    const again = await h.api('POST', `/v1/borrowers/${id}/erase`, {
      role: 'compliance',
      body: { basis: 'gdpr-art-17' },
    });
    expect(again.body).toMatchObject({ alreadyErased: true, erasedAt: erased.body.erasedAt });
  });

  it('keeps the suppressions as keyed hashes: a new reminder or an import of the number, under any id, is never sent', async () => {
    // The list holds no plain address of the erased borrower, yet it still answers for them.
    const rows = await h.service.store.db.selectFrom('suppressions').selectAll().execute();
    const hashed = rows.filter((r) => r.address.startsWith('hmac:'));
    expect(hashed.map((r) => r.channel).sort()).toEqual(expect.arrayContaining(['email', 'sms']));
    for (const a of [PHONE, EMAIL]) {
      const listed = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(a)}`, { role: 'agent' });
      expect(listed.body, a).toMatchObject({ suppressed: true });
    }

    const before = tw.messages().length;
    const fresh = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: `b-again-${tag}`, name: 'Someone New', phone: PHONE }),
    });
    expect(fresh.status).toBe(202);
    const m = await settled(fresh.body.messages[0].id);
    expect(m.status).toBe('suppressed');
    expect((await h.service.store.listEvents(m.id)).at(-1)!.data).toMatchObject({ reason: 'opted-out' });

    const line = {
      accountRef: `A-erase-${tag}`,
      borrower: {
        id: `b-imported-${tag}`,
        name: 'Imported Again',
        locale: 'en-US',
        timezone: 'America/New_York',
        phone: PHONE,
        email: `other.${tag}@example.net`,
      },
      debt: {
        creditor: 'Northwind Bank',
        amountDue: { amount: '80.00', currency: 'USD' },
        dueDate: '2026-11-20',
        daysOverdue: 1,
      },
    };
    const imported = await h.api('POST', '/v1/accounts/overdue/import', {
      raw: `${JSON.stringify(line)}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
    expect(imported.body, JSON.stringify(imported.body)).toMatchObject({ scheduled: 1 });
    const check = await h.api('POST', '/v1/policy/check', {
      body: { borrowerId: `b-imported-${tag}`, channel: 'sms' },
    });
    expect(check.body).toMatchObject({ allowed: false, reasons: [expect.objectContaining({ code: 'opted-out' })] });
    // Whatever the import queued settles without a text to the number.
    const queued = await h.service.store.pendingMessages(`b-imported-${tag}`);
    for (const q of queued.filter((x) => x.status === 'queued' && x.channel === 'sms'))
      expect((await settled(q.id)).status).toBe('suppressed');
    expect(tw.messages().length).toBe(before);
    expect(texted(PHONE)).toBe(1);

    // The email too, for any borrower id.
    const mail = await h.api('POST', '/v1/policy/check', { body: { borrowerId: `b-again-${tag}`, channel: 'email' } });
    expect(mail.status).toBe(200);
    const withEmail = await h.api('PUT', `/v1/borrowers/b-mail-${tag}`, {
      body: { name: 'New Mail', email: EMAIL.toUpperCase(), locale: 'en-US' },
    });
    expect(withEmail.status).toBe(201);
    const mailCheck = await h.api('POST', '/v1/policy/check', {
      body: { borrowerId: `b-mail-${tag}`, channel: 'email' },
    });
    expect(mailCheck.body).toMatchObject({ allowed: false, reasons: [expect.objectContaining({ code: 'opted-out' })] });
  });

  it('clears the recorded language preference: no read of the borrower shows it afterwards', async () => {
    const spanish = `b-es-${tag}`;
    const put = await h.api('PUT', `/v1/borrowers/${spanish}`, {
      body: { name: 'Prefiere Español', phone: '+14155550444', locale: 'es-US' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    expect(put.body.language).toMatchObject({ preference: 'es-US', recordedAt: expect.any(String) });
    const erased = await h.api('POST', `/v1/borrowers/${spanish}/erase`, {
      role: 'compliance',
      body: { basis: 'gdpr-art-17' },
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);

    const row = await h.service.store.db
      .selectFrom('borrowers')
      .selectAll()
      .where('id', '=', spanish)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ locale: 'en-US', language_preference: null, language_recorded_at: null });
    const reads = [
      await h.api('GET', `/v1/borrowers/${spanish}/timeline`, { role: 'compliance' }),
      await h.api('GET', `/v1/borrowers/${spanish}/timeline`, { role: 'agent' }),
      await h.api('GET', `/v1/borrowers/${spanish}/plan`, { role: 'compliance' }),
      await h.api('GET', `/v1/audit/export?format=ndjson&borrowerId=${spanish}`, { role: 'compliance' }),
    ];
    for (const r of reads) {
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? null);
      expect(r.status, text.slice(0, 300)).toBeLessThan(300);
      expect(text, text.slice(0, 300)).not.toContain('es-US');
    }
    expect(reads[0]!.body.borrower).toMatchObject({
      locale: 'en-US',
      language: { preference: null, recordedAt: null },
    });
  });

  it('refuses while a dispute is open (409, naming it), and erases once it is closed', async () => {
    const held = `b-held-${tag}`;
    expect(
      (await h.api('PUT', `/v1/borrowers/${held}`, { body: { name: 'Held Person', locale: 'en-US' } })).status,
    ).toBe(201);
    const dispute = await h.api('POST', `/v1/borrowers/${held}/disputes`, { body: {} });
    expect(dispute.status, JSON.stringify(dispute.body)).toBe(201);
    const refused = await h.api('POST', `/v1/borrowers/${held}/erase`, {
      role: 'compliance',
      body: { basis: 'pipl-art-47' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('open dispute');
    expect(refused.body.holds).toEqual([expect.objectContaining({ kind: 'dispute', holdId: dispute.body.id })]);
    expect((await h.service.store.getBorrower(held))!.name).toBe('Held Person');

    const closed = await h.api('POST', `/v1/borrowers/${held}/disputes/${dispute.body.id}/close`, {
      body: { resolution: 'withdrawn' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const ok = await h.api('POST', `/v1/borrowers/${held}/erase`, {
      role: 'compliance',
      body: { basis: 'pipl-art-47' },
    });
    expect(ok.status).toBe(200);
    expect((await h.service.store.getBorrower(held))!.name).toBeNull();
  });

  it('is for compliance keys only: collector, agent and admin get 403, no key 401, an unknown borrower 404, a bad basis 400', async () => {
    const target = `b-roles-${tag}`;
    await h.api('PUT', `/v1/borrowers/${target}`, { body: { name: 'Role Target', locale: 'en-US' } });
    for (const role of ['collector', 'agent', 'admin'] as const) {
      const res = await h.api('POST', `/v1/borrowers/${target}/erase`, { role, body: { basis: 'gdpr-art-17' } });
      expect(res.status, role).toBe(403);
    }
    expect(
      (await h.api('POST', `/v1/borrowers/${target}/erase`, { role: null, body: { basis: 'gdpr-art-17' } })).status,
    ).toBe(401);
    expect((await h.service.store.getBorrower(target))!.name).toBe('Role Target');
    const unknown = await h.api('POST', '/v1/borrowers/nobody-here/erase', {
      role: 'compliance',
      body: { basis: 'other' },
    });
    expect(unknown.status).toBe(404);
    const bad = await h.api('POST', `/v1/borrowers/${target}/erase`, {
      role: 'compliance',
      body: { basis: 'because' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('basis');
    const tilde = await h.api('POST', '/v1/borrowers/acme~b1/erase', { role: 'compliance', body: { basis: 'other' } });
    expect(tilde.status).toBe(400);
  });
});
