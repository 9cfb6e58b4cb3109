import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, TemplateLoadError } from '../../src/templates/catalogue.js';
import { senderContext } from '../../src/domain/sender.js';
import { formatMoney } from '../../src/templates/handlebars.js';
import { makeRenderer, RenderError, voiceLanguage } from '../../src/templates/render.js';

const catalogue = loadCatalogue('templates');
const render = makeRenderer(catalogue);

function sample(key: string, locale: string) {
  const meta = catalogue.get(key)!.meta;
  const data = (meta.sampleDataByLocale?.[locale] ?? meta.sampleData) as { borrower: object; debt: object };
  return { borrower: data.borrower, debt: { minimumPayment: null, paymentUrl: null, ...data.debt } };
}

describe('templates', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const channel of ['sms', 'email', 'voice'] as const) {
      it(`renders gentle-overdue ${channel} in ${locale} with its sample data, carrying the creditor's name`, () => {
        const out = render({
          key: 'gentle-overdue',
          channel,
          locale,
          timezone: 'Asia/Shanghai',
          data: sample('gentle-overdue', locale),
        });
        expect(out.locale).toBe(locale);
        expect(out.version).toMatch(/^[0-9a-f]{64}$/);
        expect(out.text).toContain(locale === 'zh-CN' ? '北风银行' : 'Northwind Bank');
        expect(out.text).not.toMatch(/\{\{|\}\}/);
      });
    }
  }

  it('carries an opt-out line in every SMS and email, and the debt-collector line only when an agency sends', () => {
    for (const locale of ['en-US', 'zh-CN']) {
      for (const kind of ['creditor', 'agency'] as const) {
        const data = { ...sample('gentle-overdue', locale), sender: senderContext(kind) };
        const sms = render({ key: 'gentle-overdue', channel: 'sms', locale, timezone: null, data });
        const email = render({ key: 'gentle-overdue', channel: 'email', locale, timezone: null, data });
        expect(sms.text).toMatch(locale === 'zh-CN' ? /回复TD退订/ : /Reply STOP to opt out/);
        expect(email.text).toMatch(locale === 'zh-CN' ? /退订/ : /To stop these emails/);
        const disclosure = locale === 'en-US' ? 'debt collector' : '债务催收方';
        for (const text of [sms.text, email.text]) {
          if (kind === 'agency') expect(text).toContain(disclosure);
          else expect(text).not.toContain(disclosure);
        }
      }
    }
  });

  it('throws on a missing variable instead of leaving a blank (strict mode)', () => {
    expect(() =>
      render({
        key: 'gentle-overdue',
        channel: 'sms',
        locale: 'en-US',
        timezone: null,
        data: { borrower: { name: 'A' }, debt: { accountRef: '1234' } },
      }),
    ).toThrow(RenderError);
    expect(() =>
      render({
        key: 'gentle-overdue',
        channel: 'sms',
        locale: 'en-US',
        timezone: null,
        data: { borrower: { name: 'A' }, debt: { accountRef: '1234' } },
      }),
    ).toThrow(/"creditor" not defined/);
  });

  it('escapes HTML in the email body but not in the text part', () => {
    const data = sample('gentle-overdue', 'en-US');
    const out = render({
      key: 'gentle-overdue',
      channel: 'email',
      locale: 'en-US',
      timezone: null,
      data: { ...data, debt: { ...data.debt, creditor: 'Bank <script>alert(1)</script>' } },
    });
    expect(out.text).toContain('Bank <script>alert(1)</script>');
    expect(out.html).toContain('Bank &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).not.toContain('<script>');
  });

  it('falls back zh-HK → another zh locale, and an unknown language → the default locale', () => {
    expect(catalogue.resolve('gentle-overdue', 'sms', 'zh-HK')!.locale).toBe('zh-CN');
    expect(catalogue.resolve('gentle-overdue', 'sms', 'zh')!.locale).toBe('zh-CN');
    expect(catalogue.resolve('gentle-overdue', 'sms', 'fr-FR')!.locale).toBe('en-US');
    expect(catalogue.resolve('gentle-overdue', 'sms', 'en-GB')!.locale).toBe('en-US');
    expect(catalogue.resolve('gentle-overdue', 'voicemail', 'en-US')).toBeUndefined();
  });

  it('formats money exactly from the decimal string, in the locale', () => {
    expect(formatMoney({ amount: '1234.50', currency: 'USD' }, 'en-US')).toBe('$1,234.50');
    expect(formatMoney({ amount: '9007199254740993.01', currency: 'USD' }, 'en-US')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoney({ amount: '860', currency: 'CNY' }, 'zh-CN')).toBe('¥860.00');
  });

  it('uses the Twilio language code for Mandarin and keeps en-US', () => {
    expect(voiceLanguage('zh-CN')).toBe('cmn-CN');
    expect(voiceLanguage('zh-HK')).toBe('yue-HK');
    expect(voiceLanguage('en-US')).toBe('en-US');
  });

  it('shows dates in the locale', () => {
    const en = render({
      key: 'gentle-overdue',
      channel: 'sms',
      locale: 'en-US',
      timezone: 'America/New_York',
      data: sample('gentle-overdue', 'en-US'),
    });
    const zh = render({
      key: 'gentle-overdue',
      channel: 'sms',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      data: sample('gentle-overdue', 'zh-CN'),
    });
    expect(en.text).toContain('November 20, 2026');
    expect(zh.text).toContain('2026年11月20日');
  });

  it('changes the version when a template file changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tpl-'));
    fs.cpSync('templates', dir, { recursive: true });
    const before = loadCatalogue(dir).resolve('gentle-overdue', 'sms', 'en-US')!.version;
    fs.appendFileSync(path.join(dir, 'gentle-overdue', 'sms.en-US.hbs'), ' Thank you.');
    const after = loadCatalogue(dir).resolve('gentle-overdue', 'sms', 'en-US')!.version;
    expect(after).not.toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses at load time a template with a syntax error, naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tpl-'));
    fs.cpSync('templates', dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'gentle-overdue', 'sms.en-US.hbs'), 'Hello {{#if borrower.name}} unclosed');
    expect(() => loadCatalogue(dir)).toThrow(TemplateLoadError);
    expect(() => loadCatalogue(dir)).toThrow(/sms\.en-US\.hbs/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
