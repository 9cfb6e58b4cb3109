/** The shapes the store takes and gives for intake, transitions and the outbox. */
import type { EventType } from '../domain/events.js';
import type { Channel } from '../domain/channels.js';
import type { Borrower, Message, MessageStatus, Reminder } from '../domain/index.js';

/** The fields of a borrower a caller may set; absent ones are left as they are. */
export interface BorrowerPatch {
  id: string;
  name?: string | null | undefined;
  locale?: string | undefined;
  timezone?: string | string[] | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  consent?: Partial<Borrower['consent']> | undefined;
  blackouts?: Borrower['blackouts'] | undefined;
  /** Where the borrower lives: `region` ISO 3166-2 (`US-MA`); null (the address or its region) clears it. */
  address?: { region?: string | null | undefined } | null | undefined;
}

export interface NewMessage {
  id: string;
  channel: Channel;
  template: string;
  locale: string;
  to: string;
  sendAt: string;
  /**
   * `queued` when it is due within the horizon: written with its `accepted` and `queued` events in
   * the intake transaction, its job added after the commit (a crash between the two leaves a queued
   * row without a job, which the reconciler restores). `scheduled` when it is due beyond: a row, no
   * job. (`accepted`, the default, is a row the caller enqueues and marks itself.)
   */
  status?: 'accepted' | 'queued' | 'scheduled';
  /** The experiment and arm that chose its template (and channel). */
  experiment?: string;
  arm?: string;
}

export interface NewReminder {
  id: string;
  externalId: string | null;
  requestHash: string;
  borrower: BorrowerPatch;
  /** Inline borrower data to upsert; when false the borrower must already exist. */
  upsertBorrower: boolean;
  channel: Channel | 'auto';
  template: string;
  debt: Reminder['debt'];
  sendAt: string;
  expiresAt: string | null;
  metadata: Record<string, unknown> | null;
  contact: Reminder['contact'];
  /** Resolves the messages once the borrower is known (the channel `auto` looks at contact data). */
  messages: (borrower: Borrower) => NewMessage[] | { error: { path: string; message: string } };
  /** Items of one group (an account's cadence steps) are accepted together or not at all. */
  group?: string;
}

export type AcceptResult =
  | { kind: 'created'; reminder: Reminder; messages: Message[] }
  | { kind: 'repeat'; reminder: Reminder; messages: Message[] }
  | { kind: 'conflict'; reminderId: string }
  | { kind: 'invalid'; path: string; message: string };

export interface EventInput {
  type: EventType;
  actor: string;
  data?: Record<string, unknown>;
}

export interface TransitionInput extends EventInput {
  from: readonly MessageStatus[];
  /** Also move a message that has been `sending` since before this instant (its worker died). */
  orSendingSince?: Date;
  to: MessageStatus;
  patch?: MessagePatch;
}

/**
 * What a transition also changes on the message, in the message's own words (see `Message`);
 * an absent field is left as it is, a null one is cleared.
 */
export interface MessagePatch {
  /** What was rendered: the template version, its locale, subject and body. */
  templateVersion?: string | null;
  locale?: string;
  subject?: string | null;
  body?: string | null;
  /** The data it was rendered with, to re-render it exactly (`getRenderData`). */
  /** What the body was rendered from; a call's `stopKeyAction` is where its stop key posts (withStopKey). */
  renderData?: { context: Record<string, unknown>; timezone: string | null; stopKeyAction?: string };
  /** The provider that took (or refused) it, and the provider's id for it. */
  provider?: string | null;
  providerId?: string | null;
  /** The provider route it was handed to (`smtp:secondary`); null: free to go through either. */
  route?: string | null;
  /** The provider's error code and message. */
  errorCode?: string | null;
  errorMessage?: string | null;
  /** When it is next due (ISO instant): the end of a deferral. */
  dueAt?: string;
  /** One more attempt (the event's data gets `attempt`). */
  incrementAttempts?: boolean;
  /** The message goes back to the store: its next job gets a new id (jobIdOf). */
  nextJob?: boolean;
}

export interface OutboxEntry {
  messageId: string;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  payload: Record<string, unknown>;
}

export interface StoredTemplateVersion {
  version: string;
  key: string;
  channel: string;
  locale: string;
  sources: { template: string; layout?: string | undefined; partials: Record<string, string> };
}

export interface OutboxRecord extends OutboxEntry {
  id: number;
  createdAt: string;
}
