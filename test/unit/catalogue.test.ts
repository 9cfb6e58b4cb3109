/** Every template in the catalogue renders, passes the linter and fits the SMS limit, in both locales. */
import { describe, expect, it } from 'vitest';
import { CN, US_REGF } from '../../src/policy/profile.js';
import { lintTemplate } from '../../src/policy/template-lint.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import { sampleContext } from '../../src/templates/context.js';
import { smsFacts } from '../../src/templates/sms-facts.js';
import { renderVariant } from '../../src/templates/variant.js';

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
];
const SMS_LIMIT = 3;

describe('the template catalogue', () => {
  const catalogue = loadCatalogue('templates', { lint: { profile: US_REGF, smsMaxSegments: SMS_LIMIT } });

  it('has every key the product needs', () => {
    expect(catalogue.keys().sort()).toEqual([...KEYS].sort());
  });

  for (const key of KEYS) {
    it(`${key}: every declared channel exists in en-US and zh-CN and renders with its sample data`, () => {
      const entry = catalogue.get(key)!;
      expect(entry.meta.channels?.length).toBeGreaterThan(0);
      for (const channel of entry.meta.channels!) {
        for (const locale of ['en-US', 'zh-CN']) {
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
    expect(e.variants.map((v) => v.channel)).toEqual(['voicemail', 'voicemail']);
    for (const v of e.variants) expect(v.source).not.toMatch(/debt\./);
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
  it('reports an SMS that renders to more segments than allowed', () => {
    const f = lintTemplate({ ...base, source: ok, rendered: { text: 'x', segments: 3, encoding: 'GSM-7' } });
    expect(f.map((x) => x.rule)).toEqual(['sms-too-long']);
  });
});
