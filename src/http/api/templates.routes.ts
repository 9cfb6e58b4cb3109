/**
 * The template catalogue for agents: list, read, preview with sample (or given) data in any
 * locale and channel, and lint a draft.
 */
import { SENDER_KINDS, type SenderKind } from '../../domain/sender.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { lintRenderedMessage } from '../../policy/template-lint.js';
import { type Profile, ProfileError, resolveProfile } from '../../policy/profile.js';
import type { Catalogue, TemplateEntry } from '../../templates/catalogue.js';
import { mergeData, sampleContext } from '../../templates/context.js';
import { DraftLinterBusyError, type DraftLinter } from '../../templates/draft-sandbox.js';
import { smsFacts } from '../../templates/sms-facts.js';
import { RenderError, renderVariant, TEMPLATE_CHANNELS } from '../../templates/variant.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { Locale, TimeZone } from '../../schemas/request.schemas.js';

export const PreviewInput = z
  .object({
    channel: z.enum(TEMPLATE_CHANNELS),
    locale: Locale,
    /** Values over the template's sample data (deep-merged). */
    data: z.record(z.string(), z.unknown()).optional(),
    timezone: TimeZone.optional(),
    /** Preview what a borrower of a locale the template lacks would get (the fallback locale). */
    fallback: z.boolean().default(false),
    /** Preview as this kind of sender would send it (default: this deployment's). */
    senderKind: z.enum(SENDER_KINDS).optional(),
  })
  .strict();

export const LintInput = z
  .object({
    source: z.string().max(20_000),
    channel: z.enum(TEMPLATE_CHANNELS),
    locale: Locale,
    profile: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    /** Also answer the wording matches that did not fire and why (negation, impostor warning, place or job name). */
    debug: z.boolean().optional(),
  })
  .strict();

export interface TemplatesRouteDeps {
  catalogue: Catalogue;
  profile: Profile;
  smsMaxSegments: number;
  keyRing: KeyRing;
  draftLinter: DraftLinter;
  senderKind?: SenderKind | undefined;
  /** The kind of the key's tenant: what a preview renders as unless it names a kind. */
  kindOf?: ((tenant: string) => Promise<SenderKind | undefined>) | undefined;
}

export function templatesRouter(deps: TemplatesRouteDeps): Router {
  const router = Router();
  const agents = requireRole(deps.keyRing, ['agent']);
  const linters = requireRole(deps.keyRing, ['agent', 'compliance']);
  const { catalogue } = deps;

  const entryOf = (req: Request) => {
    const key = String(req.params.key);
    const entry = catalogue.get(key);
    if (!entry)
      throw new HttpProblem(404, 'Not found', `no template "${key}" (known: ${catalogue.keys().join(', ')})`, {
        errors: [{ path: 'key', message: `unknown template "${key}"` }],
      });
    return entry;
  };

  router.get('/v1/templates', agents, (_req: Request, res: Response) => {
    res.json({
      items: catalogue.keys().map((key) => {
        const e = catalogue.get(key)!;
        return {
          key,
          title: e.meta.title,
          description: e.meta.description,
          stage: e.meta.stage ?? null,
          channels: [...new Set(e.variants.map((v) => v.channel))],
          locales: [...new Set(e.variants.map((v) => v.locale))],
          variants: e.variants.map((v) => ({
            channel: v.channel,
            locale: v.locale,
            version: v.version,
            warnings: v.findings.length,
          })),
        };
      }),
    });
  });

  router.get('/v1/templates/:key', agents, (req: Request, res: Response) => {
    const e = entryOf(req);
    res.json({
      key: e.key,
      ...e.meta,
      // As the list says it: null, not absent, for a template outside the strategy's stages.
      stage: e.meta.stage ?? null,
      variants: e.variants.map((v) => ({
        channel: v.channel,
        locale: v.locale,
        version: v.version,
        source: v.source,
        findings: v.findings,
      })),
    });
  });

  router.post('/v1/templates/:key/preview', agents, previewRoute(deps, entryOf));

  router.post('/v1/templates/lint', linters, async (req: Request, res: Response) => {
    const input = LintInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    let profile = deps.profile;
    if (input.data.profile !== undefined) {
      try {
        profile = resolveProfile(input.data.profile, 'profile');
      } catch (err) {
        if (err instanceof ProfileError) throw validationProblem([{ path: 'profile', message: err.message }]);
        throw err;
      }
    }
    let findings;
    try {
      findings = await deps.draftLinter.lint({
        source: input.data.source,
        channel: input.data.channel,
        locale: input.data.locale,
        profile,
        smsMaxSegments: deps.smsMaxSegments,
        partials: catalogue.partials(),
        ...(input.data.debug ? { debug: true } : {}),
        kinds: [deps.senderKind ?? 'creditor'],
      });
    } catch (err) {
      if (err instanceof DraftLinterBusyError)
        throw new HttpProblem(503, 'Busy', `the draft linter is busy: ${err.message}`);
      throw err;
    }
    const fired = findings.filter((f) => !f.suppressed);
    res.json({
      ok: !fired.some((f) => f.severity === 'error'),
      profile: profile.name,
      findings: fired,
      ...(input.data.debug ? { suppressed: findings.filter((f) => f.suppressed) } : {}),
    });
  });

  return router;
}

