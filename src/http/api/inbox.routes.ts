/**
 * The agents' inbox (docs/replies.md, "The inbox"): the tenant's borrowers who replied, a conversation with the
 * borrower's words, what was understood and done, and what was sent (every read recorded); each key's read marks.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Channel } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import type { SenderKind } from '../../domain/sender.js';
import { INTENTS } from '../../domain/replies.js';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import { maskContactsIn, maskRecipient } from '../../observability/logger.js';
import type { Profile } from '../../policy/profile.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { contentRefIn } from '../../store/event-content.js';
import type { InboxEvent } from '../../store/inbox.repo.js';
import type { InboxRouteStore } from '../../store/ports.js';
import { checkPolicy, type CheckPolicyPorts } from '../../usecases/check-policy/check-policy.usecase.js';
import { correctReply, CORRECTION_KINDS } from '../../usecases/correct-reply/correct-reply.usecase.js';
import { listInbox } from '../../usecases/list-inbox/list-inbox.usecase.js';
import { markInboxRead } from '../../usecases/mark-inbox-read/mark-inbox-read.usecase.js';
import {
  readConversation,
  type ReadConversationResult,
} from '../../usecases/read-conversation/read-conversation.usecase.js';
import { type KeyRing, requireRole } from './auth.js';
import { type HoldActions, presentHold } from './holds.routes.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { actingTenant, scopedBorrower, senderKindOf, type TenantDirectory } from './tenancy.js';

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** An event id as the inbox shows it. */
const EventId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const InboxQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    /** `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, 'not a cursor this API returned')
      .optional(),
    /** Conversations whose last reply was understood to carry this intent. */
    intent: z.enum(INTENTS).optional(),
    /** Conversations whose last reply, or one not read yet, needs a person. */
    needsPerson: Flag.optional(),
    /** Conversations with replies after the caller's read mark. */
    unread: Flag.optional(),
    tenant: z.string().max(40).optional(),
  })
  .strict();

export const InboxReadInput = z
  .object({
    /** The reply read up to (its `eventId`); absent, the last one. */
    upTo: EventId.optional(),
  })
  .strict();

export const CorrectionInput = z
  .object({
    kind: z.enum(CORRECTION_KINDS),
    /** The reply corrected (its `eventId` in the conversation). */
    replyEventId: EventId,
    /** lift-hold: the hold to release. */
    holdId: z.string().min(1).max(64).optional(),
    /** Why (kept as content, like every free text on the chain). */
    detail: z.string().trim().min(1).max(1000),
  })
  .strict();

/** What restores consent after a revocation that was not one: the borrower's word, then the opt-out list. */
const RESTORE =
  'consent is not restored here: it returns only from the borrower. When they ask for texts again, remove their number from the opt-out list with DELETE /v1/opt-outs/{address}, naming them as the source';

interface InboxDeps {
  store: InboxRouteStore;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
  ledger: ContactLedger;
  profile: Profile;
  profileOf?: ((tenant: string) => Promise<Profile | undefined>) | undefined;
  /** Who a tenant is, and the deployment's kind: a state rule's citation depends on it. */
  kindOf?: ((tenant: string) => Promise<SenderKind | undefined>) | undefined;
  senderKind?: SenderKind | undefined;
  optOuts: Pick<OptOuts, 'suppressionsOf' | 'detachFromBorrower'>;
  holds: Pick<HoldActions, 'endHold'>;
}

