/**
 * The HTTP API as an express app factory. It stores and enqueues; it never sends anything.
 */
import type { SenderKind } from '../../domain/sender.js';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import type { Clock } from '../../domain/clock.js';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import type { BreakerViews as Breakers } from '../../domain/breaker.js';
import type { Profile } from '../../policy/profile.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { DispatchQueues } from '../../jobs/dispatch-queues.js';
import type { Intake } from '../../services/intake.js';
import { type Catalogue, documentedTemplates } from '../../templates/catalogue.js';
import type { SenderContact } from '../../templates/context.js';
import { authenticate, type KeyRing, requireRole } from './auth.js';
import type { DraftLinter } from '../../templates/draft-sandbox.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { optOutsRouter } from './opt-outs.routes.js';
import { tooDeep } from '../../schemas/json-depth.js';
import {
  borrowersRouter,
  type BorrowersRouteStore,
  type CancelForErasure,
  type ResolveBorrower,
} from './borrowers.routes.js';
import { healthRouter, type ReadinessCheck, refreshGauges } from './health.routes.js';
import { buildOpenApi } from './openapi.js';
import { outboxRouter, type OutboxRouteStore } from './outbox.routes.js';
import { policyRouter, type PolicyRouteStore } from './policy.routes.js';
import { repliesRouter } from './replies.routes.js';
import type { ReplyInterpreter } from '../../services/replies/interpreter.js';
import { templatesRouter } from './templates.routes.js';
import { auditRouter, type AuditRouteStore } from './audit.routes.js';
import { strategyRouter, type StrategyRouteStore } from './strategy.routes.js';
import type { Promises } from '../../services/promises.js';
import type { StrategyRunner } from '../../services/strategy-runner.js';
import { HttpProblem, sendProblem, storeUnavailableProblem } from './problem.js';
import { storeUnavailable } from '../../store/store-unavailable.js';
import { type CancelReminder, remindersRouter, type RemindersRouteStore } from './reminders.routes.js';
import type { TenantDirectory } from './tenancy.js';
import type { Experiment } from '../../policy/experiments.js';
import { type TenantCheck, tenantsRouter, type TenantsRouteStore } from './tenants.routes.js';
import { outcomesRouter, type OutcomesRouteStore } from './outcomes.routes.js';
import { type HoldActions, holdsRouter } from './holds.routes.js';
import { inboxRouter, type InboxRouteStore } from './inbox.routes.js';
import { inboxAnswersRouter } from './inbox-answers.routes.js';
import { type HeavyReadLimits, makeHeavyReadLimit } from './heavy-read-limit.js';
import { uiRouter } from '../ui/ui.routes.js';

/**
 * Everything the API may do to the store: the union of its route groups' ports (each declared, and documented, in
 * its route file). The wiring passes the real store.
 */
export type ApiStore = RemindersRouteStore &
  BorrowersRouteStore &
  OutboxRouteStore &
  PolicyRouteStore &
  AuditRouteStore &
  StrategyRouteStore &
  OutcomesRouteStore &
  TenantsRouteStore &
  InboxRouteStore;

export interface AppDeps {
  store: ApiStore;
  /** Cancels a reminder's pending messages (the store and the queues, wired in src/compose). */
  cancelReminder: CancelReminder;
  /** Resolves a borrower and cancels what was pending (the store and the queues, wired in src/compose). */
  resolveBorrower: ResolveBorrower;
  /** Cancels a borrower's pending messages before an erasure (the store and the queues, wired in src/compose). */
  cancelForErasure: CancelForErasure;
  /** Holds on a borrower and cease (the store and the queues, wired in src/compose). */
  holds: HoldActions;
  /** Promises and plans that drive the cadence (services/promises.ts). */
  promises?: Pick<Promises, 'make' | 'paymentReported' | 'ofBorrower'>;
  /** How far ahead a promised date may be (PROMISE_MAX_AHEAD_DAYS). */
  promiseMaxAheadDays?: number;
  intake: Intake;
  queues: DispatchQueues;
  /** Every queue bull-board shows (the dispatch queues). */
  boardQueues: Queue[];
  catalogue: Catalogue;
  profile: Profile;
  smsMaxSegments: number;
  /** Who sends (templates see it as `sender`). */
  senderKind?: SenderKind;
  ledger: ContactLedger;
  keyRing: KeyRing;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  checks: Record<string, ReadinessCheck>;
  version: string;
  rateLimitPerMinute: number;
  /** Exports, verifies, searches and reports running at once per key and per tenant (default 2 and 4). */
  heavyReadLimits?: HeavyReadLimits;
  /** Per client address on /u/* and /metrics. */
  publicRateLimitPerMinute?: number;
  /** Per client address on /webhooks/*. */
  webhookRateLimitPerMinute?: number;
  draftLinter: DraftLinter;
  /** The reply interpreter (POST /v1/replies/interpret tries it). */
  replyInterpreter: ReplyInterpreter;
  optOuts: OptOuts;
  breakers?: Breakers;
  /** When the longest-waiting due and unsent message fell due (the store's schedule), for /metrics. */
  oldestDue?: (now: Date) => Promise<string | null>;
  strategyRunner: StrategyRunner;
  /** The delinquency file's bounds (IMPORT_MAX_LINE_CHARS, IMPORT_MAX_BYTES). */
  accountImport?: { maxLineChars: number; maxBytes: number };
  /** A `sendAt` further ahead than this is refused (SEND_AT_MAX_AHEAD). */
  maxSendAheadMs?: number;
  webhooks?: {
    twilio: express.Router;
    unsubscribe: express.Router;
    inboundMail?: express.Router | undefined;
    emailBounces?: express.Router | undefined;
  };
  /** The tenants: which exist (and, for the admin routes, their records). */
  tenants: TenantDirectory & { refresh(): Promise<void> };
  /** Days before an outcome in which a message that reached the borrower is a touch. */
  attributionWindowDays?: number;
  /** EXPERIMENTS_FILE's experiments (reminders name them; the outcome reports read them). */
  experiments?: { get(id: string): Experiment | undefined; list(): Experiment[] };
  /** A tenant's own compliance profile. */
  profileOf?: (tenant: string) => Promise<Profile | undefined>;
  /** A tenant's kind of sender (previews render as it). */
  kindOf?: (tenant: string) => Promise<SenderKind | undefined>;
  /** A tenant's contact details (an agent's answer names who is writing as the worker's rendering does). */
  contactOf?: (tenant: string) => Promise<SenderContact | null | undefined>;
  /** Checks a tenant record given to PUT /v1/tenants/:id. */
  checkTenant: TenantCheck;
}

