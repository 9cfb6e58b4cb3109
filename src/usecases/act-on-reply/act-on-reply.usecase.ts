/**
 * A reply understood (src/policy/replies), acted on at once, each action an event on the
 * borrower's chain naming the reply's rule, and an outbound event to the collection system:
 * - `revoke`: the address the reply came from goes on the tenant's suppression list for the
 *   channels in scope that reach it, and the borrower's other address for the rest (an SMS that
 *   says "no emails either" suppresses the email address too); `consent.revoked`.
 * - `wrong-number`: the address is detached from the borrowers it reached (their own opt-outs on
 *   its channels, pending messages suppressed); the list is untouched, the number may be another
 *   borrower's; `contact.wrong_number`.
 * - `dispute`, `paid-already`, `hardship`: the borrower is held (open-hold, source `reply`):
 *   a dispute until it is closed, a claim to have paid and a hardship for their days.
 * - `promise` with a date: a promise on the account of the borrower's latest reminder, with its
 *   amount when stated (id `reply-<provider id>`: a repeated webhook records it once).
 * - every reply: `reply.understood` with its intents and whether a person must read it
 *   (`borrower.replied` outbound). Everything else waits for a person.
 * A revocation is never outweighed: it is acted on whatever else the reply says.
 */
import type { AddressKind } from '../../policy/address.js';
import type { Channel } from '../../domain/channels.js';
import type { Borrower } from '../../domain/index.js';
import type { Clock } from '../../domain/clock.js';
import type { Interpretation } from '../../domain/replies.js';
import type { OptOuts } from '../../services/opt-outs.js';
import type { InboundSmsStore } from '../../store/ports.js';
import type { HoldKind } from '../../domain/holds.js';
import type { Intent } from '../../domain/replies.js';
import { openHold, type OpenHoldPorts } from '../open-hold/open-hold.usecase.js';
import { recordPromise, type RecordPromisePorts } from '../record-promise/record-promise.usecase.js';

export interface ActOnReplyPorts {
  borrowers: Pick<InboundSmsStore, 'recordBorrowerEvent' | 'latestReminder'>;
  optOuts: Pick<OptOuts, 'suppressAddress' | 'detachFromBorrower'>;
  clock: Clock;
  /** Holds (absent: a dispute, a claim to have paid and a hardship wait for a person only). */
  holds?: OpenHoldPorts | undefined;
  /** Promises (absent: a promise waits for a person only). */
  promises?: RecordPromisePorts | undefined;
}

export interface ActOnReplyCommand {
  tenant: string;
  /** The tenant's borrowers the reply reached (those carrying the address, or the message's). */
  borrowers: readonly Borrower[];
  /** Where the reply came from. */
  from: { kind: AddressKind; address: string };
  channel: Channel;
  interpretation: Interpretation;
  /** Where the reply is kept (the content ref of its text) and the provider's id of it. */
  reference: Record<string, unknown>;
  /** The provider's id of the reply: a promise it carries is recorded under it, once. */
  replyId: string;
}

export interface ActOnReplyResult {
  /** The channels newly suppressed for the address the reply came from. */
  revoked: Channel[];
  wrongNumber: boolean;
  /** The holds opened (or found open) per kind. */
  held: HoldKind[];
  /** The promise recorded, if any. */
  promised: boolean;
}

/** What a reply's intent holds the borrower for. */
const HOLD_OF: Partial<Record<Intent, HoldKind>> = {
  dispute: 'dispute',
  'paid-already': 'paid-claim',
  hardship: 'hardship',
};

const ACTOR = 'borrower';
const PHONE_CHANNELS: readonly Channel[] = ['sms', 'voice'];

