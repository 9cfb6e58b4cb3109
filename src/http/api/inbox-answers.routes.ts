/**
 * Answering from the agents' inbox (docs/replies.md, "Answering"): the suggested answers rendered for a borrower, and
 * an agent's answer (their own words or a suggestion), linted, checked against the policy and accepted as a message.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import type { SenderKind } from '../../domain/sender.js';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import type { Profile } from '../../policy/profile.js';
import type { Intake } from '../../services/intake.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { InboxRouteStore } from '../../store/ports.js';
import type { Catalogue } from '../../templates/catalogue.js';
import type { SenderContact } from '../../templates/context.js';
import { makeRenderer } from '../../templates/render.js';
import { answerBorrower, type AnswerBorrowerPorts } from '../../usecases/answer-borrower/answer-borrower.usecase.js';
import { suggestReplies, type SuggestionTemplate } from '../../usecases/suggest-replies/suggest-replies.usecase.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, refusedFieldsProblem, validationProblem, zodFieldErrors } from './problem.js';
import { scopedBorrower, type TenantDirectory } from './tenancy.js';

const AnswerChannel = z.enum(['sms', 'email']);
/** The longest answer, by channel (an SMS of 640 characters is already four to ten segments). */
export const ANSWER_MAX = { sms: 640, email: 5000 } as const;

export const SuggestionsQuery = z
  .object({
    channel: AnswerChannel,
    tenant: z.string().max(40).optional(),
  })
  .strict();

