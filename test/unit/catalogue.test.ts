/** Every template in the catalogue renders, passes the linter and fits the SMS limit, in every locale shipped. */
import { describe, expect, it } from 'vitest';
import { CN, US_REGF } from '../../src/policy/profile.js';
import { lintTemplate } from '../../src/policy/template-lint.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import { sampleContext } from '../../src/templates/context.js';
import { smsFacts } from '../../src/templates/sms-facts.js';
import { renderVariant, withStopKey } from '../../src/templates/variant.js';

const KEYS = [
  'due-soon',
  'gentle-overdue',
  'payment-plan-offer',
  'final-courtesy',
  'voicemail-limited',
  'payment-received',
  'opt-out-confirmation',
  'gentle-overdue-warm',
  'opt-out-plain',
  'subscribed-again',
  'help-reply',
  'agent-reply',
  'reply-promise-ack',
  'reply-hardship-ack',
  'reply-dispute-ack',
  'promise-courtesy',
  'promise-kept',
  'promise-missed',
  'validation-notice',
];
const SMS_LIMIT = 3;
const LOCALES = ['en-US', 'zh-CN', 'es-US'];

describe('the template catalogue', () => {
  const catalogue = loadCatalogue('templates', { lint: { profile: US_REGF, smsMaxSegments: SMS_LIMIT } });

  it('has every key the product needs', () => {
    expect(catalogue.keys().sort()).toEqual([...KEYS].sort());
  });

  for (const key of KEYS) {
    it(`${key}: every declared channel exists in en-US, zh-CN and es-US and renders with its sample data`, () => {
      const entry = catalogue.get(key)!;
      expect(entry.meta.channels?.length).toBeGreaterThan(0);
      expect(entry.variants.map((v) => v.locale).sort()).toEqual(entry.meta.channels!.flatMap(() => LOCALES).sort());
      for (const channel of entry.meta.channels!) {
        for (const locale of LOCALES) {
          const v = entry.variants.find((x) => x.channel === channel && x.locale === locale);
          expect(v, `${key} ${channel} ${locale}`).toBeDefined();
          const out = renderVariant(v!, sampleContext(entry.meta, locale), 'UTC');
          expect(out.text.length).toBeGreaterThan(20);
          expect(out.text).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
          if (channel === 'sms')
            expect(smsFacts(out.text).segments, `${key} sms ${locale}`).toBeLessThanOrEqual(SMS_LIMIT);
        }
      }
    });
  }

  it('passes the linter under US-REGF and under CN with no findings at all', () => {
    for (const profile of [US_REGF, CN]) {
      const c = loadCatalogue('templates', { lint: { profile, smsMaxSegments: SMS_LIMIT } });
      const findings = c
        .keys()
        .flatMap((k) => c.get(k)!.variants.flatMap((v) => v.findings.map((f) => `${v.file}:${f.line} ${f.rule}`)));
      expect(findings, profile.name).toEqual([]);
    }
  });

  it('keeps the limited-content voicemail free of any debt detail', () => {
    const e = catalogue.get('voicemail-limited')!;
    expect(e.variants.map((v) => v.channel)).toEqual(['voicemail', 'voicemail', 'voicemail']);
    for (const v of e.variants) expect(v.source).not.toMatch(/debt\./);
  });
});

describe('the catalogue in Spanish', () => {
  const catalogue = loadCatalogue('templates');
  const spanish = catalogue.keys().flatMap((k) => catalogue.get(k)!.variants.filter((v) => v.locale === 'es-US'));

  it('keeps every es-US SMS in GSM-7 with its sample data (á, í, ó and ú would make it UCS-2: 70 characters a part)', () => {
    const sms = spanish.filter((v) => v.channel === 'sms');
    expect(sms.length).toBe(catalogue.keys().filter((k) => catalogue.get(k)!.meta.channels!.includes('sms')).length);
    for (const v of sms)
      for (const kind of ['creditor', 'agency'] as const) {
        const facts = smsFacts(renderVariant(v, sampleContext(catalogue.get(v.key)!.meta, 'es-US', kind), 'UTC').text);
        expect({ key: v.key, kind, ...facts }).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
      }
  });

  it('says "cobrador de deudas" for an agency only, and offers STOP in every SMS and email that is not a confirmation', () => {
    for (const v of spanish.filter((x) => x.channel !== 'voicemail')) {
      const meta = catalogue.get(v.key)!.meta;
      const agency = renderVariant(v, sampleContext(meta, 'es-US', 'agency'), 'UTC').text;
      const creditor = renderVariant(v, sampleContext(meta, 'es-US', 'creditor'), 'UTC').text;
      expect(agency, v.file).toMatch(/de un cobrador de deudas\./);
      expect(creditor, v.file).not.toMatch(/cobrador/);
      if (v.channel !== 'voice' && !meta.confirmsOptOut) expect(creditor, v.file).toMatch(/responda .*STOP/i);
    }
  });

  it.each([
    ['es-MX', 'es-US'],
    ['es-419', 'es-US'],
    ['es', 'es-US'],
    ['ES-us', 'es-US'],
    ['zh-HK', 'zh-CN'],
    ['fr-FR', 'en-US'],
  ])('serves a borrower in %s the %s variant', (wanted, served) => {
    for (const key of catalogue.keys())
      for (const channel of catalogue.get(key)!.meta.channels!)
        expect(catalogue.resolve(key, channel, wanted)?.locale, `${key} ${channel}`).toBe(served);
  });

  it('speaks a Spanish call in es-US: <Say language="es-US">, the stop key asked for in Spanish', () => {
    const v = catalogue.resolve('gentle-overdue', 'voice', 'es-MX')!;
    const out = renderVariant(v, sampleContext(catalogue.get('gentle-overdue')!.meta, 'es-US'), 'America/New_York');
    expect(out.voiceLanguage).toBe('es-US');
    expect(out.twiml).toMatch(
      /^<\?xml[^>]*\?><Response><Say language="es-US">Hola, Carmen Ruiz\. Le llama Northwind Bank/,
    );
    const withKey = withStopKey(out, 'https://example.test/keypress');
    expect(withKey.twiml).toContain(
      '<Say language="es-US">Para que no volvamos a llamar a este número, oprima el 9.</Say>',
    );
    const voicemail = catalogue.resolve('voicemail-limited', 'voicemail', 'es-419')!;
    expect(
      renderVariant(voicemail, sampleContext(catalogue.get('voicemail-limited')!.meta, 'es-US'), 'UTC').twiml,
    ).toContain('<Say language="es-US">Hola, este es un mensaje de Servicio al Cliente de Northwind.');
  });
});

