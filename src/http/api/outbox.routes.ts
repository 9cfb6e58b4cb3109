/**
 * GET /v1/outbox: what the sandbox providers "sent" (channels with no credentials configured).
 * Compliance (and admin) see it whole, and the read is recorded; agents see it masked.
 */
import type { OutboxRouteStore } from '../../store/ports.js';
import type { Clock } from '../../domain/clock.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { type KeyRing, requireRole } from './auth.js';
import { validationProblem, zodFieldErrors } from './problem.js';
import { maskRecipient } from '../../observability/logger.js';
import { tenantFilter, type TenantDirectory } from './tenancy.js';
import { readOutbox } from '../../usecases/read-outbox/read-outbox.usecase.js';

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  tenant: z.string().max(40).optional(),
});

export function outboxRouter(deps: {
  store: OutboxRouteStore;
  keyRing: KeyRing;
  clock: Clock;
  tenants: TenantDirectory;
}): Router {
  const router = Router();
  router.get('/v1/outbox', requireRole(deps.keyRing, ['agent', 'compliance']), async (req: Request, res: Response) => {
    const q = OutboxQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const { role, keyId, tenant } = req.principal!;
    const { items, masked } = await readOutbox(
      {
        listOutbox: (limit, t) => deps.store.listOutbox(limit, t),
        recordRead: (read, now) => deps.store.reads.record(read, now),
      },
      deps.clock,
      {
        limit: q.data.limit,
        tenant: await tenantFilter(req, deps.tenants),
        reader: { keyId, role, tenant },
        filter: q.data,
      },
    );
    if (masked) {
      // What the sandbox sent, without who it went to or what it said.
      res.json({
        items: items.map((i) => ({
          id: i.id,
          messageId: i.messageId,
          channel: i.channel,
          to: maskRecipient(i.to),
          subject: i.subject === null ? null : '[content: see the message]',
          createdAt: i.createdAt,
        })),
      });
      return;
    }
    res.json({ items });
  });
  return router;
}

export type { OutboxRouteStore };