export function inboxRouter(deps: InboxDeps): Router {
  const router = Router();
  const store = deps.store;
  const readers = requireRole(deps.keyRing, ['agent', 'compliance']);
  const checks: CheckPolicyPorts = {
    getBorrower: (id) => store.getBorrower(id),
    history: (borrowerId) => deps.ledger.history(borrowerId),
    suppressionsOf: (address, tenant) => deps.optOuts.suppressionsOf(address, tenant),
    profileFor: async (tenant) => (deps.profileOf ? await deps.profileOf(tenant) : undefined) ?? deps.profile,
    unclosedHolds: (borrowerId) => store.holds.unclosed(borrowerId),
    senderKindFor: senderKindOf(deps),
  };
  const noBorrower = (external: string) => new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);

  router.get('/v1/inbox', readers, async (req: Request, res: Response) => {
    const q = InboxQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const tenant = await actingTenant(req, deps.tenants);
    const page = await listInbox(
      {
        replied: (t, before, n) => store.inbox.replied(t, before, n),
        events: (b, types, n) => store.inbox.events(b, types, n),
        getBorrower: (b) => store.getBorrower(b),
        marks: (t, key, ids) => store.inbox.marks(t, key, ids),
        unclosedHolds: (b) => store.holds.unclosed(b),
      },
      deps.clock,
      {
        tenant,
        keyId: req.principal!.keyId,
        limit: q.data.limit,
        before: q.data.cursor ? Number(q.data.cursor) : undefined,
        intent: q.data.intent,
        needsPerson: q.data.needsPerson,
        unread: q.data.unread,
      },
    );
    res.json({
      items: page.items.map((i) => ({
        borrowerId: i.borrower.ref,
        name: i.borrower.name,
        maskedPhone: i.borrower.phone ? maskRecipient(i.borrower.phone) : null,
        lastReplyId: i.lastReplyId,
        lastReplyAt: i.lastReplyAt,
        lastKind: i.lastKind,
        lastIntents: i.lastIntents,
        needsPerson: i.needsPerson,
        unread: i.unread,
        holds: i.holds,
      })),
      nextCursor: page.next === null ? null : String(page.next),
    });
  });

  router.get('/v1/inbox/:borrowerId', readers, async (req: Request, res: Response) => {
    const { stored, external, tenant } = await scopedBorrower(req, deps.tenants, req.params.borrowerId, 'borrowerId');
    const { keyId, role } = req.principal!;
    const found = await readConversation(
      {
        getBorrower: (b) => store.getBorrower(b),
        events: (b, types, n) => store.inbox.events(b, types, n),
        messages: (b, n) => store.inbox.messages(b, n),
        contentRefIn,
        texts: (ids) => store.content.get(ids),
        unclosedHolds: (b) => store.holds.unclosed(b),
        checkPolicy: (b, channel: Channel) => checkPolicy(checks, deps.clock, { tenant, borrowerId: b, channel }),
        recordRead: (read, now) => store.reads.record(read, now),
      },
      deps.clock,
      {
        tenant,
        borrowerId: stored,
        reader: { keyId, role, tenant: req.principal!.tenant },
        filter: Object.fromEntries(Object.entries(req.query)),
      },
    );
    if (found.kind === 'not-found') throw noBorrower(external);
    res.json(presentConversation(found, external));
  });

  router.post('/v1/inbox/:borrowerId/read', readers, async (req: Request, res: Response) => {
    const { stored, external, tenant } = await scopedBorrower(req, deps.tenants, req.params.borrowerId, 'borrowerId');
    const body = InboxReadInput.safeParse(req.body ?? {});
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    const r = await markInboxRead(
      {
        getBorrower: (b) => store.getBorrower(b),
        events: (b, types, n) => store.inbox.events(b, types, n),
        mark: (t, key, b, id, now) => store.inbox.mark(t, key, b, id, now),
      },
      { tenant, keyId: req.principal!.keyId, borrowerId: stored, upTo: body.data.upTo, now: deps.clock.now() },
    );
    if (r.kind === 'not-found') throw noBorrower(external);
    if (r.kind === 'no-such-reply')
      throw validationProblem([{ path: 'upTo', message: `not a reply of borrower "${external}"` }]);
    res.status(204).end();
  });

  router.post('/v1/inbox/:borrowerId/corrections', requireRole(deps.keyRing, ['agent']), correctionRoute(deps));

  return router;
}

