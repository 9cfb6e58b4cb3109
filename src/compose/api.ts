/** The api role: intake, the strategy runner, the express app with its webhooks, and the HTTP listener. */
import { composeCannotReach } from './reach.js';
import { ConfigError } from '../config/config.js';
import { catalogueLintForKind, checkTenant } from './tenants.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import http from 'node:http';
import { makeApp } from '../http/api/app.js';
import { type ApiKeyRecord, makeKeyRing } from '../http/api/auth.js';
import { DEFAULT_STRATEGY, type Strategy } from '../policy/strategy.js';
import type { IntakeHooks } from '../services/intake.js';
import { composeIntake } from './intake.js';
import { composePromises } from './promises.js';
import { cancelReminder } from '../services/cancel.js';
import { cancelForErasure, ceaseBorrower, resolveBorrower } from '../services/borrower-actions.js';
import { endHold, openHold, releasePaidClaims } from '../services/holds.js';
import type { HoldActions } from '../http/api/holds.routes.js';
import { makeStrategyRunner, type StrategyRunner } from '../services/strategy-runner.js';
import { makeDraftLinter } from '../templates/draft-sandbox.js';
import { makeReplyInterpreter } from '../services/replies/interpreter.js';
import { twilioWebhooksRouter } from '../http/webhooks/twilio.routes.js';
import { unsubscribeRouter } from '../http/webhooks/unsubscribe.routes.js';
import { inboundMailRouter } from '../http/webhooks/inbound-mail.routes.js';
import { composeBounceWebhook, composeInboundMail, replyActionPorts } from './inbound-mail.js';
import { emailBouncesRouter } from '../http/webhooks/email-bounces.routes.js';
import type { Core } from './core.js';
import { listen } from './listen.js';
import { allBreakers, readinessChecks } from './ops.js';
import type { Releasers } from './releasers.js';

export interface ApiOptions {
  apiKeys: ApiKeyRecord[];
  intakeHooks?: IntakeHooks | undefined;
  strategy?: Strategy | undefined;
  version?: string | undefined;
}

export async function composeApi(
  core: Core,
  o: ApiOptions,
  releasers: Releasers,
): Promise<{ url: string; strategyRunner: StrategyRunner }> {
  const { config, store, queues, clock, log, metrics } = core;
  const lookups = tenantLookups(core);
  const intake = composeIntake(core, o.intakeHooks);
  const strategyRunner = makeStrategyRunner({
    eventsSent: async (tenant) => (await core.events.destinations(tenant)).includes('tenant'),
    store,
    intake,
    queues,
    strategy: o.strategy ?? DEFAULT_STRATEGY,
    dayMs: config.strategyDayMs,
    clock,
    templateChannels: (key) => core.catalogue.channelsOf(key),
  });
  const draftLinter = makeDraftLinter({ budgetMs: config.draftLintBudgetMs });
  releasers.add(() => draftLinter.close());
  const replyInterpreter = makeReplyInterpreter({ budgetMs: config.replyInterpretBudgetMs });
  releasers.add(() => replyInterpreter.close());
  const holds = holdActions(core, lookups);
  const promises = composePromises(core, intake);
  const cannotReach = composeCannotReach(core);
  const twilio = twilioWebhooksRouter({
    store,
    ledger: core.ledger,
    profile: core.profile,
    render: core.render,
    voice: core.providers?.voice,
    authToken: config.twilio?.authToken,
    otherAccounts: otherTwilioAccounts(config),
    publicBaseUrl: config.publicBaseUrl,
    clock,
    log: log.child({ part: 'webhooks' }),
    optOuts: core.optOuts,
    learn: (m, fact, code) => cannotReach(m, fact, code, 'twilio'),
    senderKind: config.sender.kind,
    kindOf: lookups.kindOf,
    contactOf: async (tenant: string) => {
      const t = await core.tenants.get(tenant);
      return t?.contact ?? (t && t.id !== DEFAULT_TENANT ? { name: t.name } : null);
    },
    tenantOfInbound: lookups.tenantOfInbound,
    interpret: (input) => replyInterpreter.interpret(input),
    ...replyActionPorts(core),
  });
  await checkKeyTenants(core, o.apiKeys);
  checkStrategyExperiments(o.strategy ?? DEFAULT_STRATEGY, core.experiments);
  const app = makeApp({
    tenants: core.tenants,
    experiments: core.experiments,
    attributionWindowDays: config.attributionWindowDays,
    kindOf: lookups.kindOf,
    // The worker renders with the tenant's own contact (dispatch ports): so does the composer.
    contactOf: async (tenant: string) => (await core.tenants.get(tenant))?.contact ?? null,
    profileOf: lookups.profileOf,
    checkTenant: lookups.checkTenant,
    draftLinter,
    replyInterpreter,
    optOuts: core.optOuts,
    store,
    cancelReminder: (reminderId, actor) => cancelReminder({ store, queues, clock }, reminderId, actor),
    resolveBorrower: (borrowerId, actor, note) => resolveBorrower({ store, queues, clock }, borrowerId, actor, note),
    cancelForErasure: (borrowerId, actor) => cancelForErasure({ store, queues, clock }, borrowerId, actor),
    holds,
    promises,
    promiseMaxAheadDays: config.promises.maxAheadDays,
    intake,
    queues,
    boardQueues: queues.all(),
    catalogue: core.catalogue,
    profile: core.profile,
    smsMaxSegments: config.smsMaxSegments,
    senderKind: config.sender.kind,
    ledger: core.ledger,
    keyRing: makeKeyRing(o.apiKeys, (hash) => store.apiKeys.findByHash(hash)),
    log: log.child({ part: 'api' }),
    metrics,
    clock,
    checks: readinessChecks(core),
    breakers: allBreakers(core),
    oldestDue: (now) => store.schedule.oldestDue(now),
    strategyRunner,
    accountImport: config.accountImport,
    maxSendAheadMs: config.schedule.maxAheadMs,
    webhooks: {
      twilio,
      unsubscribe: unsubscribeRouter({
        store,
        signer: core.signer,
        optOuts: core.optOuts,
        clock,
        legacyDays: config.unsubscribeLegacyDays,
      }),
      inboundMail: inboundMailRouter({
        mail: config.inboundMail.secret ? composeInboundMail(core, replyInterpreter) : undefined,
        secret: config.inboundMail.secret,
        maxBytes: config.inboundMail.maxBytes,
      }),
      emailBounces: emailBouncesRouter({
        bounces: config.inboundMail.secret ? composeBounceWebhook(core) : undefined,
        secret: config.inboundMail.secret,
        log: log.child({ part: 'email-bounces' }),
        metrics,
      }),
    },
    version: o.version ?? '0.0.0',
    rateLimitPerMinute: config.rateLimitPerMinute,
    heavyReadLimits: { perKey: config.heavyReads.perKey, perTenant: config.heavyReads.perTenant },
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    webhookRateLimitPerMinute: config.webhookRateLimitPerMinute,
  });
  const url = await listen(http.createServer(app), config.port, config.host, releasers);
  log.info({ url, role: config.role }, 'HTTP API listening');
  return { url, strategyRunner };
}

