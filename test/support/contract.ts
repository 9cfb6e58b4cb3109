/**
 * The contract test: every answer the suite gets from a service it started — through the
 * harness's `api()`, a plain `fetch`, or a generated client — is checked against the OpenAPI
 * document. The route must be in it, the status declared for the operation, the content type one
 * the document names for that status (an error problem+json unless the route's answer is a page),
 * and a JSON body valid against the schema the document publishes for it (the same zod schema it
 * was generated from). A violation fails the test that produced it.
 */
import fs from 'node:fs';
import { mediaOf, ROUTE_DOCS, statusesOf } from '../../src/http/api/openapi.js';

interface Operation {
  method: string;
  path: string;
  match: RegExp;
  /** Path parameters: a template with fewer is the better match (`/v1/accounts/overdue/batch` before `/{accountRef}/…`). */
  params: number;
  statuses: Set<string>;
  media: (code: string) => readonly string[] | undefined;
  ok: Record<string, { safeParse(v: unknown): { success: boolean; error?: { message: string } } }>;
}

const OPERATIONS: Operation[] = ROUTE_DOCS.map((r) => ({
  method: r.method.toUpperCase(),
  path: r.path,
  match: new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  params: (r.path.match(/\{/g) ?? []).length,
  statuses: new Set(Object.keys(statusesOf(r))),
  media: (code: string) => mediaOf(r, code),
  ok: (r.ok ?? {}) as Operation['ok'],
})).sort((a, b) => a.params - b.params);

/** Paths the document leaves out on purpose: the console's static pages, and bull-board's own pages and API under its mount. */
const OUTSIDE = [/^\/ui(\/|$)/, /^\/$/, /^\/admin\/queues\/./];

/** The media type without its parameters: `text/csv; charset=utf-8` is `text/csv`. */
const typeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * `body`: the parsed JSON, the text, or undefined for an empty answer. Only a JSON body is held
 * against a schema; for others the content type is what is checked.
 */
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
  const media = op.media(code);
  const type = typeOf(contentType);
  if (type && body !== undefined) {
    if (!media) return `${where}: a body (${type}) where the document declares none`;
    if (!media.includes(type)) return `${where}: ${type} is not a declared content type (${media.join(', ')})`;
  }
  const schema = op.ok[code];
  if (schema && type === 'application/json') {
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

/** The origins of the services this test file started (harness, child processes): their answers are checked. */
const services = new Set<string>();
export function checkAnswersOf(url: string): void {
  if (URL.canParse(url)) services.add(new URL(url).origin);
}

const isJson = (type: string) => type === 'application/json' || type === 'application/problem+json';

/**
 * `fetch` with the check: installed for every test file (vitest setupFiles), so a test that calls
 * the service directly is held to the contract like one going through the harness. A JSON answer
 * is read from a clone (the caller reads the original); a stream (an export, a CSV) is not read,
 * only its status and type checked.
 */
export function installContractFetch(): void {
  const raw = globalThis.fetch;
  if ((raw as { contractChecked?: boolean }).contractChecked) return;
  const checked = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await raw(input, init);
    const url = input instanceof Request ? input.url : String(input);
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return res;
    }
    if (!services.has(origin)) return res;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const contentType = res.headers.get('content-type');
    const type = typeOf(contentType);
    let body: unknown = type ? '' : undefined;
    if (isJson(type) && method.toUpperCase() !== 'HEAD') {
      const text = await res.clone().text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    }
    checkContract(method, url, res.status, contentType, body);
    return res;
  };
  globalThis.fetch = Object.assign(checked, { contractChecked: true }) as typeof fetch;
}
