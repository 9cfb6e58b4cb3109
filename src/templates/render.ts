/**
 * Renders a catalogue template for one channel and locale: SMS text, email subject + text + HTML,
 * or voice TwiML whose <Say> carries the script in the language Twilio expects.
 */
import twilio from 'twilio';
import type { Catalogue, TemplateChannel } from './catalogue.js';

export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    message: string,
    readonly code: 'unknown-template' | 'unknown-channel' | 'render-error',
  ) {
    super(message);
  }
}

export interface RenderInput {
  key: string;
  channel: TemplateChannel;
  locale: string;
  /** Borrower's zone (the first when several are possible); dates are shown in it. */
  timezone: string | null;
  data: Record<string, unknown>;
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

/** Twilio <Say> language codes for the locales we ship (Mandarin and Cantonese use cmn/yue). */
const VOICE_LANGUAGES: Record<string, string> = {
  zh: 'cmn-CN',
  'zh-cn': 'cmn-CN',
  'zh-sg': 'cmn-CN',
  'zh-tw': 'cmn-TW',
  'zh-hk': 'yue-HK',
  en: 'en-US',
};

export function voiceLanguage(locale: string): string {
  return VOICE_LANGUAGES[locale.toLowerCase()] ?? locale;
}

const ESCAPED_URL = /https?:\/\/[^\s<]+[^\s<.,;:!?)]/g;

/** Paragraphs (blank-line separated) become <p>, single newlines <br>, URLs links; input is already escaped. */
function paragraphsToHtml(escaped: string): string {
  return escaped
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p style="margin:0 0 16px;">${p.trim().replace(ESCAPED_URL, (u) => `<a href="${u}">${u}</a>`).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function normaliseText(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function makeRenderer(catalogue: Catalogue) {
  return function render(input: RenderInput): Rendered {
    const entry = catalogue.get(input.key);
    if (!entry) throw new RenderError(`unknown template "${input.key}"`, 'unknown-template');
    const variant = catalogue.resolve(input.key, input.channel, input.locale);
    if (!variant) throw new RenderError(`template "${input.key}" has no ${input.channel} version`, 'unknown-channel');
    const context = { ...input.data, _locale: variant.locale, _zone: input.timezone ?? 'UTC' };
    try {
      const text = normaliseText(variant.text(context));
      if (variant.channel === 'email') {
        const subject = variant.subject!(context).replace(/\s+/g, ' ').trim();
        const content = paragraphsToHtml(variant.html!(context));
        const html = catalogue.layout({ content, subject, lang: variant.locale });
        return { key: input.key, channel: variant.channel, locale: variant.locale, version: variant.version, subject, text, html, twiml: null, voiceLanguage: null, body: text };
      }
      if (variant.channel === 'voice' || variant.channel === 'voicemail') {
        const language = voiceLanguage(variant.locale);
        const response = new twilio.twiml.VoiceResponse();
        response.say({ language: language as never }, text.replace(/\s+/g, ' '));
        const twiml = response.toString();
        return { key: input.key, channel: variant.channel, locale: variant.locale, version: variant.version, subject: null, text, html: null, twiml, voiceLanguage: language, body: twiml };
      }
      const sms = text.replace(/\s*\n\s*/g, ' ');
      return { key: input.key, channel: variant.channel, locale: variant.locale, version: variant.version, subject: null, text: sms, html: null, twiml: null, voiceLanguage: null, body: sms };
    } catch (err) {
      const detail = (err as Error).message.replace(/ in \[object Object\]/g, '');
      throw new RenderError(`template "${input.key}" (${variant.channel}.${variant.locale}): ${detail}`, 'render-error');
    }
  };
}

export type Render = ReturnType<typeof makeRenderer>;