/** Holds and cease, with the store and the queues (src/services/holds.ts, borrower-actions.ts). */
function holdActions(core: Core, lookups: ReturnType<typeof tenantLookups>): HoldActions {
  const { store, queues, clock, config } = core;
  const deps = { store, queues, clock };
  return {
    openHold: (hold, actor) => openHold(deps, hold, actor),
    endHold: (borrowerId, holdId, end) => endHold(deps, borrowerId, holdId, end),
    listHolds: async (borrowerId) => ((await store.getBorrower(borrowerId)) ? store.holds.list(borrowerId) : undefined),
    ceaseBorrower: (borrowerId, actor, detail) => ceaseBorrower(deps, borrowerId, actor, detail),
    releasePaidClaims: (borrowerId, actor) => releasePaidClaims(deps, borrowerId, actor),
    profileNameOf: async (tenant) => ((await lookups.profileOf(tenant)) ?? core.profile).name,
    holdDays: config.holdDays,
    validationPeriodsOf: (borrowerId) => store.validationNotices.ofBorrower(borrowerId),
  };
}

/** What the API asks of the tenants: kinds, profiles, senders, the tenant of an inbound text, and checking a new record. */
function tenantLookups(core: Core) {
  const { config } = core;
  return {
    kindOf: async (tenant: string) => (await core.tenants.get(tenant))?.kind,
    profileOf: async (tenant: string) => (await core.tenants.get(tenant))?.profile,
    senderOf: async (tenant: string) => {
      const t = await core.tenants.get(tenant);
      return t && { ...t.sender, channels: t.channels };
    },
    tenantOfInbound: async (to: string, service: string) => {
      const hit = (await core.tenants.list()).find(
        (t) =>
          t.id !== DEFAULT_TENANT &&
          t.sms &&
          (('from' in t.sms && t.sms.from === to) ||
            ('messagingServiceSid' in t.sms && t.sms.messagingServiceSid === service)),
      );
      return hit?.id ?? DEFAULT_TENANT;
    },
    checkTenant: (raw: unknown) =>
      checkTenant(raw, {
        lintForKind: catalogueLintForKind(config.templatesDir, core.profile, config.smsMaxSegments),
        profile: core.profile,
      }),
  };
}

/** Refuses API_KEYS naming a tenant that does not exist. */
async function checkKeyTenants(core: Core, apiKeys: ApiOptions['apiKeys']): Promise<void> {
  for (const k of apiKeys) {
    if (k.tenant && !(await core.tenants.has(k.tenant)))
      throw new ConfigError(
        `API_KEYS: a ${k.role} key names tenant "${k.tenant}", which does not exist (npm run tenants -- list)`,
      );
  }
}

/** A cadence step naming an experiment that EXPERIMENTS_FILE does not define stops the start. */
function checkStrategyExperiments(
  strategy: NonNullable<ApiOptions['strategy']>,
  experiments: Core['experiments'],
): void {
  for (const [stage, steps] of Object.entries(strategy.cadences)) {
    steps.forEach((s, i) => {
      if (s.experiment && !experiments.get(s.experiment))
        throw new ConfigError(
          `STRATEGY_FILE cadences.${stage}.${i}.experiment: unknown experiment "${s.experiment}" (EXPERIMENTS_FILE defines them)`,
        );
    });
  }
}

/** The secondary Twilio route's account, when it is not the primary's: its callbacks verify with its own token. */
function otherTwilioAccounts(config: Core['config']): ReadonlyMap<string, string> | undefined {
  const secondary = config.twilioSecondary;
  if (!secondary || secondary.accountSid === config.twilio?.accountSid) return undefined;
  return new Map([[secondary.accountSid, secondary.authToken]]);
}
