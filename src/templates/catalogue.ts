/**
 * Loads `templates/<key>/<channel>.<locale>.hbs`, `templates/<key>/meta.json` and the shared
 * partials in `templates/_partials/`, compiles them once, and resolves a locale with fallback
 * (`zh-HK` → `zh` → another `zh-*` → the default locale).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { TemplateDelegate } from 'handlebars';
import { z } from 'zod';
import { createHandlebars } from './handlebars.js';

export const TEMPLATE_CHANNELS = ['sms', 'email', 'voice', 'voicemail'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

const Meta = z.object({
  title: z.string(),
  description: z.string(),
  stage: z.string().optional(),
  channels: z.array(z.enum(TEMPLATE_CHANNELS)).optional(),
  sampleData: z.record(z.string(), z.unknown()),
  sampleDataByLocale: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type TemplateMeta = z.infer<typeof Meta>;

export interface TemplateVariant {
  key: string;
  channel: TemplateChannel;
  locale: string;
  file: string;
  source: string;
  /** Content hash of every file the variant uses. */
  version: string;
  subject?: TemplateDelegate | undefined;
  text: TemplateDelegate;
  html?: TemplateDelegate | undefined;
}

export interface TemplateEntry {
  key: string;
  meta: TemplateMeta;
  variants: TemplateVariant[];
}

export interface Catalogue {
  readonly defaultLocale: string;
  keys(): string[];
  get(key: string): TemplateEntry | undefined;
  /** The variant for a key, channel and locale after fallback; undefined if the key has none for the channel. */
  resolve(key: string, channel: TemplateChannel, locale: string): TemplateVariant | undefined;
  layout: TemplateDelegate;
}

export class TemplateLoadError extends Error {
  override name = 'TemplateLoadError';
}

const FILE_RE = /^(sms|email|voice|voicemail)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.hbs$/;

const sha256 = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

export function loadCatalogue(dir: string, options: { defaultLocale?: string } = {}): Catalogue {
  const defaultLocale = options.defaultLocale ?? 'en-US';
  if (!fs.existsSync(dir)) throw new TemplateLoadError(`templates folder ${dir} does not exist (set TEMPLATES_DIR)`);
  const hb = createHandlebars();
  const strict = { strict: true } as const;

  const partialsDir = path.join(dir, '_partials');
  const partialSources = new Map<string, string>();
  if (fs.existsSync(partialsDir)) {
    for (const f of fs.readdirSync(partialsDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const name = f.slice(0, -4);
      const src = fs.readFileSync(path.join(partialsDir, f), 'utf8');
      partialSources.set(name, src);
      hb.registerPartial(name, src);
    }
  }
  const layoutSource = partialSources.get('email-layout') ?? '<!doctype html><html><body>{{{content}}}</body></html>';
  const layout = hb.compile(layoutSource, strict);

  const entries = new Map<string, TemplateEntry>();
  for (const key of fs.readdirSync(dir).sort()) {
    const keyDir = path.join(dir, key);
    if (key.startsWith('_') || key.startsWith('.') || !fs.statSync(keyDir).isDirectory()) continue;
    const metaFile = path.join(keyDir, 'meta.json');
    if (!fs.existsSync(metaFile)) throw new TemplateLoadError(`${metaFile}: missing (every template needs a meta.json)`);
    let meta: TemplateMeta;
    try {
      meta = Meta.parse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
    } catch (err) {
      throw new TemplateLoadError(`${metaFile}: ${(err as Error).message}`);
    }
    const variants: TemplateVariant[] = [];
    for (const f of fs.readdirSync(keyDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const m = FILE_RE.exec(f);
      if (!m) throw new TemplateLoadError(`${path.join(keyDir, f)}: name must be <channel>.<locale>.hbs`);
      const channel = m[1] as TemplateChannel;
      const locale = Intl.getCanonicalLocales(m[2]!)[0]!;
      const file = path.join(keyDir, f);
      const source = fs.readFileSync(file, 'utf8');
      try {
        if (channel === 'email') {
          const fm = parseFrontMatter(source);
          if (typeof fm.subject !== 'string' || fm.subject.trim() === '') {
            throw new TemplateLoadError('email templates need a front-matter "subject:" line');
          }
          variants.push({
            key,
            channel,
            locale,
            file,
            source,
            version: sha256(source, layoutSource),
            subject: hb.compile(fm.subject, { ...strict, noEscape: true }),
            text: hb.compile(fm.body, { ...strict, noEscape: true }),
            html: hb.compile(fm.body, strict),
          });
        } else {
          variants.push({ key, channel, locale, file, source, version: sha256(source), text: hb.compile(source, { ...strict, noEscape: true }) });
        }
        // Parse now so a syntax error names the file at start-up, not at the first send.
        hb.precompile(channel === 'email' ? parseFrontMatter(source).body : source, strict);
      } catch (err) {
        if (err instanceof TemplateLoadError) throw new TemplateLoadError(`${file}: ${err.message}`);
        throw new TemplateLoadError(`${file}: ${(err as Error).message}`);
      }
    }
    entries.set(key, { key, meta, variants });
  }

  return {
    defaultLocale,
    layout,
    keys: () => [...entries.keys()],
    get: (key) => entries.get(key),
    resolve(key, channel, locale) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const forChannel = entry.variants.filter((v) => v.channel === channel);
      if (forChannel.length === 0) return undefined;
      return pickLocale(forChannel, locale, defaultLocale);
    },
  };
}

function parseFrontMatter(source: string): { subject: unknown; body: string } {
  const parsed = matter(source);
  return { subject: (parsed.data as { subject?: unknown }).subject, body: parsed.content };
}

function pickLocale<T extends { locale: string }>(variants: T[], wanted: string, fallback: string): T {
  const lower = (s: string) => s.toLowerCase();
  const lang = lower(wanted).split('-')[0];
  return (
    variants.find((v) => lower(v.locale) === lower(wanted)) ??
    variants.find((v) => lower(v.locale) === lang) ??
    variants.find((v) => lower(v.locale).split('-')[0] === lang) ??
    variants.find((v) => lower(v.locale) === lower(fallback)) ??
    variants[0]!
  );
}
