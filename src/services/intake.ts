/**
 * Accepting reminders: one transaction writes the reminder, its message rows and their first
 * events. A message due within the horizon is written `queued` (events `accepted`, `queued`) and
 * its job added to BullMQ after the commit (a crash between the two leaves `queued` rows without a
 * job, which the reconciler restores). One due later is `scheduled`: a row and no job, until the feeder brings
 * it in as it enters the horizon.
 */
import { assignArm, type Experiment } from '../policy/experiments.js';
import type { Clock } from '../domain/clock.js';
import { pooledRandomBytes } from '../lib/random-pool.js';
import type { Channel } from '../../queues/index.js';
import type { AcceptResult, BorrowerPatch, NewMessage } from '../store/audit-store.js';
import type { IntakeStore } from '../store/ports.js';
import {
  type Borrower,
  type Contact,
  type Debt,
  type Message,
  type Sender,
  thirdPartySmsBlocked,
} from '../domain/index.js';
import type { DispatchQueues } from '../jobs/dispatch-queues.js';
import { makeNaturalBatch } from '../lib/natural-batch.js';
import { enqueueMessages } from '../jobs/enqueue.js';
import { beginActivity, trackActivity } from '../observability/activity.js';

export interface ReminderRequest {
  externalId: string | null;
  requestHash: string;
  /** The tenant the reminder is for (its borrower's: `borrower.id` is that tenant's borrower key). */
  tenant: string;
  borrower: BorrowerPatch;
  upsertBorrower: boolean;
  channel: Channel | 'auto';
  template: string;
  /** Channels the template has a variant for (the API checks the key exists). */
  templateChannels: readonly Channel[];
  debt: Debt;
  sendAt: Date;
  expiresAt: Date | null;
  metadata: Record<string, unknown> | null;
  contact: Contact | null;
  /** For `auto`: the channel the borrower's strategy stage prefers, tried first. */
  preferredChannel?: Channel | undefined;
  /** Requests of one group (an account's cadence steps) are accepted together or not at all. */
  group?: string;
  /** A cadence step: if its channel may not be used by this sender (an agency's SMS to +1), the next usable one. */
  channelFallback?: boolean;
  /** An experiment: the borrower's arm replaces the template (and the channel, if it names one). */
  experiment?: string;
}

export interface IntakeHooks {
  /** Test seam: runs after the commit and before the enqueue (a crash here must lose nothing). */
  afterCommit?: (messages: Message[]) => Promise<void>;
}

export interface IntakeDeps {
  store: IntakeStore;
  queues: DispatchQueues;
  clock: Clock;
  /** Messages due later than this (ms from now) are stored `scheduled`, with no job; the feeder brings them in. */
  horizonMs: number;
  hooks?: IntakeHooks;
  onQueued?: (messages: Message[]) => void;
  /** Who sends: an agency's SMS to +1 numbers is not a usable channel for `auto` and cadence steps. */
  sender?: Sender;
  /** The experiments requests may name, and the channels of a template (for an arm's). */
  experiments?: { get(id: string): Pick<Experiment, 'id' | 'arms'> | undefined };
  channelsOf?: (template: string) => readonly Channel[];
  /** Each tenant's sender and the channels it sends on (used instead of `sender` when given). */
  senderOf?: (tenant: string) => Promise<(Sender & { channels?: readonly Channel[] }) | undefined>;
  /**
   * Single requests arriving while an intake transaction is in flight are accepted together in
   * the next one (at most this many; 0 or unset: each alone). No request waits for a timer.
   */
  gatherMax?: number;
  /**
   * The channels each address cannot take (what channels learned: a landline, a hard bounce), for
   * the borrowers (store keys) and addresses given: `auto` and cadence steps leave them out.
   */
  ruledOut?: (
    tenant: string,
    borrowerKeys: readonly string[],
    addresses: readonly string[],
  ) => Promise<ReadonlyMap<string, ReadonlySet<Channel>>>;
  /**
   * How long a reminder due now spent in a stage of its intake (seconds), once per message:
   * `gather` (waiting for the transaction in flight), `stored` (its own), `enqueued` (its job added
   * and the row marked queued). For the latency breakdown (docs/performance.md).
   */
  onStage?: (stage: 'gather' | 'stored' | 'enqueued', seconds: number, messages: number) => void;
}

/**
 * Ids that start with the time they were made (48 bits of milliseconds), then random bits: rows
 * made together sit together in every index keyed by them (the messages' and reminders' keys, the
 * events' `m:<id>` chains), so a batch's inserts touch a few pages at the right
 * edge of each B-tree instead of a page per row, and the pages written at commit stay few however
 * large the store grows. The random part keeps them unguessable.
 */
const SORTABLE = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
function timePrefix(ms: number, chars: number, bits: number): string {
  let out = '';
  for (let i = chars - 1; i >= 0; i--) out += SORTABLE[Math.floor(ms / 2 ** (i * bits)) % 2 ** bits]!;
  return out;
}
/**
 * What a reminder the service makes itself (a fallback, a promise's message, a validation notice) says of who it is
 * for: a stored borrower, left as it is, and its own key as external id and request hash, so repeating it (a restart,
 * a race) gives the first reminder back.
 */
