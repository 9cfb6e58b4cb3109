/** Renders a message from the catalogue: resolve the variant (with locale fallback), then render it. */
import { TEMPLATE_KINDS_FOR } from '../domain/channels.js';
import type { Catalogue, LintedVariant } from './catalogue.js';
import {
  type Rendered,
  RenderError,
  renderVariant,
  type TemplateChannel,
  type TemplateSources,
  type TemplateVariant,
  variantFromSources,
} from './variant.js';

export { RenderError, voiceLanguage, type Rendered } from './variant.js';

export interface RenderInput {
  key: string;
  channel: TemplateChannel;
  locale: string;
  /** Borrower's zone (the first when several are possible); dates are shown in it. */
  timezone: string | null;
  data: Record<string, unknown>;
  /**
   * A shared partial (templates/_partials) rendered after the template's body, e.g. the validation
   * notice an agency's first email carries. The variant's stored sources include it, so the
   * message renders again exactly from them. A function picks it by the locale of the variant the
   * key resolved to (after fallback), so the appendix is in the language of the rest.
   */
  appendix?: string | ((variantLocale: string) => string) | undefined;
}

export interface RenderOutput extends Rendered {
  sources: TemplateSources;
}

/** A voice call uses the `voice` script, or a template's only `voicemail` script. */
export function resolveForChannel(
  catalogue: Catalogue,
  key: string,
  channel: TemplateChannel,
  locale: string,
): LintedVariant | undefined {
  for (const kind of TEMPLATE_KINDS_FOR[channel as keyof typeof TEMPLATE_KINDS_FOR] ?? [channel]) {
    const v = catalogue.resolve(key, kind, locale);
    if (v) return v;
  }
  return undefined;
}

/** The template's sources with a shared partial appended after its body (one more partial in its sources). */
export function sourcesWithAppendix(sources: TemplateSources, name: string, partial: string): TemplateSources {
  return {
    ...sources,
    template: `${sources.template.trimEnd()}\n\n{{> ${name}}}\n`,
    partials: { ...sources.partials, [name]: partial },
  };
}

export function makeRenderer(catalogue: Catalogue) {
  // Variants with an appendix, compiled once each (by the variant's version and the partial).
  const composed = new Map<string, TemplateVariant>();
  const withAppendix = (variant: TemplateVariant, name: string): TemplateVariant => {
    const id = `${variant.version}\0${name}`;
    let v = composed.get(id);
    if (!v) {
      const partial = catalogue.partials()[name];
      if (partial === undefined) throw new RenderError(`unknown partial "${name}"`, 'render-error');
      v = variantFromSources({ ...variant, sources: sourcesWithAppendix(variant.sources, name, partial) });
      if (composed.size >= 1_000) composed.clear();
      composed.set(id, v);
    }
    return v;
  };
  return function render(input: RenderInput): RenderOutput {
    if (!catalogue.get(input.key)) throw new RenderError(`unknown template "${input.key}"`, 'unknown-template');
    const found = resolveForChannel(catalogue, input.key, input.channel, input.locale);
    if (!found) throw new RenderError(`template "${input.key}" has no ${input.channel} version`, 'unknown-channel');
    const appendix = typeof input.appendix === 'function' ? input.appendix(found.locale) : input.appendix;
    const variant = appendix ? withAppendix(found, appendix) : found;
    return { ...renderVariant(variant, input.data, input.timezone), sources: variant.sources };
  };
}

export type Render = ReturnType<typeof makeRenderer>;

/** Re-renders from stored sources (an auditor re-creating an old message exactly). */
export function renderFromSources(
  stored: { key: string; channel: TemplateChannel; locale: string; sources: TemplateSources },
  data: Record<string, unknown>,
  timezone: string | null,
): Rendered {
  return renderVariant(variantFromSources(stored), data, timezone);
}
