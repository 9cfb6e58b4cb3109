/** RFC 9457 problem details: every error the API returns says what was wrong and where. */
import type { Response } from 'express';
import type { FieldError } from '../../schemas/field-errors.js';

export { type FieldError, zodFieldErrors } from '../../schemas/field-errors.js';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const TYPE_BASE = 'https://reminder-dispatch.dev/problems/';

export function problemBody(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
  return { type: `${TYPE_BASE}${slug}`, title, status, detail, ...extra };
}

export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify(problemBody(status, title, detail, extra)));
}

/** Seconds a client waits before sending again a request the store could not take (Retry-After). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * The database is down or locked (StoreUnavailableError): 503 with Retry-After. The request was not
 * accepted (a commit cut off by the outage may still have landed: a repeat with the same externalId
 * or Idempotency-Key answers with it, and is never carried out twice).
 */
export function storeUnavailableProblem(reason: string): HttpProblem & { extra: { retryAfterSeconds: number } } {
  return new HttpProblem(
    503,
    'Store unavailable',
    `${reason}, so this request was not accepted: send it again in ${STORE_RETRY_AFTER_SECONDS} seconds (Retry-After); a repeat with the same externalId or Idempotency-Key is never carried out twice`,
    { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
  ) as HttpProblem & { extra: { retryAfterSeconds: number } };
}

/** The first five errors, as a detail. */
function fieldDetail(errors: FieldError[]): string {
  const detail = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return errors.length > 5 ? `${detail}; and ${errors.length - 5} more` : detail;
}

export function validationProblem(errors: FieldError[]): HttpProblem {
  return new HttpProblem(400, 'Validation failed', fieldDetail(errors), { errors });
}

/** A well-formed request whose fields ask for what may not be done (a reserved key, a template not for it): 422. */
export function refusedFieldsProblem(errors: FieldError[]): HttpProblem {
  return new HttpProblem(422, 'Not allowed', fieldDetail(errors), { errors });
}

/** The body of a validation problem (400) or a refusal (422), for one item of a batch. */
export function validationProblemBody(errors: FieldError[], status: 400 | 422 = 400) {
  const p = status === 422 ? refusedFieldsProblem(errors) : validationProblem(errors);
  return problemBody(p.status, p.title, p.detail, p.extra);
}