export function ownRequest(
  key: string,
  borrower: { id: string; tenant: string },
): Pick<ReminderRequest, 'externalId' | 'requestHash' | 'tenant' | 'borrower' | 'upsertBorrower'> {
  return {
    externalId: key,
    requestHash: key,
    tenant: borrower.tenant,
    borrower: { id: borrower.id },
    upsertBorrower: false,
  };
}

export const newReminderId = () =>
  `rem_${Date.now().toString(16).padStart(12, '0')}${pooledRandomBytes(10).toString('hex')}`;
// 22 characters as before (the time in 8, 84 random bits in 14), in an alphabet whose byte order is
// its value order; short, because a message id is written several times into every waiting job in
// Redis (the key, the delay set, the data).
export const newMessageId = () => {
  const random = pooledRandomBytes(14);
  let tail = '';
  for (const b of random) tail += SORTABLE[b & 63]!;
  return `msg_${timePrefix(Date.now(), 8, 6)}${tail}`;
};

/** The address for a channel, or why there is none. */
function addressFor(borrower: Borrower, channel: Channel): string | undefined {
  return channel === 'email' ? (borrower.email ?? undefined) : (borrower.phone ?? undefined);
}

/** `auto`: the gentlest channel the borrower can be reached on and the template has (SMS, email, then voice). */
const AUTO_ORDER: readonly Channel[] = ['sms', 'email', 'voice'];

export function resolveChannel(
  borrower: Borrower,
  req: Pick<ReminderRequest, 'channel' | 'templateChannels' | 'preferredChannel' | 'channelFallback'>,
  sender?: Sender & { channels?: readonly Channel[] },
  ruledOut?: ReadonlyMap<string, ReadonlySet<Channel>>,
): Channel | { path: string; message: string } {
  const offered = (c: Channel) => !sender?.channels || sender.channels.includes(c);
  const cannotReach = (c: Channel) => {
    const a = addressFor(borrower, c);
    return !!a && !!ruledOut?.get(c === 'email' ? a.toLowerCase() : a)?.has(c);
  };
  const blocked = (c: Channel) =>
    !offered(c) || thirdPartySmsBlocked(sender, c, addressFor(borrower, c)) || cannotReach(c);
  if (req.channel !== 'auto' && !offered(req.channel) && !req.channelFallback) {
    return {
      path: 'channel',
      message: `this tenant does not send on ${req.channel} (its channels: ${sender!.channels!.join(', ')})`,
    };
  }
  if (req.channel !== 'auto' && !(req.channelFallback && blocked(req.channel))) {
    if (!req.templateChannels.includes(req.channel)) {
      // (a voice reminder may use a template that has only a voicemail script)
      return {
        path: 'channel',
        message: `the template has no ${req.channel} version (it has: ${req.templateChannels.join(', ')})`,
      };
    }
    if (!addressFor(borrower, req.channel)) {
      const field = req.channel === 'email' ? 'borrower.email' : 'borrower.phone';
      return {
        path: field,
        message: `a ${req.channel} reminder needs the borrower's ${req.channel === 'email' ? 'email address' : 'phone number'}`,
      };
    }
    return req.channel;
  }
  const order = req.preferredChannel
    ? [req.preferredChannel, ...AUTO_ORDER.filter((c) => c !== req.preferredChannel)]
    : AUTO_ORDER;
  const usable = order.filter(
    (c) =>
      req.templateChannels.includes(c) &&
      addressFor(borrower, c) &&
      borrower.consent[c] !== false &&
      !borrower.optOuts.some((o) => o.channel === c) &&
      !blocked(c),
  );
  const first = usable[0];
  if (!first)
    return { path: 'channel', message: 'channel "auto": the borrower has no phone or email that the template can use' };
  return first;
}

/** How long each single request waited for the intake transaction in flight. */
function observeGather(deps: IntakeDeps, items: ReadonlyArray<{ at: number }>): void {
  if (!deps.onStage) return;
  const now = performance.now();
  for (const i of items) deps.onStage('gather', (now - i.at) / 1000, 1);
}

/** Rows whose job the intake adds: committed `queued` (or `accepted`, by code before issue 32). */
const WAITING_FOR_JOB: ReadonlySet<string> = new Set(['queued', 'accepted']);

/** The intake's own stages for the messages due now: its transaction, then their jobs. */
function observeIntake(deps: IntakeDeps, dueNow: number, started: number, stored: number): void {
  if (!deps.onStage || dueNow === 0) return;
  deps.onStage('stored', (stored - started) / 1000, dueNow);
  deps.onStage('enqueued', (performance.now() - stored) / 1000, dueNow);
}

