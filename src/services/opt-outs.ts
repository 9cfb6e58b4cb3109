/**
 * Opt-outs belong to the number or address (FCC 24-24; 12 CFR 1006.14(h), 1006.6(e)): a STOP,
 * an unsubscribe or a provider's 21610 puts the address on the suppression list, whether or not a
 * borrower carries it yet, and every borrower carrying it is opted out of that channel with its
 * pending messages there suppressed. A borrower-level opt-out is written to the list as well.
 * The worker checks the list before every send, so a borrower created later with the address is
 * never contacted on it.
 */
import type { Clock } from '../domain/clock.js';
import type { Channel } from '../../queues/index.js';
import type { OptOutsStore } from '../store/ports.js';
import type { Suppression, SuppressionList, SuppressionSource } from '../store/suppressions.js';
import { type Borrower, type Message, PENDING_STATUSES } from '../domain/index.js';
import {
  type AddressChannel,
  type AddressKind,
  CHANNELS_OF,
  maskRecipient,
  normaliseAddress,
} from '../policy/address.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import { DEFAULT_TENANT } from '../domain/tenant.js';
import { removeJobs } from '../jobs/enqueue.js';

export interface OptOutDeps {
  store: OptOutsStore;
  /** Without queues (a command-line import), settled messages' jobs stay and find their rows settled. */
  queues?: DispatchQueues;
  /** The default tenant's suppression list. */
  list: SuppressionList;
  /** Each tenant's list (absent: one list, the default tenant's). */
  listOf?: (tenant: string) => SuppressionList;
  clock: Clock;
}

async function suppressPending(
  deps: OptOutDeps,
  messages: Message[],
  actor: string,
  detail: string,
): Promise<string[]> {
  const done: string[] = [];
  for (const m of messages) {
    const moved = await deps.store.transition(
      m.id,
      { from: PENDING_STATUSES, to: 'suppressed', type: 'suppressed', actor, data: { reason: 'opted-out', detail } },
      deps.clock.now(),
    );
    if (moved) {
      done.push(m.id);
      if (deps.queues) await removeJobs(deps.queues, [m]);
    }
  }
  return done;
}

const addressOf = (b: Borrower, channel: Channel) => (channel === 'email' ? b.email : b.phone);

// Opt-outs belong to the number within a tenant: a STOP to one lender does not silence another's texts.
const listIn = (deps: OptOutDeps, tenant: string) =>
  deps.listOf && tenant !== DEFAULT_TENANT ? deps.listOf(tenant) : deps.list;

/** The borrower row's opt-out (and its pending messages on the channel), without touching the list. */
async function optOutRowIn(
  deps: OptOutDeps,
  borrowerId: string,
  channel: Channel,
  source: string,
  actor: string,
  detached = false,
) {
  const at = deps.clock.now();
  // The source is free text (a reason a person typed): it is kept apart from the hashed event, which commits to it.
  const content = await deps.store.content.put(borrowerId, source, at);
  const result = await deps.store.addOptOut(
    borrowerId,
    { channel, source, at: at.toISOString(), ...(detached ? { detached: true as const } : {}) },
    { type: 'borrower.opted_out', actor, data: { channel, content, ...(detached ? { detached: true } : {}) } },
    at,
  );
  if (!result) return undefined;
  const suppressed = await suppressPending(
    deps,
    await deps.store.pendingMessages(borrowerId, channel),
    actor,
    `the borrower opted out of ${channel} (${source})`,
  );
  return { ...result, suppressed };
}

/** The tenant's borrowers that carry the address. */
async function borrowersAtIn(deps: OptOutDeps, kind: AddressKind, address: string, tenant: string) {
  return (
    kind === 'phone' ? await deps.store.borrowersByPhone(address) : await deps.store.borrowersByEmail(address)
  ).filter((b) => b.tenant === tenant);
}

