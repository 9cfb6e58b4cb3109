/**
 * The store as each of its consumers sees it: one role-named port per consumer, naming exactly
 * the operations that consumer may perform. A consumer outside src/store takes its port, never
 * the whole `AuditStore`; only the composition root (src/compose, src/service.ts, the CLI) holds
 * the facade, and it satisfies every port below.
 */
import type { AuditStore } from './audit-store.js';

/** Content a consumer may only add (free text an event commits to by hash). */
type ContentWriter = Pick<AuditStore['content'], 'put'>;

/** The dispatch worker (src/workers/dispatch): reads a message with its context, moves it, keeps template versions. */
export type DispatchStore = Pick<AuditStore, 'getReminderOfMessage' | 'transition' | 'rememberTemplateVersion'>;

/** The feeder (src/jobs/feeder.ts): claims `scheduled` rows as they enter the horizon. */
export type FeederStore = Pick<AuditStore, 'schedule'>;

/** Maintenance runs (src/jobs/maintenance.ts): take and give back the lease on a period's run. */
export type MaintenanceStore = Pick<AuditStore, 'leases'>;

/** The reconciler (src/jobs/reconciler.ts): finds rows left without a job, and queues them. */
export type ReconcilerStore = Pick<AuditStore, 'findAccepted' | 'findAwaitingJob' | 'transitionMany'>;

/** The retention job (src/jobs/retention-job.ts): erases what is past its years. */
export type RetentionStore = Pick<AuditStore, 'retention'>;

/** Intake (src/services/intake.ts): accepts reminders, and queues the messages it accepted. */
export type IntakeStore = Pick<AuditStore, 'acceptReminders'>;

/** Cancelling a reminder (src/services/cancel.ts): reads it, and cancels its pending messages. */
export type CancelStore = Pick<AuditStore, 'getReminder' | 'transition'>;

/** Borrower actions (src/services/borrower-actions.ts): set a borrower's status (a cease's words as content), settle its pending messages. */
export type BorrowerActionsStore = Pick<AuditStore, 'setBorrowerStatus' | 'pendingMessages' | 'transition'> & {
  readonly content?: ContentWriter;
};

/**
 * Promises (src/services/promises.ts): the promises, the borrower and its latest reminder (the debt a
 * promise's message is about), its events, and what holds and cancelling need.
 */
export type PromisesStore = Pick<AuditStore, 'promises' | 'getBorrower' | 'latestReminder' | 'recordBorrowerEvent'> &
  HoldsStore &
  CancelStore;

/**
 * Holds (src/services/holds.ts): open, close and list a borrower's holds; find the messages a hold
 * deferred (their events) and bring them back to now. Ceasing (borrower-actions.ts) is a status.
 */
export type HoldsStore = Pick<AuditStore, 'holds' | 'pendingMessages' | 'listEvents' | 'transition'> & {
  readonly content: ContentWriter;
};

/**
 * Opt-outs (src/services/opt-outs.ts): finds the borrowers at an address, adds or removes their
 * opt-outs (with the source's text as content), and settles their pending messages.
 */
export type OptOutsStore = Pick<
  AuditStore,
  'borrowersByPhone' | 'borrowersByEmail' | 'addOptOut' | 'removeOptOut' | 'pendingMessages' | 'transition'
> & { readonly content: ContentWriter };

/**
 * The strategy runner (src/services/strategy-runner.ts): the strategy's accounts; the reminders
 * and events of a stage (to see how far it went), and cancelling a stage's reminders; whether an
 * escalation reached its destination.
 */
export type StrategyStore = CancelStore &
  Pick<
    AuditStore,
    | 'strategy'
    | 'remindersByExternalIds'
    | 'remindersByExternalPrefix'
    | 'getReminder'
    | 'listEvents'
    | 'latestReminder'
    | 'borrowerEventsOfType'
  > & { readonly deliveries: Pick<AuditStore['deliveries'], 'of'> };

/**
 * The outbound event relay and its delivery worker (src/http/webhooks/outbound-events.ts): new
 * events and the relay's cursor, the content they commit to, and what became of each delivery.
 */
export type RelayStore = Pick<AuditStore, 'relay' | 'content' | 'deliveries'>;

/** The unsubscribe page (src/http/webhooks/unsubscribe.routes.ts): the message a token names, and when a signing scheme began. */
export type UnsubscribeStore = Pick<AuditStore, 'getReminderOfMessage' | 'keySchemeSince'>;

/** Handling a delivery status (src/usecases/handle-delivery-status): reads a message, and moves it. */
export type DeliveryStatusStore = Pick<AuditStore, 'getMessage' | 'getReminderOfMessage' | 'transition'>;

/** Handling an inbound SMS (src/usecases/handle-inbound-sms): the borrowers at a number, their latest reminder, their events. */
export type InboundSmsStore = Pick<AuditStore, 'borrowersByPhone' | 'latestReminder' | 'recordBorrowerEvent'> & {
  readonly content: ContentWriter;
};

/** Handling an inbound email (src/usecases/handle-inbound-email): the message a reply address names, its borrower's events, a claim on each mail so a relay's retry is handled once. */
export type InboundEmailStore = Pick<
  AuditStore,
  'getReminderOfMessage' | 'recordBorrowerEvent' | 'latestReminder' | 'webhooks'
> & {
  readonly content: ContentWriter;
};

