/**
 * Loads `templates/<key>/<channel>.<locale>.hbs`, `templates/<key>/meta.json` and the shared
 * partials in `templates/_partials/`, compiles them once, lints each with its sample data (a
 * template with an error is not loaded: the error names the file and line), and resolves a
 * locale with fallback (`zh-HK` → `zh` → another `zh-*` → the default locale).
 */
import { SENDER_KINDS, type SenderKind } from '../domain/sender.js';
import { CHANNELS, type Channel, TEMPLATE_KINDS_FOR } from '../domain/channels.js';
import { INTENTS } from '../domain/replies.js';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Profile } from '../policy/profile.js';
import { type LintFinding, lintTemplate } from '../policy/template-lint.js';
import { sampleContext } from './context.js';
import { createHandlebars } from './handlebars.js';
import { smsFacts } from './sms-facts.js';
import {
  compileVariant,
  partialNames,
  renderVariant,
  TEMPLATE_CHANNELS,
  type TemplateChannel,
  TemplateLoadError,
  type TemplateVariant,
} from './variant.js';

export { TEMPLATE_CHANNELS, TemplateLoadError, type TemplateChannel, type TemplateVariant };

const Meta = z.object({
  title: z.string(),
  description: z.string(),
  stage: z.string().optional(),
  channels: z.array(z.enum(TEMPLATE_CHANNELS)).optional(),
  /** opt-out-confirmation: confirms an opt-out, so it need not offer one. */
  confirmsOptOut: z.boolean().optional(),
  /**
   * Composed by the service only (an agent's answer, POST /v1/inbox/{borrowerId}/replies): POST /v1/reminders
   * refuses it, since what it says comes from the composer and not from a collection system.
   */
  internal: z.boolean().optional(),
  /** A suggested answer to replies understood to carry these intents (GET /v1/inbox/{borrowerId}/suggestions). */
  suggestedFor: z.array(z.enum(INTENTS)).min(1).optional(),
  sampleData: z.record(z.string(), z.unknown()),
  sampleDataByLocale: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type TemplateMeta = z.infer<typeof Meta>;

export interface LintedVariant extends TemplateVariant {
  findings: LintFinding[];
}

export interface TemplateEntry {
  key: string;
  meta: TemplateMeta;
  variants: LintedVariant[];
}

export interface Catalogue {
  readonly defaultLocale: string;
  readonly dir: string;
  keys(): string[];
  get(key: string): TemplateEntry | undefined;
  /** The variant for a key, channel and locale after fallback; undefined if the key has none for the channel. */
  resolve(key: string, channel: TemplateChannel, locale: string): LintedVariant | undefined;
  /** The shared partials (templates/_partials), by name. */
  partials(): Record<string, string>;
  /** The dispatch channels a template can go out on (a voicemail variant serves voice); none for an unknown key. */
  channelsOf(key: string): Channel[];
}

export interface LintOptions {
  profile: Profile;
  smsMaxSegments: number;
  /** The kinds of sender the templates may be sent for; each is rendered and checked (default: both). */
  kinds?: readonly SenderKind[];
}

export interface LoadOptions {
  defaultLocale?: string;
  /** Lint every variant with its sample data; errors stop the load unless `tolerateErrors`. */
  lint?: LintOptions;
  /** For `npm run lint:templates`: keep variants with errors and report them. */
  tolerateErrors?: boolean;
}

const FILE_RE = /^(sms|email|voice|voicemail)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.hbs$/;

/** Lints one variant: its source, and what it renders to with the template's sample data. */
export function lintVariant(variant: TemplateVariant, meta: TemplateMeta, options: LintOptions): LintFinding[] {
  let rendered: { text: string; segments?: number; encoding?: string } | undefined;
  let renderError: string | undefined;
  const renderedByKind: Partial<Record<SenderKind, string>> = {};
  try {
    // Rendered once for each kind of sender; the segment limit holds for the longest.
    for (const kind of options.kinds ?? SENDER_KINDS) {
      const out = renderVariant(variant, sampleContext(meta, variant.locale, kind), 'UTC');
      renderedByKind[kind] = out.text;
      const facts = variant.channel === 'sms' ? smsFacts(out.text) : undefined;
      if (!rendered || out.text.length > rendered.text.length)
        rendered = { text: out.text, ...(facts ? { segments: facts.segments, encoding: facts.encoding } : {}) };
    }
  } catch (err) {
    renderError = (err as Error).message;
  }
  return lintTemplate({
    source: variant.source,
    channel: variant.channel,
    locale: variant.locale,
    profile: options.profile,
    smsMaxSegments: options.smsMaxSegments,
    rendered,
    renderError,
    ...(renderError ? {} : { renderedByKind }),
    confirmsOptOut: meta.confirmsOptOut,
  });
}

export function formatFinding(file: string, f: LintFinding): string {
  return `${file}:${f.line}:${f.column} ${f.rule} ${f.message}`;
}

export function loadCatalogue(dir: string, options: LoadOptions = {}): Catalogue {
  const defaultLocale = options.defaultLocale ?? 'en-US';
  if (!fs.existsSync(dir)) throw new TemplateLoadError(`templates folder ${dir} does not exist (set TEMPLATES_DIR)`);
  const hb = createHandlebars();

  const partialsDir = path.join(dir, '_partials');
  const partials = new Map<string, string>();
  if (fs.existsSync(partialsDir)) {
    for (const f of fs.readdirSync(partialsDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const src = fs.readFileSync(path.join(partialsDir, f), 'utf8');
      partials.set(f.slice(0, -4), src);
      hb.registerPartial(f.slice(0, -4), src);
    }
  }
  const layout = partials.get('email-layout');

  const entries = new Map<string, TemplateEntry>();
  const errors: string[] = [];
  for (const key of fs.readdirSync(dir).sort()) {
    const keyDir = path.join(dir, key);
    if (key.startsWith('_') || key.startsWith('.') || !fs.statSync(keyDir).isDirectory()) continue;
    const metaFile = path.join(keyDir, 'meta.json');
    if (!fs.existsSync(metaFile))
      throw new TemplateLoadError(`${metaFile}: missing (every template needs a meta.json)`);
    let meta: TemplateMeta;
    try {
      meta = Meta.parse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
    } catch (err) {
      throw new TemplateLoadError(`${metaFile}: ${(err as Error).message}`);
    }
    const variants: LintedVariant[] = [];
    for (const f of fs.readdirSync(keyDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const file = path.join(keyDir, f);
      const m = FILE_RE.exec(f);
      if (!m) throw new TemplateLoadError(`${file}: name must be <channel>.<locale>.hbs`);
      const channel = m[1] as TemplateChannel;
      const locale = Intl.getCanonicalLocales(m[2]!)[0]!;
      const source = fs.readFileSync(file, 'utf8');
      const used: Record<string, string> = {};
      for (const name of partialNames(source)) {
        const p = partials.get(name);
        if (p === undefined)
          throw new TemplateLoadError(`${file}: unknown partial "${name}" (templates/_partials/${name}.hbs)`);
        used[name] = p;
      }
      let variant: TemplateVariant;
      try {
        variant = compileVariant(hb, {
          key,
          channel,
          locale,
          file,
          sources: { template: source, ...(channel === 'email' ? { layout } : {}), partials: used },
        });
      } catch (err) {
        if (err instanceof TemplateLoadError) throw err;
        throw new TemplateLoadError(`${file}: ${(err as Error).message}`);
      }
      const findings = options.lint ? lintVariant(variant, meta, options.lint) : [];
      for (const finding of findings) if (finding.severity === 'error') errors.push(formatFinding(file, finding));
      variants.push({ ...variant, findings });
    }
    entries.set(key, { key, meta, variants });
  }
  if (errors.length > 0 && !options.tolerateErrors) {
    throw new TemplateLoadError(`templates failed the linter and were not loaded:\n  ${errors.join('\n  ')}`);
  }

  return {
    defaultLocale,
    dir,
    keys: () => [...entries.keys()],
    partials: () => Object.fromEntries(partials),
    get: (key) => entries.get(key),
    channelsOf(key) {
      const e = entries.get(key);
      return e ? CHANNELS.filter((c) => e.variants.some((v) => TEMPLATE_KINDS_FOR[c].includes(v.channel))) : [];
    },
    resolve(key, channel, locale) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const forChannel = entry.variants.filter((v) => v.channel === channel);
      if (forChannel.length === 0) return undefined;
      return pickLocale(forChannel, locale, defaultLocale);
    },
  };
}

/** The keys the API document names: every one (the catalogue's routes) and those composed by the service only. */
export function documentedTemplates(catalogue: Pick<Catalogue, 'keys' | 'get'>): {
  templates: string[];
  internalTemplates: string[];
} {
  const templates = catalogue.keys();
  return { templates, internalTemplates: templates.filter((k) => catalogue.get(k)?.meta.internal === true) };
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