export function makeIntake(deps: IntakeDeps) {
  /** Adds the jobs of messages committed `queued` (the intake transaction marked them). */
  async function enqueue(created: Message[]): Promise<void> {
    if (created.length === 0) return;
    if (deps.hooks?.afterCommit) await deps.hooks.afterCommit(created);
    await enqueueMessages(deps.queues, created, deps.clock.now());
    deps.onQueued?.(created);
  }

  /** The borrower's arm of the request's experiment: its template and channel, and the names to record. */
  function withArm(req: ReminderRequest): ReminderRequest & { arm?: { experiment: string; arm: string } } {
    const e = req.experiment ? deps.experiments?.get(req.experiment) : undefined;
    if (!e) return req;
    const arm = assignArm(e, req.borrower.id);
    const channel = arm.channel ?? req.channel;
    return {
      ...req,
      template: arm.template,
      channel,
      templateChannels: deps.channelsOf?.(arm.template) ?? req.templateChannels,
      arm: { experiment: e.id, arm: arm.name },
    };
  }

  async function accept(given: ReminderRequest[], clientId: string, actor: string): Promise<AcceptResult[]> {
    const started = performance.now();
    const requests = given.map(withArm);
    const now = deps.clock.now();
    const horizon = now.getTime() + deps.horizonMs;
    const senders = new Map<string, (Sender & { channels?: readonly Channel[] }) | undefined>();
    if (deps.senderOf) for (const t of new Set(requests.map((r) => r.tenant))) senders.set(t, await deps.senderOf(t));
    const senderFor = (tenant: string) => (deps.senderOf ? senders.get(tenant) : deps.sender);
    // What channels learned about the addresses of the requests that choose a channel.
    const ruledOut = new Map<string, ReadonlyMap<string, ReadonlySet<Channel>>>();
    if (deps.ruledOut) {
      const choosing = requests.filter((r) => r.channel === 'auto' || r.channelFallback);
      for (const t of new Set(choosing.map((r) => r.tenant))) {
        const of = choosing.filter((r) => r.tenant === t);
        const given = of.flatMap((r) => [r.borrower.phone, r.borrower.email].filter((a): a is string => !!a));
        ruledOut.set(
          t,
          await deps.ruledOut(
            t,
            of.map((r) => r.borrower.id),
            given,
          ),
        );
      }
    }
    const endIntake = beginActivity('intake');
    const results = await deps.store
      .acceptReminders(
        requests.map((req) => ({
          id: newReminderId(),
          externalId: req.externalId,
          requestHash: req.requestHash,
          borrower: req.borrower,
          upsertBorrower: req.upsertBorrower,
          channel: req.channel,
          template: req.template,
          debt: req.debt,
          sendAt: req.sendAt.toISOString(),
          expiresAt: req.expiresAt ? req.expiresAt.toISOString() : null,
          metadata: req.metadata,
          contact: req.contact,
          ...(req.group !== undefined ? { group: req.group } : {}),
          messages: (borrower: Borrower): NewMessage[] | { error: { path: string; message: string } } => {
            const channel = resolveChannel(borrower, req, senderFor(borrower.tenant), ruledOut.get(req.tenant));
            if (typeof channel !== 'string') return { error: channel };
            const status = req.sendAt.getTime() > horizon ? 'scheduled' : 'queued';
            const arm = req.arm ? { experiment: req.arm.experiment, arm: req.arm.arm } : {};
            return [
              {
                id: newMessageId(),
                channel,
                template: req.template,
                locale: borrower.locale,
                to: addressFor(borrower, channel)!,
                sendAt: req.sendAt.toISOString(),
                status,
                ...arm,
              },
            ];
          },
        })),
        clientId,
        now,
        actor,
      )
      .finally(endIntake);
    // A repeat whose messages are still waiting for their job (the first request may have died
    // before enqueuing) is enqueued now; the job id makes this harmless if it was enqueued after
    // all, and the worker's check of the store if it has already gone. `scheduled` ones have no
    // job until the feeder's turn.
    const toEnqueue = results.flatMap((r) =>
      r.kind === 'created' || r.kind === 'repeat' ? r.messages.filter((m) => WAITING_FOR_JOB.has(m.status)) : [],
    );
    const stored = performance.now();
    await trackActivity('intake-enqueue', () => enqueue(toEnqueue));
    observeIntake(deps, toEnqueue.length, started, stored);
    return results;
  }

  // Keyed by client and actor: a batch is accepted for one caller (its idempotency keys).
  const gathered = makeNaturalBatch<
    { request: ReminderRequest; clientId: string; actor: string; at: number },
    AcceptResult
  >({
    run: (items) => {
      observeGather(deps, items);
      return accept(
        items.map((i) => i.request),
        items[0]!.clientId,
        items[0]!.actor,
      );
    },
    max: deps.gatherMax ?? 0,
    retryAlone: true,
  });
  return {
    accept,
    /** One request, accepted together with others of its caller that arrive meanwhile (see `gatherMax`). */
    acceptOne: (request: ReminderRequest, clientId: string, actor: string) =>
      gathered({ request, clientId, actor, at: performance.now() }, `${clientId}\u0000${actor}`),
  };
}

export type Intake = ReturnType<typeof makeIntake>;