export const AnswerInput = z
  .object({
    channel: AnswerChannel,
    /** The agent's own words (1 to 640 characters for an SMS, 5,000 for an email, trimmed); or `template`. */
    text: z.string().trim().min(1).max(ANSWER_MAX.email).optional(),
    /** A suggested answer (a `template` of GET …/suggestions); or `text`. */
    template: z.string().min(1).max(100).optional(),
    /** The reply answered (its `eventId` in the conversation). */
    inReplyTo: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

export interface InboxAnswersDeps {
  store: InboxRouteStore;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
  ledger: ContactLedger;
  profile: Profile;
  profileOf?: ((tenant: string) => Promise<Profile | undefined>) | undefined;
  optOuts: Pick<OptOuts, 'suppressionsOf'>;
  intake: Pick<Intake, 'acceptOne'>;
  catalogue: Catalogue;
  /** A tenant's contact details (who an answer says is writing, as the worker renders it). */
  contactOf?: ((tenant: string) => Promise<SenderContact | null | undefined>) | undefined;
  kindOf?: ((tenant: string) => Promise<SenderKind | undefined>) | undefined;
  senderKind?: SenderKind | undefined;
}

/** The catalogue's suggested answers (meta `suggestedFor`), in catalogue order. */
function suggestionsOf(catalogue: Catalogue): SuggestionTemplate[] {
  return catalogue.keys().flatMap((key) => {
    const meta = catalogue.get(key)!.meta;
    return meta.suggestedFor ? [{ key, title: meta.title, suggestedFor: meta.suggestedFor }] : [];
  });
}

export function inboxAnswersRouter(deps: InboxAnswersDeps): Router {
  const router = Router();
  const store = deps.store;
  const agents = requireRole(deps.keyRing, ['agent']);
  const render = makeRenderer(deps.catalogue);
  const noBorrower = (external: string) => new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
  const context = {
    latestReminder: (id: string) => store.latestReminder(id),
    contactOf: async (tenant: string) => (deps.contactOf ? await deps.contactOf(tenant) : null),
    senderKindOf: async (tenant: string) => (deps.kindOf ? await deps.kindOf(tenant) : undefined) ?? deps.senderKind,
  };
  const events = (b: string, types: readonly string[], n: number) => store.inbox.events(b, types, n);

  router.get('/v1/inbox/:borrowerId/suggestions', agents, async (req: Request, res: Response) => {
    const q = SuggestionsQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const { stored, external, tenant } = await scopedBorrower(req, deps.tenants, req.params.borrowerId, 'borrowerId');
    const r = await suggestReplies(
      {
        ...context,
        getBorrower: (b) => store.getBorrower(b),
        events,
        suggestions: () => suggestionsOf(deps.catalogue),
        render,
      },
      { tenant, borrowerId: stored, channel: q.data.channel },
    );
    if (r.kind === 'not-found') throw noBorrower(external);
    res.json({
      suggestions: r.suggestions.map(({ subject, ...s }) => ({ ...s, ...(subject !== null ? { subject } : {}) })),
    });
  });

  const answering: AnswerBorrowerPorts = {
    ...context,
    getBorrower: (b) => store.getBorrower(b),
    events,
    suggestionKeys: () => suggestionsOf(deps.catalogue).map((s) => s.key),
    templateChannels: (key) => deps.catalogue.channelsOf(key),
    render,
    profileFor: async (tenant) => (deps.profileOf ? await deps.profileOf(tenant) : undefined) ?? deps.profile,
    history: (b) => deps.ledger.history(b),
    suppressionsOf: (address, tenant) => deps.optOuts.suppressionsOf(address, tenant),
    unclosedHolds: (b) => store.holds.unclosed(b),
    accept: (request, clientId, actor) => deps.intake.acceptOne(request, clientId, actor),
    putContent: (owner, text, now) => store.content.put(owner, text, now),
    recordBorrowerEvent: (b, e, now) => store.recordBorrowerEvent(b, e, now),
  };

  router.post('/v1/inbox/:borrowerId/replies', agents, async (req: Request, res: Response) => {
    const { stored, external, tenant } = await scopedBorrower(req, deps.tenants, req.params.borrowerId, 'borrowerId');
    const body = AnswerInput.safeParse(req.body ?? {});
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    const { channel, text, template, inReplyTo } = body.data;
    if ((text === undefined) === (template === undefined))
      throw refusedFieldsProblem([
        text === undefined
          ? { path: 'text', message: 'required: the answer in your own words (text), or a suggested answer (template)' }
          : { path: 'template', message: 'give text or template, not both' },
      ]);
    if (text !== undefined && text.length > ANSWER_MAX[channel])
      throw refusedFieldsProblem([
        { path: 'text', message: `at most ${ANSWER_MAX[channel]} characters for ${channel} (this is ${text.length})` },
      ]);
    const key = req.get('idempotency-key')?.trim() || undefined;
    if (key !== undefined && key.length > 200)
      throw validationProblem([{ path: 'Idempotency-Key', message: 'at most 200 characters' }]);
    const r = await answerBorrower(answering, deps.clock, {
      tenant,
      borrowerId: stored,
      keyId: req.principal!.keyId,
      channel,
      text,
      template,
      inReplyTo,
      idempotencyKey: key,
    });
    switch (r.kind) {
      case 'not-found':
        throw noBorrower(external);
      case 'invalid':
        throw refusedFieldsProblem([{ path: r.path, message: r.message }]);
      case 'wording':
        throw new HttpProblem(
          422,
          'Wording not allowed',
          `the answer was not sent: ${r.findings.map((f) => `${f.rule} ("${f.matched}")`).join('; ')}`,
          { findings: r.findings },
        );
      case 'refused':
        throw new HttpProblem(
          422,
          'Contact refused',
          `the answer was not sent: ${r.reasons.map((d) => d.detail).join('; ')}`,
          { reasons: r.reasons },
        );
      case 'conflict':
        throw new HttpProblem(
          409,
          'Idempotency key reused',
          `this Idempotency-Key was already used for reminder ${r.reminderId} with a different answer`,
          { reminderId: r.reminderId },
        );
    }
    const { kind: _kind, repeat, ...answer } = r;
    res.status(repeat ? 200 : 202).json(answer);
  });

  return router;
}