export async function actOnReply(ports: ActOnReplyPorts, cmd: ActOnReplyCommand): Promise<ActOnReplyResult> {
  const { interpretation: understood, tenant, from } = cmd;
  const now = () => ports.clock.now();
  const result: ActOnReplyResult = { revoked: [], wrongNumber: false, held: [], promised: false };
  const summary = understood.intents.map((i) => ({
    intent: i.intent,
    rule: i.rule,
    ...(i.scope ? { scope: i.scope } : {}),
    ...(i.promise ? { promise: i.promise } : {}),
  }));
  for (const b of cmd.borrowers)
    await ports.borrowers.recordBorrowerEvent(
      b.id,
      {
        type: 'reply.understood',
        actor: ACTOR,
        data: { channel: cmd.channel, intents: summary, needsPerson: understood.needsPerson, ...cmd.reference },
      },
      now(),
    );

  const revoke = understood.intents.find((i) => i.intent === 'revoke');
  if (revoke?.scope?.length) {
    const scope = revoke.scope;
    const reaches = (kind: AddressKind) => scope.filter((c) => (kind === 'email' ? c === 'email' : c !== 'email'));
    const suppress = (kind: AddressKind, address: string, channels: Channel[]) =>
      ports.optOuts.suppressAddress({
        address,
        kind,
        channels,
        source: 'reply',
        detail: revoke.rule,
        actor: ACTOR,
        tenant,
      });
    const own = reaches(from.kind);
    if (own.length) result.revoked = (await suppress(from.kind, from.address, own)).added.map((s) => s.channel);
    // The channels the reply's address does not reach: the borrowers' other address.
    const otherKind: AddressKind = from.kind === 'email' ? 'phone' : 'email';
    const other = reaches(otherKind);
    if (other.length)
      for (const b of cmd.borrowers) {
        const address = otherKind === 'email' ? b.email : b.phone;
        if (address) await suppress(otherKind, address, other);
      }
    for (const b of cmd.borrowers)
      await ports.borrowers.recordBorrowerEvent(
        b.id,
        { type: 'consent.revoked', actor: ACTOR, data: { channels: scope, rule: revoke.rule, via: cmd.channel } },
        now(),
      );
  }

  const wrong = understood.intents.find((i) => i.intent === 'wrong-number');
  if (wrong) {
    result.wrongNumber = true;
    const channels = from.kind === 'email' ? (['email'] as Channel[]) : [...PHONE_CHANNELS];
    for (const b of cmd.borrowers) {
      await ports.optOuts.detachFromBorrower(b.id, channels, `wrong number (reply, ${wrong.rule})`, ACTOR);
      await ports.borrowers.recordBorrowerEvent(
        b.id,
        { type: 'contact.wrong_number', actor: ACTOR, data: { channels, rule: wrong.rule, via: cmd.channel } },
        now(),
      );
    }
  }
  if (ports.holds)
    for (const i of understood.intents) {
      const kind = HOLD_OF[i.intent];
      if (!kind) continue;
      for (const b of cmd.borrowers) {
        const r = await openHold(ports.holds, ports.clock, {
          tenant,
          borrowerId: b.id,
          kind,
          source: 'reply',
          detail: `${i.rule} (reply by ${cmd.channel})`,
          actor: ACTOR,
        });
        if (r.kind !== 'not-found' && !result.held.includes(kind)) result.held.push(kind);
      }
    }

  const promise = understood.intents.find((i) => i.intent === 'promise');
  if (ports.promises && promise?.promise?.date)
    for (const b of cmd.borrowers) {
      const reminder = await ports.borrowers.latestReminder(b.id);
      if (!reminder) continue;
      const amount = promise.promise.amount;
      const r = await recordPromise(ports.promises, ports.clock, {
        tenant,
        accountRef: reminder.debt.accountRef,
        promise: {
          id: `reply-${cmd.replyId}`,
          kind: 'promise',
          promisedFor: promise.promise.date,
          ...(amount ? { amount, currency: reminder.debt.amountDue.currency } : {}),
        },
        source: 'reply',
      });
      if ('outcome' in r) result.promised = true;
    }
  return result;
}
