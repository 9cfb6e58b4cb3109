/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (zod's own JSON Schema output), so the published contract cannot drift from the checks.
 */
import { OutcomesQuery, PaymentInput, PromiseInput } from './outcomes.routes.js';
import { SearchQuery } from './borrowers.routes.js';
import { TenantInput } from '../../domain/tenant.js';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import { EmailBounceWebhook } from '../../schemas/email-bounce.schemas.js';
import { STOP_KEY } from '../../templates/variant.js';
import { z } from 'zod';
import {
  BatchResult,
  CancelledReminder,
  OptOutAdded,
  OptOutRemoved,
  OptOutView,
  OutboxList,
  PaymentView,
  PromiseView,
  ReminderView,
} from './response.schemas.js';
import {
  AuditMessageList,
  AuditMessageView,
  AuditReadList,
  AuditStatsView,
  AuditVerifyReport,
  ExperimentList,
  ExperimentResultView,
  Liveness,
  OutcomeReview,
  ReachReportView,
  NotReady,
  Readiness,
  TemplateLint,
  TemplateList,
  TemplateOutcomes,
  TemplatePreview,
  TemplateView,
} from './response-schemas/reports.js';
import {
  BorrowerCeased,
  HoldClosed,
  HoldList,
  HoldView,
  BorrowerOptedOut,
  BorrowerPlan,
  BorrowerResolved,
  BorrowerErased,
  BorrowerSearchResult,
  BorrowerTimeline,
  BorrowerView,
  MeView,
  OverdueAccepted,
  OverdueBatchResult,
  OverdueImportReport,
  PolicyDecision,
  ProfileView,
  TenantList,
  TenantView,
} from './response-schemas/borrowers.js';
import type { ApiRole } from './auth.js';
import { AuditListQuery, ExportQuery, ReadsQuery, StatsQuery } from './audit.routes.js';
import { OptOutCreate, OptOutDeleteQuery, OptOutGetQuery } from './opt-outs.routes.js';
import { EraseInput, OptOutInput, ResolveInput } from './borrowers.routes.js';
import { CeaseInput, DisputeCloseInput, DisputeInput, HoldInput, HoldReleaseInput } from './holds.routes.js';
import { OverdueInput, OverdueItem } from '../../usecases/accept-overdue-accounts/overdue-account.schemas.js';
import { OutboxQuery } from './outbox.routes.js';
import { PolicyCheckInput, SimulateInput } from './policy.routes.js';
import { LintInput, PreviewInput } from './templates.routes.js';
import { InterpretationView, InterpretInput } from './replies.routes.js';
import { CorrectionInput, InboxQuery, InboxReadInput } from './inbox.routes.js';
import {
  InboxAnswer,
  InboxConversation,
  InboxCorrection,
  InboxList,
  InboxSuggestions,
} from './response-schemas/inbox.js';
import { AnswerInput, SuggestionsQuery } from './inbox-answers.routes.js';
import { BatchInput, BorrowerPut, ReminderInput } from '../../schemas/request.schemas.js';

/** The answer of a heavy read (export, verify, search, stats, reports) past its key's or tenant's count (heavy-read-limit.ts). */
const HEAVY_READS_BUSY =
  'too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** Stable: generated clients name their methods by it. */
  operationId: string;
  summary: string;
  roles: readonly ApiRole[] | null;
  body?: z.ZodType;
  query?: z.ZodObject;
  responses: Record<string, string>;
  /** The JSON body of a 2xx answer, where it is described (response.schemas.ts). */
  ok?: Record<string, z.ZodType>;
  /**
   * The media types of an answer that is not JSON (CSV, HTML, TwiML, metrics), by status; an error
   * named here is not problem+json (a page a person reads). Without it, a 2xx is JSON and an
   * error problem+json.
   */
  media?: Record<string, readonly string[]>;
  /** A request body as the README's flow sends it (a unit test parses each with `body`). */
  example?: unknown;
  /** A raw request body of this media type (not JSON): described as a string. */
  rawBody?: { media: string; description: string };
  /** Required request headers, by name: their description. */
  headers?: Record<string, string>;
}

/** The README's reminder (README.md, "Try it"). */
export const README_REMINDER = {
  externalId: 'invoice-2026-11-0042',
  borrower: { id: 'b-1001', name: 'Alex Chen', locale: 'en-US', timezone: 'America/New_York', phone: '+14155550100' },
  debt: {
    accountRef: '4111111111111234',
    creditor: 'Northwind Bank',
    amountDue: { amount: '120.50', currency: 'USD' },
    dueDate: '2026-11-20',
    daysOverdue: 3,
    paymentUrl: 'https://pay.example.com/a/1234',
  },
  channel: 'sms',
  template: 'gentle-overdue',
};

const CSV = 'text/csv';
const HTML = 'text/html';
/** The Twilio callbacks of a deployment without Twilio credentials. */
const TWILIO_OFF = 'Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with';
/** The unsubscribe link's answers are pages a person reads, its refusal too. */
const UNSUBSCRIBE_ANSWERS = {
  '200': 'HTML: the confirmation, or what was done',
  '403': 'text/plain: the link is not valid (a bad or foreign token, or not an email)',
  '410': 'HTML: the link has expired; the page says how to reach the sender',
};
const UNSUBSCRIBE_MEDIA = { '200': [HTML], '403': ['text/plain'], '410': [HTML] };
/** What a relay's POST of a reply is told once taken. */
const InboundMailAccepted = z.object({ accepted: z.number().int().min(1) });
const EmailBounceTaken = z.object({
  result: z.enum(['bounced', 'delivered', 'repeat']),
  messageId: z.string(),
  hard: z.boolean().optional(),
  suppressed: z.boolean().optional(),
  softInRow: z.number().int().optional(),
});

