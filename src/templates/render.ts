/** Renders a message from the catalogue: resolve the variant (with locale fallback), then render it. */
import { TEMPLATE_KINDS_FOR } from '../domain/channels.js';
import type { Catalogue, LintedVariant } from './catalogue.js';
import {
  type Rendered,
  RenderError,
  renderVariant,
  type TemplateChannel,
  type TemplateSources,
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

export function makeRenderer(catalogue: Catalogue) {
  return function render(input: RenderInput): RenderOutput {
    if (!catalogue.get(input.key)) throw new RenderError(`unknown template "${input.key}"`, 'unknown-template');
    const variant = resolveForChannel(catalogue, input.key, input.channel, input.locale);
    if (!variant) throw new RenderError(`template "${input.key}" has no ${input.channel} version`, 'unknown-channel');
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