export function makeOptOuts(deps: OptOutDeps) {
  const listOf = (tenant: string) => listIn(deps, tenant);
  const optOutRow = (borrowerId: string, channel: Channel, source: string, actor: string, detached = false) =>
    optOutRowIn(deps, borrowerId, channel, source, actor, detached);
  const borrowersAt = (kind: AddressKind, address: string, tenant: string) =>
    borrowersAtIn(deps, kind, address, tenant);
  return {
    /**
     * A borrower opts out of a channel (the API, an agent, a provider about one borrower): the row
     * and its pending messages, and the borrower's current address on the list.
     */
    async optOutBorrower(borrowerId: string, channel: Channel, source: string, kind: SuppressionSource, actor: string) {
      const result = await optOutRow(borrowerId, channel, source, actor);
      if (!result) return undefined;
      const address = addressOf(result.borrower, channel);
      if (address)
        await listOf(result.borrower.tenant).add(
          [{ address, channel, source: kind, detail: source, actor }],
          deps.clock.now(),
        );
      return result;
    },

    /**
     * The person at an address opted out (a STOP from the number, one-click unsubscribe, 21610):
     * the list first, then every borrower carrying the address. `added` is empty when the
     * address was already suppressed on every channel given (nothing new: no second confirmation).
     */
    async suppressAddress(input: {
      address: string;
      kind: AddressKind;
      channels: readonly AddressChannel[];
      source: SuppressionSource;
      detail?: string | null;
      actor: string;
      at?: string;
      tenant?: string;
    }) {
      const tenant = input.tenant ?? DEFAULT_TENANT;
      const added = await listOf(tenant).add(
        input.channels.map((channel) => ({
          address: input.address,
          channel,
          source: input.source,
          detail: input.detail ?? null,
          actor: input.actor,
          ...(input.at ? { at: input.at } : {}),
        })),
        deps.clock.now(),
      );
      const borrowers = await borrowersAt(input.kind, input.address, tenant);
      const suppressed: string[] = [];
      const text = `${input.source}${input.detail ? ` ${input.detail}` : ''}`;
      for (const b of borrowers) {
        for (const channel of input.channels) {
          const r = await optOutRow(b.id, channel, text, input.actor);
          if (r) suppressed.push(...r.suppressed);
        }
      }
      // Messages to the address that belong to borrowers who no longer carry it.
      for (const b of borrowers) {
        const rest = (await deps.store.pendingMessages(b.id)).filter(
          (m) => m.to === input.address && (input.channels as readonly string[]).includes(m.channel),
        );
        suppressed.push(
          ...(await suppressPending(
            deps,
            rest,
            input.actor,
            `${maskRecipient(input.address)} opted out (${input.source})`,
          )),
        );
      }
      return { added, borrowers: borrowers.map((b) => b.id), suppressed };
    },

    /**
     * The address is not the borrower's (a wrong number): the borrower's own opt-outs on its
     * channels and their pending messages, the list untouched (the number may be another
     * borrower's, who is not to lose it). Marked `detached`: a new address for the channel lifts it.
     */
    async detachFromBorrower(borrowerId: string, channels: readonly Channel[], source: string, actor: string) {
      const suppressed: string[] = [];
      for (const channel of channels) {
        const r = await optOutRow(borrowerId, channel, source, actor, true);
        if (r) suppressed.push(...r.suppressed);
      }
      return { suppressed };
    },

    /** The person at an address opted back in (START, or an API call with a recorded source). */
    async restoreAddress(input: {
      address: string;
      kind: AddressKind;
      channels?: readonly AddressChannel[];
      source: string;
      actor: string;
      tenant?: string;
    }): Promise<{ removed: Suppression[]; borrowers: string[] }> {
      const tenant = input.tenant ?? DEFAULT_TENANT;
      const channels = input.channels ?? CHANNELS_OF[input.kind];
      const removed = await listOf(tenant).remove(
        input.address,
        channels,
        { source: input.source, actor: input.actor },
        deps.clock.now(),
      );
      const borrowers = await borrowersAt(input.kind, input.address, tenant);
      // Borrower rows too, including opt-outs recorded before the list existed.
      for (const b of borrowers) {
        for (const channel of channels) {
          const content = await deps.store.content.put(b.id, input.source, deps.clock.now());
          await deps.store.removeOptOut(
            b.id,
            channel,
            { type: 'borrower.opted_in', actor: input.actor, data: { channel, content } },
            deps.clock.now(),
          );
        }
      }
      return { removed, borrowers: borrowers.map((b) => b.id) };
    },

    /** A provider says the address refuses the channel (Twilio 21610): suppressed for every borrower with it. */
    async providerRefused(m: { borrowerId: string; tenant: string; channel: Channel; to: string }, detail: string) {
      const address = normaliseAddress(m.to);
      if (address.ok)
        await this.suppressAddress({
          address: address.address,
          kind: address.kind,
          channels: [m.channel],
          source: 'provider-21610',
          detail,
          actor: 'provider',
          tenant: m.tenant,
        });
      else await this.optOutBorrower(m.borrowerId, m.channel, detail, 'provider-21610', 'provider');
    },

    suppressionsOf: (address: string, tenant: string = DEFAULT_TENANT) => listOf(tenant).of(address),
  };
}

export type OptOuts = ReturnType<typeof makeOptOuts>;