export const ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/reminders',
    operationId: 'createReminder',
    summary: 'Accept one reminder (idempotent on externalId or the Idempotency-Key header)',
    roles: ['collector'],
    body: ReminderInput,
    ok: { '202': ReminderView, '200': ReminderView },
    example: README_REMINDER,
    responses: {
      '202': 'accepted',
      '200': 'a repeat: the original',
      '400': 'validation failed',
      '409': 'key reused with a different body',
      '413': 'body over 1 MB',
      '422':
        "not for a collection system: a template composed by the service only (an agent's answer, the validation notice on its own), or a reserved metadata key (`agentReply`, `validationNotice`)",
    },
  },
  {
    method: 'post',
    path: '/v1/reminders/batch',
    operationId: 'createReminderBatch',
    summary: 'Accept up to 1,000 reminders; one bad item fails only itself',
    roles: ['collector'],
    body: BatchInput.extend({ reminders: z.array(ReminderInput).min(1).max(1000) }),
    ok: { '200': BatchResult },
    example: { reminders: [README_REMINDER] },
    responses: {
      '200': 'a result per item (an item refused as POST /v1/reminders refuses it: 400 or 422)',
      '400': 'not a batch: no reminders, more than 1,000, or not JSON',
      '413': 'body over 1 MB',
    },
  },
  {
    method: 'get',
    path: '/v1/reminders/{id}',
    operationId: 'getReminder',
    summary: 'The reminder, its messages and their events',
    roles: ['collector', 'agent', 'compliance'],
    ok: { '200': ReminderView },
    responses: { '200': 'the reminder', '404': 'not found' },
  },
  {
    method: 'delete',
    path: '/v1/reminders/{id}',
    operationId: 'cancelReminder',
    summary: 'Cancel whatever has not been sent',
    roles: ['collector'],
    ok: { '200': CancelledReminder },
    responses: { '200': 'what was cancelled', '404': 'not found' },
  },
  {
    method: 'put',
    path: '/v1/borrowers/{id}',
    operationId: 'putBorrower',
    summary: 'Create or update a borrower',
    roles: ['collector'],
    body: BorrowerPut,
    ok: { '201': BorrowerView, '200': BorrowerView },
    example: { name: 'Alex Chen', locale: 'en-US', timezone: 'America/New_York', phone: '+14155550100' },
    responses: { '201': 'created: the borrower', '200': 'updated: the borrower', '400': 'validation failed' },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/resolve',
    operationId: 'resolveBorrower',
    summary: 'Paid or settled: cancel every pending message',
    roles: ['collector'],
    body: ResolveInput,
    ok: { '200': BorrowerResolved },
    responses: {
      '200': 'the borrower, the cancelled message ids, whether it was resolved already, the thank-you message ids',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/erase',
    operationId: 'eraseBorrower',
    summary:
      'Erase the borrower on request (PIPL art. 47, GDPR art. 17): personal data and content gone, chains still verifying, suppressions kept as keyed hashes',
    roles: ['compliance'],
    body: EraseInput,
    ok: { '200': BorrowerErased },
    responses: {
      '200': 'erased now, or erased before (`alreadyErased`)',
      '400': 'a field is wrong',
      '403': 'a key of any other role, admin included: an erasure names a compliance key',
      '404': 'unknown borrower',
      '409': 'a legal hold stands (an open dispute, or a hold under a rule of law): `holds` names each',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/opt-out',
    operationId: 'optOutBorrower',
    summary: 'Opt the borrower out of a channel; pending messages on it are suppressed',
    roles: ['collector', 'agent'],
    body: OptOutInput,
    ok: { '200': BorrowerOptedOut },
    responses: {
      '200': 'the borrower, whether the opt-out is new, and the suppressed message ids',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/disputes',
    operationId: 'openDispute',
    summary: 'The borrower disputes the debt: nothing is sent until the dispute is closed (pending messages wait)',
    roles: ['collector', 'compliance', 'agent'],
    body: DisputeInput,
    ok: { '201': HoldView, '200': HoldView },
    responses: {
      '201': 'the dispute opened',
      '200': 'a dispute was open already: that one',
      '400': 'a field is wrong',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/disputes/{holdId}/close',
    operationId: 'closeDispute',
    summary: 'Close a dispute (verified, withdrawn, upheld): the messages it held go through the policy again now',
    roles: ['collector', 'compliance'],
    body: DisputeCloseInput,
    ok: { '200': HoldClosed },
    responses: {
      '200': 'the dispute, whether it was closed before, and the messages rescheduled',
      '400': 'a field is wrong',
      '404': 'unknown borrower, or no such dispute of the borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/holds',
    operationId: 'openHold',
    summary: 'Hold the borrower (they say they paid, or hardship) for the configured days: nothing is sent meanwhile',
    roles: ['collector', 'agent', 'compliance'],
    body: HoldInput,
    ok: { '201': HoldView },
    responses: { '201': 'the hold opened', '400': 'a field is wrong', '404': 'unknown borrower' },
  },
  {
    method: 'get',
    path: '/v1/borrowers/{id}/holds',
    operationId: 'listHolds',
    summary: "The borrower's holds (disputes, paid claims, hardship), open and ended, newest first",
    roles: ['agent', 'compliance', 'collector'],
    ok: { '200': HoldList },
    responses: { '200': 'the holds', '404': 'unknown borrower' },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/holds/{holdId}/release',
    operationId: 'releaseHold',
    summary: 'Release a hold of any kind: the messages it held go through the policy again now',
    roles: ['collector', 'agent', 'compliance'],
    body: HoldReleaseInput,
    ok: { '200': HoldClosed },
    responses: {
      '200': 'the hold, whether it had ended before, and the messages rescheduled',
      '400': 'a field is wrong',
      '404': 'unknown borrower, or no such hold of the borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/borrowers/{id}/cease',
    operationId: 'ceaseBorrower',
    summary: 'The borrower asked that communication cease (12 CFR 1006.6(c)): pending messages are suppressed',
    roles: ['collector', 'compliance'],
    body: CeaseInput,
    ok: { '200': BorrowerCeased },
    responses: {
      '200': 'the borrower, the suppressed message ids, whether it was ceased already',
      '400': 'a field is wrong',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/accounts/{accountRef}/overdue',
    operationId: 'markAccountOverdue',
    summary: 'The account is overdue: the strategy picks the stage and schedules its cadence',
    roles: ['collector'],
    body: OverdueInput,
    ok: { '202': OverdueAccepted },
    responses: {
      '202': "the stage and why, the message ids cancelled on leaving the last stage, the borrower's plan",
      '400': 'validation failed, a debt.accountRef that is not the path account included',
    },
  },
  {
    method: 'post',
    path: '/v1/accounts/overdue/batch',
    operationId: 'markAccountsOverdue',
    summary: 'The delinquency file in bulk: up to 1,000 accounts enter the strategy, a result per account',
    roles: ['collector'],
    body: z.object({ accounts: z.array(OverdueItem).max(1000) }).strict(),
    ok: { '200': OverdueBatchResult },
    responses: {
      '200':
        '{scheduled, unchanged, rejected, results: [{index, status: 202 | 200 | 400, accountRef, stage, why, steps | problem}]}',
      '400': 'not a batch',
    },
  },
  {
    method: 'post',
    path: '/v1/accounts/overdue/import',
    operationId: 'importOverdueAccounts',
    summary:
      'The delinquency file streamed as application/x-ndjson or text/csv, optionally Content-Encoding: gzip; a bad line (one over IMPORT_MAX_LINE_CHARS too) is reported by number and the rest imported',
    roles: ['collector'],
    ok: { '200': OverdueImportReport },
    responses: {
      '200':
        '{lines, scheduled, unchanged, rejected, errors: [{line, accountRef, path, message}] (the first 100), resumedAfter}',
      '400': 'the body is not the gzip it says: the lines before the fault are stored ({…counts, committedThrough})',
      '413':
        'the file is over IMPORT_MAX_BYTES once decompressed: the lines before it are stored ({…counts, committedThrough})',
      '415': 'neither NDJSON nor CSV, or a Content-Encoding other than gzip',
      '500': 'the store failed part-way: the lines up to committedThrough are stored ({…counts, committedThrough})',
    },
  },
  {
    method: 'get',
    path: '/v1/borrowers/{id}/plan',
    operationId: 'getBorrowerPlan',
    summary: 'The strategy stage, steps done, pending (with times) and dropped, and why',
    roles: ['agent', 'compliance'],
    ok: { '200': BorrowerPlan },
    responses: {
      '200': "the borrower's status and each account's stage, steps and hand-off",
      '404': 'unknown borrower',
    },
  },
  {
    method: 'get',
    path: '/v1/policy',
    operationId: 'getPolicy',
    summary: 'The compliance profile in force',
    roles: ['collector', 'agent', 'compliance'],
    ok: { '200': ProfileView },
    responses: { '200': 'the profile: windows, caps, conversation block, consent, opt-out keywords, disclosure' },
  },
  {
    method: 'post',
    path: '/v1/policy/check',
    operationId: 'checkPolicy',
    summary: 'May this borrower be contacted on this channel now (or at `at`)? Against stored history',
    roles: ['collector', 'agent'],
    body: PolicyCheckInput,
    ok: { '200': PolicyDecision },
    responses: {
      '200':
        '{profile, layers, region, at, allowed: true, zones} or {profile, layers, region, at, allowed: false, reasons (each with the layer that decided), earliestAllowedAt, zones}',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/policy/simulate',
    operationId: 'simulatePolicy',
    summary: 'What-if: the same answer for a given profile, borrower, history and attempt; nothing stored',
    roles: ['agent', 'compliance'],
    body: SimulateInput,
    ok: { '200': PolicyDecision },
    responses: {
      '200':
        '{profile, layers, region, at, allowed: true, zones} or {profile, layers, region, at, allowed: false, reasons (each with the layer that decided), earliestAllowedAt, zones}',
    },
  },
  {
    method: 'post',
    path: '/v1/replies/interpret',
    operationId: 'interpretReply',
    summary:
      'What the service would understand of a reply (intents, each with its rule and the words that matched; a revocation with its channels, a promise with its date and amount); nothing is stored or acted on',
    roles: ['agent', 'compliance'],
    body: InterpretInput,
    ok: { '200': InterpretationView },
    example: {
      text: "I'll pay $50 on Friday, please stop texting me",
      channel: 'sms',
      receivedAt: '2026-12-02T10:00:00-05:00',
      timezone: 'America/New_York',
    },
    responses: { '200': 'the interpretation', '400': 'a field is wrong (named)' },
  },
  {
    method: 'get',
    path: '/v1/inbox',
    operationId: 'listInbox',
    summary:
      "The tenant's borrowers who replied, newest reply first: the last reply's intents, whether a person must read it, the replies after the caller's read mark, the holds open (phones masked)",
    roles: ['agent', 'compliance'],
    query: InboxQuery,
    ok: { '200': InboxList },
    responses: {
      '200': '{items, nextCursor}: a filtered page may hold fewer than limit; follow nextCursor until null',
      '400': 'a parameter is wrong (named)',
    },
  },
  {
    method: 'get',
    path: '/v1/inbox/{borrowerId}',
    operationId: 'getInboxConversation',
    summary:
      "A borrower's conversation in time order: their replies with their words, what each was understood to say and what was done, the messages sent; their local time and whether each channel may be contacted now. Every read is recorded",
    roles: ['agent', 'compliance'],
    ok: { '200': InboxConversation },
    responses: {
      '200': '{borrower, now, contactable, holds, items}',
      '400': 'not a borrower id',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/inbox/{borrowerId}/read',
    operationId: 'markInboxRead',
    summary: "Marks the borrower's replies read for the caller's key, up to the reply named (its eventId) or the last",
    roles: ['agent', 'compliance'],
    body: InboxReadInput,
    responses: { '204': 'marked', '400': 'upTo is not a reply of the borrower', '404': 'unknown borrower' },
  },
  {
    method: 'post',
    path: '/v1/inbox/{borrowerId}/corrections',
    operationId: 'correctInboxReply',
    summary:
      'An agent corrects what a reply was understood to say: lift-hold releases the hold, wrong-number detaches the number from the borrower, not-a-revocation is recorded (consent returns only from the borrower, through DELETE /v1/opt-outs/{address}); each a reply.corrected event',
    roles: ['agent'],
    body: CorrectionInput,
    ok: { '201': InboxCorrection },
    responses: {
      '201': 'recorded, and what it did',
      '400': 'a field is wrong (named): lift-hold without holdId, not-a-revocation of a reply that was not one',
      '404': 'unknown borrower, reply or hold',
    },
  },
  {
    method: 'get',
    path: '/v1/inbox/{borrowerId}/suggestions',
    operationId: 'getInboxSuggestions',
    summary:
      "The suggested answers rendered for the borrower on a channel (their language, their latest reminder's debt and contact), those for the intents of the latest reply first",
    roles: ['agent'],
    query: SuggestionsQuery,
    ok: { '200': InboxSuggestions },
    responses: {
      '200': '{suggestions}',
      '400': 'channel missing or not sms or email; not a borrower id',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'post',
    path: '/v1/inbox/{borrowerId}/replies',
    operationId: 'answerInboxReply',
    summary:
      "An agent answers the borrower, in their own words (text, in the agent-reply template) or with a suggested answer (template): linted, checked against the policy, accepted as a message the worker renders, gates, sends and audits; agent.replied on the borrower's chain. Idempotency-Key honoured",
    roles: ['agent'],
    body: AnswerInput,
    ok: { '202': InboxAnswer, '200': InboxAnswer },
    responses: {
      '202': 'accepted: sent now, or waiting for the contact window (policy.allowed false, earliestAllowedAt)',
      '200': 'a repeat of an Idempotency-Key: the original answer, nothing sent again',
      '400': 'a field is wrong (named)',
      '404': 'unknown borrower',
      '409': 'Idempotency-Key reused with a different answer',
      '422':
        'not sent: neither or both of text and template, text too long for the channel, not a suggested template, inReplyTo not a reply of the borrower (errors); the wording linter found words an answer may not carry (findings); or the policy refuses for good: opted out on the channel, ceased, no consent, no address (reasons)',
    },
  },
  {
    method: 'get',
    path: '/v1/templates',
    operationId: 'listTemplates',
    summary: 'The template catalogue: keys, channels, locales, versions',
    roles: ['agent'],
    ok: { '200': TemplateList },
    responses: { '200': '{items}' },
  },
  {
    method: 'get',
    path: '/v1/templates/{key}',
    operationId: 'getTemplate',
    summary: 'One template: metadata, sample data, every variant with its source and lint findings',
    roles: ['agent'],
    ok: { '200': TemplateView },
    responses: { '200': 'the template', '404': 'unknown key' },
  },
  {
    method: 'post',
    path: '/v1/templates/{key}/preview',
    operationId: 'previewTemplate',
    summary:
      'Render a template for a channel and locale with sample (or given) data: subject, text, HTML, TwiML, SMS encoding and segments, lint findings',
    roles: ['agent'],
    body: PreviewInput,
    ok: { '200': TemplatePreview },
    responses: { '200': 'the rendering', '400': 'invalid input or data', '404': 'unknown key, channel or locale' },
  },
  {
    method: 'post',
    path: '/v1/templates/lint',
    operationId: 'lintTemplate',
    summary: 'Lint a draft template',
    roles: ['agent', 'compliance'],
    body: LintInput,
    ok: { '200': TemplateLint },
    responses: { '200': '{ok, findings, suppressed?}' },
  },
  {
    method: 'get',
    path: '/v1/outbox',
    operationId: 'listOutbox',
    summary: 'What the sandbox providers recorded instead of sending',
    roles: ['agent', 'compliance'],
    query: OutboxQuery,
    ok: { '200': OutboxList },
    responses: { '200': '{items}' },
  },
  {
    method: 'get',
    path: '/v1/audit/messages',
    operationId: 'listAuditMessages',
    summary: 'Search messages, newest first, in keyset pages; recipients masked, content left to the detail',
    roles: ['compliance'],
    query: AuditListQuery,
    ok: { '200': AuditMessageList },
    responses: { '200': '{items, nextCursor}', '400': 'bad filter or cursor' },
  },
  {
    method: 'get',
    path: '/v1/audit/messages/{id}',
    operationId: 'getAuditMessage',
    summary:
      'One message exactly as sent (body, and the email HTML or voice script re-rendered from the stored template version) with every event; the read is recorded',
    roles: ['compliance'],
    ok: { '200': AuditMessageView },
    responses: { '200': 'the message', '404': 'not found' },
  },
  {
    method: 'get',
    path: '/v1/audit/export',
    operationId: 'exportAuditMessages',
    summary: 'Every matching message as CSV (RFC 4180) or NDJSON, streamed; the export is recorded',
    roles: ['compliance'],
    query: ExportQuery,
    media: { '200': [CSV, 'application/x-ndjson'] },
    responses: { '200': 'text/csv (RFC 4180) or application/x-ndjson, by `format`', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/audit/verify',
    operationId: 'verifyAudit',
    summary:
      "Verify every hash chain, the chain heads and the registry (?tenant=: the chains of that tenant's borrowers and messages)",
    roles: ['compliance'],
    ok: { '200': AuditVerifyReport },
    responses: { '200': '{ok, checked, chains} or {ok: false, brokenAt}', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/audit/stats',
    operationId: 'getAuditStats',
    summary:
      'Messages accepted per day (in a zone) by channel and outcome, and suppressions by reason, for the dashboard',
    roles: ['compliance'],
    query: StatsQuery,
    ok: { '200': AuditStatsView },
    responses: {
      '200': '{from, to, timezone, outcomes, days, suppressedByReason}',
      '400': 'bad period or zone',
      '429': HEAVY_READS_BUSY,
    },
  },
  {
    method: 'get',
    path: '/v1/audit/reads',
    operationId: 'listAuditReads',
    summary: 'Who read or exported what, newest first',
    roles: ['admin'],
    query: ReadsQuery,
    ok: { '200': AuditReadList },
    responses: { '200': '{items}', '400': 'bad limit, before or tenant' },
  },
  {
    method: 'get',
    path: '/v1/borrowers/{id}/timeline',
    operationId: 'getBorrowerTimeline',
    summary: 'Every message and event of a borrower, newest first (agents see masked recipients)',
    roles: ['agent', 'compliance'],
    ok: { '200': BorrowerTimeline },
    responses: {
      '200': '{borrower, items}: its events, newest first, each with its message',
      '404': 'unknown borrower',
    },
  },
  {
    method: 'get',
    path: '/v1/me',
    operationId: 'getMe',
    summary: 'The presented key: its id, role, tenant (null: deployment-wide) and the console pages it may open',
    roles: ['collector', 'agent', 'compliance', 'admin'],
    ok: { '200': MeView },
    responses: { '200': '{keyId, role, tenant, features}' },
  },
  {
    method: 'post',
    path: '/v1/accounts/{accountRef}/payments',
    operationId: 'recordPayment',
    summary: 'A payment of the account (full or partial); idempotent on its id; a full payment resolves the borrower',
    roles: ['collector'],
    body: PaymentInput,
    ok: { '201': PaymentView, '200': PaymentView },
    example: { id: 'pmt-9001', kind: 'partial', amount: '20.00', currency: 'USD', paidAt: '2026-12-01T15:04:05Z' },
    responses: {
      '201': 'recorded',
      '200': 'a repeat',
      '400': 'a field is wrong',
      '404': 'unknown account',
      '409': 'id reused',
    },
  },
  {
    method: 'post',
    path: '/v1/accounts/{accountRef}/promises',
    operationId: 'recordPromise',
    summary: 'A promise to pay or a payment plan agreed, with its date; idempotent on its id',
    roles: ['collector'],
    body: PromiseInput,
    ok: { '201': PromiseView, '200': PromiseView },
    example: { id: 'plan-77', kind: 'plan', promisedFor: '2026-12-15', amount: '40.00', currency: 'USD' },
    responses: {
      '201': 'recorded',
      '200': 'a repeat',
      '400': 'a field is wrong',
      '404': 'unknown account',
      '409': 'id reused',
    },
  },
  {
    method: 'get',
    path: '/v1/outcomes/experiments',
    operationId: 'listExperiments',
    summary: 'The experiments of EXPERIMENTS_FILE and their arms',
    roles: ['compliance'],
    ok: { '200': ExperimentList },
    responses: { '200': '{items}' },
  },
  {
    method: 'get',
    path: '/v1/outcomes/experiments/{id}',
    operationId: 'getExperimentResult',
    summary:
      'Per arm: rates with Wilson intervals, the test against the control, the guardrail, a sentence per challenger (JSON or CSV)',
    roles: ['compliance'],
    query: OutcomesQuery,
    media: { '200': ['application/json', CSV] },
    ok: { '200': ExperimentResultView },
    responses: { '200': 'the result', '404': 'no such experiment', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/outcomes/templates',
    operationId: 'getTemplateOutcomes',
    summary:
      'Per template, channel and stage: payments and promises by last touch and every touch, opt-outs (JSON or CSV)',
    roles: ['compliance'],
    query: OutcomesQuery,
    media: { '200': ['application/json', CSV] },
    ok: { '200': TemplateOutcomes },
    responses: { '200': '{items}', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/outcomes/reach',
    operationId: 'getReach',
    summary:
      'Per tenant and channel: messages handed to a provider, delivered, undelivered and failed by reason, emails bounced, the reach rate with its Wilson interval (JSON or CSV)',
    roles: ['compliance'],
    query: OutcomesQuery,
    media: { '200': ['application/json', CSV] },
    ok: { '200': ReachReportView },
    responses: { '200': '{items, tenants}', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/outcomes/review',
    operationId: 'getOutcomeReview',
    summary:
      'The periodic review for a period: sent by stage and channel, recovered, opt-outs, STOPs and replies, held back and why, the experiments (JSON or CSV)',
    roles: ['compliance'],
    query: OutcomesQuery,
    media: { '200': ['application/json', CSV] },
    ok: { '200': OutcomeReview },
    responses: { '200': 'the review', '429': HEAVY_READS_BUSY },
  },
  {
    method: 'get',
    path: '/v1/borrowers',
    operationId: 'searchBorrowers',
    summary:
      'Find a borrower by name, phone, email or an account’s last 4 digits; masked results; the search is recorded',
    roles: ['agent', 'compliance'],
    query: SearchQuery,
    ok: { '200': BorrowerSearchResult },
    responses: {
      '200':
        '{kind, items}: what q was taken for, and the borrowers found, masked, each with its zone and last contact (when and channel)',
      '400': 'q too short',
      '429': HEAVY_READS_BUSY,
    },
  },
  {
    method: 'post',
    path: '/v1/opt-outs',
    operationId: 'createOptOut',
    summary:
      'Opt an address (phone number or email) out of one channel or all of its channels, for every borrower that carries it; pending messages to it are suppressed',
    roles: ['collector', 'agent'],
    body: OptOutCreate,
    ok: { '201': OptOutAdded, '200': OptOutAdded },
    example: { address: '+14155550100', channel: 'sms', source: 'asked on the phone' },
    responses: {
      '201': 'added: the address, its opt-outs, the channels added, the borrowers and suppressed message ids',
      '200': 'already opted out on every channel named: the address and its opt-outs',
      '400': 'not a phone number or email address, a channel the address is not reached by, no source',
      '404': "a tenant's key naming another tenant",
    },
  },
  {
    method: 'delete',
    path: '/v1/opt-outs/{address}',
    operationId: 'deleteOptOut',
    summary: 'Opt an address back in (one channel or all); `source` says who asked and how, and is recorded',
    roles: ['collector', 'agent'],
    query: OptOutDeleteQuery,
    ok: { '200': OptOutRemoved },
    responses: {
      '200': 'the address, its remaining opt-outs and the channels removed',
      '400': 'not a phone number or email address, a channel the address is not reached by, no source',
      '404': 'the address is not suppressed (on that channel)',
    },
  },
  {
    method: 'get',
    path: '/v1/opt-outs',
    operationId: 'listOptOuts',
    summary: "An address's opt-outs: whether it is suppressed, since when, and each channel's source",
    roles: ['agent', 'compliance'],
    query: OptOutGetQuery,
    ok: { '200': OptOutView },
    responses: {
      '200': '{address, suppressed, since, channels}',
      '400': 'no address, or not a phone number or email address',
      '404': "a tenant's key naming another tenant",
    },
  },
  {
    method: 'get',
    path: '/v1/tenants',
    operationId: 'listTenants',
    summary: "The tenants (a tenant's admin key sees its own)",
    roles: ['admin'],
    ok: { '200': TenantList },
    responses: { '200': '{items}: the tenants the key may see' },
  },
  {
    method: 'get',
    path: '/v1/tenants/{id}',
    operationId: 'getTenant',
    summary:
      'One tenant: kind, profile, contact details, senders and their rates, where its events go (an events secret only by its last four characters)',
    roles: ['admin'],
    ok: { '200': TenantView },
    responses: { '200': 'the tenant', '404': 'no such tenant' },
  },
  {
    method: 'put',
    path: '/v1/tenants/{id}',
    operationId: 'putTenant',
    summary:
      'Create or replace a tenant (a deployment-wide admin key); checked like `npm run tenants -- put`: senders, profile, and every template for its kind',
    roles: ['admin'],
    body: TenantInput,
    ok: { '200': TenantView, '201': TenantView },
    responses: {
      '200': 'replaced: the tenant',
      '201': 'created: the tenant',
      '400': 'a field is wrong (named)',
      '403': "a tenant's admin key",
    },
  },
  {
    method: 'get',
    path: '/admin/queues',
    operationId: 'openQueueBoard',
    summary: 'bull-board (Bearer or Basic auth with the admin key as the password)',
    roles: ['admin'],
    media: { '200': [HTML] },
    responses: { '200': 'HTML', '403': "a tenant's admin key: the board shows every tenant's queues" },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.messageStatus,
    operationId: 'twilioMessageStatus',
    summary: 'Twilio SMS status callback (X-Twilio-Signature)',
    roles: null,
    responses: { '204': 'recorded', '403': 'bad signature', '404': TWILIO_OFF },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.callStatus,
    operationId: 'twilioCallStatus',
    summary: 'Twilio call status callback (X-Twilio-Signature)',
    roles: null,
    responses: { '204': 'recorded', '403': 'bad signature', '404': TWILIO_OFF },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.amd,
    operationId: 'twilioAnsweringMachineDetection',
    summary: 'Twilio answering-machine detection result (X-Twilio-Signature)',
    roles: null,
    responses: { '204': 'recorded', '403': 'bad signature', '404': TWILIO_OFF },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.inboundSms,
    operationId: 'twilioInboundSms',
    summary: 'Inbound SMS: STOP, START, HELP (X-Twilio-Signature); answers TwiML',
    roles: null,
    media: { '200': ['text/xml'] },
    responses: { '200': 'TwiML', '403': 'bad signature', '404': TWILIO_OFF },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.voiceKeypress,
    operationId: 'twilioVoiceKeypress',
    summary: `A key pressed during a reminder call (X-Twilio-Signature): ${STOP_KEY} stops calls to the number; answers TwiML`,
    roles: null,
    media: { '200': ['text/xml'] },
    responses: { '200': 'TwiML: the confirmation, then hang up', '403': 'bad signature', '404': TWILIO_OFF },
  },
  {
    method: 'get',
    path: `${CALLBACK_PATHS.unsubscribe}/{token}`,
    operationId: 'showUnsubscribePage',
    summary: 'Email unsubscribe confirmation page',
    roles: null,
    media: UNSUBSCRIBE_MEDIA,
    responses: UNSUBSCRIBE_ANSWERS,
  },
  {
    method: 'post',
    path: `${CALLBACK_PATHS.unsubscribe}/{token}`,
    operationId: 'unsubscribeOneClick',
    summary: 'RFC 8058 one-click unsubscribe',
    roles: null,
    media: UNSUBSCRIBE_MEDIA,
    responses: UNSUBSCRIBE_ANSWERS,
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.inboundMail,
    operationId: 'receiveInboundMail',
    summary: "A borrower's email reply, posted by a mail relay as raw MIME (X-Signature: HMAC-SHA256 of the body)",
    roles: null,
    rawBody: {
      media: 'message/rfc822',
      description:
        'the mail as received, to a reply+<token>@INBOUND_MAIL_DOMAIN address (To, Cc, Delivered-To or X-Original-To)',
    },
    headers: { 'X-Signature': 'sha256=<hex of HMAC-SHA256 over the body under INBOUND_MAIL_SECRET>' },
    ok: { '202': InboundMailAccepted },
    responses: {
      '202': 'taken: understood and acted on (`accepted`: how many reply addresses of ours it was sent to)',
      '403': 'X-Signature missing or wrong',
      '404': 'not configured (INBOUND_MAIL_SECRET or INBOUND_MAIL_DOMAIN unset)',
      '413': 'over INBOUND_MAIL_MAX_BYTES',
      '415': 'not message/rfc822',
      '422':
        'the mail maps to no message of ours (no reply address, a bad or unknown token): refused, attached to no one',
    },
  },
  {
    method: 'post',
    path: CALLBACK_PATHS.emailBounces,
    operationId: 'receiveEmailBounce',
    summary: "A mail relay's bounce webhook: one report as JSON (X-Signature: HMAC-SHA256 of the body), docs/reach.md",
    roles: null,
    body: EmailBounceWebhook,
    headers: { 'X-Signature': 'sha256=<hex of HMAC-SHA256 over the body under INBOUND_MAIL_SECRET>' },
    ok: { '202': EmailBounceTaken },
    responses: {
      '202':
        'taken: a bounce recorded (hard: the message undelivered, the address suppressed), a delivery, or a repeat',
      '400': 'the report cannot be read (the field is named): refused, nothing changed',
      '403': 'X-Signature missing or wrong',
      '404': 'not configured (INBOUND_MAIL_SECRET, or no BOUNCE_DOMAIN / INBOUND_MAIL_DOMAIN)',
      '413': 'over 64 KiB',
      '415': 'not application/json',
      '422':
        'names no message of ours that was sent (an unknown or forged envelope, a message never sent): refused, nothing changed',
    },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getLiveness',
    summary: 'Liveness',
    roles: null,
    ok: { '200': Liveness },
    responses: { '200': 'alive' },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'Readiness: Redis and the audit store answer',
    roles: null,
    ok: { '200': Readiness, '503': NotReady },
    media: { '503': ['application/json'] },
    responses: { '200': 'ready', '503': 'a dependency is down: the same report, `ok: false`, naming it' },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics',
    roles: null,
    media: { '200': ['text/plain'] },
    responses: { '200': 'text exposition format' },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    roles: null,
    ok: { '200': z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }) },
    responses: { '200': 'OpenAPI 3.1' },
  },
];

/** What a problem says of an agent's answer it refused (POST /v1/inbox/{borrowerId}/replies). */
const ANSWER_REFUSALS = {
  findings: {
    description: "an agent's answer refused by the wording linter: each rule, the words matched and why",
    type: 'array',
    items: {
      type: 'object',
      properties: {
        rule: { type: 'string' },
        matched: { type: 'string' },
        message: { type: 'string' },
        regulation: { type: 'string' },
        in: { type: 'string', enum: ['text', 'rendered'] },
      },
    },
  },
  reasons: {
    description: "an agent's answer the policy refuses for good: each reason's code and detail",
    type: 'array',
    items: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } },
  },
};

/** A response body's schema: what the server sends (zod's output side). */
function responseSchemaOf(s: z.ZodType) {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(s, {
    io: 'output',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return schema;
}

function schemaOf(s: z.ZodType) {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

/** Statuses the shared middleware sends, whatever the route's own handler does (app.ts, auth.ts). */
const UNAUTHORIZED = 'no API key, or one that is malformed, unknown or revoked';
const FORBIDDEN = "the key's role may not use this route";
const BAD_JSON = 'the body is not JSON, or nests deeper than 32 levels';
/** A body of another type than JSON on a JSON route (app.ts, jsonBodiesOnly). */
const NOT_JSON = 'the body is not application/json (problem+json naming the type sent)';
const TOO_LARGE = 'body over 1 MB';
const BAD_BORROWER_ID = 'the borrower id is malformed (named in errors[])';
const NOT_THIS_TENANT = "not found for this key's tenant, or `?tenant=` names another tenant";
const BAD_QUERY = 'a query parameter is wrong (named in errors[])';
/** The routes app.ts rate-limits: per key on /v1 and /admin, per address on /webhooks, /u and /metrics. */
const RATE_LIMITED = /^\/(v1|admin|webhooks|u|metrics)(\/|$)/;
const TOO_MANY = (path: string) =>
  path.startsWith('/v1') || path.startsWith('/admin')
    ? 'more than RATE_LIMIT_PER_MINUTE requests a minute with this key'
    : path.startsWith('/webhooks')
      ? 'more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address'
      : 'more than PUBLIC_RATE_LIMIT_PER_MINUTE requests a minute from this address';

/** The routes that read or write the audit store: while it is unavailable they answer 503 (app.ts, problem.ts). */
const USES_STORE = /^\/(v1|admin|webhooks|u)(\/|$)/;
const STORE_UNAVAILABLE =
  'the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice)';

/** A status the route names keeps its words; the shared one is added before them. */
function withStatus(responses: Record<string, string>, code: string, description: string): void {
  const own = responses[code];
  responses[code] = own === undefined || own === description ? description : `${description}; or ${own}`;
}

/** Every status a route can send: its own, then what the key check, the body parser and the rate limiter add. */
export function statusesOf(r: RouteDoc): Record<string, string> {
  const responses = { ...r.responses };
  if (r.body) {
    if (!responses['400']) responses['400'] = BAD_JSON;
    if (!responses['413']) responses['413'] = TOO_LARGE;
    if (!responses['415']) responses['415'] = NOT_JSON;
  }
  if (r.query && !responses['400']) responses['400'] = BAD_QUERY;
  if (r.roles) {
    withStatus(responses, '401', UNAUTHORIZED);
    withStatus(responses, '403', FORBIDDEN);
  }
  // A borrower id in the path is checked (no `~`, at most 64 characters) before anything is read.
  if (r.path.startsWith('/v1/borrowers/{id}') && !responses['400']) responses['400'] = BAD_BORROWER_ID;
  // Another tenant's data does not exist for a tenant's key, `?tenant=` naming another tenant included (tenancy.ts).
  if (r.roles && r.path.startsWith('/v1/') && !responses['404']) responses['404'] = NOT_THIS_TENANT;
  if (RATE_LIMITED.test(r.path)) withStatus(responses, '429', TOO_MANY(r.path));
  if (USES_STORE.test(r.path)) withStatus(responses, '503', STORE_UNAVAILABLE);
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

const TAGS = [
  { name: 'reminders', description: 'Reminders to send, one at a time or in batches' },
  { name: 'borrowers', description: 'Borrowers: their record, plan, timeline, search and resolution' },
  { name: 'accounts', description: 'Overdue accounts, their payments and promises' },
  { name: 'opt-outs', description: 'The suppression list by address' },
  { name: 'policy', description: 'The compliance profile and its checks' },
  { name: 'replies', description: "What a borrower's reply is understood to say" },
  { name: 'inbox', description: "The agents' inbox: borrowers' replies, what was understood and done, corrections" },
  { name: 'templates', description: 'The template catalogue, previews and lint' },
  { name: 'outbox', description: 'What the sandbox providers recorded' },
  { name: 'audit', description: 'The audit trail: messages, exports, verification, statistics and reads' },
  { name: 'outcomes', description: 'Outcome reports and experiments' },
  { name: 'tenants', description: 'Tenants and their settings' },
  { name: 'console', description: 'What the web console asks of the API' },
  { name: 'callbacks', description: 'Provider callbacks and unsubscribe links: signed or tokened, no API key' },
  { name: 'operations', description: 'Health, metrics, the queue board and this document' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

function tagOf(path: string): Tag {
  const v1 = /^\/v1\/([a-z-]+)/.exec(path)?.[1];
  if (v1 === 'me') return 'console';
  if (v1) return v1 as Tag;
  if (path.startsWith('/webhooks') || path.startsWith(CALLBACK_PATHS.unsubscribe)) return 'callbacks';
  return 'operations';
}

/** What the document can name of this deployment's configuration: the catalogue's template keys. */
export interface KnownValues {
  templates?: readonly string[];
  /** Keys composed by the service only (meta `internal`): not a reminder's `template`. */
  internalTemplates?: readonly string[];
}

/** A reminder's `template` names a key of the catalogue (reminders.routes.ts refuses any other). */
function withKnownTemplates(schema: Record<string, unknown>, templates: readonly string[] | undefined) {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (templates?.length && props?.template) props.template = { ...props.template, enum: [...templates] };
  return schema;
}

function bodySchemaOf(r: RouteDoc, known: KnownValues) {
  const schema = schemaOf(r.body!) as Record<string, unknown>;
  const internal = new Set(known.internalTemplates ?? []);
  const sendable = known.templates?.filter((k) => !internal.has(k));
  if (r.operationId === 'createReminder') return withKnownTemplates(schema, sendable);
  if (r.operationId === 'createReminderBatch') {
    const reminders = (schema.properties as Record<string, { items: Record<string, unknown> }>).reminders!;
    withKnownTemplates(reminders.items, sendable);
  }
  return schema;
}

/** The header of a 503 from a route that uses the store. */
const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before sending the request again', schema: { type: 'integer' } },
};

/** What an answer carries, by media type: JSON with its schema, other media as text, errors as problem+json. */
function contentOf(r: RouteDoc, code: string): { content?: Record<string, { schema: object }> } {
  const json = r.ok?.[code] ? { schema: responseSchemaOf(r.ok[code]) } : { schema: { type: 'object' } };
  const media = mediaOf(r, code);
  if (!media) return {};
  return {
    content: Object.fromEntries(
      media.map((type) => [
        type,
        type === 'application/json'
          ? json
          : type === 'application/problem+json'
            ? { schema: { $ref: '#/components/schemas/Problem' } }
            : { schema: { type: 'string' } },
      ]),
    ),
  };
}

/** The media types an answer may have (undefined: no body), as the contract test checks them. */
export function mediaOf(r: RouteDoc, code: string): readonly string[] | undefined {
  if (r.media?.[code]) return r.media[code];
  if (Number(code) >= 400) return ['application/problem+json'];
  return r.ok?.[code] ? ['application/json'] : undefined;
}

export function buildOpenApi(version: string, known: KnownValues = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTE_DOCS) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema:
        m[1] === 'key' && r.path.startsWith('/v1/templates/') && known.templates?.length
          ? { type: 'string', enum: [...known.templates] }
          : { type: 'string' },
    }));
    const query = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => ({
          name,
          in: 'query',
          // Required when the route refuses a request without it (no default, not optional).
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: schemaOf(schema as z.ZodType),
        }))
      : [];
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      operationId: r.operationId,
      tags: [tagOf(r.path)],
      summary: r.summary,
      // bull-board takes Basic too: a browser can only prompt for that.
      security: r.roles ? (r.path === '/admin/queues' ? [{ bearer: [] }, { basic: [] }] : [{ bearer: [] }]) : [],
      ...(r.roles ? { 'x-roles': r.roles } : {}),
      parameters: [
        ...params,
        ...query,
        ...Object.entries(r.headers ?? {}).map(([name, description]) => ({
          name,
          in: 'header',
          required: true,
          description,
          schema: { type: 'string' },
        })),
      ],
      ...(r.rawBody
        ? {
            requestBody: {
              required: true,
              description: r.rawBody.description,
              content: { [r.rawBody.media]: { schema: { type: 'string' } } },
            },
          }
        : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: bodySchemaOf(r, known),
                  ...(r.example !== undefined ? { example: r.example } : {}),
                },
              },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(statusesOf(r)).map(([code, description]) => [
          code,
          {
            description,
            ...contentOf(r, code),
            ...(code === '503' && USES_STORE.test(r.path) ? { headers: RETRY_AFTER } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Reminder Dispatch',
      version,
      description: 'Courteous SMS, voice and email reminders for overdue repayments.',
      license: { name: 'Proprietary: no licence is granted', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'this service' }],
    tags: TAGS,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer <key>`' },
        basic: { type: 'http', scheme: 'basic', description: 'The admin key as the password (the queue board only)' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
            },
            ...ANSWER_REFUSALS,
          },
        },
      },
    },
    paths,
  };
}
