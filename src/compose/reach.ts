/**
 * What the service does when a message could not reach the borrower on its channel (docs/reach.md):
 * learn it about the address, and fall back to the next channel its reminder names.
 */
import { type AddressFact, rulesOut } from '../domain/address-facts.js';
import type { Message } from '../domain/index.js';
import { type Fallbacks, makeFallbacks } from '../services/fallbacks.js';
import type { Core } from './core.js';
import { composeIntake } from './intake.js';

export type CannotReach = (
  message: Pick<Message, 'id' | 'tenant' | 'to' | 'borrowerId' | 'channel'>,
  fact: AddressFact,
  code: string,
  actor: string,
) => Promise<void>;

export function composeFallbacks(core: Core): Fallbacks {
  return makeFallbacks({
    store: core.store,
    intake: composeIntake(core),
    clock: core.clock,
    channelsOf: (t) => core.catalogue.channelsOf(t),
  });
}

/** Learns the fact about the message's address; when it rules the message's channel out, the fallback. */
export function composeCannotReach(core: Core): CannotReach {
  let fallbacks: Fallbacks | undefined;
  return async (m, fact, code, actor) => {
    await core.addressFacts.learn({
      tenant: m.tenant,
      address: m.to,
      fact,
      code,
      messageId: m.id,
      borrowerId: m.borrowerId,
      actor,
    });
    if (rulesOut(fact, m.channel)) await (fallbacks ??= composeFallbacks(core)).cannotReach(m, code);
  };
}
