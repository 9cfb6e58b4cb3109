/**
 * A borrower who prefers Spanish, end to end: a reminder for an es-MX borrower goes out through
 * the twilio SDK (against the local fake of its REST API) as the es-US template; the language
 * preference is stored and read back, with when it was recorded; ALTO stops texts and is
 * confirmed in Spanish. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { openProfile } from '../support/profiles.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

describe.each(dbVariants())('a Spanish-speaking borrower on $name', (variant) => {
  let tw: FakeTwilio;
  let h: Harness;
  let smtp: SmtpSink;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    // Open all day and uncapped, so the test does not depend on the hour it runs at.
    const profile = openProfile('spanish-test');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-spanish-'));
    fs.writeFileSync(path.join(dir, 'profile.json'), JSON.stringify(profile));
    h = await startHarness({
      db: variant,
      env: { POLICY_FILE: path.join(dir, 'profile.json'), ...providerEnv(tw, smtp) },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  it('sends an es-MX borrower the Spanish SMS, and records and shows the language preference', async () => {
    const phone = '+13055550142';
    const body = reminderBody({}, { name: 'Carmen Ruiz', locale: 'es-MX', timezone: 'America/New_York', phone });
    const before = Date.now();
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    const sent = await waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m?.status === 'sent' ? m : undefined;
      },
      { what: 'the Spanish SMS to be sent' },
    );
    expect(sent.locale).toBe('es-US');
    const request = tw.messages().find((r) => r.form.To === phone)!;
    expect(request.form.Body).toBe(
      'Northwind Bank: Hola, Carmen Ruiz: le recordamos amablemente que el pago de $120.50 de la cuenta ****1234, ' +
        'con vencimiento el 20 de noviembre de 2026, sigue pendiente. Si ya lo hizo, gracias. ' +
        'Pague o acuerde un plan: https://pay.example.com/a/1234 Responda STOP o ALTO para dejar de recibir mensajes.',
    );
    expect(sent.body).toBe(request.form.Body);

    const timeline = await h.api('GET', `/v1/borrowers/${body.borrower.id}/timeline`, { role: 'agent' });
    expect(timeline.status).toBe(200);
    expect(timeline.body.borrower).toMatchObject({ locale: 'es-MX', language: { preference: 'es-MX' } });
    const recordedAt = timeline.body.borrower.language.recordedAt as string;
    expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 1000);

    // Said again: when it was first recorded stands. Not said: unchanged. Another language: recorded now.
    const again = await h.api('PUT', `/v1/borrowers/${body.borrower.id}`, { body: { locale: 'es-MX' } });
    expect(again.body.language).toEqual({ preference: 'es-MX', recordedAt });
    const silent = await h.api('PUT', `/v1/borrowers/${body.borrower.id}`, { body: { name: 'Carmen Ruiz López' } });
    expect(silent.body).toMatchObject({ locale: 'es-MX', language: { preference: 'es-MX', recordedAt } });
    const english = await h.api('PUT', `/v1/borrowers/${body.borrower.id}`, { body: { locale: 'en-US' } });
    expect(english.body.locale).toBe('en-US');
    expect(english.body.language.preference).toBe('en-US');
    expect(english.body.language.recordedAt >= recordedAt).toBe(true);
  });

  it('records no preference for a borrower whose language was never said (messages go in en-US)', async () => {
    const body = reminderBody({ sendAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    delete (body.borrower as { locale?: string }).locale;
    expect((await h.api('POST', '/v1/reminders', { body })).status).toBe(202);
    const timeline = await h.api('GET', `/v1/borrowers/${body.borrower.id}/timeline`, { role: 'compliance' });
    expect(timeline.body.borrower).toMatchObject({
      locale: 'en-US',
      language: { preference: null, recordedAt: null },
    });
  });

  it('emails in Spanish, and the unsubscribe page speaks Spanish', async () => {
    const email = 'carmen.ruiz@example.com';
    const body = reminderBody({ channel: 'email' }, { locale: 'es-419', email, timezone: 'America/New_York' });
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    const mail = await waitFor(() => smtp.mails.find((x) => x.messageId === `<${id}@northwind.example>`), {
      what: 'the Spanish email',
    });
    expect(mail.subject).toBe('Un recordatorio amable sobre su cuenta de Northwind Bank');
    expect(mail.text).toContain('Para dejar de recibir estos correos, responda con la palabra STOP o BAJA.');
    expect(mail.html).toContain('<html lang="es-US">');
    const link = mail.headerLines
      .find((l) => l.key === 'list-unsubscribe')!
      .line.replace(/^[^:]+:\s*/, '')
      .replace(/^<|>$/g, '');
    const page = await (await fetch(`${h.url}/u/${link.split('/u/')[1]}`)).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain(`¿Desea que dejemos de enviar recordatorios de pago a ${email}?`);
  });

  it('stops texts on ALTO and confirms in Spanish', async () => {
    const phone = '+13055550143';
    const body = reminderBody({}, { locale: 'es-US', timezone: 'America/New_York', phone });
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status).toBe(202);
    await waitFor(async () => (tw.messages().some((r) => r.form.To === phone) ? true : undefined), {
      what: 'the reminder to reach Twilio',
    });
    const reply = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      '/webhooks/twilio/inbound-sms',
      { From: phone, To: '+15005550006', Body: 'Alto', MessageSid: `SM${Date.now()}` },
    );
    expect(await reply.text()).toContain(
      'Northwind Bank: Le hemos dado de baja y ya no le enviaremos mensajes de texto. Responda START para volver a recibirlos.',
    );
    const opt = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(phone)}`, { role: 'agent' });
    expect(opt.body).toMatchObject({
      address: phone,
      suppressed: true,
      channels: [{ channel: 'sms', source: 'inbound-keyword', detail: 'ALTO' }],
    });
  });
});