/** POST /v1/inbox/:borrowerId/corrections: an agent's correction of what a reply was understood to say. */
function correctionRoute(deps: InboxDeps) {
  const store = deps.store;
  const noBorrower = (external: string) => new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
  return async (req: Request, res: Response) => {
    const { stored, external, tenant } = await scopedBorrower(req, deps.tenants, req.params.borrowerId, 'borrowerId');
    const body = CorrectionInput.safeParse(req.body ?? {});
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    const r = await correctReply(
      {
        getBorrower: (b) => store.getBorrower(b),
        events: (b, types, n) => store.inbox.events(b, types, n),
        recordBorrowerEvent: (b, e, now) => store.recordBorrowerEvent(b, e, now),
        putContent: (owner, text, now) => store.content.put(owner, text, now),
        detachFromBorrower: (b, channels, source, actor) => deps.optOuts.detachFromBorrower(b, channels, source, actor),
        endHold: deps.holds.endHold,
      },
      deps.clock,
      { tenant, borrowerId: stored, actor: `api:${req.principal!.keyId}`, ...body.data },
    );
    if (r.kind === 'not-found') throw noBorrower(external);
    if (r.kind === 'no-such-reply')
      throw new HttpProblem(404, 'Not found', `borrower "${external}" has no reply ${body.data.replyEventId}`);
    if (r.kind === 'no-such-hold')
      throw new HttpProblem(
        404,
        'Not found',
        `borrower "${external}" has no hold "${body.data.holdId}" (field holdId)`,
      );
    if (r.kind === 'invalid') throw validationProblem([{ path: r.path, message: r.message }]);
    res.status(201).json({
      kind: r.correction,
      replyEventId: body.data.replyEventId,
      ...(r.hold
        ? {
            hold: presentHold(r.hold.hold, external),
            alreadyClosed: r.hold.alreadyClosed,
            rescheduled: r.hold.rescheduled,
          }
        : {}),
      ...(r.suppressed ? { suppressed: r.suppressed } : {}),
      ...(r.stillRevoked ? { stillRevoked: r.stillRevoked, next: RESTORE } : {}),
    });
  };
}

/** A conversation as the inbox shows it: the borrower by its own id, contacts masked, the words of its replies. */
function presentConversation(found: Extract<ReadConversationResult, { kind: 'conversation' }>, external: string) {
  const { borrower: b, texts } = found;
  // An action's free text (an agent's detail) joined back in; numbers and addresses in event data masked.
  const action = (e: InboxEvent) => {
    const ref = contentRefIn(e.data);
    const { content: _content, ...data } = e.data;
    return {
      eventId: e.id,
      type: e.type,
      at: e.at,
      actor: e.actor,
      data: maskContactsIn(ref ? { ...data, detail: texts.get(ref.id)?.text ?? null } : data),
    };
  };
  return {
    borrower: {
      id: external,
      name: b.name,
      status: b.status,
      locale: b.locale,
      timezone: b.timezone,
      maskedPhone: b.phone ? maskRecipient(b.phone) : null,
      maskedEmail: b.email ? maskRecipient(b.email) : null,
    },
    now: found.now,
    contactable: found.contactable,
    holds: found.holds.map((h) => presentHold(h, external)),
    items: found.items.map((i) =>
      i.kind === 'reply'
        ? {
            kind: 'reply' as const,
            at: i.at,
            eventId: i.reply.eventId,
            channel: 'sms' as const,
            text: i.reply.text,
            textErased: i.reply.textErased,
            inboundKind: i.reply.kind,
            keyword: i.reply.keyword,
            understood: i.reply.understood,
            actions: i.reply.actions.map(action),
          }
        : {
            kind: 'message' as const,
            at: i.at,
            messageId: i.message.id,
            channel: i.message.channel,
            status: i.message.status,
            template: i.message.template,
            to: maskRecipient(i.message.to),
            subject: i.message.subject,
            body: i.message.body,
          },
    ),
  };
}

export type { InboxRouteStore };
