/** Table shapes as stored. JSON columns are text; times are ISO-8601 UTC strings (they sort). */
import type { ColumnType, Generated } from 'kysely';

export interface BorrowersTable {
  id: string;
  name: string | null;
  locale: string;
  timezone: string | null; // JSON: string | string[]
  phone: string | null;
  email: string | null;
  consent: string; // JSON {sms, voice, email}
  opt_outs: string; // JSON [{channel, source, at}]
  blackouts: string; // JSON [{days, from, to}]
  status: string;
  created_at: string;
  updated_at: string;
  /** Where the borrower lives, ISO 3166-2 (`US-MA`): picks the state and local policy layers (0029). */
  region: string | null;
  /** Set when retention erased the borrower's personal data. */
  erased_at: string | null;
  /** The language the collection system said the borrower prefers (BCP 47); null: never said. */
  language_preference: string | null;
  /** When it said so; null: not said, or said before this was recorded. */
  language_recorded_at: string | null;
}

export interface RemindersTable {
  id: string;
  client_id: string;
  external_id: string | null;
  request_hash: string;
  borrower_id: string;
  channel: string;
  template: string;
  debt: string; // JSON
  send_at: string;
  expires_at: string | null;
  metadata: string | null; // JSON
  contact: string | null; // JSON {name, agent, phone, hours}
  created_at: string;
  /** debt.accountRef, for finding a reminder's account (payments are reported by account). */
  account_ref: string | null;
}

export interface MessagesTable {
  id: string;
  reminder_id: string;
  borrower_id: string;
  channel: string;
  template: string;
  template_version: string | null;
  locale: string;
  to_addr: string;
  subject: string | null;
  body: string | null;
  status: string;
  provider: string | null;
  provider_id: string | null;
  /** The provider route it was handed to (`twilio:secondary`); null: a channel without a secondary route. */
  route: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  send_at: string;
  /** When the message is next due: `send_at`, or the end of its last deferral. The feeder's and reconciler's index. */
  due_at: string;
  /** 0 for the first job; one more each time a deferral parks the message back in the store (the job id, see jobIdOf). */
  job_seq: number;
  created_at: string;
  updated_at: string;
  /** JSON {context, timezone}: the data the template was rendered with, to re-render it exactly. */
  render_data: string | null;
  /** The tenant of the message's borrower (see domain/tenant.ts). */
  tenant: string;
  /** The experiment and arm it was sent in (null: none). */
  experiment: string | null;
  arm: string | null;
  /**
   * The head of the message's hash chain `m:<id>` (its newest event's seq and hash), kept on the
   * row the chain belongs to so a transition's own update reads and moves it (0027); null: no
   * event yet. Other chains keep theirs in `chain_heads`.
   */
  chain_seq: number | null;
  chain_hash: string | null;
}

/** A payment or a promise (a plan agreed) the collection system reported for an account. */
export interface OutcomesTable {
  /** `<tenant>:<kind>:<the caller's id>`: a repeat changes nothing. */
  id: string;
  tenant: string;
  kind: string;
  caller_id: string;
  account_ref: string;
  borrower_id: string;
  /** Decimal text (payments). */
  amount: string | null;
  currency: string | null;
  /** 1: the account is paid in full; 0: partial; null: a promise. */
  full: number | null;
  /** When it was paid, or when the promise was made. */
  at: string;
  /** A promise: the date it promises. */
  promised_for: string | null;
  request_hash: string;
  created_at: string;
}

/** The files behind every template version a message was rendered with. */
export interface TemplateVersionsTable {
  version: string;
  key: string;
  channel: string;
  locale: string;
  sources: string; // JSON TemplateSources
  created_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  message_id: string | null;
  borrower_id: string;
  type: string;
  at: string;
  actor: string;
  data: string; // JSON
  prev_hash: string;
  hash: string;
  /** Registry events written before 0028: the one chain they register (since, `data.chains` lists them). */
  ref_chain: string | null;
  /**
   * PostgreSQL: the writing transaction's id (a default, never written by the service), so the
   * relay can take only events of finished transactions, in transaction order. SQLite: null.
   */
  txid: ColumnType<string | number | null, string | number | null | undefined, never>;
}

