/**
 * The contract test: every answer the integration suite gets through the harness's `api()` is
 * checked against the served OpenAPI document. The route must be in it, the status declared for
 * the operation, an error answered as problem+json, and a body valid against the schema the
 * document publishes for that status (the same zod schema it was generated from). A violation
 * fails the test that produced it.
 */
import fs from 'node:fs';
import { ROUTE_DOCS, statusesOf } from '../../src/http/api/openapi.js';

interface Operation {
  method: string;
  path: string;
  match: RegExp;
  /** Path parameters: a template with fewer is the better match (`/v1/accounts/overdue/batch` before `/{accountRef}/…`). */
  params: number;
  statuses: Set<string>;
  ok: Record<string, { safeParse(v: unknown): { success: boolean; error?: { message: string } } }>;
}

const OPERATIONS: Operation[] = ROUTE_DOCS.map((r) => ({
  method: r.method.toUpperCase(),
  path: r.path,
  match: new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  params: (r.path.match(/\{/g) ?? []).length,
  statuses: new Set(Object.keys(statusesOf(r))),
  ok: (r.ok ?? {}) as Operation['ok'],
})).sort((a, b) => a.params - b.params);

/** Paths the document leaves out on purpose: the console's static pages. */
const OUTSIDE = [/^\/ui(\/|$)/, /^\/$/];

export function contractViolation(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string | undefined {
  const path = new URL(url, 'http://x').pathname;
  if (OUTSIDE.some((re) => re.test(path))) return undefined;
  const op = OPERATIONS.find((o) => o.method === method.toUpperCase() && o.match.test(path));
  // A method the server does not route answers 404 from the fallback: not an operation.
  if (!op) return status === 404 || status === 405 ? undefined : `${method} ${path}: not in the document (${status})`;
  const code = String(status);
  const where = `${method} ${op.path} → ${status}`;
  if (!op.statuses.has(code)) return `${where}: status not declared (declared: ${[...op.statuses].join(', ')})`;
  if (status >= 400 && body !== undefined && !String(contentType).includes('application/problem+json'))
    return `${where}: an error that is not problem+json (${contentType})`;
  const schema = op.ok[code];
  if (schema) {
    if (!String(contentType).includes('application/json')) return `${where}: not application/json (${contentType})`;
    const parsed = schema.safeParse(body);
    if (!parsed.success) return `${where}: body does not match the document: ${parsed.error?.message}`;
  }
  return undefined;
}

/** Throws on a violation; with CONTRACT_REPORT set, appends it to that file instead (to survey the suite). */
export function checkContract(method: string, url: string, status: number, contentType: string | null, body: unknown) {
  const v = contractViolation(method, url, status, contentType, body);
  if (!v) return;
  if (process.env.CONTRACT_REPORT) fs.appendFileSync(process.env.CONTRACT_REPORT, `${v}\n`);
  else throw new Error(`the answer breaks the OpenAPI contract: ${v}`);
}