function previewRoute(
  deps: Pick<TemplatesRouteDeps, 'catalogue' | 'smsMaxSegments' | 'senderKind' | 'kindOf'>,
  entryOf: (req: Request) => TemplateEntry,
) {
  const { catalogue } = deps;
  return async (req: Request, res: Response) => {
    const e = entryOf(req);
    const input = PreviewInput.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const { channel, locale, fallback } = input.data;
    const ofChannel = e.variants.filter((v) => v.channel === channel);
    if (ofChannel.length === 0) {
      throw new HttpProblem(
        404,
        'Not found',
        `template "${e.key}" has no ${channel} version (it has ${[...new Set(e.variants.map((v) => v.channel))].join(', ')})`,
        {
          errors: [{ path: 'channel', message: `no ${channel} version` }],
        },
      );
    }
    const exact = ofChannel.find((v) => v.locale.toLowerCase() === locale.toLowerCase());
    if (!exact && !fallback) {
      const would = catalogue.resolve(e.key, channel, locale)!;
      throw new HttpProblem(
        404,
        'Not found',
        `template "${e.key}" has no ${channel} version in ${locale} (it has ${ofChannel.map((v) => v.locale).join(', ')}); a ${locale} borrower would get ${would.locale} — send "fallback": true to preview it`,
        {
          errors: [{ path: 'locale', message: `no ${locale} version` }],
        },
      );
    }
    const variant = exact ?? catalogue.resolve(e.key, channel, locale)!;
    const own = req.principal!.tenant;
    const tenantKind = own !== null && deps.kindOf ? await deps.kindOf(own) : undefined;
    const data = mergeData(
      sampleContext(e.meta, variant.locale, input.data.senderKind ?? tenantKind ?? deps.senderKind ?? 'creditor'),
      input.data.data ?? {},
    );
    let out;
    try {
      out = renderVariant(variant, data, input.data.timezone ?? null);
    } catch (err) {
      if (err instanceof RenderError) throw validationProblem([{ path: 'data', message: err.message }]);
      throw err;
    }
    const sms = channel === 'sms' ? smsFacts(out.text) : null;
    const rendered = lintRenderedMessage([out.subject ?? '', out.text].join('\n'));
    res.json({
      key: e.key,
      channel,
      locale: variant.locale,
      requestedLocale: locale,
      version: out.version,
      subject: out.subject,
      text: out.text,
      html: out.html,
      twiml: out.twiml,
      voiceLanguage: out.voiceLanguage,
      sms: sms ? { ...sms, limit: deps.smsMaxSegments } : null,
      findings: [...variant.findings, ...rendered.map((f) => ({ ...f, rule: `rendered:${f.rule}` }))],
    });
  };
}