/**
 * Handling an email bounce (src/usecases/handle-email-bounce): the message an address or id names, its
 * move to `undelivered` and its `email.bounced` event, the soft bounces in a row, a claim on each
 * report so a retry is handled once.
 */
export type EmailBounceStore = Pick<AuditStore, 'getReminderOfMessage' | 'transition' | 'webhooks' | 'bounces'>;

/**
 * Twilio's webhooks (src/http/webhooks/twilio.routes.ts): claim each callback once (and release
 * the claim when handling fails), plus what its two use cases need.
 */
export type TwilioWebhookStore = Pick<AuditStore, 'webhooks'> & DeliveryStatusStore & InboundSmsStore;

/** The providers (src/compose/providers.ts): the outbox provider records what it would have sent. */
export type ProviderStore = Pick<AuditStore, 'recordOutbox'>;

// The HTTP API's route groups (src/http/api/*.routes.ts): what each group's handlers may do to the store.

/**
 * What the compliance routes may do to the store: search, export, chart and verify the messages, read one with its
 * events, template version and render data, a borrower with its timeline and inbound texts; record and list reads.
 */
export type AuditRouteStore = Pick<
  AuditStore,
  'getBorrower' | 'getReminderOfMessage' | 'listEvents' | 'getTemplateVersion' | 'getRenderData'
> & {
  readonly audit: Pick<AuditStore['audit'], 'search' | 'export' | 'stats' | 'timeline' | 'verify'>;
  readonly reads: Pick<AuditStore['reads'], 'record' | 'list'>;
  readonly content: Pick<AuditStore['content'], 'get'>;
  readonly holds: Pick<AuditStore['holds'], 'unclosed'>;
};

/**
 * What the inbox routes may do to the store: read a borrower, who replied and their conversations (the texts kept
 * apart), the holds not closed; set a key's read marks; record each read of a conversation; record an agent's
 * correction or answer (an event, its words as content); the latest reminder (an answer's debt and contact).
 */
export type InboxRouteStore = Pick<AuditStore, 'getBorrower' | 'recordBorrowerEvent' | 'latestReminder'> & {
  readonly inbox: AuditStore['inbox'];
  readonly reads: Pick<AuditStore['reads'], 'record'>;
  readonly content: Pick<AuditStore['content'], 'get' | 'put'>;
  readonly holds: Pick<AuditStore['holds'], 'unclosed'>;
};

/** What the borrower routes may do to the store: create or update a borrower, search a tenant's, record the search. */
export type BorrowersRouteStore = Pick<AuditStore, 'upsertBorrower' | 'getBorrower'> & {
  readonly audit: Pick<AuditStore['audit'], 'searchBorrowers'>;
  readonly reads: Pick<AuditStore['reads'], 'record'>;
  /** Erasure on request: the legal holds looked at first, then the erasure. */
  readonly holds: Pick<AuditStore['holds'], 'unclosed'>;
  readonly erasure: AuditStore['erasure'];
};

/** What the outbox route may do to the store: list what the sandbox sent, record a read of it. */
export type OutboxRouteStore = Pick<AuditStore, 'listOutbox'> & { readonly reads: Pick<AuditStore['reads'], 'record'> };

/** What the outcome routes may do to the store: find an account, record an outcome, read the reports' counts. */
export type OutcomesRouteStore = Pick<AuditStore, 'getBorrower'> & {
  readonly outcomes: Pick<
    AuditStore['outcomes'],
    'accountBorrower' | 'record' | 'reviewCounts' | 'reachCounts' | 'experimentCounts' | 'groupCounts'
  >;
  readonly audit: Pick<AuditStore['audit'], 'stats'>;
};

/** What the policy routes may do to the store: read a borrower and its holds not closed. */
export type PolicyRouteStore = Pick<AuditStore, 'getBorrower'> & {
  readonly holds: Pick<AuditStore['holds'], 'unclosed'>;
};

/** What the reminder routes may do to the store: read a reminder and its messages' events, record a read of content. */
export type RemindersRouteStore = Pick<AuditStore, 'getReminder' | 'listEvents'> & {
  readonly reads: Pick<AuditStore['reads'], 'record'>;
};

/** What the strategy routes may do to the store: read a borrower and its holds not closed (the rest goes through the strategy runner). */
export type StrategyRouteStore = Pick<AuditStore, 'getBorrower'> & {
  readonly holds: Pick<AuditStore['holds'], 'unclosed'>;
  readonly promises: Pick<AuditStore['promises'], 'ofBorrower'>;
};

/** What the tenant routes may do to the store: list, read and put tenant records. */
export type TenantsRouteStore = { readonly tenants: Pick<AuditStore['tenants'], 'list' | 'get' | 'put'> };

/** What channels learned about addresses (src/services/address-facts.ts): the facts, and the borrower's event. */
export type AddressFactsStore = Pick<AuditStore, 'addressFacts' | 'recordBorrowerEvent'>;

/** Channel fallback (src/services/fallbacks.ts): the failed message's reminder, the facts, the event. */
/** What follows an agency's first text or call (services/validation-notice-follow-up.ts). */
export type NoticeFollowUpStore = Pick<AuditStore, 'validationNotices' | 'addressFacts'>;

export type FallbacksStore = Pick<
  AuditStore,
  'getReminderOfMessage' | 'recordBorrowerEvent' | 'addressFacts' | 'silence'
>;