/** The newest link of every chain: deleting the last events of a chain breaks the match. */
/** The heads of the chains other than messages' (borrowers', the registry's, addresses'). */
export interface ChainHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface ApiKeysTable {
  id: string;
  role: string;
  hash: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
  /** null: the default tenant for collector and agent keys; deployment-wide for compliance and admin. */
  tenant: string | null;
}

export interface TenantsTable {
  id: string;
  name: string;
  kind: string;
  profile: string | null;
  channels: string; // JSON Channel[]
  contact: string | null; // JSON
  senders: string; // JSON
  /** JSON {url, secret?}: where the tenant's outbound events go and what signs them; null: the defaults. */
  events: string | null;
  created_at: string;
  updated_at: string;
  /** Years its borrowers' content is kept after their last activity; null: its profile's (0029). */
  retention_years: number | null;
}

/** Who read message content or exported it, with what filter, when. */
export interface AuditReadsTable {
  id: Generated<number>;
  key_id: string;
  role: string;
  /** The reading key's tenant; null: a deployment-wide key (or a read before tenants). */
  tenant: string | null;
  action: string;
  target: string | null;
  filter: string; // JSON
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  message_id: string;
  channel: string;
  to_addr: string;
  subject: string | null;
  body: string;
  payload: string; // JSON: what the real provider would have been given
  created_at: string;
}

export interface Database {
  borrowers: BorrowersTable;
  reminders: RemindersTable;
  messages: MessagesTable;
  events: EventsTable;
  outbox: OutboxTable;
  template_versions: TemplateVersionsTable;
  chain_heads: ChainHeadsTable;
  api_keys: ApiKeysTable;
  audit_reads: AuditReadsTable;
  relay_cursor: RelayCursorTable;
  strategy_accounts: StrategyAccountsTable;
  webhook_receipts: WebhookReceiptsTable;
  suppressions: SuppressionsTable;
  event_content: EventContentTable;
  outbound_deliveries: OutboundDeliveriesTable;
  leases: LeasesTable;
  tenants: TenantsTable;
  outcomes: OutcomesTable;
  key_schemes: KeySchemesTable;
  borrower_holds: BorrowerHoldsTable;
  inbox_marks: InboxMarksTable;
  promises: PromisesTable;
  promise_instalments: PromiseInstalmentsTable;
  email_soft_bounces: EmailSoftBouncesTable;
  address_facts: AddressFactsTable;
  first_touches: FirstTouchesTable;
  validation_notices: ValidationNoticesTable;
  wrapped_keys: WrappedKeysTable;
  validation_notice_requests: ValidationNoticeRequestsTable;
}

/** Keys kept in the store wrapped under a key derived from SIGNING_SECRET (address-key.ts; 0033). */
export interface WrappedKeysTable {
  /** What the key is for: `suppression-address`. */
  name: string;
  /** `v1.<iv>.<ciphertext>.<tag>` (AES-256-GCM, base64url): the data keys, current first. */
  wrapped: string;
  /** The fingerprint of the secret it is wrapped under. */
  wrapped_under: string;
  created_at: string;
  /** When it was last wrapped (created, or re-wrapped after a rotation). */
  wrapped_at: string;
}

/** The notices the collection system was asked to provide on paper, one per borrower and account (0034). */
export interface ValidationNoticeRequestsTable {
  borrower_id: string;
  account_ref: string;
  tenant: string;
  /** The first communication about the account (a text or a call). */
  message_id: string;
  channel: string;
  due_by: string;
  requested_at: string;
}

/** The validation notice each borrower's account was sent, and its dates (0029). */
export interface ValidationNoticesTable {
  borrower_id: string;
  account_ref: string;
  tenant: string;
  message_id: string;
  sent_at: string;
  sent_on: string;
  assumed_receipt_on: string;
  ends_on: string;
  ends_at: string;
  itemization_date: string;
}

/** Each borrower's first touch in each experiment, and the days 7, 14 and 30 after it (0026). */
export interface FirstTouchesTable {
  experiment: string;
  borrower_id: string;
  tenant: string;
  arm: string;
  first_at: string;
  first7: string;
  first14: string;
  first30: string;
}

