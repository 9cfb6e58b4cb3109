/** Borrowers' email replies and bounces: the receiver both faces share (the SMTP listener of the scheduler role, the API's relay endpoints). */
import { type CannotReach, composeCannotReach } from './reach.js';
import { makeInboundMail, type InboundMail } from '../http/webhooks/inbound-mail.js';
import { startInboundSmtp } from '../http/webhooks/inbound-smtp.js';
import { makeReplyInterpreter, type ReplyInterpreter } from '../services/replies/interpreter.js';
import { composePromises } from './promises.js';
import type { Core } from './core.js';
import { openHold } from '../services/holds.js';
import type { ActOnReplyPorts } from '../usecases/act-on-reply/act-on-reply.usecase.js';
import type { Releasers } from './releasers.js';
import type { HandleEmailBouncePorts } from '../usecases/handle-email-bounce/handle-email-bounce.usecase.js';
import type { BounceAddresses } from '../http/webhooks/bounce-address.js';

/** What a reply may open beside suppressions (act-on-reply): holds and promises, from the store and the queues. */
export function replyActionPorts(core: Core): Required<Pick<ActOnReplyPorts, 'holds' | 'promises'>> {
  const { store, queues, clock, config } = core;
  const promises = composePromises(core);
  return {
    holds: {
      openHold: (hold, actor) => openHold({ store, queues, clock }, hold, actor),
      profileNameOf: async (tenant) => ((await core.tenants.get(tenant))?.profile ?? core.profile).name,
      holdDays: config.holdDays,
      validationPeriodsOf: (borrowerId) => store.validationNotices.ofBorrower(borrowerId),
    },
    promises: {
      findAccount: (tenant, accountRef) => store.outcomes.accountBorrower(tenant, accountRef),
      recordOutcome: (o, now) => store.outcomes.record(o, now),
      borrowerStatus: async (id) => (await store.getBorrower(id))?.status,
      // A promise in a reply holds the account like one the collection system reports.
      makePromise: (p) => promises.make(p),
      maxAheadDays: config.promises.maxAheadDays,
    },
  };
}

/**
 * What handling a bounce takes (handle-email-bounce), without its tokens; undefined when no bounce
 * domain is set. A hard bounce is learned about the address (`hard-bounce`: `auto` and the cadence
 * choose another channel; docs/reach.md).
 */
export function bouncePorts(core: Core): Omit<HandleEmailBouncePorts, 'tokens'> | undefined {
  if (!core.bounceAddresses) return undefined;
  let cannotReach: CannotReach | undefined;
  return {
    store: core.store,
    optOuts: core.optOuts,
    ledger: core.ledger,
    clock: core.clock,
    softBounceLimit: core.config.bounces.softLimit,
    onBounce: async (b) => {
      if (!b.hard) return;
      const m = {
        id: b.messageId,
        tenant: b.tenant,
        to: b.address,
        borrowerId: b.borrowerId,
        channel: 'email' as const,
      };
      await (cannotReach ??= composeCannotReach(core))(m, 'hard-bounce', `smtp-${b.status}`, 'bounces');
    },
  };
}

/** The relay's JSON bounce webhook's part: the bounce addresses, and the ports with both kinds of token. */
export function composeBounceWebhook(
  core: Core,
): { addresses: BounceAddresses; ports: HandleEmailBouncePorts } | undefined {
  const ports = bouncePorts(core);
  if (!ports || !core.bounceAddresses) return undefined;
  return {
    addresses: core.bounceAddresses,
    ports: { ...ports, tokens: { bounce: core.bounceAddresses, reply: core.replyAddresses } },
  };
}

export function composeInboundMail(core: Core, interpreter: ReplyInterpreter): InboundMail | undefined {
  if (!core.replyAddresses) return undefined;
  const bounces = bouncePorts(core);
  return makeInboundMail({
    addresses: core.replyAddresses,
    ...(bounces && core.bounceAddresses ? { bounces: { addresses: core.bounceAddresses, ports: bounces } } : {}),
    ports: {
      store: core.store,
      optOuts: core.optOuts,
      interpret: (input) => interpreter.interpret(input),
      clock: core.clock,
      ...replyActionPorts(core),
    },
    log: core.log.child({ part: 'inbound-mail' }),
    metrics: core.metrics,
  });
}

/** INBOUND_SMTP_PORT set: the receiver listens (scheduler role); its port, or undefined when off. */
export async function composeInboundSmtp(core: Core, releasers: Releasers): Promise<number | undefined> {
  const { inboundMail } = core.config;
  if (inboundMail.smtpPort === undefined || !core.replyAddresses) return undefined;
  const interpreter = makeReplyInterpreter({ budgetMs: core.config.replyInterpretBudgetMs });
  releasers.add(() => interpreter.close());
  const smtp = await startInboundSmtp({
    mail: composeInboundMail(core, interpreter)!,
    port: inboundMail.smtpPort,
    host: inboundMail.smtpHost,
    maxBytes: inboundMail.maxBytes,
    tls: inboundMail.tls,
    log: core.log.child({ part: 'inbound-smtp' }),
    name: inboundMail.domain,
  });
  releasers.add(() => smtp.close());
  core.log.info({ port: smtp.port, host: inboundMail.smtpHost }, 'inbound SMTP receiver listening');
  return smtp.port;
}