export const BODY_LIMIT = '1mb';
/** No JSON body nests deeper than this (objects and arrays); deeper is a 400, never a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** JSON and every response without a page of its own: nothing may load, frame or run. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** bull-board: its own scripts and styles (and its <base href>), its API, nothing else. */
const BOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

function addressLimiter(limit: number, what: string) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`,
    handler: (_req, _res, next) =>
      next(
        new HttpProblem(429, 'Too many requests', `more than ${limit} requests a minute to ${what} from this address`),
      ),
  });
}

export function makeApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use((_req, res, next) => {
    // Pages that need more (the console, the unsubscribe page, bull-board) set their own.
    res.set('Content-Security-Policy', DEFAULT_CSP);
    next();
  });

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // A 503 is a dependency that is down (the store: said once by its own line), not this server failing.
      const level = res.statusCode === 503 ? 'warn' : res.statusCode >= 500 ? 'error' : 'debug';
      deps.log[level](
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          keyId: req.principal?.keyId,
        },
        'request',
      );
    });
    next();
  });

  useRateLimits(app, deps);
  // A relay's signed JSON bounce report: its signature is over the raw bytes, read before the JSON parser takes them.
  if (deps.webhooks?.emailBounces) app.use(deps.webhooks.emailBounces);
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use((req, _res, next) => {
    const deep =
      req.body !== undefined && req.is(['application/json', 'application/*+json'])
        ? tooDeep(req.body, MAX_JSON_DEPTH)
        : undefined;
    if (deep)
      return next(
        new HttpProblem(400, 'Validation failed', `${deep}: nested deeper than ${MAX_JSON_DEPTH} levels`, {
          errors: [{ path: deep, message: `nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays` }],
        }),
      );
    next();
  });

  app.use(['/v1', '/admin'], jsonBodiesOnly);

  // Provider callbacks and unsubscribe links: form-encoded, signed or tokened, no API key.
  if (deps.webhooks) {
    app.use(deps.webhooks.twilio);
    app.use(deps.webhooks.unsubscribe);
    if (deps.webhooks.inboundMail) app.use(deps.webhooks.inboundMail);
  }

  app.use(
    healthRouter({
      log: deps.log,
      metrics: deps.metrics,
      checks: deps.checks,
      breakers: deps.breakers,
      refreshGauges: () => refreshGauges(deps, deps.clock.now()),
    }),
  );
  const openapi = buildOpenApi(deps.version, documentedTemplates(deps.catalogue));
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  app.use(remindersRouter(deps));
  // One count for every heavy route: an export and a verify with one key take two slots.
  const heavyReadLimit = makeHeavyReadLimit(deps.heavyReadLimits ?? { perKey: 2, perTenant: 4 });
  app.use(borrowersRouter({ ...deps, heavyReadLimit }));
  app.use(holdsRouter(deps));
  app.use(optOutsRouter(deps));
  app.use(outboxRouter(deps));
  app.use(policyRouter(deps));
  app.use(repliesRouter(deps));
  app.use(inboxRouter(deps));
  app.use(inboxAnswersRouter(deps));
  app.use(templatesRouter(deps));
  app.use(auditRouter({ ...deps, heavyReadLimit }));
  app.use(strategyRouter(deps));
  app.use(outcomesRouter({ ...deps, heavyReadLimit }));
  app.use(tenantsRouter({ ...deps, ...(deps.senderKind ? { defaultKind: deps.senderKind } : {}) }));
  app.use(uiRouter(deps));

  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({ queues: deps.boardQueues.map((q) => new BullMQAdapter(q)), serverAdapter: board });
  app.use(
    '/admin/queues',
    requireRole(deps.keyRing, ['admin'], { allowBasic: true }),
    (req: Request, res: Response, next: NextFunction) => {
      // The board shows every tenant's queues: a tenant's admin key does not open it.
      if (req.principal!.tenant !== null)
        return next(
          new HttpProblem(
            403,
            'Forbidden',
            "the queue board shows every tenant's queues: it takes a deployment-wide admin key",
          ),
        );
      res.set('Content-Security-Policy', BOARD_CSP);
      next();
    },
    board.getRouter() as express.Router,
  );

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new HttpProblem(404, 'Not found', `no route for ${req.method} ${req.path}`));
  });

  // Errors: everything a client sees is problem+json.
  app.use(problemHandler(deps.log));

  return app;
}

function problemHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpProblem) return sendProblem(res, err.status, err.title, err.detail, err.extra);
    const unavailable = storeUnavailable(err);
    if (unavailable) {
      // Said once per outage by the store's own log line (compose/core.ts); the request line says 503.
      log.debug({ method: req.method, path: req.path, reason: unavailable.reason }, 'store unavailable');
      const p = storeUnavailableProblem(unavailable.reason);
      res.set('Retry-After', String(p.extra.retryAfterSeconds));
      return sendProblem(res, p.status, p.title, p.detail, p.extra);
    }
    const e = err as { type?: string; status?: number; message?: string; limit?: number; body?: string };
    if (e.type === 'entity.too.large') {
      return sendProblem(
        res,
        413,
        'Payload too large',
        `the request body is over ${BODY_LIMIT}; send large imports as several batches`,
        { limit: e.limit },
      );
    }
    if (e.type === 'entity.parse.failed') {
      return sendProblem(res, 400, 'Malformed JSON', `the body is not valid JSON: ${e.message ?? 'parse error'}`, {
        errors: [{ path: '(body)', message: e.message ?? 'invalid JSON' }],
      });
    }
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      return sendProblem(res, 415, 'Unsupported media type', e.message ?? 'unsupported encoding');
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendProblem(res, e.status, 'Bad request', e.message ?? 'bad request');
    }
    log.error({ err, method: req.method, path: req.path }, 'unhandled error');
    return sendProblem(
      res,
      500,
      'Internal error',
      'the server failed to handle this request (it is logged); a request that carries its id (externalId or Idempotency-Key, an outcome id, the path of a PUT) is safe to repeat: what it already did is not done twice',
    );
  };
}

/** The routes that take a file (NDJSON or CSV) rather than JSON: they check its type themselves. */
const FILE_ROUTES = new Set(['/v1/accounts/overdue/import']);

/**
 * A body on the API is JSON: one of another type (text/plain, a form) is a 415 naming the type,
 * not a 400 about a missing object. A request without a body (a POST whose fields are all
 * optional) passes.
 */
function jsonBodiesOnly(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || FILE_ROUTES.has(req.baseUrl + req.path) || req.is(['application/json', 'application/*+json']))
    return next();
  const type = String(req.headers['content-type'] ?? '').slice(0, 60) || 'none';
  next(
    new HttpProblem(415, 'Unsupported media type', `send the body as application/json (got "${type}")`, {
      errors: [{ path: '(body)', message: `must be application/json, not "${type}"` }],
    }),
  );
}

/** Per API key on /v1 and /admin (by the id of the key presented; by address without a known key); per address on the routes without one. */
function useRateLimits(app: express.Express, deps: AppDeps): void {
  // Per API key: the limiter counts by the id of the key presented (by address without a known key).
  app.use(['/v1', '/admin'], authenticate(deps.keyRing));
  app.use(
    ['/v1', '/admin'],
    rateLimit({
      windowMs: 60_000,
      limit: deps.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => {
        const p = req.presented;
        return p && 'key' in p && p.key ? `key:${p.key.id}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
      },
      handler: (_req, _res, next) =>
        next(
          new HttpProblem(
            429,
            'Too many requests',
            `more than ${deps.rateLimitPerMinute} requests a minute with this key; slow down or send batches`,
          ),
        ),
    }),
  );
  app.use('/webhooks', addressLimiter(deps.webhookRateLimitPerMinute ?? 6000, '/webhooks'));
  app.use(CALLBACK_PATHS.unsubscribe, addressLimiter(deps.publicRateLimitPerMinute ?? 600, 'unsubscribe links'));
  app.use('/metrics', addressLimiter(deps.publicRateLimitPerMinute ?? 600, '/metrics'));
}

/** Before /metrics answers: the breakers' states and the queues' depths. */
