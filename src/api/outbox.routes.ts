/** GET /v1/outbox: what the sandbox providers "sent" (channels with no credentials configured). */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import { type KeyRing, requireRole } from './auth.js';
import { validationProblem, zodFieldErrors } from './problem.js';

export const OutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export function outboxRouter(deps: { store: AuditStore; keyRing: KeyRing }): Router {
  const router = Router();
  router.get('/v1/outbox', requireRole(deps.keyRing, ['agent', 'compliance']), async (req: Request, res: Response) => {
    const q = OutboxQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    res.json({ items: await deps.store.listOutbox(q.data.limit) });
  });
  return router;
}
