/**
 * How many heavy reads (export, verify, borrower search, stats, outcome reports) run at once:
 * at most `perKey` with one API key and `perTenant` within one tenant (deployment-wide keys share
 * one count). Past either the request is refused at once with 429 and `Retry-After`; a slot is
 * given back when the response has finished or its client has gone away.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpProblem } from './problem.js';

export interface HeavyReadLimits {
  perKey: number;
  perTenant: number;
  /** What `Retry-After` says, in seconds. */
  retryAfterSeconds?: number;
}

/** The tenant count of deployment-wide keys (no tenant id contains a space). */
const DEPLOYMENT = 'deployment wide';

export function makeHeavyReadLimit(limits: HeavyReadLimits): RequestHandler {
  const running = new Map<string, number>();
  const retryAfter = String(limits.retryAfterSeconds ?? 5);
  const add = (k: string, n: number) => {
    const v = (running.get(k) ?? 0) + n;
    if (v > 0) running.set(k, v);
    else running.delete(k);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const principal = req.principal!;
    const key = `key ${principal.keyId}`;
    const tenantId = principal.tenant ?? DEPLOYMENT;
    const tenant = `tenant ${tenantId}`;
    const refuse = (detail: string) => {
      res.setHeader('Retry-After', retryAfter);
      next(new HttpProblem(429, 'Too many heavy reads', detail));
    };
    if ((running.get(key) ?? 0) >= limits.perKey) {
      refuse(
        `${limits.perKey} exports, verifies, searches or reports are already running with this key; wait for one to finish (or cancel it) and retry after ${retryAfter} s (HEAVY_READS_PER_KEY)`,
      );
      return;
    }
    if ((running.get(tenant) ?? 0) >= limits.perTenant) {
      const whose = tenantId === DEPLOYMENT ? 'with deployment-wide keys' : `for tenant "${tenantId}"`;
      refuse(
        `${limits.perTenant} exports, verifies, searches or reports are already running ${whose}; retry after ${retryAfter} s (HEAVY_READS_PER_TENANT)`,
      );
      return;
    }
    add(key, 1);
    add(tenant, 1);
    let released = false;
    // 'close' comes once the response is sent or the connection is gone, whichever is first.
    res.once('close', () => {
      if (released) return;
      released = true;
      add(key, -1);
      add(tenant, -1);
    });
    next();
  };
}

/** An AbortSignal that fires when the client goes away before the response is finished. */
export function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client went away'));
  });
  return controller.signal;
}
