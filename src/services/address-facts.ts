/**
 * What a channel learns about an address (docs/reach.md, "What a channel learns"): recorded once
 * per tenant, address and fact, with an `address.learned` event on the chain of the borrower the
 * message was for (the timeline shows it); read back as the channels an address cannot take, which
 * `auto`, the strategy's steps and the gate leave out.
 */
import { type AddressFact, channelsRuledOut, FACT_DETAIL, RULES_OUT } from '../domain/address-facts.js';
import type { Channel } from '../domain/channels.js';
import type { Clock } from '../domain/clock.js';
import { maskRecipient } from '../policy/address.js';
import type { AddressFactsStore } from '../store/ports.js';

export type { AddressFactsStore };

export interface LearnInput {
  tenant: string;
  /** The E.164 number or the email address the message went to. */
  address: string;
  fact: AddressFact;
  /** The provider's code (`twilio-30006`, `smtp-5.1.1`). */
  code: string;
  messageId: string | null;
  /** The borrower the message was for (its chain gets the event). */
  borrowerId: string | null;
  actor: string;
}

export function makeAddressFacts(deps: { store: AddressFactsStore; clock: Clock }) {
  const repo = deps.store.addressFacts;
  return {
    /** Records the fact; the first time (or again after it was cleared) with its event. True when new. */
    async learn(f: LearnInput): Promise<boolean> {
      const address = f.address.includes('@') ? f.address.toLowerCase() : f.address;
      const { created } = await repo.learn(
        { tenant: f.tenant, address, fact: f.fact, code: f.code, messageId: f.messageId },
        deps.clock.now(),
      );
      if (created && f.borrowerId)
        await deps.store.recordBorrowerEvent(
          f.borrowerId,
          {
            type: 'address.learned',
            actor: f.actor,
            data: {
              fact: f.fact,
              code: f.code,
              channels: [...RULES_OUT[f.fact]],
              address: maskRecipient(address),
              detail: FACT_DETAIL[f.fact],
              ...(f.messageId ? { messageId: f.messageId } : {}),
            },
          },
          deps.clock.now(),
        );
      return created;
    },

    /**
     * The channels each address cannot take, for the borrowers (store keys) and addresses given:
     * their stored phone and email, and any given inline (a request that changes them).
     */
    async ruledOut(tenant: string, borrowerKeys: readonly string[], addresses: readonly string[]) {
      const given = addresses.map((a) => (a.includes('@') ? a.toLowerCase() : a));
      const facts = await repo.ofBorrowers(tenant, borrowerKeys, given);
      const out = new Map<string, Set<Channel>>();
      for (const a of new Set(facts.map((f) => f.address)))
        out.set(a, channelsRuledOut(facts.filter((f) => f.address === a)));
      return out;
    },

    /** The facts standing on an address (the gate and the timeline). */
    of: (tenant: string, address: string) => repo.of(tenant, [normalised(address)]),
    /** `of` for many addresses of a tenant in one query (the workers' gate): a list per address given, in order. */
    async ofMany(tenant: string, addresses: readonly string[]) {
      const keys = addresses.map(normalised);
      const facts = await repo.of(tenant, keys);
      return keys.map((a) => facts.filter((f) => f.address === a));
    },
  };
}

export type AddressFacts = ReturnType<typeof makeAddressFacts>;

/** Email addresses are kept in lower case; phone numbers as given (E.164). */
const normalised = (address: string) => (address.includes('@') ? address.toLowerCase() : address);
