/**
 * The served OpenAPI document lists every route the app serves, and nothing it does not. The
 * test builds the real app (and the real webhook routers) with dependencies that are never
 * called, walks express's router stack, and compares method and path with the document's
 * operations. The console's static pages (`GET /`, `/ui/*`) are left out, as issue 27 says.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AppDeps, makeApp } from '../../src/http/api/app.js';
import { buildOpenApi, README_REMINDER, ROUTE_DOCS } from '../../src/http/api/openapi.js';
import { twilioWebhooksRouter, type TwilioWebhookDeps } from '../../src/http/webhooks/twilio.routes.js';
import { unsubscribeRouter, type UnsubscribeDeps } from '../../src/http/webhooks/unsubscribe.routes.js';
import { inboundMailRouter } from '../../src/http/webhooks/inbound-mail.routes.js';
import { emailBouncesRouter, type EmailBouncesRouteDeps } from '../../src/http/webhooks/email-bounces.routes.js';

/** Stands for any dependency: building the routes may read it, but no request is ever made. */
const never: unknown = new Proxy(function never() {}, {
  get: (_t, key) => (key === 'then' ? undefined : never),
  apply: () => never,
});
const fake = <T extends object>(given: Partial<T>): T =>
  new Proxy(given, { get: (t, key) => (key in t ? t[key as keyof T] : never) }) as T;

function served(): { routes: Set<string>; mounts: Set<string> } {
  const app = makeApp(
    fake<AppDeps>({
      boardQueues: [],
      version: '0.0.0',
      rateLimitPerMinute: 60,
      heavyReadLimits: { perKey: 2, perTenant: 4 },
      webhooks: {
        twilio: twilioWebhooksRouter(fake<TwilioWebhookDeps>({ authToken: undefined, publicBaseUrl: 'http://x' })),
        unsubscribe: unsubscribeRouter(fake<UnsubscribeDeps>({ legacyDays: 0 })),
        inboundMail: inboundMailRouter({ mail: undefined, secret: undefined, maxBytes: 1024 }),
        emailBounces: emailBouncesRouter(fake<EmailBouncesRouteDeps>({ bounces: undefined, secret: undefined })),
      },
    }),
  );
  const routes = new Set<string>();
  const mounts = new Set<string>();
  interface Layer {
    route?: { path: string | RegExp; methods: Record<string, boolean> };
    /** A router has a stack; an app mounted as a router (bull-board's) is express's `mounted_app`. */
    handle: { stack?: Layer[]; name?: string };
    rawPath?: unknown;
    slash?: boolean;
  }
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      const inner = layer.handle.stack;
      if (layer.route) {
        const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${path}`);
      } else if (inner && layer.slash) walk(inner);
      else if (inner || layer.handle.name === 'mounted_app') mounts.add(String(layer.rawPath));
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return { routes, mounts };
}

const CONSOLE_PAGES = ['GET /', 'GET /^\\/ui(\\/.*)?$/'];

describe('the OpenAPI document', () => {
  const doc = buildOpenApi('0.0.0');
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      route: `${method.toUpperCase()} ${path}`,
      op: op as Record<string, unknown>,
    })),
  );

  it('lists every route the app serves, and only those', () => {
    const { routes, mounts } = served();
    const listed = new Set(operations.map((o) => o.route));
    const servedRoutes = [...routes].filter((r) => !CONSOLE_PAGES.includes(r));
    expect(
      servedRoutes.filter((r) => !listed.has(r)),
      'served but not in the document',
    ).toEqual([]);
    // bull-board is a router of its own, mounted at /admin/queues: the document names its mount point.
    expect([...mounts]).toEqual(['/admin/queues']);
    expect(
      [...listed].filter((r) => !routes.has(r) && r !== 'GET /admin/queues'),
      'in the document but not served',
    ).toEqual([]);
  });

  it('lists the opt-out routes by address', () => {
    expect(operations.map((o) => o.route)).toEqual(
      expect.arrayContaining(['POST /v1/opt-outs', 'GET /v1/opt-outs', 'DELETE /v1/opt-outs/{address}']),
    );
  });

  it('gives every operation an operationId of its own', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ROUTE_DOCS.length);
    expect(operations).toHaveLength(ROUTE_DOCS.length);
  });

  it('declares 401 and 403 on every keyed route and 429 on every rate-limited one', () => {
    for (const { route, op } of operations) {
      const codes = Object.keys(op.responses as object);
      if (op['x-roles']) expect(codes, route).toEqual(expect.arrayContaining(['401', '403']));
      if (/ \/(v1|admin|webhooks|u|metrics)(\/|$)/.test(route)) expect(codes, route).toContain('429');
    }
  });

  it('requires q on GET /v1/borrowers', () => {
    const params = (doc.paths['/v1/borrowers']!.get as { parameters: Array<{ name: string; required: boolean }> })
      .parameters;
    expect(params.find((p) => p.name === 'q')?.required).toBe(true);
    expect(params.find((p) => p.name === 'limit')?.required).toBe(false);
  });
});

describe("the document's examples", () => {
  it("are the README's flow (and a reply to interpret), and the server's own schemas accept each", () => {
    const withExamples = ROUTE_DOCS.filter((r) => r.example !== undefined);
    expect(withExamples.map((r) => r.operationId).sort()).toEqual(
      [
        'createOptOut',
        'createReminder',
        'createReminderBatch',
        'interpretReply',
        'putBorrower',
        'recordPayment',
        'recordPromise',
      ].sort(),
    );
    for (const r of withExamples) {
      const parsed = r.body!.safeParse(r.example);
      expect(parsed.success, `${r.operationId}: ${parsed.error?.message}`).toBe(true);
    }
    const readme = fs.readFileSync('README.md', 'utf8');
    expect(readme).toContain(`"externalId": "${README_REMINDER.externalId}"`);
    expect(readme).toContain(`"paymentUrl": "${README_REMINDER.debt.paymentUrl}"`);
  });
});
