/**
 * One compiled template variant (key × channel × locale) and how it renders. The same code
 * renders a variant from the catalogue and one rebuilt from stored sources (re-rendering an old
 * message exactly as it was).
 */
import { senderContext } from '../domain/sender.js';
import { createHash } from 'node:crypto';
import type { TemplateDelegate } from 'handlebars';
import twilio from 'twilio';
import { createHandlebars, type HandlebarsOptions, OutputBudgetError } from './handlebars.js';
import { frontMatterOf } from './front-matter.js';

export { frontMatterOf };

import { TEMPLATE_CHANNELS, type TemplateChannel } from '../domain/channels.js';

export { TEMPLATE_CHANNELS, type TemplateChannel };

/** Every file a variant is made of: enough to rebuild it byte for byte. */
export interface TemplateSources {
  template: string;
  layout?: string | undefined;
  partials: Record<string, string>;
}

export interface TemplateVariant {
  key: string;
  channel: TemplateChannel;
  locale: string;
  file: string;
  source: string;
  sources: TemplateSources;
  /** SHA-256 over every file the variant uses. */
  version: string;
  subject?: TemplateDelegate | undefined;
  text: TemplateDelegate;
  html?: TemplateDelegate | undefined;
  layout?: TemplateDelegate | undefined;
}

export interface Rendered {
  key: string;
  channel: TemplateChannel;
  locale: string;
  version: string;
  subject: string | null;
  text: string;
  html: string | null;
  twiml: string | null;
  voiceLanguage: string | null;
  /** Exactly what goes to the provider and into the audit record: SMS text, email text, or TwiML. */
  body: string;
}

export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    message: string,
    readonly code:
      'unknown-template' | 'unknown-channel' | 'render-error' | 'lint-error' | 'validation-notice-incomplete',
  ) {
    super(message);
  }
}

export class TemplateLoadError extends Error {
  override name = 'TemplateLoadError';
}

const STRICT = { strict: true } as const;

export function versionOf(s: TemplateSources): string {
  const h = createHash('sha256').update(s.template).update('\0');
  if (s.layout !== undefined) h.update('layout\0').update(s.layout).update('\0');
  for (const name of Object.keys(s.partials).sort())
    h.update(`partial:${name}\0`).update(s.partials[name]!).update('\0');
  return h.digest('hex');
}

