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

export function validationProblem(errors: FieldError[]): HttpProblem {
  const detail = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return new HttpProblem(
    400,
    'Validation failed',
    errors.length > 5 ? `${detail}; and ${errors.length - 5} more` : detail,
    { errors },
  );
}

/** The body of a validation problem, for one item of a batch. */
export function validationProblemBody(errors: FieldError[]) {
  const p = validationProblem(errors);
  return problemBody(p.status, p.title, p.detail, p.extra);
}
