/**
 * What the dispatch steps need from the rest of the service, as plain functions and small
 * interfaces: the store's three message operations, the policy gate, the caps, the renderer, the
 * providers and the breakers. Tests pass in-memory fakes; the service passes the real parts.
 */
import type { SenderKind } from '../../domain/sender.js';
import type { AddressFact } from '../../domain/address-facts.js';
import type { DispatchStore } from '../../store/ports.js';
import type { Borrower, Channel, Clock, Message, Reminder } from '../../domain/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { DecisionInput, SendDecision } from '../../policy/send-decision.js';
import type { CircuitBreaker } from '../../providers/circuit-breaker.js';
import type { EmailProvider, Providers, SmsProvider, SmsSender } from '../../providers/provider.js';
import type { Render } from '../../templates/render.js';
import type { ValidationNoticePorts } from './validation-notice.js';

export type { DispatchStore };

/** The seam where the policy engine plugs in: called before rendering, for every attempt. */
export type Gate = (input: DecisionInput) => Promise<SendDecision>;

/** What the worker tells the caps about a slot the gate reserved. */
export interface ContactSlots {
  /** The provider took the message. */
  sent(message: Message): Promise<void>;
  /** Nothing reached the borrower (render failed, provider refused or was unreachable): give the slot back. */
  release(message: Message): Promise<void>;
}

export const NO_SLOTS: ContactSlots = { sent: async () => undefined, release: async () => undefined };

export interface Links {
  smsStatus(messageId: string): string;
  callStatus(messageId: string): string;
  amd(messageId: string): string;
  /** Where a key pressed during the call is posted (the stop key). */
  voiceKeypress?(messageId: string): string;
  /** The unsubscribe link of a message of `tenant` (the token names both). */
  unsubscribe(messageId: string, tenant: string): string;
  /** The per-message Reply-To of an email of `tenant` (INBOUND_MAIL_DOMAIN; absent: the tenant's Reply-To). */
  replyTo?: ((messageId: string, tenant: string) => string) | undefined;
  /** The envelope sender (VERP) of an email of `tenant`: `bounces+<token>@BOUNCE_DOMAIN` (absent: the From). */
  bounceAddress?: ((messageId: string, tenant: string) => string) | undefined;
}

export type Breakers = Record<Channel, CircuitBreaker>;

/**
 * The secondary provider routes (docs/reach.md, provider failover), each with its own breaker: a
 * message goes through one while the primary's circuit is open. Absent: the channel has none.
 */
export interface SecondaryRoutes {
  sms?: { provider: SmsProvider; breaker: CircuitBreaker } | undefined;
  email?: { provider: EmailProvider; breaker: CircuitBreaker } | undefined;
}

export interface DispatchDeps {
  store: DispatchStore;
  /** Records what a provider's refusal taught about the message's address (a landline, not in service). */
  learn?: (message: Message, fact: AddressFact, code: string) => Promise<void>;
  /** A message suppressed because its channel cannot reach the person: the fallback its reminder names. */
  fallback?: (message: Message, why: string) => Promise<unknown>;
  gate: Gate;
  slots: ContactSlots;
  render: Render;
  providers: Providers;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  /**
   * How long a `sending` row belongs to the worker that wrote it. A job that finds a younger one
   * (the same message being sent elsewhere, after a lock was lost) waits instead of sending too;
   * an older one was left by a worker that died, and is taken over.
   */
  sendingLeaseMs: number;
  /** Who sends: templates see it as `sender` (`sender.agency` carries the debt collector disclosure). */
  senderKind?: SenderKind;
  /** The borrower's tenant: its kind and contact details for templates, and its senders (absent: the deployment's). */
  tenantOf?: (tenant: string) => Promise<TenantSending | undefined>;
  /**
   * A deferral ending more than this far ahead parks the message back in the store (`scheduled`,
   * no job) for the feeder to bring in again; a nearer one is a delayed job. Absent: never parked.
   */
  horizonMs?: number;
  /** Template versions already stored by this process. */
  knownVersions: Set<string>;
  breakers: Breakers;
  /** The channels' secondary routes (absent: none, every message waits for its primary). */
  secondary?: SecondaryRoutes | undefined;
  /** Public URLs for provider callbacks and unsubscribe links (absent: none are sent). */
  links?: Links | undefined;
  /**
   * The validation notice an agency's first email about a debt carries (12 CFR 1006.34); absent:
   * no message carries one.
   */
  validationNotices?: ValidationNoticePorts | undefined;
  /**
   * A text or a call the provider took (at `wentAt`, just before its `sent` was recorded): the validation notice it may make due within five days (an agency's first
   * communication about the account; services/validation-notice-follow-up.ts). Absent: none is followed up.
   */
  afterTextOrCall?:
    | ((sent: { message: Message; reminder: Reminder; borrower: Borrower }, wentAt: Date) => Promise<unknown>)
    | undefined;
  /** Records an opt-out the provider told us about (Twilio 21610: the recipient replied STOP). */
  optOut?: (
    message: { borrowerId: string; tenant: string; channel: Channel; to: string },
    source: string,
  ) => Promise<void>;
}

/** What sending for a tenant takes: who it is, and its senders (undefined: the provider's own). */
export interface TenantSending {
  id: string;
  kind: SenderKind;
  contact: {
    name: string;
    phone?: string | undefined;
    hours?: string | undefined;
    paymentUrlBase?: string | undefined;
  } | null;
  sms: SmsSender | undefined;
  /** Its sender on the secondary Twilio route; absent with its own `sms` sender: its SMS never fail over. */
  smsSecondary?: SmsSender | undefined;
  voiceFrom: string | undefined;
  email: { from: string; replyTo?: string } | undefined;
}

/** The attempt BullMQ is making: which one, and how many a message gets. */
export interface Attempt {
  number: number;
  of: number;
}

export { displayZone } from '../../policy/zones.js';
