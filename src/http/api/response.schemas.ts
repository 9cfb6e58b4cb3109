/**
 * The bodies the API answers with, as zod schemas: the OpenAPI document gives them to generated
 * clients (openapi.ts), and the typed-client test checks what the server sends against them. Each
 * mirrors a presenter (present.ts, the outcome and opt-out routes); a field a role does not see
 * (an agent's message has no body) is optional.
 */
import { z } from 'zod';
import { CHANNELS } from '../../domain/channels.js';
import { MESSAGE_STATUSES } from '../../domain/statuses.js';

const instant = z.string().meta({ format: 'date-time' });
const MoneyView = z.object({ amount: z.string(), currency: z.string() });

export const EventView = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: instant,
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** A message as presentMessage shows it (an agent's: recipient masked, no body). */
export const MessageView = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(MESSAGE_STATUSES),
  to: z.string(),
  template: z.string(),
  templateVersion: z.string().nullable(),
  locale: z.string(),
  subject: z.string().nullable(),
  body: z.string().nullable().optional(),
  provider: z.string().nullable(),
  providerId: z.string().nullable(),
  attempts: z.number().int(),
  error: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
  sendAt: instant,
  dueAt: instant,
  createdAt: instant,
  updatedAt: instant,
  experiment: z.object({ id: z.string(), arm: z.string() }).optional(),
  deferral: z.object({ until: z.unknown(), reasons: z.unknown() }).nullable().optional(),
  events: z.array(EventView).optional(),
});

/** A reminder as presentReminder shows it: the borrower by the id its tenant knows it by. */
export const ReminderView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  borrowerId: z.string(),
  channel: z.enum([...CHANNELS, 'auto']),
  template: z.string(),
  /** The debt as given; `{erased: true}` once retention or an erasure on request erased it. */
  debt: z.union([
    z.looseObject({
      accountRef: z.string(),
      creditor: z.string(),
      amountDue: MoneyView,
      dueDate: z.string(),
      daysOverdue: z.number().int(),
    }),
    z.object({ erased: z.literal(true) }),
  ]),
  sendAt: instant,
  expiresAt: instant.nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  contact: z.record(z.string(), z.unknown()).nullable(),
  createdAt: instant,
  /** The least advanced state of its messages, or `mixed`. */
  status: z.string(),
  messages: z.array(MessageView),
});

/** What the sandbox outbox recorded (an agent's: recipient masked, no body or payload). */
export const OutboxList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      messageId: z.string(),
      channel: z.enum(CHANNELS),
      to: z.string(),
      subject: z.string().nullable(),
      body: z.string().optional(),
      payload: z.record(z.string(), z.unknown()).optional(),
      createdAt: instant,
    }),
  ),
});

const OutcomeCommon = {
  id: z.string(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  accountRef: z.string(),
  tenant: z.string(),
  createdAt: instant,
  /** The same id and body again: the original, changed nothing. */
  repeated: z.boolean(),
};

/** A payment read back as posted; a payment in full says whether it resolved the borrower and what it cancelled. */
export const PaymentView = z.object({
  ...OutcomeCommon,
  kind: z.enum(['full', 'partial']),
  paidAt: instant,
  resolved: z.boolean().optional(),
  cancelled: z.array(z.string()).optional(),
});

/** A promise or a plan read back as posted. */
export const PromiseView = z.object({
  ...OutcomeCommon,
  kind: z.enum(['promise', 'plan']),
  promisedFor: z.string().nullable(),
  agreedAt: instant,
});

/** An address's place on the suppression list. */
export const OptOutView = z.object({
  address: z.string(),
  suppressed: z.boolean(),
  since: instant.nullable(),
  channels: z.array(
    z.object({ channel: z.enum(CHANNELS), source: z.string(), detail: z.string().nullable(), at: instant }),
  ),
});

/** The answer to adding an opt-out: the list's entries, the channels added, how many borrowers and messages it reached. */
export const OptOutAdded = OptOutView.extend({
  added: z.array(z.enum(CHANNELS)),
  borrowers: z.number().int(),
  suppressedMessages: z.number().int(),
});

/** The answer to taking an opt-out back: the list's entries left, and the channels removed. */
export const OptOutRemoved = OptOutView.extend({ removed: z.array(z.enum(CHANNELS)) });

/** A reminder after a cancel: what was cancelled, and what had gone too far to be (already sent, say). */
export const CancelledReminder = ReminderView.extend({
  cancelled: z.array(z.string()),
  notCancelled: z.array(z.string()),
});

/** problem+json, as an item of a batch answer carries it. */
export const ProblemView = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** A batch's answer: how many were accepted, repeated and refused, and each item's reminder or problem, by its place. */
export const BatchResult = z.object({
  accepted: z.number().int(),
  repeated: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.union([
      z.object({ index: z.number().int(), status: z.number().int(), reminder: ReminderView }),
      z.object({ index: z.number().int(), status: z.number().int(), problem: ProblemView }),
    ]),
  ),
});
