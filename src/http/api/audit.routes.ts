/**
 * Compliance: search, read and export every message exactly as sent, verify the hash chains,
 * a borrower's timeline, and (admin) who read what. Every read of content is itself recorded.
 */
import type { AuditRouteStore } from '../../store/ports.js';
import { CHANNELS } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { clientGone } from './heavy-read-limit.js';
import { z } from 'zod';
import { decodeCursor, type MessageFilter } from '../../store/audit-queries.js';
import { STAT_OUTCOMES } from '../../domain/statuses.js';
import { auditStats } from '../../usecases/audit-stats/audit-stats.usecase.js';
import { MESSAGE_STATUSES } from '../../domain/index.js';
import { languageOfBorrower } from './borrowers.routes.js';
import { contentRefIn } from '../../store/event-content.js';
import type { Reader, RecordRead } from '../../usecases/reader.js';
import { readMessage } from '../../usecases/read-message/read-message.usecase.js';
import { searchMessages } from '../../usecases/search-messages/search-messages.usecase.js';
import { exportMessages } from '../../usecases/export-messages/export-messages.usecase.js';
import { presentHold } from './holds.routes.js';
import { borrowerTimeline } from '../../usecases/borrower-timeline/borrower-timeline.usecase.js';
import { maskContactsIn, maskRecipient } from '../../observability/logger.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { maskMessage, presentMessage } from './present.js';
import { BorrowerId, TimeZone } from '../../schemas/request.schemas.js';
import {
  mayReach,
  scopedBorrower,
  shownBorrower,
  storedBorrowerId,
  tenantFilter,
  type TenantDirectory,
} from './tenancy.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import { fallbackOf } from '../../services/fallbacks.js';

/** The export's columns and formula neutralising live with its formats (formatted where the rows are read). */
export { EXPORT_COLUMNS, neutraliseFormula } from '../../store/export-format.js';

const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone' })
  .transform((s) => new Date(s).toISOString());