/** Soft bounces of an email address in a row, per tenant (0022). */
export interface EmailSoftBouncesTable {
  tenant: string;
  address: string;
  in_row: number;
  last_message_id: string;
  last_status: string;
  first_at: string;
  last_at: string;
}

/** What a channel learned about an address (0024). */
export interface AddressFactsTable {
  tenant: string;
  address: string;
  fact: string;
  code: string;
  message_id: string | null;
  first_at: string;
  last_at: string;
  count: number;
  cleared_at: string | null;
}

/** Promises and plans (0021): a promise is a plan of one instalment. */
export interface PromisesTable {
  id: string;
  tenant: string;
  borrower_id: string;
  account_ref: string;
  kind: string;
  source: string;
  currency: string | null;
  agreed_at: string;
  state: string;
  paid: string;
  misses: number;
  hold_id: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface PromiseInstalmentsTable {
  promise_id: string;
  seq: number;
  due_date: string;
  amount: string | null;
  state: string;
  courtesy_reminder_id: string | null;
  decided_at: string | null;
}

/** How far each key has read a borrower's replies (0020). */
export interface InboxMarksTable {
  tenant: string;
  key_id: string;
  borrower_id: string;
  last_event_id: number;
  updated_at: string;
}

/** Holds on a borrower (0019): a dispute, a claim to have paid, hardship. */
export interface BorrowerHoldsTable {
  id: string;
  tenant: string;
  borrower_id: string;
  kind: string;
  opened_at: string;
  until: string | null;
  source: string;
  detail: string | null;
  rule_ref: string | null;
  closed_at: string | null;
  closed_by: string | null;
  resolution: string | null;
  close_detail: string | null;
  /** The one account held (a promise's); null: every account of the borrower. */
  account_ref: string | null;
  promise_id: string | null;
}

/** When this store began a signing scheme (`unsubscribe-u2`: unsubscribe tokens under a key of their own). */
export interface KeySchemesTable {
  name: string;
  since: string;
}

/** Maintenance runs (reconciler, relay, retention): who holds each, until when, and when it last ran. */
export interface LeasesTable {
  name: string;
  holder: string | null;
  expires_at: string;
  last_run_at: string | null;
}

/** What became of each outbound event sent to the collection system (`evt_<event row id>`). */
export interface OutboundDeliveriesTable {
  event_id: string;
  /** `delivered`, `retrying` (failed, will be tried again) or `failed` (gave up). */
  status: string;
  attempts: number;
  updated_at: string;
  error: string | null;
}

/** Addresses not to be contacted on a channel, whoever carries them (see suppressions.ts). */
export interface SuppressionsTable {
  tenant: string;
  address: string;
  channel: string;
  source: string;
  detail: string | null;
  actor: string;
  at: string;
  /** The address's own event chain (random; null for entries copied before chains were kept). */
  chain: string | null;
}

/**
 * Free text an event refers to (an inbound reply's body): the event's data holds only its
 * SHA-256, so retention can erase the text and the chain still verifies.
 */
export interface EventContentTable {
  id: string;
  borrower_id: string;
  sha256: string;
  text: string | null;
  created_at: string;
  erased_at: string | null;
}

/** Provider callbacks already processed, by what identifies them (Twilio signatures carry no time: a replay is only known by its id). */
export interface WebhookReceiptsTable {
  key: string;
  at: string;
}

/** Where each account stands in the collection strategy, and the steps planned for its stage. */
export interface StrategyAccountsTable {
  client_id: string;
  account_ref: string;
  borrower_id: string;
  stage: string;
  why: string;
  days_overdue: number;
  entered_at: string;
  updated_at: string;
  plan: string; // JSON PlannedStep[]
}

/** How far the outbound-event relay has read the events table. */
export interface RelayCursorTable {
  name: string;
  last_id: number;
  /** PostgreSQL: the transaction of the last event relayed (the cursor is the pair). */
  last_tx: ColumnType<string | number, string | number | undefined, string | number>;
}
