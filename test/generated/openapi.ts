// Generated from the served OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.
export interface paths {
    "/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept one reminder (idempotent on externalId or the Idempotency-Key header) */
        post: operations["createReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reminders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept up to 1,000 reminders; one bad item fails only itself */
        post: operations["createReminderBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reminders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reminder, its messages and their events */
        get: operations["getReminder"];
        put?: never;
        post?: never;
        /** Cancel whatever has not been sent */
        delete: operations["cancelReminder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or update a borrower */
        put: operations["putBorrower"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Paid or settled: cancel every pending message */
        post: operations["resolveBorrower"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the borrower on request (PIPL art. 47, GDPR art. 17): personal data and content gone, chains still verifying, suppressions kept as keyed hashes */
        post: operations["eraseBorrower"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opt the borrower out of a channel; pending messages on it are suppressed */
        post: operations["optOutBorrower"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The borrower disputes the debt: nothing is sent until the dispute is closed (pending messages wait) */
        post: operations["openDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/disputes/{holdId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a dispute (verified, withdrawn, upheld): the messages it held go through the policy again now */
        post: operations["closeDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The borrower's holds (disputes, paid claims, hardship), open and ended, newest first */
        get: operations["listHolds"];
        put?: never;
        /** Hold the borrower (they say they paid, or hardship) for the configured days: nothing is sent meanwhile */
        post: operations["openHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/holds/{holdId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a hold of any kind: the messages it held go through the policy again now */
        post: operations["releaseHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/cease": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The borrower asked that communication cease (12 CFR 1006.6(c)): pending messages are suppressed */
        post: operations["ceaseBorrower"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountRef}/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The account is overdue: the strategy picks the stage and schedules its cadence */
        post: operations["markAccountOverdue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/overdue/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The delinquency file in bulk: up to 1,000 accounts enter the strategy, a result per account */
        post: operations["markAccountsOverdue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/overdue/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The delinquency file streamed as application/x-ndjson or text/csv, optionally Content-Encoding: gzip; a bad line (one over IMPORT_MAX_LINE_CHARS too) is reported by number and the rest imported */
        post: operations["importOverdueAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The strategy stage, steps done, pending (with times) and dropped, and why */
        get: operations["getBorrowerPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The compliance profile in force */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** May this borrower be contacted on this channel now (or at `at`)? Against stored history */
        post: operations["checkPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What-if: the same answer for a given profile, borrower, history and attempt; nothing stored */
        post: operations["simulatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replies/interpret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the service would understand of a reply (intents, each with its rule and the words that matched; a revocation with its channels, a promise with its date and amount); nothing is stored or acted on */
        post: operations["interpretReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's borrowers who replied, newest reply first: the last reply's intents, whether a person must read it, the replies after the caller's read mark, the holds open (phones masked) */
        get: operations["listInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{borrowerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A borrower's conversation in time order: their replies with their words, what each was understood to say and what was done, the messages sent; their local time and whether each channel may be contacted now. Every read is recorded */
        get: operations["getInboxConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{borrowerId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks the borrower's replies read for the caller's key, up to the reply named (its eventId) or the last */
        post: operations["markInboxRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{borrowerId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An agent corrects what a reply was understood to say: lift-hold releases the hold, wrong-number detaches the number from the borrower, not-a-revocation is recorded (consent returns only from the borrower, through DELETE /v1/opt-outs/{address}); each a reply.corrected event */
        post: operations["correctInboxReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{borrowerId}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The suggested answers rendered for the borrower on a channel (their language, their latest reminder's debt and contact), those for the intents of the latest reply first */
        get: operations["getInboxSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{borrowerId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An agent answers the borrower, in their own words (text, in the agent-reply template) or with a suggested answer (template): linted, checked against the policy, accepted as a message the worker renders, gates, sends and audits; agent.replied on the borrower's chain. Idempotency-Key honoured */
        post: operations["answerInboxReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The template catalogue: keys, channels, locales, versions */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template: metadata, sample data, every variant with its source and lint findings */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{key}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template for a channel and locale with sample (or given) data: subject, text, HTML, TwiML, SMS encoding and segments, lint findings */
        post: operations["previewTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/lint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lint a draft template */
        post: operations["lintTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sandbox providers recorded instead of sending */
        get: operations["listOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search messages, newest first, in keyset pages; recipients masked, content left to the detail */
        get: operations["listAuditMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message exactly as sent (body, and the email HTML or voice script re-rendered from the stored template version) with every event; the read is recorded */
        get: operations["getAuditMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every matching message as CSV (RFC 4180) or NDJSON, streamed; the export is recorded */
        get: operations["exportAuditMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify every hash chain, the chain heads and the registry (?tenant=: the chains of that tenant's borrowers and messages) */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages accepted per day (in a zone) by channel and outcome, and suppressions by reason, for the dashboard */
        get: operations["getAuditStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read or exported what, newest first */
        get: operations["listAuditReads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every message and event of a borrower, newest first (agents see masked recipients) */
        get: operations["getBorrowerTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The presented key: its id, role, tenant (null: deployment-wide) and the console pages it may open */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountRef}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment of the account (full or partial); idempotent on its id; a full payment resolves the borrower */
        post: operations["recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountRef}/promises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A promise to pay or a payment plan agreed, with its date; idempotent on its id */
        post: operations["recordPromise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The experiments of EXPERIMENTS_FILE and their arms */
        get: operations["listExperiments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes/experiments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per arm: rates with Wilson intervals, the test against the control, the guardrail, a sentence per challenger (JSON or CSV) */
        get: operations["getExperimentResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per template, channel and stage: payments and promises by last touch and every touch, opt-outs (JSON or CSV) */
        get: operations["getTemplateOutcomes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes/reach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per tenant and channel: messages handed to a provider, delivered, undelivered and failed by reason, emails bounced, the reach rate with its Wilson interval (JSON or CSV) */
        get: operations["getReach"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The periodic review for a period: sent by stage and channel, recovered, opt-outs, STOPs and replies, held back and why, the experiments (JSON or CSV) */
        get: operations["getOutcomeReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/borrowers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a borrower by name, phone, email or an account’s last 4 digits; masked results; the search is recorded */
        get: operations["searchBorrowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An address's opt-outs: whether it is suppressed, since when, and each channel's source */
        get: operations["listOptOuts"];
        put?: never;
        /** Opt an address (phone number or email) out of one channel or all of its channels, for every borrower that carries it; pending messages to it are suppressed */
        post: operations["createOptOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Opt an address back in (one channel or all); `source` says who asked and how, and is recorded */
        delete: operations["deleteOptOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenants (a tenant's admin key sees its own) */
        get: operations["listTenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant: kind, profile, contact details, senders and their rates, where its events go (an events secret only by its last four characters) */
        get: operations["getTenant"];
        /** Create or replace a tenant (a deployment-wide admin key); checked like `npm run tenants -- put`: senders, profile, and every template for its kind */
        put: operations["putTenant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** bull-board (Bearer or Basic auth with the admin key as the password) */
        get: operations["openQueueBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/message-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio SMS status callback (X-Twilio-Signature) */
        post: operations["twilioMessageStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/call-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio call status callback (X-Twilio-Signature) */
        post: operations["twilioCallStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/amd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio answering-machine detection result (X-Twilio-Signature) */
        post: operations["twilioAnsweringMachineDetection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/inbound-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound SMS: STOP, START, HELP (X-Twilio-Signature); answers TwiML */
        post: operations["twilioInboundSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/voice-keypress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A key pressed during a reminder call (X-Twilio-Signature): 9 stops calls to the number; answers TwiML */
        post: operations["twilioVoiceKeypress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Email unsubscribe confirmation page */
        get: operations["showUnsubscribePage"];
        put?: never;
        /** RFC 8058 one-click unsubscribe */
        post: operations["unsubscribeOneClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/inbound-mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A borrower's email reply, posted by a mail relay as raw MIME (X-Signature: HMAC-SHA256 of the body) */
        post: operations["receiveInboundMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/email-bounces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A mail relay's bounce webhook: one report as JSON (X-Signature: HMAC-SHA256 of the body), docs/reach.md */
        post: operations["receiveEmailBounce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Redis and the audit store answer */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path?: string;
                message?: string;
            }[];
            /** @description an agent's answer refused by the wording linter: each rule, the words matched and why */
            findings?: {
                rule?: string;
                matched?: string;
                message?: string;
                regulation?: string;
                /** @enum {string} */
                in?: "text" | "rendered";
            }[];
            /** @description an agent's answer the policy refuses for good: each reason's code and detail */
            reasons?: {
                code?: string;
                detail?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createReminder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "externalId": "invoice-2026-11-0042",
                 *       "borrower": {
                 *         "id": "b-1001",
                 *         "name": "Alex Chen",
                 *         "locale": "en-US",
                 *         "timezone": "America/New_York",
                 *         "phone": "+14155550100"
                 *       },
                 *       "debt": {
                 *         "accountRef": "4111111111111234",
                 *         "creditor": "Northwind Bank",
                 *         "amountDue": {
                 *           "amount": "120.50",
                 *           "currency": "USD"
                 *         },
                 *         "dueDate": "2026-11-20",
                 *         "daysOverdue": 3,
                 *         "paymentUrl": "https://pay.example.com/a/1234"
                 *       },
                 *       "channel": "sms",
                 *       "template": "gentle-overdue"
                 *     }
                 */
                "application/json": {
                    externalId?: string;
                    borrower?: {
                        id: string;
                        name?: string | null;
                        /**
                         * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                         * @example en-US
                         * @example zh-CN
                         * @example es-US
                         */
                        locale?: string;
                        timezone?: (string | string[]) | null;
                        phone?: string | null;
                        email?: string | null;
                        consent?: {
                            sms?: boolean;
                            voice?: boolean;
                            email?: boolean;
                        };
                        blackouts?: {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            from: string;
                            to: string;
                        }[];
                        address?: {
                            region?: string | null;
                        } | null;
                    };
                    borrowerId?: string;
                    debt: {
                        accountRef: string;
                        creditor: string;
                        amountDue: {
                            amount: string;
                            /**
                             * @description An ISO 4217 code this server knows
                             * @enum {string}
                             */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        /** Format: date */
                        dueDate: string;
                        daysOverdue: number;
                        minimumPayment?: {
                            amount: string;
                            /**
                             * @description An ISO 4217 code this server knows
                             * @enum {string}
                             */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        /**
                         * Format: uri
                         * @description An http(s) URL where the borrower can pay
                         */
                        paymentUrl?: string;
                        /** @description What the validation notice of an agency's first email about the debt itemizes (12 CFR 1006.34); required then */
                        itemization?: {
                            /**
                             * Format: date
                             * @description The itemization date
                             */
                            date: string;
                            /**
                             * @description Which of the five reference dates of 12 CFR 1006.34(b)(3) the itemization date is
                             * @enum {string}
                             */
                            dateKind: "last-statement" | "charge-off" | "last-payment" | "transaction" | "judgment";
                            /** @description What was owed on the itemization date */
                            atItemization: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Interest charged since the itemization date (0 if none) */
                            interest: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Fees charged since the itemization date (0 if none) */
                            fees: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Payments applied since the itemization date (0 if none) */
                            payments: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Credits applied since the itemization date (0 if none) */
                            credits: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                        };
                    };
                    /** @enum {string} */
                    channel: "sms" | "voice" | "email" | "auto";
                    /** @enum {string} */
                    template?: "due-soon" | "final-courtesy" | "gentle-overdue" | "gentle-overdue-warm" | "help-reply" | "opt-out-confirmation" | "opt-out-plain" | "payment-plan-offer" | "payment-received" | "promise-courtesy" | "promise-kept" | "promise-missed" | "subscribed-again" | "voicemail-limited";
                    experiment?: string;
                    /** Format: date-time */
                    sendAt?: string;
                    /** Format: date-time */
                    expiresAt?: string;
                    contact?: {
                        name?: string;
                        agent?: string;
                        phone?: string;
                        hours?: string;
                    };
                    metadata?: {
                        [key: string]: unknown;
                    };
                    fallback?: ("sms" | "voice" | "email")[];
                } & ((unknown | unknown) & (unknown | unknown) & unknown & unknown & unknown);
            };
        };
        responses: {
            /** @description a repeat: the original */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        externalId: string | null;
                        borrowerId: string;
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email" | "auto";
                        template: string;
                        debt: ({
                            accountRef: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                currency: string;
                            };
                            dueDate: string;
                            daysOverdue: number;
                        } & {
                            [key: string]: unknown;
                        }) | {
                            /** @constant */
                            erased: true;
                        };
                        /** Format: date-time */
                        sendAt: string;
                        expiresAt: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        contact: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        status: string;
                        messages: {
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            to: string;
                            template: string;
                            templateVersion: string | null;
                            locale: string;
                            subject: string | null;
                            body?: string | null;
                            provider: string | null;
                            providerId: string | null;
                            attempts: number;
                            error: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            /** Format: date-time */
                            sendAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            experiment?: {
                                id: string;
                                arm: string;
                            };
                            deferral?: {
                                until: unknown;
                                reasons: unknown;
                            } | null;
                            events?: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        externalId: string | null;
                        borrowerId: string;
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email" | "auto";
                        template: string;
                        debt: ({
                            accountRef: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                currency: string;
                            };
                            dueDate: string;
                            daysOverdue: number;
                        } & {
                            [key: string]: unknown;
                        }) | {
                            /** @constant */
                            erased: true;
                        };
                        /** Format: date-time */
                        sendAt: string;
                        expiresAt: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        contact: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        status: string;
                        messages: {
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            to: string;
                            template: string;
                            templateVersion: string | null;
                            locale: string;
                            subject: string | null;
                            body?: string | null;
                            provider: string | null;
                            providerId: string | null;
                            attempts: number;
                            error: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            /** Format: date-time */
                            sendAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            experiment?: {
                                id: string;
                                arm: string;
                            };
                            deferral?: {
                                until: unknown;
                                reasons: unknown;
                            } | null;
                            events?: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description key reused with a different body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not for a collection system: a template composed by the service only (an agent's answer, the validation notice on its own), or a reserved metadata key (`agentReply`, `validationNotice`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReminderBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reminders": [
                 *         {
                 *           "externalId": "invoice-2026-11-0042",
                 *           "borrower": {
                 *             "id": "b-1001",
                 *             "name": "Alex Chen",
                 *             "locale": "en-US",
                 *             "timezone": "America/New_York",
                 *             "phone": "+14155550100"
                 *           },
                 *           "debt": {
                 *             "accountRef": "4111111111111234",
                 *             "creditor": "Northwind Bank",
                 *             "amountDue": {
                 *               "amount": "120.50",
                 *               "currency": "USD"
                 *             },
                 *             "dueDate": "2026-11-20",
                 *             "daysOverdue": 3,
                 *             "paymentUrl": "https://pay.example.com/a/1234"
                 *           },
                 *           "channel": "sms",
                 *           "template": "gentle-overdue"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    reminders: ({
                        externalId?: string;
                        borrower?: {
                            id: string;
                            name?: string | null;
                            /**
                             * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                             * @example en-US
                             * @example zh-CN
                             * @example es-US
                             */
                            locale?: string;
                            timezone?: (string | string[]) | null;
                            phone?: string | null;
                            email?: string | null;
                            consent?: {
                                sms?: boolean;
                                voice?: boolean;
                                email?: boolean;
                            };
                            blackouts?: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                from: string;
                                to: string;
                            }[];
                            address?: {
                                region?: string | null;
                            } | null;
                        };
                        borrowerId?: string;
                        debt: {
                            accountRef: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** Format: date */
                            dueDate: string;
                            daysOverdue: number;
                            minimumPayment?: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /**
                             * Format: uri
                             * @description An http(s) URL where the borrower can pay
                             */
                            paymentUrl?: string;
                            /** @description What the validation notice of an agency's first email about the debt itemizes (12 CFR 1006.34); required then */
                            itemization?: {
                                /**
                                 * Format: date
                                 * @description The itemization date
                                 */
                                date: string;
                                /**
                                 * @description Which of the five reference dates of 12 CFR 1006.34(b)(3) the itemization date is
                                 * @enum {string}
                                 */
                                dateKind: "last-statement" | "charge-off" | "last-payment" | "transaction" | "judgment";
                                /** @description What was owed on the itemization date */
                                atItemization: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Interest charged since the itemization date (0 if none) */
                                interest: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Fees charged since the itemization date (0 if none) */
                                fees: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Payments applied since the itemization date (0 if none) */
                                payments: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Credits applied since the itemization date (0 if none) */
                                credits: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                            };
                        };
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email" | "auto";
                        /** @enum {string} */
                        template?: "due-soon" | "final-courtesy" | "gentle-overdue" | "gentle-overdue-warm" | "help-reply" | "opt-out-confirmation" | "opt-out-plain" | "payment-plan-offer" | "payment-received" | "promise-courtesy" | "promise-kept" | "promise-missed" | "subscribed-again" | "voicemail-limited";
                        experiment?: string;
                        /** Format: date-time */
                        sendAt?: string;
                        /** Format: date-time */
                        expiresAt?: string;
                        contact?: {
                            name?: string;
                            agent?: string;
                            phone?: string;
                            hours?: string;
                        };
                        metadata?: {
                            [key: string]: unknown;
                        };
                        fallback?: ("sms" | "voice" | "email")[];
                    } & ((unknown | unknown) & (unknown | unknown) & unknown & unknown & unknown))[];
                };
            };
        };
        responses: {
            /** @description a result per item (an item refused as POST /v1/reminders refuses it: 400 or 422) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        repeated: number;
                        rejected: number;
                        results: ({
                            index: number;
                            status: number;
                            reminder: {
                                id: string;
                                externalId: string | null;
                                borrowerId: string;
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email" | "auto";
                                template: string;
                                debt: ({
                                    accountRef: string;
                                    creditor: string;
                                    amountDue: {
                                        amount: string;
                                        currency: string;
                                    };
                                    dueDate: string;
                                    daysOverdue: number;
                                } & {
                                    [key: string]: unknown;
                                }) | {
                                    /** @constant */
                                    erased: true;
                                };
                                /** Format: date-time */
                                sendAt: string;
                                expiresAt: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                } | null;
                                contact: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                status: string;
                                messages: {
                                    id: string;
                                    /** @enum {string} */
                                    channel: "sms" | "voice" | "email";
                                    /** @enum {string} */
                                    status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                                    to: string;
                                    template: string;
                                    templateVersion: string | null;
                                    locale: string;
                                    subject: string | null;
                                    body?: string | null;
                                    provider: string | null;
                                    providerId: string | null;
                                    attempts: number;
                                    error: {
                                        code: string | null;
                                        message: string | null;
                                    } | null;
                                    /** Format: date-time */
                                    sendAt: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    experiment?: {
                                        id: string;
                                        arm: string;
                                    };
                                    deferral?: {
                                        until: unknown;
                                        reasons: unknown;
                                    } | null;
                                    events?: {
                                        seq: number;
                                        type: string;
                                        /** Format: date-time */
                                        at: string;
                                        actor: string;
                                        data: {
                                            [key: string]: unknown;
                                        };
                                    }[];
                                }[];
                            };
                        } | {
                            index: number;
                            status: number;
                            problem: {
                                type: string;
                                title: string;
                                status: number;
                                detail: string;
                                errors?: {
                                    path: string;
                                    message: string;
                                }[];
                            } & {
                                [key: string]: unknown;
                            };
                        })[];
                    };
                };
            };
            /** @description not a batch: no reminders, more than 1,000, or not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the reminder */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        externalId: string | null;
                        borrowerId: string;
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email" | "auto";
                        template: string;
                        debt: ({
                            accountRef: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                currency: string;
                            };
                            dueDate: string;
                            daysOverdue: number;
                        } & {
                            [key: string]: unknown;
                        }) | {
                            /** @constant */
                            erased: true;
                        };
                        /** Format: date-time */
                        sendAt: string;
                        expiresAt: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        contact: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        status: string;
                        messages: {
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            to: string;
                            template: string;
                            templateVersion: string | null;
                            locale: string;
                            subject: string | null;
                            body?: string | null;
                            provider: string | null;
                            providerId: string | null;
                            attempts: number;
                            error: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            /** Format: date-time */
                            sendAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            experiment?: {
                                id: string;
                                arm: string;
                            };
                            deferral?: {
                                until: unknown;
                                reasons: unknown;
                            } | null;
                            events?: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description what was cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        externalId: string | null;
                        borrowerId: string;
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email" | "auto";
                        template: string;
                        debt: ({
                            accountRef: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                currency: string;
                            };
                            dueDate: string;
                            daysOverdue: number;
                        } & {
                            [key: string]: unknown;
                        }) | {
                            /** @constant */
                            erased: true;
                        };
                        /** Format: date-time */
                        sendAt: string;
                        expiresAt: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        contact: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        status: string;
                        messages: {
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            to: string;
                            template: string;
                            templateVersion: string | null;
                            locale: string;
                            subject: string | null;
                            body?: string | null;
                            provider: string | null;
                            providerId: string | null;
                            attempts: number;
                            error: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            /** Format: date-time */
                            sendAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            experiment?: {
                                id: string;
                                arm: string;
                            };
                            deferral?: {
                                until: unknown;
                                reasons: unknown;
                            } | null;
                            events?: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        }[];
                        cancelled: string[];
                        notCancelled: string[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putBorrower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Alex Chen",
                 *       "locale": "en-US",
                 *       "timezone": "America/New_York",
                 *       "phone": "+14155550100"
                 *     }
                 */
                "application/json": {
                    id?: string;
                    name?: string | null;
                    /**
                     * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                     * @example en-US
                     * @example zh-CN
                     * @example es-US
                     */
                    locale?: string;
                    timezone?: (string | string[]) | null;
                    phone?: string | null;
                    email?: string | null;
                    consent?: {
                        sms?: boolean;
                        voice?: boolean;
                        email?: boolean;
                    };
                    blackouts?: {
                        days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        from: string;
                        to: string;
                    }[];
                    address?: {
                        region?: string | null;
                    } | null;
                };
            };
        };
        responses: {
            /** @description updated: the borrower */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string | null;
                        locale: string;
                        /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                        language: {
                            preference: string | null;
                            recordedAt: string | null;
                        };
                        timezone: (string | string[]) | null;
                        phone: string | null;
                        email: string | null;
                        consent: {
                            sms: boolean | null;
                            voice: boolean | null;
                            email: boolean | null;
                        };
                        optOuts: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            /** Format: date-time */
                            at: string;
                            /** @constant */
                            detached?: true;
                        }[];
                        blackouts: {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            from: string;
                            to: string;
                        }[];
                        address: {
                            region: string | null;
                        };
                        /** @enum {string} */
                        status: "active" | "resolved" | "ceased";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description created: the borrower */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string | null;
                        locale: string;
                        /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                        language: {
                            preference: string | null;
                            recordedAt: string | null;
                        };
                        timezone: (string | string[]) | null;
                        phone: string | null;
                        email: string | null;
                        consent: {
                            sms: boolean | null;
                            voice: boolean | null;
                            email: boolean | null;
                        };
                        optOuts: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            /** Format: date-time */
                            at: string;
                            /** @constant */
                            detached?: true;
                        }[];
                        blackouts: {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            from: string;
                            to: string;
                        }[];
                        address: {
                            region: string | null;
                        };
                        /** @enum {string} */
                        status: "active" | "resolved" | "ceased";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveBorrower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description the borrower, the cancelled message ids, whether it was resolved already, the thank-you message ids */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrower: {
                            id: string;
                            name: string | null;
                            locale: string;
                            /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                            language: {
                                preference: string | null;
                                recordedAt: string | null;
                            };
                            timezone: (string | string[]) | null;
                            phone: string | null;
                            email: string | null;
                            consent: {
                                sms: boolean | null;
                                voice: boolean | null;
                                email: boolean | null;
                            };
                            optOuts: {
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                source: string;
                                /** Format: date-time */
                                at: string;
                                /** @constant */
                                detached?: true;
                            }[];
                            blackouts: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                from: string;
                                to: string;
                            }[];
                            address: {
                                region: string | null;
                            };
                            /** @enum {string} */
                            status: "active" | "resolved" | "ceased";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        cancelled: string[];
                        alreadyResolved: boolean;
                        thanks: string[];
                    };
                };
            };
            /** @description the body is not JSON, or nests deeper than 32 levels */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseBorrower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    basis: "pipl-art-47" | "gdpr-art-17" | "other";
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description erased now, or erased before (`alreadyErased`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** Format: date-time */
                        erasedAt: string;
                        alreadyErased: boolean;
                        cancelled: string[];
                        messages: string[];
                        suppressionsKept: number;
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route; or a key of any other role, admin included: an erasure names a compliance key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a legal hold stands (an open dispute, or a hold under a rule of law): `holds` names each */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    optOutBorrower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "voice" | "email";
                    /** @default collection-system */
                    source?: string;
                };
            };
        };
        responses: {
            /** @description the borrower, whether the opt-out is new, and the suppressed message ids */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrower: {
                            id: string;
                            name: string | null;
                            locale: string;
                            /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                            language: {
                                preference: string | null;
                                recordedAt: string | null;
                            };
                            timezone: (string | string[]) | null;
                            phone: string | null;
                            email: string | null;
                            consent: {
                                sms: boolean | null;
                                voice: boolean | null;
                                email: boolean | null;
                            };
                            optOuts: {
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                source: string;
                                /** Format: date-time */
                                at: string;
                                /** @constant */
                                detached?: true;
                            }[];
                            blackouts: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                from: string;
                                to: string;
                            }[];
                            address: {
                                region: string | null;
                            };
                            /** @enum {string} */
                            status: "active" | "resolved" | "ceased";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        added: boolean;
                        suppressed: string[];
                    };
                };
            };
            /** @description the body is not JSON, or nests deeper than 32 levels */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    detail?: string;
                };
            };
        };
        responses: {
            /** @description a dispute was open already: that one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        borrowerId: string;
                        /** @enum {string} */
                        kind: "dispute" | "paid-claim" | "hardship" | "promise";
                        /** Format: date-time */
                        openedAt: string;
                        until: string | null;
                        /** @enum {string} */
                        source: "api" | "reply" | "agent";
                        detail: string | null;
                        ruleRef: string | null;
                        closedAt: string | null;
                        closedBy: string | null;
                        resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                        closeDetail: string | null;
                        accountRef: string | null;
                        promiseId: string | null;
                    };
                };
            };
            /** @description the dispute opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        borrowerId: string;
                        /** @enum {string} */
                        kind: "dispute" | "paid-claim" | "hardship" | "promise";
                        /** Format: date-time */
                        openedAt: string;
                        until: string | null;
                        /** @enum {string} */
                        source: "api" | "reply" | "agent";
                        detail: string | null;
                        ruleRef: string | null;
                        closedAt: string | null;
                        closedBy: string | null;
                        resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                        closeDetail: string | null;
                        accountRef: string | null;
                        promiseId: string | null;
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    resolution: "verified" | "withdrawn" | "upheld";
                    detail?: string;
                };
            };
        };
        responses: {
            /** @description the dispute, whether it was closed before, and the messages rescheduled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        };
                        alreadyClosed: boolean;
                        rescheduled: string[];
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower, or no such dispute of the borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHolds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the holds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        }[];
                    };
                };
            };
            /** @description the borrower id is malformed (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "paid-claim" | "hardship";
                    detail?: string;
                };
            };
        };
        responses: {
            /** @description the hold opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        borrowerId: string;
                        /** @enum {string} */
                        kind: "dispute" | "paid-claim" | "hardship" | "promise";
                        /** Format: date-time */
                        openedAt: string;
                        until: string | null;
                        /** @enum {string} */
                        source: "api" | "reply" | "agent";
                        detail: string | null;
                        ruleRef: string | null;
                        closedAt: string | null;
                        closedBy: string | null;
                        resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                        closeDetail: string | null;
                        accountRef: string | null;
                        promiseId: string | null;
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    detail?: string;
                };
            };
        };
        responses: {
            /** @description the hold, whether it had ended before, and the messages rescheduled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        };
                        alreadyClosed: boolean;
                        rescheduled: string[];
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower, or no such hold of the borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ceaseBorrower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    detail?: string;
                };
            };
        };
        responses: {
            /** @description the borrower, the suppressed message ids, whether it was ceased already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrower: {
                            id: string;
                            name: string | null;
                            locale: string;
                            /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                            language: {
                                preference: string | null;
                                recordedAt: string | null;
                            };
                            timezone: (string | string[]) | null;
                            phone: string | null;
                            email: string | null;
                            consent: {
                                sms: boolean | null;
                                voice: boolean | null;
                                email: boolean | null;
                            };
                            optOuts: {
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                source: string;
                                /** Format: date-time */
                                at: string;
                                /** @constant */
                                detached?: true;
                            }[];
                            blackouts: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                from: string;
                                to: string;
                            }[];
                            address: {
                                region: string | null;
                            };
                            /** @enum {string} */
                            status: "active" | "resolved" | "ceased";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        suppressed: string[];
                        alreadyCeased: boolean;
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAccountOverdue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountRef: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    borrower?: {
                        id: string;
                        name?: string | null;
                        /**
                         * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                         * @example en-US
                         * @example zh-CN
                         * @example es-US
                         */
                        locale?: string;
                        timezone?: (string | string[]) | null;
                        phone?: string | null;
                        email?: string | null;
                        consent?: {
                            sms?: boolean;
                            voice?: boolean;
                            email?: boolean;
                        };
                        blackouts?: {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            from: string;
                            to: string;
                        }[];
                        address?: {
                            region?: string | null;
                        } | null;
                    };
                    borrowerId?: string;
                    debt: {
                        accountRef?: string;
                        creditor: string;
                        amountDue: {
                            amount: string;
                            /**
                             * @description An ISO 4217 code this server knows
                             * @enum {string}
                             */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        /** Format: date */
                        dueDate: string;
                        daysOverdue: number;
                        minimumPayment?: {
                            amount: string;
                            /**
                             * @description An ISO 4217 code this server knows
                             * @enum {string}
                             */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        /**
                         * Format: uri
                         * @description An http(s) URL where the borrower can pay
                         */
                        paymentUrl?: string;
                        /** @description What the validation notice of an agency's first email about the debt itemizes (12 CFR 1006.34); required then */
                        itemization?: {
                            /**
                             * Format: date
                             * @description The itemization date
                             */
                            date: string;
                            /**
                             * @description Which of the five reference dates of 12 CFR 1006.34(b)(3) the itemization date is
                             * @enum {string}
                             */
                            dateKind: "last-statement" | "charge-off" | "last-payment" | "transaction" | "judgment";
                            /** @description What was owed on the itemization date */
                            atItemization: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Interest charged since the itemization date (0 if none) */
                            interest: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Fees charged since the itemization date (0 if none) */
                            fees: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Payments applied since the itemization date (0 if none) */
                            payments: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** @description Credits applied since the itemization date (0 if none) */
                            credits: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                        };
                    };
                };
            };
        };
        responses: {
            /** @description the stage and why, the message ids cancelled on leaving the last stage, the borrower's plan */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        stage: "pre-due" | "early" | "middle" | "late";
                        why: string;
                        cancelled: string[];
                        plan: {
                            accountRef: string;
                            /** @enum {string} */
                            stage: "pre-due" | "early" | "middle" | "late" | "resolved";
                            why: string;
                            /** Format: date-time */
                            enteredAt: string;
                            steps: {
                                index: number;
                                template: string;
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                day: number;
                                experiment?: string;
                                at: number;
                                nextAt: number | null;
                                superseded: boolean;
                                reminderId: string | null;
                                messageId: string | null;
                                /** @enum {string} */
                                status: "done" | "pending" | "dropped" | "not-scheduled";
                                reason: string | null;
                                /** Format: date-time */
                                sendAt: string;
                            }[];
                            handoff: {
                                /** Format: date-time */
                                at: string;
                                why: string;
                                event: {
                                    id: string;
                                    /** @enum {string} */
                                    delivery: "delivered" | "retrying" | "failed" | "pending" | "not-configured";
                                    attempts: number;
                                    deliveredAt: string | null;
                                    error: string | null;
                                };
                            } | null;
                        }[];
                    };
                };
            };
            /** @description validation failed, a debt.accountRef that is not the path account included */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAccountsOverdue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accounts: {
                        accountRef: string;
                        borrower?: {
                            id: string;
                            name?: string | null;
                            /**
                             * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                             * @example en-US
                             * @example zh-CN
                             * @example es-US
                             */
                            locale?: string;
                            timezone?: (string | string[]) | null;
                            phone?: string | null;
                            email?: string | null;
                            consent?: {
                                sms?: boolean;
                                voice?: boolean;
                                email?: boolean;
                            };
                            blackouts?: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                from: string;
                                to: string;
                            }[];
                            address?: {
                                region?: string | null;
                            } | null;
                        };
                        borrowerId?: string;
                        debt: {
                            accountRef?: string;
                            creditor: string;
                            amountDue: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /** Format: date */
                            dueDate: string;
                            daysOverdue: number;
                            minimumPayment?: {
                                amount: string;
                                /**
                                 * @description An ISO 4217 code this server knows
                                 * @enum {string}
                                 */
                                currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                            };
                            /**
                             * Format: uri
                             * @description An http(s) URL where the borrower can pay
                             */
                            paymentUrl?: string;
                            /** @description What the validation notice of an agency's first email about the debt itemizes (12 CFR 1006.34); required then */
                            itemization?: {
                                /**
                                 * Format: date
                                 * @description The itemization date
                                 */
                                date: string;
                                /**
                                 * @description Which of the five reference dates of 12 CFR 1006.34(b)(3) the itemization date is
                                 * @enum {string}
                                 */
                                dateKind: "last-statement" | "charge-off" | "last-payment" | "transaction" | "judgment";
                                /** @description What was owed on the itemization date */
                                atItemization: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Interest charged since the itemization date (0 if none) */
                                interest: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Fees charged since the itemization date (0 if none) */
                                fees: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Payments applied since the itemization date (0 if none) */
                                payments: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                                /** @description Credits applied since the itemization date (0 if none) */
                                credits: {
                                    amount: string;
                                    /**
                                     * @description An ISO 4217 code this server knows
                                     * @enum {string}
                                     */
                                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                                };
                            };
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description {scheduled, unchanged, rejected, results: [{index, status: 202 | 200 | 400, accountRef, stage, why, steps | problem}]} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scheduled: number;
                        unchanged: number;
                        rejected: number;
                        results: ({
                            index: number;
                            /** @constant */
                            status: 202;
                            accountRef: string;
                            /** @enum {string} */
                            stage: "pre-due" | "early" | "middle" | "late";
                            why: string;
                            steps: number;
                        } | {
                            index: number;
                            /** @constant */
                            status: 200;
                            accountRef: string;
                            /** @enum {string} */
                            stage: "pre-due" | "early" | "middle" | "late";
                        } | {
                            index: number;
                            /** @constant */
                            status: 400;
                            accountRef?: string;
                            problem: {
                                type: string;
                                title: string;
                                status: number;
                                detail: string;
                                errors?: {
                                    path: string;
                                    message: string;
                                }[];
                            } & {
                                [key: string]: unknown;
                            };
                        })[];
                    };
                };
            };
            /** @description not a batch */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importOverdueAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {lines, scheduled, unchanged, rejected, errors: [{line, accountRef, path, message}] (the first 100), resumedAfter} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lines: number;
                        scheduled: number;
                        unchanged: number;
                        rejected: number;
                        errors: {
                            line: number;
                            accountRef: string | null;
                            path: string;
                            message: string;
                        }[];
                        resumedAfter: number;
                    };
                };
            };
            /** @description the body is not the gzip it says: the lines before the fault are stored ({…counts, committedThrough}) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the file is over IMPORT_MAX_BYTES once decompressed: the lines before it are stored ({…counts, committedThrough}) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description neither NDJSON nor CSV, or a Content-Encoding other than gzip */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the store failed part-way: the lines up to committedThrough are stored ({…counts, committedThrough}) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBorrowerPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the borrower's status and each account's stage, steps and hand-off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrowerId: string;
                        /** @enum {string} */
                        status: "active" | "resolved" | "ceased";
                        accounts: {
                            accountRef: string;
                            /** @enum {string} */
                            stage: "pre-due" | "early" | "middle" | "late" | "resolved";
                            why: string;
                            /** Format: date-time */
                            enteredAt: string;
                            steps: {
                                index: number;
                                template: string;
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                day: number;
                                experiment?: string;
                                at: number;
                                nextAt: number | null;
                                superseded: boolean;
                                reminderId: string | null;
                                messageId: string | null;
                                /** @enum {string} */
                                status: "done" | "pending" | "dropped" | "not-scheduled";
                                reason: string | null;
                                /** Format: date-time */
                                sendAt: string;
                                heldBy: string[];
                            }[];
                            handoff: {
                                /** Format: date-time */
                                at: string;
                                why: string;
                                event: {
                                    id: string;
                                    /** @enum {string} */
                                    delivery: "delivered" | "retrying" | "failed" | "pending" | "not-configured";
                                    attempts: number;
                                    deliveredAt: string | null;
                                    error: string | null;
                                };
                            } | null;
                            heldBy: string[];
                            promise: {
                                id: string;
                                /** @enum {string} */
                                kind: "promise" | "plan";
                                /** @enum {string} */
                                state: "open" | "kept" | "broken" | "replaced";
                                /** Format: date-time */
                                agreedAt: string;
                                currency: string | null;
                                paid: string;
                                misses: number;
                                instalments: {
                                    dueDate: string;
                                    amount: string | null;
                                    /** @enum {string} */
                                    state: "due" | "kept" | "missed";
                                }[];
                            } | null;
                        }[];
                        holds: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        }[];
                    };
                };
            };
            /** @description the borrower id is malformed (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the profile: windows, caps, conversation block, consent, opt-out keywords, disclosure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        windows: {
                            sms: {
                                from: string;
                                to: string;
                            };
                            voice: {
                                from: string;
                                to: string;
                            };
                            email: {
                                from: string;
                                to: string;
                            };
                        };
                        windowSource?: string;
                        caps: {
                            name: string;
                            channels: ("sms" | "voice" | "email")[];
                            max: number;
                            per: {
                                days: number;
                            } | {
                                hours: number;
                            } | {
                                minutes: number;
                            };
                            counts: ("pending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "voicemail" | "busy" | "not-in-service")[];
                            /** @enum {string} */
                            scope: "borrower" | "number";
                            source?: string;
                            layer?: string;
                        }[];
                        conversationBlock: {
                            channels: ("sms" | "voice" | "email")[];
                            days: number;
                            source?: string;
                        } | null;
                        consentRequired: {
                            sms: boolean;
                            voice: boolean;
                            email: boolean;
                        };
                        optOutKeywords: string[];
                        disclosure: {
                            channels: ("sms" | "email" | "voice" | "voicemail")[];
                            phrases: {
                                [key: string]: string[];
                            };
                            source?: string;
                        } | null;
                        retentionYears: number;
                        retentionMinYears?: number;
                        spreadSeconds: number;
                        agentReplies: {
                            countAgainstCaps: boolean;
                            withinHours: number;
                        };
                        validationNotice: {
                            source?: string;
                        } | null;
                        layers?: string[];
                        windowSources?: {
                            [key: string]: {
                                [key: string]: {
                                    layer: string;
                                    source: string;
                                };
                            };
                        };
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    borrowerId: string;
                    /** @enum {string} */
                    channel: "sms" | "voice" | "email";
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description {profile, layers, region, at, allowed: true, zones} or {profile, layers, region, at, allowed: false, reasons (each with the layer that decided), earliestAllowedAt, zones} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        profile: string;
                        /**
                         * @example [
                         *       "US-REGF",
                         *       "US-MA"
                         *     ]
                         */
                        layers: string[];
                        region: string | null;
                        /** Format: date-time */
                        at: string;
                        /** @constant */
                        allowed: true;
                        zones: string[];
                    } | {
                        profile: string;
                        /**
                         * @example [
                         *       "US-REGF",
                         *       "US-MA"
                         *     ]
                         */
                        layers: string[];
                        region: string | null;
                        /** Format: date-time */
                        at: string;
                        /** @constant */
                        allowed: false;
                        reasons: {
                            /** @enum {string} */
                            code: "outside-contact-window" | "blackout" | "cap-reached" | "conversation-block" | "opted-out" | "no-consent" | "resolved" | "ceased" | "held" | "no-allowed-time";
                            rule: string;
                            detail: string;
                            hold?: {
                                id: string;
                                kind: string;
                            };
                            layer?: string;
                        }[];
                        earliestAllowedAt: string | null;
                        zones: string[];
                    };
                };
            };
            /** @description the body is not JSON, or nests deeper than 32 levels */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    profile: string | {
                        [key: string]: unknown;
                    };
                    borrower: {
                        /**
                         * @default active
                         * @enum {string}
                         */
                        status?: "active" | "resolved" | "ceased";
                        /** @default null */
                        timezone?: (string | string[]) | null;
                        phone?: string | null;
                        /**
                         * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                         * @example en-US
                         * @example zh-CN
                         * @example es-US
                         */
                        locale?: string;
                        /** @default {} */
                        consent?: {
                            sms?: boolean | null;
                            voice?: boolean | null;
                            email?: boolean | null;
                        };
                        /** @default [] */
                        optOuts?: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source?: string;
                            at?: string;
                        }[];
                        /** @default [] */
                        blackouts?: {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            from: string;
                            to: string;
                        }[];
                        /** @default null */
                        address?: {
                            region?: string | null;
                        } | null;
                    };
                    /** @enum {string} */
                    senderKind?: "creditor" | "agency";
                    history?: {
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email";
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        outcome: "pending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "voicemail" | "busy" | "not-in-service";
                        /**
                         * @default outbound
                         * @enum {string}
                         */
                        direction?: "outbound" | "inbound";
                        to?: string;
                    }[];
                    attempt: {
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email";
                        /** Format: date-time */
                        at: string;
                        to?: string;
                    };
                };
            };
        };
        responses: {
            /** @description {profile, layers, region, at, allowed: true, zones} or {profile, layers, region, at, allowed: false, reasons (each with the layer that decided), earliestAllowedAt, zones} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        profile: string;
                        /**
                         * @example [
                         *       "US-REGF",
                         *       "US-MA"
                         *     ]
                         */
                        layers: string[];
                        region: string | null;
                        /** Format: date-time */
                        at: string;
                        /** @constant */
                        allowed: true;
                        zones: string[];
                    } | {
                        profile: string;
                        /**
                         * @example [
                         *       "US-REGF",
                         *       "US-MA"
                         *     ]
                         */
                        layers: string[];
                        region: string | null;
                        /** Format: date-time */
                        at: string;
                        /** @constant */
                        allowed: false;
                        reasons: {
                            /** @enum {string} */
                            code: "outside-contact-window" | "blackout" | "cap-reached" | "conversation-block" | "opted-out" | "no-consent" | "resolved" | "ceased" | "held" | "no-allowed-time";
                            rule: string;
                            detail: string;
                            hold?: {
                                id: string;
                                kind: string;
                            };
                            layer?: string;
                        }[];
                        earliestAllowedAt: string | null;
                        zones: string[];
                    };
                };
            };
            /** @description the body is not JSON, or nests deeper than 32 levels */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    interpretReply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "I'll pay $50 on Friday, please stop texting me",
                 *       "channel": "sms",
                 *       "receivedAt": "2026-12-02T10:00:00-05:00",
                 *       "timezone": "America/New_York"
                 *     }
                 */
                "application/json": {
                    text: string;
                    /**
                     * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                     * @example en-US
                     * @example zh-CN
                     * @example es-US
                     */
                    locale?: string;
                    /**
                     * @default sms
                     * @enum {string}
                     */
                    channel?: "sms" | "voice" | "email";
                    /** Format: date-time */
                    receivedAt?: string;
                    /**
                     * @description An IANA time zone name, checked against the tz database
                     * @example America/New_York
                     * @example Asia/Shanghai
                     */
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description the interpretation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intents: {
                            /** @enum {string} */
                            intent: "revoke" | "wrong-number" | "dispute" | "paid-already" | "promise" | "hardship" | "question" | "callback" | "complaint" | "other";
                            rule: string;
                            matched: string;
                            scope?: ("sms" | "voice" | "email")[];
                            promise?: {
                                date?: string;
                                amount?: string;
                            };
                        }[];
                        needsPerson: boolean;
                        truncated: boolean;
                    };
                };
            };
            /** @description a field is wrong (named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInbox: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                intent?: "revoke" | "wrong-number" | "dispute" | "paid-already" | "promise" | "hardship" | "question" | "callback" | "complaint" | "other";
                needsPerson?: "true" | "false";
                unread?: "true" | "false";
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items, nextCursor}: a filtered page may hold fewer than limit; follow nextCursor until null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            borrowerId: string;
                            name: string | null;
                            maskedPhone: string | null;
                            lastReplyId: number;
                            /** Format: date-time */
                            lastReplyAt: string;
                            lastKind: string;
                            lastIntents: string[];
                            needsPerson: boolean;
                            unread: number;
                            holds: ("dispute" | "paid-claim" | "hardship" | "promise")[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description a parameter is wrong (named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInboxConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                borrowerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {borrower, now, contactable, holds, items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrower: {
                            id: string;
                            name: string | null;
                            status: string;
                            locale: string;
                            timezone: (string | string[]) | null;
                            maskedPhone: string | null;
                            maskedEmail: string | null;
                        };
                        now: {
                            /** Format: date-time */
                            at: string;
                            local: {
                                zone: string;
                                time: string;
                            }[];
                        };
                        contactable: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            allowed: boolean;
                            reasons: string[];
                            earliestAllowedAt: string | null;
                        }[];
                        holds: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        }[];
                        items: ({
                            /** @constant */
                            kind: "reply";
                            /** Format: date-time */
                            at: string;
                            eventId: number;
                            /** @constant */
                            channel: "sms";
                            text: string | null;
                            textErased: boolean;
                            inboundKind: string;
                            keyword: string | null;
                            understood: {
                                intents: {
                                    intent: string;
                                    rule: string;
                                    scope?: string[];
                                    promise?: {
                                        date?: string;
                                        amount?: string;
                                    };
                                }[];
                                needsPerson: boolean;
                            } | null;
                            actions: {
                                eventId: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        } | {
                            /** @constant */
                            kind: "message";
                            /** Format: date-time */
                            at: string;
                            messageId: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            template: string;
                            to: string;
                            subject: string | null;
                            body: string | null;
                        })[];
                    };
                };
            };
            /** @description not a borrower id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markInboxRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                borrowerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    upTo?: number;
                };
            };
        };
        responses: {
            /** @description marked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description upTo is not a reply of the borrower */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    correctInboxReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                borrowerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "not-a-revocation" | "wrong-number" | "lift-hold";
                    replyEventId: number;
                    holdId?: string;
                    detail: string;
                };
            };
        };
        responses: {
            /** @description recorded, and what it did */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "not-a-revocation" | "wrong-number" | "lift-hold";
                        replyEventId: number;
                        hold?: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        };
                        alreadyClosed?: boolean;
                        rescheduled?: string[];
                        suppressed?: string[];
                        stillRevoked?: string[];
                        next?: string;
                    };
                };
            };
            /** @description a field is wrong (named): lift-hold without holdId, not-a-revocation of a reply that was not one */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower, reply or hold */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInboxSuggestions: {
        parameters: {
            query: {
                channel: "sms" | "email";
                tenant?: string;
            };
            header?: never;
            path: {
                borrowerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {suggestions} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        suggestions: {
                            template: string;
                            /** @enum {string} */
                            channel: "sms" | "email";
                            locale: string;
                            title: string;
                            intents: string[];
                            text: string;
                            subject?: string;
                        }[];
                    };
                };
            };
            /** @description channel missing or not sms or email; not a borrower id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    answerInboxReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                borrowerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email";
                    text?: string;
                    template?: string;
                    inReplyTo?: number;
                };
            };
        };
        responses: {
            /** @description a repeat of an Idempotency-Key: the original answer, nothing sent again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reminderId: string;
                        messageId: string;
                        /** @enum {string} */
                        channel: "sms" | "email";
                        template: string;
                        countsAgainstCaps: boolean;
                        policy: {
                            allowed: boolean;
                            reasons: {
                                code: string;
                                detail: string;
                            }[];
                            earliestAllowedAt: string | null;
                        };
                    };
                };
            };
            /** @description accepted: sent now, or waiting for the contact window (policy.allowed false, earliestAllowedAt) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reminderId: string;
                        messageId: string;
                        /** @enum {string} */
                        channel: "sms" | "email";
                        template: string;
                        countsAgainstCaps: boolean;
                        policy: {
                            allowed: boolean;
                            reasons: {
                                code: string;
                                detail: string;
                            }[];
                            earliestAllowedAt: string | null;
                        };
                    };
                };
            };
            /** @description a field is wrong (named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different answer */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not sent: neither or both of text and template, text too long for the channel, not a suggested template, inReplyTo not a reply of the borrower (errors); the wording linter found words an answer may not carry (findings); or the policy refuses for good: opted out on the channel, ceased, no consent, no address (reasons) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            key: string;
                            title: string;
                            description: string;
                            stage: string | null;
                            channels: ("sms" | "email" | "voice" | "voicemail")[];
                            locales: string[];
                            variants: {
                                /** @enum {string} */
                                channel: "sms" | "email" | "voice" | "voicemail";
                                locale: string;
                                version: string;
                                warnings: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: "agent-reply" | "due-soon" | "final-courtesy" | "gentle-overdue" | "gentle-overdue-warm" | "help-reply" | "opt-out-confirmation" | "opt-out-plain" | "payment-plan-offer" | "payment-received" | "promise-courtesy" | "promise-kept" | "promise-missed" | "reply-dispute-ack" | "reply-hardship-ack" | "reply-promise-ack" | "subscribed-again" | "validation-notice" | "voicemail-limited";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        title: string;
                        description: string;
                        stage: string | null;
                        channels?: ("sms" | "email" | "voice" | "voicemail")[];
                        confirmsOptOut?: boolean;
                        sampleData: {
                            [key: string]: unknown;
                        };
                        sampleDataByLocale?: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        variants: {
                            /** @enum {string} */
                            channel: "sms" | "email" | "voice" | "voicemail";
                            locale: string;
                            version: string;
                            source: string;
                            findings: {
                                /** @enum {string} */
                                severity: "error" | "warning";
                                rule: string;
                                message: string;
                                line: number;
                                column: number;
                                excerpt: string;
                                regulation?: string;
                                matched?: string;
                                start?: number;
                                end?: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: "agent-reply" | "due-soon" | "final-courtesy" | "gentle-overdue" | "gentle-overdue-warm" | "help-reply" | "opt-out-confirmation" | "opt-out-plain" | "payment-plan-offer" | "payment-received" | "promise-courtesy" | "promise-kept" | "promise-missed" | "reply-dispute-ack" | "reply-hardship-ack" | "reply-promise-ack" | "subscribed-again" | "validation-notice" | "voicemail-limited";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email" | "voice" | "voicemail";
                    /**
                     * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                     * @example en-US
                     * @example zh-CN
                     * @example es-US
                     */
                    locale: string;
                    data?: {
                        [key: string]: unknown;
                    };
                    /**
                     * @description An IANA time zone name, checked against the tz database
                     * @example America/New_York
                     * @example Asia/Shanghai
                     */
                    timezone?: string;
                    /** @default false */
                    fallback?: boolean;
                    /** @enum {string} */
                    senderKind?: "creditor" | "agency";
                };
            };
        };
        responses: {
            /** @description the rendering */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @enum {string} */
                        channel: "sms" | "email" | "voice" | "voicemail";
                        locale: string;
                        requestedLocale: string;
                        version: string;
                        subject: string | null;
                        text: string;
                        html: string | null;
                        twiml: string | null;
                        voiceLanguage: string | null;
                        sms: {
                            /** @enum {string} */
                            encoding: "GSM-7" | "UCS-2";
                            segments: number;
                            characters: number;
                            nonGsmCharacters: string[];
                            /** @constant */
                            tooLong?: true;
                            limit: number;
                        } | null;
                        findings: {
                            /** @enum {string} */
                            severity: "error" | "warning";
                            rule: string;
                            message: string;
                            line: number;
                            column: number;
                            excerpt: string;
                            regulation?: string;
                            matched?: string;
                            start?: number;
                            end?: number;
                        }[];
                    };
                };
            };
            /** @description invalid input or data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown key, channel or locale */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lintTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source: string;
                    /** @enum {string} */
                    channel: "sms" | "email" | "voice" | "voicemail";
                    /**
                     * @description A BCP 47 language tag, canonicalised (`zh-cn` is `zh-CN`); templates are shipped in en-US, zh-CN and es-US, another `zh-*` or `es-*` falls back to zh-CN or es-US, any other language to en-US
                     * @example en-US
                     * @example zh-CN
                     * @example es-US
                     */
                    locale: string;
                    profile?: string | {
                        [key: string]: unknown;
                    };
                    debug?: boolean;
                };
            };
        };
        responses: {
            /** @description {ok, findings, suppressed?} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        profile: string;
                        findings: {
                            /** @enum {string} */
                            severity: "error" | "warning";
                            rule: string;
                            message: string;
                            line: number;
                            column: number;
                            excerpt: string;
                            regulation?: string;
                            matched?: string;
                            start?: number;
                            end?: number;
                        }[];
                        suppressed?: {
                            /** @enum {string} */
                            severity: "error" | "warning";
                            rule: string;
                            message: string;
                            line: number;
                            column: number;
                            excerpt: string;
                            regulation?: string;
                            matched?: string;
                            start?: number;
                            end?: number;
                            suppressed: {
                                /** @enum {string} */
                                why: "negation" | "impostor-warning" | "place-name" | "occupation";
                                detail: string;
                            };
                        }[];
                    };
                };
            };
            /** @description the body is not JSON, or nests deeper than 32 levels */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOutbox: {
        parameters: {
            query?: {
                limit?: number;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            messageId: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            to: string;
                            subject: string | null;
                            body?: string;
                            payload?: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditMessages: {
        parameters: {
            query?: {
                tenant?: string;
                borrowerId?: string;
                channel?: "sms" | "voice" | "email";
                status?: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                template?: string;
                from?: string;
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items, nextCursor} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            /** @enum {string} */
                            status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                            to: string;
                            template: string;
                            templateVersion: string | null;
                            locale: string;
                            subject: string | null;
                            body?: string | null;
                            provider: string | null;
                            providerId: string | null;
                            attempts: number;
                            error: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            /** Format: date-time */
                            sendAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            experiment?: {
                                id: string;
                                arm: string;
                            };
                            deferral?: {
                                until: unknown;
                                reasons: unknown;
                            } | null;
                            events?: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            borrowerId: string;
                            tenant?: string;
                            reminderId: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description bad filter or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        channel: "sms" | "voice" | "email";
                        /** @enum {string} */
                        status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                        to: string;
                        template: string;
                        templateVersion: string | null;
                        locale: string;
                        subject: string | null;
                        body: string | null;
                        provider: string | null;
                        providerId: string | null;
                        attempts: number;
                        error: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        /** Format: date-time */
                        sendAt: string;
                        /** Format: date-time */
                        dueAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        experiment?: {
                            id: string;
                            arm: string;
                        };
                        deferral?: {
                            until: unknown;
                            reasons: unknown;
                        } | null;
                        events: {
                            seq: number;
                            type: string;
                            /** Format: date-time */
                            at: string;
                            actor: string;
                            data: {
                                [key: string]: unknown;
                            };
                            hash: string;
                        }[];
                        content: {
                            subject: string | null;
                            text: string | null;
                            html: string | null;
                            twiml: string | null;
                            script: string | null;
                            voiceLanguage: string | null;
                            matchesStored: boolean | null;
                        };
                        reminder: {
                            id: string;
                            externalId: string | null;
                            debt: ({
                                accountRef: string;
                                creditor: string;
                                amountDue: {
                                    amount: string;
                                    currency: string;
                                };
                                dueDate: string;
                                daysOverdue: number;
                            } & {
                                [key: string]: unknown;
                            }) | {
                                /** @constant */
                                erased: true;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            fallback: {
                                from: string;
                                first: string;
                            } | null;
                        };
                        borrower: {
                            id: string;
                            name: string | null;
                            tenant: string;
                            timezone: (string | string[]) | null;
                        };
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAuditMessages: {
        parameters: {
            query?: {
                tenant?: string;
                borrowerId?: string;
                channel?: "sms" | "voice" | "email";
                status?: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                template?: string;
                from?: string;
                to?: string;
                format?: "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv (RFC 4180) or application/x-ndjson, by `format` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {ok, checked, chains} or {ok: false, brokenAt} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        checked: number;
                        chains: number;
                        tenant?: string;
                    } | {
                        /** @constant */
                        ok: false;
                        checked: number;
                        brokenAt: {
                            chain: string;
                            seq: number;
                            expected: string;
                            found: string | null;
                        };
                        tenant?: string;
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditStats: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                timezone?: string;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {from, to, timezone, outcomes, days, suppressedByReason} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        timezone: string;
                        outcomes: ("pending" | "sent" | "delivered" | "failed" | "deferred" | "suppressed" | "cancelled")[];
                        days: {
                            /** Format: date */
                            date: string;
                            channels: {
                                sms: {
                                    pending: number;
                                    sent: number;
                                    delivered: number;
                                    failed: number;
                                    deferred: number;
                                    suppressed: number;
                                    cancelled: number;
                                };
                                voice: {
                                    pending: number;
                                    sent: number;
                                    delivered: number;
                                    failed: number;
                                    deferred: number;
                                    suppressed: number;
                                    cancelled: number;
                                };
                                email: {
                                    pending: number;
                                    sent: number;
                                    delivered: number;
                                    failed: number;
                                    deferred: number;
                                    suppressed: number;
                                    cancelled: number;
                                };
                            };
                        }[];
                        suppressedByReason: {
                            reason: string;
                            n: number;
                        }[];
                    };
                };
            };
            /** @description bad period or zone */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditReads: {
        parameters: {
            query?: {
                limit?: number;
                before?: number;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            keyId: string;
                            /** @enum {string} */
                            role: "collector" | "agent" | "compliance" | "admin";
                            tenant: string | null;
                            action: string;
                            target: string | null;
                            filter: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description bad limit, before or tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBorrowerTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {borrower, items}: its events, newest first, each with its message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borrower: {
                            id: string;
                            name: string | null;
                            /** @enum {string} */
                            status: "active" | "resolved" | "ceased";
                            locale: string;
                            /** @description The borrower's language preference as recorded, and when (6 RCNY 2-193(b)(5)) */
                            language: {
                                preference: string | null;
                                recordedAt: string | null;
                            };
                            timezone: (string | string[]) | null;
                            optOuts: {
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                source: string;
                                /** Format: date-time */
                                at: string;
                                /** @constant */
                                detached?: true;
                            }[];
                            address: {
                                region: string | null;
                            };
                        };
                        holds: {
                            id: string;
                            borrowerId: string;
                            /** @enum {string} */
                            kind: "dispute" | "paid-claim" | "hardship" | "promise";
                            /** Format: date-time */
                            openedAt: string;
                            until: string | null;
                            /** @enum {string} */
                            source: "api" | "reply" | "agent";
                            detail: string | null;
                            ruleRef: string | null;
                            closedAt: string | null;
                            closedBy: string | null;
                            resolution: ("verified" | "withdrawn" | "upheld" | "released" | "payment-reported" | "promise-kept" | "promise-broken" | "promise-replaced") | null;
                            closeDetail: string | null;
                            accountRef: string | null;
                            promiseId: string | null;
                        }[];
                        items: {
                            chain: string;
                            seq: number;
                            messageId: string | null;
                            borrowerId: string;
                            type: string;
                            /** Format: date-time */
                            at: string;
                            actor: string;
                            data: {
                                [key: string]: unknown;
                            };
                            message: {
                                id: string;
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                                /** @enum {string} */
                                status: "accepted" | "scheduled" | "queued" | "deferred" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "answered" | "no-answer" | "busy" | "machine" | "suppressed" | "cancelled";
                                to: string;
                                template: string;
                                templateVersion: string | null;
                                locale: string;
                                subject: string | null;
                                body?: string | null;
                                provider: string | null;
                                providerId: string | null;
                                attempts: number;
                                error: {
                                    code: string | null;
                                    message: string | null;
                                } | null;
                                /** Format: date-time */
                                sendAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                experiment?: {
                                    id: string;
                                    arm: string;
                                };
                                deferral?: {
                                    until: unknown;
                                    reasons: unknown;
                                } | null;
                                events?: {
                                    seq: number;
                                    type: string;
                                    /** Format: date-time */
                                    at: string;
                                    actor: string;
                                    data: {
                                        [key: string]: unknown;
                                    };
                                }[];
                            } | null;
                        }[];
                    };
                };
            };
            /** @description the borrower id is malformed (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown borrower */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {keyId, role, tenant, features} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        /** @enum {string} */
                        role: "collector" | "agent" | "compliance" | "admin";
                        tenant: string | null;
                        features: ("templates" | "contact" | "audit" | "timeline" | "inbox" | "dashboard" | "outcomes" | "queues")[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountRef: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "pmt-9001",
                 *       "kind": "partial",
                 *       "amount": "20.00",
                 *       "currency": "USD",
                 *       "paidAt": "2026-12-01T15:04:05Z"
                 *     }
                 */
                "application/json": {
                    id: string;
                    amount: string;
                    /**
                     * @description An ISO 4217 code this server knows
                     * @enum {string}
                     */
                    currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                    /** Format: date-time */
                    paidAt: string;
                    /** @enum {string} */
                    kind: "full" | "partial";
                };
            };
        };
        responses: {
            /** @description a repeat */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        amount: string | null;
                        currency: string | null;
                        accountRef: string;
                        tenant: string;
                        /** Format: date-time */
                        createdAt: string;
                        repeated: boolean;
                        /** @enum {string} */
                        kind: "full" | "partial";
                        /** Format: date-time */
                        paidAt: string;
                        resolved?: boolean;
                        cancelled?: string[];
                    };
                };
            };
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        amount: string | null;
                        currency: string | null;
                        accountRef: string;
                        tenant: string;
                        /** Format: date-time */
                        createdAt: string;
                        repeated: boolean;
                        /** @enum {string} */
                        kind: "full" | "partial";
                        /** Format: date-time */
                        paidAt: string;
                        resolved?: boolean;
                        cancelled?: string[];
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description id reused */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPromise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountRef: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "plan-77",
                 *       "kind": "plan",
                 *       "promisedFor": "2026-12-15",
                 *       "amount": "40.00",
                 *       "currency": "USD"
                 *     }
                 */
                "application/json": {
                    id: string;
                    /** @enum {string} */
                    kind: "promise" | "plan";
                    /** Format: date */
                    promisedFor?: string;
                    /** Format: date-time */
                    agreedAt?: string;
                    amount?: string;
                    /**
                     * @description An ISO 4217 code this server knows
                     * @enum {string}
                     */
                    currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                    instalments?: {
                        /** Format: date */
                        dueDate: string;
                        amount: string;
                    }[];
                } | unknown | unknown;
            };
        };
        responses: {
            /** @description a repeat */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        amount: string | null;
                        currency: string | null;
                        accountRef: string;
                        tenant: string;
                        /** Format: date-time */
                        createdAt: string;
                        repeated: boolean;
                        /** @enum {string} */
                        kind: "promise" | "plan";
                        promisedFor: string | null;
                        /** Format: date-time */
                        agreedAt: string;
                    };
                };
            };
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        amount: string | null;
                        currency: string | null;
                        accountRef: string;
                        tenant: string;
                        /** Format: date-time */
                        createdAt: string;
                        repeated: boolean;
                        /** @enum {string} */
                        kind: "promise" | "plan";
                        promisedFor: string | null;
                        /** Format: date-time */
                        agreedAt: string;
                    };
                };
            };
            /** @description a field is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description id reused */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExperiments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            description: string | null;
                            arms: {
                                name: string;
                                template: string;
                                /** @enum {string} */
                                channel?: "sms" | "voice" | "email";
                                weight: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExperimentResult: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                tenant?: string;
                format?: "json" | "csv";
                lang?: "en" | "zh";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        experiment: string;
                        description: string | null;
                        tenant: string | null;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        arms: {
                            arm: string;
                            control: boolean;
                            borrowers: number;
                            messages: number;
                            sent: number;
                            delivered: number;
                            paid: {
                                7: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                                14: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                                30: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                            };
                            promised: {
                                7: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                                14: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                                30: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                            };
                            optedOut: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            stopped: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            replied: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            recovered: {
                                [key: string]: string;
                            };
                            promisesMade: number;
                            promisesPending: number;
                            promiseKept: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            vsControl?: {
                                paid7: {
                                    difference: number;
                                    z: number;
                                    p: number;
                                    significant: boolean;
                                };
                                paid30: {
                                    difference: number;
                                    z: number;
                                    p: number;
                                    significant: boolean;
                                };
                                promised7: {
                                    difference: number;
                                    z: number;
                                    p: number;
                                    significant: boolean;
                                };
                                optedOut: {
                                    difference: number;
                                    z: number;
                                    p: number;
                                    significant: boolean;
                                };
                            };
                            guardrail: boolean;
                        }[];
                        sentences: string[];
                    };
                    "text/csv": string;
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such experiment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTemplateOutcomes: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                tenant?: string;
                format?: "json" | "csv";
                lang?: "en" | "zh";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant: string | null;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        attributionWindowDays: number;
                        items: {
                            template: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            stage: string | null;
                            messages: number;
                            delivered: number;
                            borrowers: number;
                            paymentsLastTouch: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            promisesLastTouch: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            paymentsAnyTouch: number;
                            recoveredLastTouch: {
                                [key: string]: string;
                            };
                            optedOut: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            promisesMade: number;
                            promisesPending: number;
                            promiseKept: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            bounced: {
                                hard: number;
                                soft: number;
                            };
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReach: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                tenant?: string;
                format?: "json" | "csv";
                lang?: "en" | "zh";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items, tenants} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            tenant: string;
                            channel: string;
                            handedOver: number;
                            delivered: number;
                            awaiting: number;
                            notAnswered: number;
                            undelivered: number;
                            failed: number;
                            failedUnsent: number;
                            bounced: {
                                hard: number;
                                soft: number;
                            };
                            reasons: {
                                /** @enum {string} */
                                status: "undelivered" | "failed";
                                code: string | null;
                                reason: string;
                                n: number;
                            }[];
                            reach: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                        }[];
                        tenants: {
                            tenant: string;
                            channel: string;
                            handedOver: number;
                            delivered: number;
                            awaiting: number;
                            notAnswered: number;
                            undelivered: number;
                            failed: number;
                            failedUnsent: number;
                            bounced: {
                                hard: number;
                                soft: number;
                            };
                            reasons: {
                                /** @enum {string} */
                                status: "undelivered" | "failed";
                                code: string | null;
                                reason: string;
                                n: number;
                            }[];
                            reach: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                        }[];
                        fallbacks: {
                            tenant: string;
                            /** @enum {string} */
                            from: "sms" | "voice" | "email";
                            /** @enum {string} */
                            to: "sms" | "voice" | "email";
                            taken: number;
                            handedOver: number;
                            delivered: number;
                            reach: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                        }[];
                        tenant: string | null;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutcomeReview: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                tenant?: string;
                format?: "json" | "csv";
                lang?: "en" | "zh";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant: string | null;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        sent: {
                            stage: string;
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            messages: number;
                            delivered: number;
                        }[];
                        recovered: {
                            payments: number;
                            promises: number;
                            amounts: {
                                [key: string]: string;
                            };
                        };
                        relationship: {
                            optOuts: number;
                            stops: number;
                            replies: number;
                        };
                        promises: {
                            kept: {
                                successes: number;
                                trials: number;
                                rate: number;
                                low: number;
                                high: number;
                            };
                            broken: number;
                            brokenList: {
                                promiseId: string;
                                tenant: string;
                                accountRef: string;
                                borrowerId: string;
                                /** @enum {string} */
                                kind: "promise" | "plan";
                                /** Format: date-time */
                                agreedAt: string;
                                /** Format: date-time */
                                brokenAt: string;
                                misses: number;
                            }[];
                            brokenListComplete: boolean;
                        };
                        reach: {
                            items: {
                                tenant: string;
                                channel: string;
                                handedOver: number;
                                delivered: number;
                                awaiting: number;
                                notAnswered: number;
                                undelivered: number;
                                failed: number;
                                failedUnsent: number;
                                bounced: {
                                    hard: number;
                                    soft: number;
                                };
                                reasons: {
                                    /** @enum {string} */
                                    status: "undelivered" | "failed";
                                    code: string | null;
                                    reason: string;
                                    n: number;
                                }[];
                                reach: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                            }[];
                            tenants: {
                                tenant: string;
                                channel: string;
                                handedOver: number;
                                delivered: number;
                                awaiting: number;
                                notAnswered: number;
                                undelivered: number;
                                failed: number;
                                failedUnsent: number;
                                bounced: {
                                    hard: number;
                                    soft: number;
                                };
                                reasons: {
                                    /** @enum {string} */
                                    status: "undelivered" | "failed";
                                    code: string | null;
                                    reason: string;
                                    n: number;
                                }[];
                                reach: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                            }[];
                            fallbacks: {
                                tenant: string;
                                /** @enum {string} */
                                from: "sms" | "voice" | "email";
                                /** @enum {string} */
                                to: "sms" | "voice" | "email";
                                taken: number;
                                handedOver: number;
                                delivered: number;
                                reach: {
                                    successes: number;
                                    trials: number;
                                    rate: number;
                                    low: number;
                                    high: number;
                                };
                            }[];
                        };
                        heldBack: {
                            reason: string;
                            n: number;
                        }[];
                        experiments: {
                            id: string;
                            description: string | null;
                            borrowers: number;
                            guardrail: boolean;
                            sentences: string[];
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description a query parameter is wrong (named in errors[]) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchBorrowers: {
        parameters: {
            query: {
                q: string;
                limit?: number;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {kind, items}: what q was taken for, and the borrowers found, masked, each with its zone and last contact (when and channel) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "phone" | "email" | "account" | "name";
                        items: {
                            id: string;
                            name: string | null;
                            /** @enum {string} */
                            status: "active" | "resolved" | "ceased";
                            timezone: (string | string[]) | null;
                            phone: string | null;
                            email: string | null;
                            accounts: string[];
                            lastContact: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                channel: "sms" | "voice" | "email";
                            } | null;
                        }[];
                    };
                };
            };
            /** @description q too short */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key; or too many heavy reads running with this key or tenant (HEAVY_READS_PER_KEY, HEAVY_READS_PER_TENANT); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOptOuts: {
        parameters: {
            query: {
                address: string;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {address, suppressed, since, channels} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        suppressed: boolean;
                        since: string | null;
                        channels: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            detail: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description no address, or not a phone number or email address */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a tenant's key naming another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOptOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "address": "+14155550100",
                 *       "channel": "sms",
                 *       "source": "asked on the phone"
                 *     }
                 */
                "application/json": {
                    address: string;
                    /** @enum {string} */
                    channel?: "sms" | "voice" | "email";
                    source: string;
                };
            };
        };
        responses: {
            /** @description already opted out on every channel named: the address and its opt-outs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        suppressed: boolean;
                        since: string | null;
                        channels: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            detail: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        added: ("sms" | "voice" | "email")[];
                        borrowers: number;
                        suppressedMessages: number;
                    };
                };
            };
            /** @description added: the address, its opt-outs, the channels added, the borrowers and suppressed message ids */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        suppressed: boolean;
                        since: string | null;
                        channels: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            detail: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        added: ("sms" | "voice" | "email")[];
                        borrowers: number;
                        suppressedMessages: number;
                    };
                };
            };
            /** @description not a phone number or email address, a channel the address is not reached by, no source */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a tenant's key naming another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOptOut: {
        parameters: {
            query: {
                source: string;
                channel?: "sms" | "voice" | "email";
                tenant?: string;
            };
            header?: never;
            path: {
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the address, its remaining opt-outs and the channels removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        suppressed: boolean;
                        since: string | null;
                        channels: {
                            /** @enum {string} */
                            channel: "sms" | "voice" | "email";
                            source: string;
                            detail: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        removed: ("sms" | "voice" | "email")[];
                    };
                };
            };
            /** @description not a phone number or email address, a channel the address is not reached by, no source */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the address is not suppressed (on that channel) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items}: the tenants the key may see */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "creditor" | "agency";
                            profile: string | null;
                            channels: ("sms" | "voice" | "email")[];
                            contact: {
                                name: string;
                                phone?: string;
                                hours?: string;
                                paymentUrlBase?: string;
                            } | null;
                            senders: {
                                sms?: {
                                    from?: string;
                                    messagingServiceSid?: string;
                                    ratePerSecond?: number;
                                    allowsAgencySmsToNanp?: boolean;
                                };
                                voice?: {
                                    from: string;
                                    ratePerSecond?: number;
                                };
                                email?: {
                                    from: string;
                                    replyTo?: string;
                                    ratePerSecond?: number;
                                };
                            };
                            events: {
                                url: string;
                                secretEndsWith?: string;
                            } | null;
                            retentionYears?: number | null;
                            createdAt: string | null;
                            updatedAt: string | null;
                            /** @constant */
                            stored?: false;
                        }[];
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tenant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "creditor" | "agency";
                        profile: string | null;
                        channels: ("sms" | "voice" | "email")[];
                        contact: {
                            name: string;
                            phone?: string;
                            hours?: string;
                            paymentUrlBase?: string;
                        } | null;
                        senders: {
                            sms?: {
                                from?: string;
                                messagingServiceSid?: string;
                                ratePerSecond?: number;
                                allowsAgencySmsToNanp?: boolean;
                            };
                            voice?: {
                                from: string;
                                ratePerSecond?: number;
                            };
                            email?: {
                                from: string;
                                replyTo?: string;
                                ratePerSecond?: number;
                            };
                        };
                        events: {
                            url: string;
                            secretEndsWith?: string;
                        } | null;
                        retentionYears?: number | null;
                        createdAt: string | null;
                        updatedAt: string | null;
                        /** @constant */
                        stored?: false;
                    };
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    name: string;
                    /** @enum {string} */
                    kind: "creditor" | "agency";
                    profile?: string;
                    channels?: ("sms" | "voice" | "email")[];
                    contact?: {
                        name: string;
                        phone?: string;
                        hours?: string;
                        /** Format: uri */
                        paymentUrlBase?: string;
                        mailingAddress?: string;
                    };
                    /** @default {} */
                    senders?: {
                        sms?: {
                            from?: string;
                            messagingServiceSid?: string;
                            ratePerSecond?: number;
                            allowsAgencySmsToNanp?: boolean;
                            secondary?: {
                                from?: string;
                                messagingServiceSid?: string;
                            };
                        };
                        voice?: {
                            from: string;
                            ratePerSecond?: number;
                        };
                        email?: {
                            from: string;
                            replyTo?: string;
                            ratePerSecond?: number;
                        };
                    };
                    events?: {
                        url: string;
                        secret?: string;
                        secretEndsWith?: unknown;
                    };
                    retentionYears?: number;
                };
            };
        };
        responses: {
            /** @description replaced: the tenant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "creditor" | "agency";
                        profile: string | null;
                        channels: ("sms" | "voice" | "email")[];
                        contact: {
                            name: string;
                            phone?: string;
                            hours?: string;
                            paymentUrlBase?: string;
                        } | null;
                        senders: {
                            sms?: {
                                from?: string;
                                messagingServiceSid?: string;
                                ratePerSecond?: number;
                                allowsAgencySmsToNanp?: boolean;
                            };
                            voice?: {
                                from: string;
                                ratePerSecond?: number;
                            };
                            email?: {
                                from: string;
                                replyTo?: string;
                                ratePerSecond?: number;
                            };
                        };
                        events: {
                            url: string;
                            secretEndsWith?: string;
                        } | null;
                        retentionYears?: number | null;
                        createdAt: string | null;
                        updatedAt: string | null;
                        /** @constant */
                        stored?: false;
                    };
                };
            };
            /** @description created: the tenant */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "creditor" | "agency";
                        profile: string | null;
                        channels: ("sms" | "voice" | "email")[];
                        contact: {
                            name: string;
                            phone?: string;
                            hours?: string;
                            paymentUrlBase?: string;
                        } | null;
                        senders: {
                            sms?: {
                                from?: string;
                                messagingServiceSid?: string;
                                ratePerSecond?: number;
                                allowsAgencySmsToNanp?: boolean;
                            };
                            voice?: {
                                from: string;
                                ratePerSecond?: number;
                            };
                            email?: {
                                from: string;
                                replyTo?: string;
                                ratePerSecond?: number;
                            };
                        };
                        events: {
                            url: string;
                            secretEndsWith?: string;
                        } | null;
                        retentionYears?: number | null;
                        createdAt: string | null;
                        updatedAt: string | null;
                        /** @constant */
                        stored?: false;
                    };
                };
            };
            /** @description a field is wrong (named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route; or a tenant's admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not found for this key's tenant, or `?tenant=` names another tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is not application/json (problem+json naming the type sent) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openQueueBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description no API key, or one that is malformed, unknown or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key's role may not use this route; or a tenant's admin key: the board shows every tenant's queues */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than RATE_LIMIT_PER_MINUTE requests a minute with this key */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioMessageStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioCallStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioAnsweringMachineDetection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioInboundSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TwiML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description bad signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilioVoiceKeypress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TwiML: the confirmation, then hang up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description bad signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Twilio is not configured (TWILIO_AUTH_TOKEN unset): nothing to verify signatures with */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    showUnsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML: the confirmation, or what was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description text/plain: the link is not valid (a bad or foreign token, or not an email) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description HTML: the link has expired; the page says how to reach the sender */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description more than PUBLIC_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribeOneClick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML: the confirmation, or what was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description text/plain: the link is not valid (a bad or foreign token, or not an email) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description HTML: the link has expired; the page says how to reach the sender */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description more than PUBLIC_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveInboundMail: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex of HMAC-SHA256 over the body under INBOUND_MAIL_SECRET> */
                "X-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description the mail as received, to a reply+<token>@INBOUND_MAIL_DOMAIN address (To, Cc, Delivered-To or X-Original-To) */
        requestBody: {
            content: {
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description taken: understood and acted on (`accepted`: how many reply addresses of ours it was sent to) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                    };
                };
            };
            /** @description X-Signature missing or wrong */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not configured (INBOUND_MAIL_SECRET or INBOUND_MAIL_DOMAIN unset) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over INBOUND_MAIL_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not message/rfc822 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the mail maps to no message of ours (no reply address, a bad or unknown token): refused, attached to no one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveEmailBounce: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex of HMAC-SHA256 over the body under INBOUND_MAIL_SECRET> */
                "X-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description bounce: the mail came back; delivered: it arrived
                     * @enum {string}
                     */
                    type: "bounce" | "delivered";
                    /** @description the envelope sender (Return-Path) the mail went out with: bounces+<token>@BOUNCE_DOMAIN */
                    verp?: string;
                    /** @description the service's message id, or the mail's Message-ID header (<msg_…@domain>) */
                    messageId?: string;
                    /** @description RFC 3463 status: 5.x.x a hard bounce, 4.x.x a soft one; required for a bounce */
                    status?: string;
                    /** @description RFC 3464 Action: failed, delayed … */
                    action?: string;
                    /** @description the remote server's answer (SMTP diagnostic) */
                    diagnostic?: string;
                    /** @description the recipient the relay tried (not needed: the message names it) */
                    recipient?: string;
                    /** @description the relay's id of this event: a repeat is handled once */
                    eventId?: string;
                };
            };
        };
        responses: {
            /** @description taken: a bounce recorded (hard: the message undelivered, the address suppressed), a delivery, or a repeat */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        result: "bounced" | "delivered" | "repeat";
                        messageId: string;
                        hard?: boolean;
                        suppressed?: boolean;
                        softInRow?: number;
                    };
                };
            };
            /** @description the report cannot be read (the field is named): refused, nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description X-Signature missing or wrong */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not configured (INBOUND_MAIL_SECRET, or no BOUNCE_DOMAIN / INBOUND_MAIL_DOMAIN) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description names no message of ours that was sent (an unknown or forged envelope, a message never sent): refused, nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description more than WEBHOOK_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable (down, or locked by another process): nothing was accepted; send the request again after `Retry-After` seconds (a repeat with the same externalId or Idempotency-Key is never carried out twice) */
            503: {
                headers: {
                    /** @description seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                error?: string;
                            };
                        };
                        providers?: {
                            [key: string]: "closed" | "open" | "half-open";
                        };
                    };
                };
            };
            /** @description a dependency is down: the same report, `ok: false`, naming it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: false;
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                error?: string;
                            };
                        };
                        providers?: {
                            [key: string]: "closed" | "open" | "half-open";
                        };
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description more than PUBLIC_RATE_LIMIT_PER_MINUTE requests a minute from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
