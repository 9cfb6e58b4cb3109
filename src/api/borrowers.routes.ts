/** PUT /v1/borrowers/:id: create or update contact data, locale, time zone, consent, blackouts. */
import { Router, type Request, type Response } from 'express';
import type { AuditStore } from '../audit/audit-store.js';
import { type KeyRing, requireRole } from './auth.js';
import { validationProblem, zodFieldErrors } from './problem.js';
import { BorrowerId, BorrowerPut } from './schemas.js';

export function borrowersRouter(deps: { store: AuditStore; keyRing: KeyRing; clock: { now(): Date } }): Router {
  const router = Router();
  router.put('/v1/borrowers/:id', requireRole(deps.keyRing, ['collector']), async (req: Request, res: Response) => {
    const id = BorrowerId.safeParse(req.params.id);
    if (!id.success) throw validationProblem(zodFieldErrors(id.error, ['id']));
    const body = BorrowerPut.safeParse(req.body);
    if (!body.success) throw validationProblem(zodFieldErrors(body.error));
    if (body.data.id !== undefined && body.data.id !== id.data) {
      throw validationProblem([{ path: 'id', message: `differs from the id in the path ("${id.data}")` }]);
    }
    const { borrower, created } = await deps.store.upsertBorrower({ ...body.data, id: id.data }, deps.clock.now());
    res.status(created ? 201 : 200).json(borrower);
  });
  return router;
}