/** The partials a template refers to ({{> name}}). */
export function partialNames(source: string): string[] {
  // Inline partials ({{#*inline "name"}}) are defined by the template itself.
  const inline = new Set([...source.matchAll(/\{\{~?#\*inline\s+["']([\w./-]+)["']/g)].map((m) => m[1]!));
  return [...new Set([...source.matchAll(/\{\{~?>\s*([\w./-]+)/g)].map((m) => m[1]!))]
    .filter((n) => !inline.has(n))
    .sort();
}

/** Compiles a variant in a Handlebars instance whose partials are registered; syntax errors throw now. */
export function compileVariant(
  hb: ReturnType<typeof createHandlebars>,
  v: { key: string; channel: TemplateChannel; locale: string; file: string; sources: TemplateSources },
): TemplateVariant {
  const source = v.sources.template;
  const base = {
    key: v.key,
    channel: v.channel,
    locale: v.locale,
    file: v.file,
    source,
    sources: v.sources,
    version: versionOf(v.sources),
  };
  if (v.channel === 'email') {
    const fm = frontMatterOf(source);
    if (typeof fm.subject !== 'string' || fm.subject.trim() === '')
      throw new TemplateLoadError(`${v.file}: email templates need a front-matter "subject:" line`);
    hb.precompile(fm.body, STRICT);
    hb.precompile(fm.subject, STRICT);
    const layoutSource = v.sources.layout ?? '<!doctype html><html><body>{{{content}}}</body></html>';
    return {
      ...base,
      subject: hb.compile(fm.subject, { ...STRICT, noEscape: true }),
      text: hb.compile(fm.body, { ...STRICT, noEscape: true }),
      html: hb.compile(fm.body, STRICT),
      layout: hb.compile(layoutSource, STRICT),
    };
  }
  hb.precompile(source, STRICT);
  return { ...base, text: hb.compile(source, { ...STRICT, noEscape: true }) };
}

/** Rebuilds a variant from stored sources, in a Handlebars instance of its own. */
export function variantFromSources(
  v: { key: string; channel: TemplateChannel; locale: string; sources: TemplateSources },
  options: HandlebarsOptions = {},
): TemplateVariant {
  const hb = createHandlebars(options);
  for (const [name, src] of Object.entries(v.sources.partials)) hb.registerPartial(name, src);
  return compileVariant(hb, { ...v, file: `(stored ${v.key}/${v.channel}.${v.locale})` });
}

/** Twilio <Say> language codes for the locales we ship (Mandarin and Cantonese use cmn/yue). */
const VOICE_LANGUAGES: Record<string, string> = {
  zh: 'cmn-CN',
  'zh-cn': 'cmn-CN',
  'zh-sg': 'cmn-CN',
  'zh-tw': 'cmn-TW',
  'zh-hk': 'yue-HK',
  en: 'en-US',
  es: 'es-US',
  'es-us': 'es-US',
};

export function voiceLanguage(locale: string): string {
  return VOICE_LANGUAGES[locale.toLowerCase()] ?? locale;
}

/** The key that stops calls, and what a call says about it, in the borrower's language. */
export const STOP_KEY = '9';
/** The catalogue's languages: a call, a reply or a page for any other locale is in English. */
export type ShippedLanguage = 'en' | 'zh' | 'es';
const STOP_KEY_PROMPT: Record<ShippedLanguage, string> = {
  en: `To stop calls from us to this number, press ${STOP_KEY}.`,
  zh: `如果您不想再接到我们打到这个号码的电话，请按${STOP_KEY}。`,
  es: `Para que no volvamos a llamar a este número, oprima el ${STOP_KEY}.`,
};
/** What the call says once the stop key is pressed. */
export const STOP_KEY_CONFIRMATION: Record<ShippedLanguage, string> = {
  en: 'We will not call this number again. Goodbye.',
  zh: '我们不会再拨打这个号码。再见。',
  es: 'No volveremos a llamar a este número. Hasta luego.',
};
/** The <Say> language of each call language. */
export const CALL_VOICE: Record<ShippedLanguage, string> = { en: 'en-US', zh: 'cmn-CN', es: 'es-US' };
export function languageOf(locale: string): ShippedLanguage {
  const lang = locale.toLowerCase().split('-')[0];
  return lang === 'zh' || lang === 'es' ? lang : 'en';
}

/**
 * A call's script with the way to stop calls (FCC 24-24: revocation by any reasonable means): the
 * message, then a <Gather> that asks for the stop key in the borrower's language and posts the
 * key to `action`. Pressing nothing ends the call as before.
 */
export function withStopKey<R extends Rendered>(r: R, action: string): R {
  if (!r.voiceLanguage) return r;
  const response = new twilio.twiml.VoiceResponse();
  response.say({ language: r.voiceLanguage as never }, r.text.replace(/\s+/g, ' '));
  const gather = response.gather({ numDigits: 1, timeout: 6, action, method: 'POST', actionOnEmptyResult: false });
  gather.say({ language: r.voiceLanguage as never }, STOP_KEY_PROMPT[languageOf(r.locale)]);
  const twiml = response.toString();
  return { ...r, twiml, body: twiml };
}

const ESCAPED_URL = /https?:\/\/[^\s<]+[^\s<.,;:!?)]/g;

/** Paragraphs (blank-line separated) become <p>, single newlines <br>, URLs links; the input is already escaped. */
function paragraphsToHtml(escaped: string): string {
  return escaped
    .trim()
    .split(/\n\s*\n/)
    .map(
      (p) =>
        `<p style="margin:0 0 16px;">${p
          .trim()
          .replace(ESCAPED_URL, (u) => `<a href="${u}">${u}</a>`)
          .replace(/\n/g, '<br>\n')}</p>`,
    )
    .join('\n');
}

function normaliseText(s: string): string {
  return s
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function renderVariant(
  variant: TemplateVariant,
  data: Record<string, unknown>,
  timezone: string | null,
): Rendered {
  // Data recorded before templates could see `sender` renders as a creditor's (which is also the default).
  const context = { sender: senderContext('creditor'), ...data, _locale: variant.locale, _zone: timezone ?? 'UTC' };
  const base = { key: variant.key, channel: variant.channel, locale: variant.locale, version: variant.version };
  try {
    const text = normaliseText(variant.text(context));
    if (variant.channel === 'email') {
      const subject = variant.subject!(context).replace(/\s+/g, ' ').trim();
      const content = paragraphsToHtml(variant.html!(context));
      const html = variant.layout!({ content, subject, lang: variant.locale });
      return { ...base, subject, text, html, twiml: null, voiceLanguage: null, body: text };
    }
    if (variant.channel === 'voice' || variant.channel === 'voicemail') {
      const language = voiceLanguage(variant.locale);
      const response = new twilio.twiml.VoiceResponse();
      response.say({ language: language as never }, text.replace(/\s+/g, ' '));
      const twiml = response.toString();
      return { ...base, subject: null, text, html: null, twiml, voiceLanguage: language, body: twiml };
    }
    const sms = text.replace(/\s*\n\s*/g, ' ');
    return { ...base, subject: null, text: sms, html: null, twiml: null, voiceLanguage: null, body: sms };
  } catch (err) {
    if (err instanceof OutputBudgetError) throw err;
    const detail = (err as Error).message.replace(/ in \[object Object\]/g, '');
    throw new RenderError(
      `template "${variant.key}" (${variant.channel}.${variant.locale}): ${detail}`,
      'render-error',
    );
  }
}