export const AuditFilter = z
  .object({
    /** A deployment-wide key limits the search to one tenant (a tenant's key sees its own only). */
    tenant: z.string().max(40).optional(),
    borrowerId: BorrowerId.optional(),
    channel: z.enum(CHANNELS).optional(),
    status: z.enum(MESSAGE_STATUSES).optional(),
    template: z.string().min(1).max(100).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .strict();

export const AuditListQuery = AuditFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
const LocalDate = z.iso.date({ error: 'must be a date such as 2026-11-29' });

export const StatsQuery = z
  .object({
    /** First and last day, inclusive, in `timezone`. Default: the 14 days up to today. */
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    timezone: TimeZone.default('UTC'),
    tenant: z.string().max(40).optional(),
  })
  .strict();

export const ReadsQuery = z
  .object({
    limit: z.coerce
      .number({ error: 'must be a whole number from 1 to 500' })
      .int('must be a whole number from 1 to 500')
      .min(1, 'must be at least 1')
      .max(500, 'must be at most 500')
      .default(100),
    /** The id of the last read of the previous page. */
    before: z.coerce.number({ error: 'must be a read id' }).int('must be a read id').min(1).optional(),
    tenant: z.string().max(40).optional(),
  })
  .strict();

export const ExportQuery = AuditFilter.extend({ format: z.enum(['csv', 'ndjson']).default('csv') });

const masked = (m: ReturnType<typeof presentMessage>) => ({
  ...m,
  to: maskRecipient(m.to),
  body: undefined,
  subject: m.subject === null ? null : '[content: see the message]',
});

/** The request's key as the read log names it. */
function readerOf(req: Request): Reader {
  const { keyId, role, tenant } = req.principal!;
  return { keyId, role, tenant };
}

function filterOf(req: Request) {
  return Object.fromEntries(Object.entries(req.query).filter(([k]) => k !== 'cursor'));
}

/** The search filter as stored: the request's tenant, and the borrower under its stored id in that tenant. */
async function scopedFilter(
  req: Request,
  tenants: TenantDirectory,
  f: z.infer<typeof AuditFilter>,
): Promise<MessageFilter> {
  const { tenant: _named, borrowerId, ...rest } = f;
  const tenant = await tenantFilter(req, tenants);
  return {
    ...rest,
    tenant,
    ...(borrowerId ? { borrowerId: storedBorrowerId(tenant ?? DEFAULT_TENANT, borrowerId) } : {}),
  };
}

/**
 * `heavyReadLimit` bounds the exports, verifies and stats running at once (heavy-read-limit.ts);
 * the store runs them off the event loop (heavy-reads.ts).
 */
export function auditRouter(deps: {
  store: AuditRouteStore;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
  heavyReadLimit: RequestHandler;
}): Router {
  const router = Router();
  const compliance = requireRole(deps.keyRing, ['compliance']);
  const store = deps.store;
  const recordRead: RecordRead = (read, now) => store.reads.record(read, now);

  const heavy = deps.heavyReadLimit;

  router.get('/v1/audit/verify', compliance, heavy, async (req: Request, res: Response) => {
    const tenant = await tenantFilter(req, deps.tenants);
    // A client that goes away stops the run (its thread, on SQLite).
    const gone = clientGone(res);
    const report = await store.audit.verify(tenant, gone).catch((err: unknown) => {
      if (gone.aborted) return undefined;
      throw err;
    });
    if (report) res.json({ ...report, ...(tenant ? { tenant } : {}) });
  });

  router.get('/v1/audit/messages', compliance, async (req: Request, res: Response) => {
    const q = AuditListQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const { limit, cursor, ...filter } = q.data;
    const decoded = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !decoded) throw validationProblem([{ path: 'cursor', message: 'not a cursor this API returned' }]);
    const page = await searchMessages({ search: (f, n, c) => store.audit.search(f, n, c), recordRead }, deps.clock, {
      filter: await scopedFilter(req, deps.tenants, filter),
      limit,
      cursor: decoded,
      reader: readerOf(req),
      asked: filterOf(req),
    });
    // Lists mask recipients and leave content to the detail view.
    res.json({
      items: page.items.map((m) => ({
        ...masked(presentMessage(m)),
        ...shownBorrower(req, m),
        reminderId: m.reminderId,
      })),
      nextCursor: page.nextCursor,
    });
  });

  router.get('/v1/audit/messages/:id', compliance, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const found = await readMessage(
      {
        getReminderOfMessage: (m) => store.getReminderOfMessage(m),
        mayReach: (tenant) => mayReach(req, tenant),
        listEvents: (m) => store.listEvents(m),
        getTemplateVersion: (v) => store.getTemplateVersion(v),
        getRenderData: (m) => store.getRenderData(m),
        recordRead,
      },
      deps.clock,
      { id, reader: readerOf(req), filter: filterOf(req) },
    );
    if (found.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no message with id "${id}"`);
    const events = found.events;
    res.json({
      ...presentMessage(found.message),
      content: found.content,
      reminder: {
        id: found.reminder.id,
        externalId: found.reminder.externalId,
        debt: found.reminder.debt,
        createdAt: found.reminder.createdAt,
        fallback: fallbackLink(found.reminder.metadata),
      },
      borrower: {
        id: found.borrower.ref,
        name: found.borrower.name,
        tenant: found.borrower.tenant,
        timezone: found.borrower.timezone,
      },
      events: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, data: e.data, hash: e.hash })),
    });
  });

  router.get('/v1/audit/stats', compliance, heavy, statsRoute(store, deps.clock, deps.tenants));

  router.get('/v1/audit/export', compliance, heavy, async (req: Request, res: Response) => {
    const q = ExportQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const { format, ...filter } = q.data;
    const scoped = await scopedFilter(req, deps.tenants, filter);
    const pages = await exportMessages({ export: (f, as) => store.audit.export(f, as), recordRead }, deps.clock, {
      filter: scoped,
      format,
      reader: readerOf(req),
      asked: filterOf(req),
    });
    const stamp = deps.clock.now().toISOString().replace(/[:.]/g, '-');
    // Pages come formatted (export-format.ts): the loop only writes them out, as the client reads.
    // attachment() sets a type from the file's extension (.ndjson: octet-stream): the type goes after it.
    if (format === 'ndjson') res.attachment(`messages-${stamp}.ndjson`).type('application/x-ndjson');
    else res.attachment(`messages-${stamp}.csv`).type('text/csv; charset=utf-8');
    await pipeline(Readable.from(pages), res);
  });

  router.get(
    '/v1/borrowers/:id/timeline',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    timelineRoute(deps, recordRead),
  );

  // A tenant's admin key sees the reads of its tenant's keys only.

  router.get('/v1/audit/reads', requireRole(deps.keyRing, ['admin']), async (req: Request, res: Response) => {
    const q = ReadsQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    res.json({ items: await store.reads.list(q.data.limit, q.data.before, await tenantFilter(req, deps.tenants)) });
  });

  return router;
}

/** A fallback's reminder: the message it falls back from and the first of its chain (null: not a fallback). */
function fallbackLink(metadata: Record<string, unknown> | null) {
  const fb = fallbackOf(metadata);
  return fb?.from ? { from: fb.from, first: fb.first ?? fb.from } : null;
}

function statsRoute(store: Pick<AuditRouteStore, 'audit'>, clock: Clock, tenants: TenantDirectory) {
  return async (req: Request, res: Response) => {
    const q = StatsQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const stats = await auditStats(
      {
        tenantFilter: () => tenantFilter(req, tenants),
        stats: (from, to, tenant) => store.audit.stats(from, to, tenant),
      },
      clock,
      q.data,
    );
    if (stats.kind === 'invalid') throw validationProblem(stats.errors);
    res.json({
      from: stats.from,
      to: stats.to,
      timezone: stats.timezone,
      outcomes: STAT_OUTCOMES,
      days: stats.days,
      suppressedByReason: stats.suppressedByReason,
    });
  };
}

function timelineRoute(
  deps: { store: AuditRouteStore; tenants: TenantDirectory; clock: Clock },
  recordRead: RecordRead,
) {
  const store = deps.store;
  return async (req: Request, res: Response) => {
    const { external, stored } = await scopedBorrower(req, deps.tenants);
    const limit = z.coerce.number().int().min(1).max(1000).default(200).safeParse(req.query.limit);
    const found = await borrowerTimeline(
      {
        getBorrower: (b) => store.getBorrower(b),
        timeline: (b, n) => store.audit.timeline(b, n),
        contentRefIn,
        texts: (ids) => store.content.get(ids),
        recordRead,
        unclosedHolds: (b) => store.holds.unclosed(b),
      },
      deps.clock,
      {
        borrowerId: stored,
        limit: limit.success ? limit.data : 200,
        reader: readerOf(req),
        filter: filterOf(req),
      },
    );
    if (found.kind === 'not-found') throw new HttpProblem(404, 'Not found', `no borrower with id "${external}"`);
    const { borrower, entries, texts, full, holds } = found;
    // Inbound texts are kept apart from the hashed events (retention erases them): join them back in.
    const withText = (data: Record<string, unknown>) => {
      const ref = contentRefIn(data);
      if (!ref) return data;
      const c = texts.get(ref.id);
      return { ...data, text: c?.text ?? null, textErased: c ? c.text === null : true };
    };
    res.json({
      borrower: {
        id: external,
        name: borrower.name,
        status: borrower.status,
        locale: borrower.locale,
        language: languageOfBorrower(borrower),
        timezone: borrower.timezone,
        optOuts: borrower.optOuts,
        address: { region: borrower.region ?? null },
      },
      // What a borrower or agent said when a hold was opened or closed is content: not for an agent here.
      holds: holds.map((h) => ({
        ...presentHold(h, external),
        ...(full ? {} : { detail: null, closeDetail: null }),
      })),
      // Agents see recipients masked, in the messages and inside event data (provider errors quote numbers).
      items: entries.map((e) => ({
        ...e.event,
        borrowerId: external,
        // Agents see that a text came in and its keyword, not what it said (content is for compliance, whose reads are recorded).
        data: full
          ? withText(e.event.data)
          : maskContactsIn({ ...withText(e.event.data), ...(contentRefIn(e.event.data) ? { text: undefined } : {}) }),
        message: e.message ? (full ? presentMessage(e.message) : maskMessage(presentMessage(e.message))) : null,
      })),
    });
  };
}

export type { AuditRouteStore };