describe('template lint rules', () => {
  const base = { channel: 'sms' as const, locale: 'en-US', profile: US_REGF, smsMaxSegments: 2 };
  const ok = '{{debt.creditor}}: a friendly reminder. This is from a debt collector. Reply STOP to opt out.';

  it('accepts a courteous SMS with identification, disclosure and opt-out', () => {
    expect(lintTemplate({ ...base, source: ok })).toEqual([]);
  });
  it('reports a missing opt-out line', () => {
    expect(
      lintTemplate({ ...base, source: '{{debt.creditor}}: hello. This is from a debt collector.' }).map((f) => f.rule),
    ).toEqual(['missing-opt-out']);
  });
  it('reports a message that does not say who is writing', () => {
    expect(
      lintTemplate({ ...base, source: 'Hello. This is from a debt collector. Reply STOP to opt out.' }).map(
        (f) => f.rule,
      ),
    ).toEqual(['missing-identification']);
  });
  it('reports the missing debt-collector disclosure under US-REGF only', () => {
    const src = '{{debt.creditor}}: hello. Reply STOP to opt out.';
    expect(lintTemplate({ ...base, source: src }).map((f) => f.rule)).toEqual(['missing-disclosure']);
    expect(lintTemplate({ ...base, profile: CN, source: src })).toEqual([]);
  });
  it('reports any debt detail in a voicemail, with its line and column', () => {
    const src = 'Hello, this is {{contact.name}}.\nYour payment of {{money debt.amountDue}} is late.';
    const f = lintTemplate({ ...base, channel: 'voicemail', source: src });
    expect(f.map((x) => [x.rule, x.line, x.column])).toEqual([
      ['voicemail-debt-detail', 2, 6],
      ['voicemail-debt-detail', 2, 17],
    ]);
  });
  it('reports wording findings at the line and column in the source, not inside {{expressions}}', () => {
    const src = `${ok}\nOr we will tell your employer.`;
    const f = lintTemplate({ ...base, source: src });
    expect(f).toEqual([
      expect.objectContaining({
        rule: 'third-party-disclosure',
        line: 2,
        column: 12,
        excerpt: 'Or we will tell your employer.',
      }),
    ]);
  });
  it('asks a Spanish SMS for its opt-out line and an agency for "cobrador de deudas"', () => {
    const es = { ...base, locale: 'es-US' };
    const good =
      '{{debt.creditor}}: un recordatorio. Este mensaje es de un cobrador de deudas. Responda STOP o ALTO para dejar de recibir mensajes.';
    expect(lintTemplate({ ...es, source: good })).toEqual([]);
    expect(
      lintTemplate({ ...es, source: '{{debt.creditor}}: hola. Este mensaje es de un cobrador de deudas.' }).map((f) => [
        f.rule,
        f.message.includes('Responda STOP o ALTO'),
      ]),
    ).toEqual([['missing-opt-out', true]]);
    expect(
      lintTemplate({ ...es, source: '{{debt.creditor}}: hola. Responda BAJA para dejar de recibir mensajes.' }).map(
        (f) => f.rule,
      ),
    ).toEqual(['missing-disclosure']);
  });
  it('reports debt words in a Spanish voicemail, accented or not', () => {
    const src = 'Hola, le llama {{contact.name}} por su préstamo: el pagó de la cuenta.';
    const f = lintTemplate({ ...base, locale: 'es-US', channel: 'voicemail', source: src });
    expect(f.map((x) => x.message.match(/"([^"]+)"$/)?.[1])).toEqual(['préstamo', 'pagó', 'cuenta']);
  });
  it('reports an SMS that renders to more segments than allowed', () => {
    const f = lintTemplate({ ...base, source: ok, rendered: { text: 'x', segments: 3, encoding: 'GSM-7' } });
    expect(f.map((x) => x.rule)).toEqual(['sms-too-long']);
  });
});
