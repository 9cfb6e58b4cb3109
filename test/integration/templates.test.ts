/**
 * Templates over HTTP (catalogue, preview, lint), versions recorded on messages and re-rendered
 * byte for byte after the file changed, and the linter refusing a template at start-up and a
 * rendered message at send time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFromSources } from '../../src/templates/render.js';
import { smsFacts } from '../../src/templates/sms-facts.js';
import { TemplateLoadError } from '../../src/templates/variant.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

describe('templates over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ db: sqliteOnly, env: { POLICY_PROFILE: 'US-REGF' } });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('lists the catalogue with channels, locales and versions', async () => {
    const res = await h.api('GET', '/v1/templates', { role: 'agent' });
    expect(res.status).toBe(200);
    const keys = res.body.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'due-soon',
        'gentle-overdue',
        'payment-plan-offer',
        'final-courtesy',
        'voicemail-limited',
        'payment-received',
        'opt-out-confirmation',
      ]),
    );
    const plan = res.body.items.find((i: { key: string }) => i.key === 'payment-plan-offer');
    expect(plan).toMatchObject({
      stage: 'middle',
      channels: expect.arrayContaining(['sms', 'email', 'voice']),
      locales: ['en-US', 'es-US', 'zh-CN'],
    });
    expect(plan.variants[0].version).toMatch(/^[0-9a-f]{64}$/);
    const one = await h.api('GET', '/v1/templates/payment-plan-offer', { role: 'agent' });
    expect(
      one.body.variants.find((v: { channel: string; locale: string }) => v.channel === 'sms' && v.locale === 'zh-CN')
        .source,
    ).toContain('{{debt.creditor}}');
    expect((await h.api('GET', '/v1/templates', { role: 'collector' })).status).toBe(403);
  });

  it('previews payment-plan-offer as a zh-CN SMS with its encoding and segment count', async () => {
    const res = await h.api('POST', '/v1/templates/payment-plan-offer/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'zh-CN' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'payment-plan-offer', channel: 'sms', locale: 'zh-CN', findings: [] });
    expect(res.body.text).toContain('北风银行');
    const facts = smsFacts(res.body.text);
    expect(res.body.sms).toMatchObject({
      encoding: 'UCS-2',
      segments: facts.segments,
      characters: facts.characters,
      limit: 3,
    });
  });

  it('previews email with subject, text and HTML, and voice as TwiML in the borrower’s language', async () => {
    const email = await h.api('POST', '/v1/templates/final-courtesy/preview', {
      role: 'agent',
      body: { channel: 'email', locale: 'en-US' },
    });
    expect(email.body.subject).toBeTruthy();
    expect(email.body.html).toContain('<p');
    // This deployment sends as a creditor: no debt collector line, unless previewed as an agency.
    expect(email.body.text).not.toContain('debt collector');
    const asAgency = await h.api('POST', '/v1/templates/final-courtesy/preview', {
      role: 'agent',
      body: { channel: 'email', locale: 'en-US', senderKind: 'agency' },
    });
    expect(asAgency.body.text).toContain('This message is from a debt collector.');
    const voice = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'voice', locale: 'zh-CN' },
    });
    expect(voice.body.twiml).toMatch(/<Say language="cmn-CN">/);
    expect(voice.body.voiceLanguage).toBe('cmn-CN');
  });

  it('previews a Spanish reminder for an es-MX borrower from the es-US variant, in GSM-7', async () => {
    const sms = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'es-MX', fallback: true, senderKind: 'agency' },
    });
    expect(sms.status).toBe(200);
    expect(sms.body).toMatchObject({ locale: 'es-US', findings: [], sms: { encoding: 'GSM-7' } });
    expect(sms.body.text).toContain('Este mensaje es de un cobrador de deudas.');
    expect(sms.body.text).toContain('Responda STOP o ALTO para dejar de recibir mensajes.');
    const voice = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'voice', locale: 'es-419', fallback: true },
    });
    expect(voice.body).toMatchObject({ locale: 'es-US', voiceLanguage: 'es-US' });
    expect(voice.body.twiml).toMatch(/<Say language="es-US">Hola, Carmen Ruiz\./);
  });

  it('renders the agent’s own data over the sample data', async () => {
    const res = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: {
        channel: 'sms',
        locale: 'en-US',
        data: { borrower: { name: 'Priya' }, debt: { amountDue: { amount: '9.99', currency: 'USD' } } },
      },
    });
    expect(res.body.text).toContain('Priya');
    expect(res.body.text).toContain('$9.99');
  });

  it('flags a threat carried by the data in the preview findings', async () => {
    const res = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'en-US', data: { debt: { creditor: 'Police Recovery Ltd' } } },
    });
    expect(res.body.findings.map((f: { rule: string }) => f.rule)).toContain('rendered:threat-arrest');
  });

  it.each([
    [
      'an unknown key',
      '/v1/templates/threaten-them/preview',
      { channel: 'sms', locale: 'en-US' },
      404,
      'key',
      /threaten-them/,
    ],
    [
      'an unknown channel',
      '/v1/templates/gentle-overdue/preview',
      { channel: 'fax', locale: 'en-US' },
      400,
      'channel',
      /./,
    ],
    [
      'a channel the template lacks',
      '/v1/templates/payment-received/preview',
      { channel: 'voice', locale: 'en-US' },
      404,
      'channel',
      /no voice version/,
    ],
    [
      'a locale the template lacks',
      '/v1/templates/gentle-overdue/preview',
      { channel: 'sms', locale: 'fr-FR' },
      404,
      'locale',
      /no fr-FR version/,
    ],
    [
      'a locale that is not BCP 47',
      '/v1/templates/gentle-overdue/preview',
      { channel: 'sms', locale: 'klingon please' },
      400,
      'locale',
      /BCP 47/,
    ],
  ])('answers %s with %i naming it', async (_what, route, body, status, path, message) => {
    const res = await h.api('POST', route, { role: 'agent', body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors[0].path).toBe(path);
    expect(`${res.body.detail} ${res.body.errors[0].message}`).toMatch(message);
  });

  it('previews the fallback locale when asked', async () => {
    const res = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'zh-HK', fallback: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ locale: 'zh-CN', requestedLocale: 'zh-HK' });
  });

  it('lints a draft: a threat is found on its line and column, a courteous draft passes', async () => {
    const bad = await h.api('POST', '/v1/templates/lint', {
      role: 'agent',
      body: {
        channel: 'sms',
        locale: 'en-US',
        source:
          '{{debt.creditor}}: please pay.\nOtherwise we will have you arrested.{{#if sender.agency}} This is from a debt collector.{{/if}} Reply STOP to opt out.',
      },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'threat-arrest', line: 2, column: 28 }),
    ]);
    const good = await h.api('POST', '/v1/templates/lint', {
      role: 'compliance',
      body: {
        channel: 'sms',
        locale: 'zh-CN',
        source:
          '【{{debt.creditor}}】您好，温馨提醒您按时还款，如有困难欢迎联系我们商量分期。{{#if sender.agency}}本短信由债务催收方发送。{{/if}}回复TD退订',
      },
    });
    expect(good.body).toMatchObject({ ok: true, findings: [] });
    const syntax = await h.api('POST', '/v1/templates/lint', {
      role: 'agent',
      body: { channel: 'sms', locale: 'en-US', source: '{{#if borrower.name}}Hi' },
    });
    expect(syntax.body.findings.map((f: { rule: string }) => f.rule)).toContain('syntax-error');
    const cn = await h.api('POST', '/v1/templates/lint', {
      role: 'agent',
      body: {
        channel: 'sms',
        locale: 'en-US',
        profile: 'CN',
        source: '{{debt.creditor}}: hello. Reply STOP to opt out.',
      },
    });
    expect(cn.body).toMatchObject({ ok: true, profile: 'CN' });
  });

  it('names the regulation and what a disguised word read as, and in the debug view says why a match did not fire', async () => {
    const source =
      '{{debt.creditor}}: we will never contact your employer.\nPay now or we will have you 4rr3st3d.{{#if sender.agency}} This is from a debt collector.{{/if}} Reply STOP to opt out.';
    const res = await h.api('POST', '/v1/templates/lint', {
      role: 'compliance',
      body: { channel: 'sms', locale: 'en-US', source, debug: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const [arrest] = res.body.findings;
    expect(arrest).toMatchObject({
      rule: 'threat-arrest',
      line: 2,
      matched: 'arrested',
      regulation: expect.stringContaining('FDCPA §807(4)'),
    });
    // The offsets point at the characters the author wrote.
    expect(source.slice(arrest.start, arrest.end)).toBe('4rr3st3d');
    expect(arrest.message).toContain('(reads "arrested")');
    // The promise not to contact the employer matched the disclosure rule and did not fire.
    expect(res.body.suppressed).toEqual([
      expect.objectContaining({
        rule: 'third-party-disclosure',
        line: 1,
        suppressed: { why: 'negation', detail: 'never contact your employer' },
      }),
    ]);
    // Without debug, only the findings.
    const plain = await h.api('POST', '/v1/templates/lint', {
      role: 'agent',
      body: { channel: 'sms', locale: 'en-US', source },
    });
    expect(plain.body.suppressed).toBeUndefined();
    expect(plain.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['threat-arrest']);
  });
});

describe('template versions', () => {
  it('records a new version when a file changes, and re-renders an older message byte for byte', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tpl-'));
    fs.cpSync('templates', dir, { recursive: true });
    const first = await startHarness({ db: sqliteOnly, env: { TEMPLATES_DIR: dir } });
    let second: Harness | undefined;
    try {
      const sent = async (h: Harness, phone: string) => {
        const res = await h.api('POST', '/v1/reminders', {
          body: reminderBody({ channel: 'sms' }, { phone, name: 'Mei' }),
        });
        const id = res.body.messages[0].id as string;
        return waitFor(
          async () => {
            const m = await h.service.store.getMessage(id);
            return m?.status === 'sent' ? m : undefined;
          },
          { what: 'sent' },
        );
      };
      const before = await sent(first, '+14155550301');
      await first.close();

      const file = path.join(dir, 'gentle-overdue', 'sms.en-US.hbs');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('friendly reminder', 'gentle reminder'));
      second = await startHarness({ db: sqliteOnly, reuse: first, env: { TEMPLATES_DIR: dir } });
      const after = await sent(second, '+14155550302');
      expect(after.templateVersion).not.toBe(before.templateVersion);
      expect(after.body).toContain('gentle reminder');
      expect(before.body).toContain('friendly reminder');

      for (const m of [before, after]) {
        const stored = await second.service.store.getTemplateVersion(m.templateVersion!);
        const data = await second.service.store.getRenderData(m.id);
        const again = renderFromSources(
          { key: stored!.key, channel: 'sms', locale: stored!.locale, sources: stored!.sources },
          data!.context,
          data!.timezone,
        );
        expect(again.body).toBe(m.body);
        expect(again.version).toBe(m.templateVersion);
      }
    } finally {
      await second?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the linter at start-up and at send time', () => {
  it('refuses to start with a template that fails the linter, naming the file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tpl-'));
    fs.cpSync('templates', dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'due-soon', 'sms.en-US.hbs'),
      '{{debt.creditor}}: pay by {{date debt.dueDate}}\nor we will take legal action.{{#if sender.agency}} This is from a debt collector.{{/if}} Reply STOP to opt out.',
    );
    try {
      await expect(
        startHarness({ db: sqliteOnly, env: { TEMPLATES_DIR: dir, POLICY_PROFILE: 'US-REGF' } }),
      ).rejects.toThrow(TemplateLoadError);
      await expect(
        startHarness({ db: sqliteOnly, env: { TEMPLATES_DIR: dir, POLICY_PROFILE: 'US-REGF' } }),
      ).rejects.toThrow(/due-soon\/sms\.en-US\.hbs:2:17 threat-legal-action/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not send a message whose data makes it fail the linter; it fails with the finding', async () => {
    const h = await startHarness({ db: sqliteOnly });
    try {
      const body = reminderBody({ channel: 'sms' });
      const res = await h.api('POST', '/v1/reminders', {
        body: { ...body, debt: { ...body.debt, creditor: 'Arrest Warrant Recovery' } },
      });
      const id = res.body.messages[0].id as string;
      const m = await waitFor(
        async () => {
          const x = await h.service.store.getMessage(id);
          return x?.status === 'failed' ? x : undefined;
        },
        { what: 'failed' },
      );
      expect(m.error).toMatchObject({ code: 'lint-error', message: expect.stringContaining('threat-arrest') });
      expect(m.attempts).toBe(0);
      expect(
        (await h.api('GET', '/v1/outbox', { role: 'agent' })).body.items.find(
          (i: { messageId: string }) => i.messageId === id,
        ),
      ).toBeUndefined();
    } finally {
      await h.destroy();
    }
  });
});

describe('SMS_MAX_SEGMENTS', () => {
  // A courteous draft that renders to 4 GSM-7 segments with the sample data.
  const long =
    '{{debt.creditor}}: Hi {{borrower.name}}, a friendly reminder that {{money debt.amountDue}} on account {{mask debt.accountRef}} was due {{date debt.dueDate}}. If you have already paid, thank you, and please ignore this note. If now is a difficult time, we would rather hear from you: we can talk about a plan that works for you, at a pace you can manage. You can reply to this message or call us on weekdays, and we will be glad to help you find a way forward together. Payments can take a day or two to reach us. This is from a debt collector. Reply STOP to opt out.';

  async function lintWith(limit: string) {
    // An agency: its texts carry the debt collector line, the longest rendering.
    const h = await startHarness({
      db: sqliteOnly,
      // The segment limit is under test, not the budget: a loaded machine must not turn this into budget-exceeded.
      env: { POLICY_PROFILE: 'US-REGF', SMS_MAX_SEGMENTS: limit, SENDER_KIND: 'agency', DRAFT_LINT_BUDGET_MS: '30000' },
    });
    try {
      const lint = await h.api('POST', '/v1/templates/lint', {
        role: 'agent',
        body: { channel: 'sms', locale: 'en-US', source: long },
      });
      const preview = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
        role: 'agent',
        body: { channel: 'sms', locale: 'en-US' },
      });
      return { lint, preview };
    } finally {
      await h.destroy();
    }
  }

  it('refuses a draft over the limit with sms-too-long, and a higher limit lets the same draft pass', async () => {
    const at3 = await lintWith('3');
    expect(at3.lint.status).toBe(200);
    expect(at3.lint.body.ok).toBe(false);
    expect(at3.lint.body.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'sms-too-long',
        message: expect.stringMatching(/renders to 4 GSM-7 segments .*the limit is 3/),
      }),
    ]);
    expect(at3.preview.body.sms).toMatchObject({ limit: 3 });

    const at4 = await lintWith('4');
    expect(at4.lint.body).toMatchObject({ ok: true, findings: [] });
    expect(at4.preview.body.sms).toMatchObject({ limit: 4 });
  });

  it('refuses to start when a shipped template renders to more segments than the limit', async () => {
    // The zh-CN gentle-overdue SMS an agency sends is 3 UCS-2 segments with its sample data.
    await expect(
      startHarness({
        db: sqliteOnly,
        env: { POLICY_PROFILE: 'US-REGF', SMS_MAX_SEGMENTS: '2', SENDER_KIND: 'agency' },
      }),
    ).rejects.toThrow(
      /gentle-overdue\/sms\.zh-CN\.hbs:1:1 sms-too-long renders to 3 UCS-2 segments with the sample data; the limit is 2/,
    );
  });
});
