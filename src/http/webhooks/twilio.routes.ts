/**
 * Inbound from Twilio, every request signature-checked with the SDK's own validation:
 * delivery and call status callbacks, the answering-machine result, and inbound SMS (STOP and
 * its family, START, HELP). Each handler parses the form, claims the callback once, calls its
 * use case (src/usecases/handle-delivery-status, handle-inbound-sms) and presents the result
 * (204, or TwiML with the reply).
 */
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import type { Clock } from '../../domain/clock.js';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import twilio from 'twilio';
import type { TwilioWebhookStore } from '../../store/ports.js';
import type { SenderKind } from '../../domain/index.js';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import type { Profile } from '../../policy/profile.js';
import type { VoiceProvider } from '../../providers/provider.js';
import type { SenderContact } from '../../templates/context.js';
import type { Render } from '../../templates/render.js';
import { type Logger, maskContactsIn } from '../../observability/logger.js';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import type { OptOuts } from '../../services/opt-outs.js';
import {
  type HandleDeliveryStatusCommand,
  type HandleDeliveryStatusPorts,
  handleDeliveryStatus,
} from '../../usecases/handle-delivery-status/handle-delivery-status.usecase.js';
import {
  type HandleInboundSmsPorts,
  handleInboundSms,
} from '../../usecases/handle-inbound-sms/handle-inbound-sms.usecase.js';
import { handleVoiceKeypress } from '../../usecases/handle-voice-keypress/handle-voice-keypress.usecase.js';

export interface TwilioWebhookDeps {
  store: TwilioWebhookStore;
  ledger: ContactLedger;
  profile: Profile;
  render: Render;
  voice: VoiceProvider | undefined;
  authToken: string | undefined;
  /**
   * The auth tokens of the other Twilio accounts the service sends through (the secondary route
   * of provider failover), by account SID: a callback naming one in `AccountSid` is verified with
   * that account's token, any other with `authToken`.
   */
  otherAccounts?: ReadonlyMap<string, string> | undefined;
  publicBaseUrl: string;
  clock: Clock;
  log: Logger;
  /** Suppresses a number for every borrower that carries it (and restores it on START). */
  optOuts: OptOuts;
  /** Records what a callback taught about a message's address (a landline, not in service, a fax). */
  learn?: HandleDeliveryStatusPorts['learn'];
  /** Who sends, as templates see it. */
  senderKind?: SenderKind;
  /** The tenant an inbound text was sent to, by its `To` number or Messaging Service (default: the default tenant). */
  tenantOfInbound?: (to: string, messagingServiceSid: string) => Promise<string>;
  /** A tenant's kind of sender (what its confirmations and voicemails render as). */
  kindOf?: (tenant: string) => Promise<SenderKind | undefined>;
  /** The reply interpreter: a text that is not a keyword is understood and acted on. */
  interpret?: HandleInboundSmsPorts['interpret'];
  /** The holds and promises a reply opens. */
  holds?: HandleInboundSmsPorts['holds'];
  promises?: HandleInboundSmsPorts['promises'];
  /** A tenant's contact details (who its confirmation says is writing). */
  contactOf?: (tenant: string) => Promise<SenderContact | null | undefined>;
}

/**
 * Twilio signs the full URL it called (our public base plus the path and query) with the auth
 * token of the account the callback is about.
 */
function verifySignature(deps: TwilioWebhookDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!deps.authToken) {
      res
        .status(404)
        .type('application/problem+json')
        .send(
          JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'Twilio is not configured' }),
        );
      return;
    }
    const signature = req.get('x-twilio-signature') ?? '';
    const url = `${deps.publicBaseUrl}${req.originalUrl}`;
    const params = (req.body ?? {}) as Record<string, string>;
    const token = deps.otherAccounts?.get(String(params.AccountSid ?? '')) ?? deps.authToken;
    if (!signature || !twilio.validateRequest(token, signature, url, params)) {
      res
        .status(403)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
            detail: 'missing or invalid X-Twilio-Signature',
          }),
        );
      return;
    }
    next();
  };
}

function twimlMessage(text: string | null): string {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
}

export function twilioWebhooksRouter(deps: TwilioWebhookDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const signed = [form, verifySignature(deps)];
  const statusPorts = deliveryStatusPorts(deps);
  const inboundPorts = inboundSmsPorts(deps);

  const once = (
    keyOf: (req: Request) => string | null,
    repeat: (res: Response) => void,
    handler: (req: Request, res: Response) => Promise<void>,
  ) => processOnce(deps, keyOf, repeat, handler);

  /** Calls the use case with the command parsed from the form, then answers 204. */
  const status = (parse: (req: Request) => HandleDeliveryStatusCommand) => async (req: Request, res: Response) => {
    const command = parse(req);
    const result = await handleDeliveryStatus(statusPorts, command);
    if (result.voicemailError)
      deps.log.error(
        { messageId: command.messageId, err: maskContactsIn(result.voicemailError) },
        'could not leave the limited-content voicemail',
      );
    res.status(204).end();
  };

  router.post(
    CALLBACK_PATHS.messageStatus,
    ...signed,
    once(
      sidKey('message-status', 'MessageSid', 'MessageStatus', 'SmsStatus'),
      noContent,
      status((req) => ({
        provider: 'twilio',
        kind: 'message',
        messageId: String(req.query.m ?? ''),
        providerId: param(req, 'MessageSid'),
        status: param(req, 'MessageStatus') || param(req, 'SmsStatus'),
        errorCode: param(req, 'ErrorCode') || null,
      })),
    ),
  );

  router.post(
    CALLBACK_PATHS.callStatus,
    ...signed,
    once(
      sidKey('call-status', 'CallSid', 'CallStatus'),
      noContent,
      status((req) => ({
        provider: 'twilio',
        kind: 'call',
        messageId: String(req.query.m ?? ''),
        providerId: param(req, 'CallSid'),
        status: param(req, 'CallStatus'),
        duration: param(req, 'CallDuration') || null,
        errorCode: param(req, 'ErrorCode') || null,
        sipResponseCode: param(req, 'SipResponseCode') || null,
      })),
    ),
  );

  router.post(
    CALLBACK_PATHS.amd,
    ...signed,
    once(
      sidKey('amd', 'CallSid', 'AnsweredBy'),
      noContent,
      status((req) => ({
        provider: 'twilio',
        kind: 'answered-by',
        messageId: String(req.query.m ?? ''),
        providerId: param(req, 'CallSid'),
        answeredBy: param(req, 'AnsweredBy'),
      })),
    ),
  );

  router.post(
    CALLBACK_PATHS.inboundSms,
    ...signed,
    once(
      sidKey('inbound-sms', 'MessageSid'),
      (res) => res.type('text/xml').send(twimlMessage(null)),
      async (req: Request, res: Response) => {
        // The tenant whose number (or Messaging Service) the text was sent to.
        const tenant = deps.tenantOfInbound
          ? await deps.tenantOfInbound(param(req, 'To'), param(req, 'MessagingServiceSid'))
          : DEFAULT_TENANT;
        const result = await handleInboundSms(inboundPorts, {
          provider: 'twilio',
          tenant,
          from: param(req, 'From'),
          body: param(req, 'Body'),
          providerId: param(req, 'MessageSid'),
        });
        if (result.replyError)
          deps.log.error({ kind: result.kind, err: maskContactsIn(result.replyError) }, 'could not render the reply');
        res.type('text/xml').send(twimlMessage(result.reply?.text ?? null));
      },
    ),
  );

  router.post(
    CALLBACK_PATHS.voiceKeypress,
    ...signed,
    once(
      sidKey('voice-keypress', 'CallSid', 'Digits'),
      (res) => res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString()),
      async (req: Request, res: Response) => {
        const result = await handleVoiceKeypress(
          { store: deps.store, optOuts: deps.optOuts, clock: deps.clock },
          { messageId: String(req.query.m ?? ''), digits: param(req, 'Digits'), callSid: param(req, 'CallSid') },
        );
        const response = new twilio.twiml.VoiceResponse();
        if (result.kind === 'stopped') response.say({ language: result.language as never }, result.say);
        response.hangup();
        res.type('text/xml').send(response.toString());
      },
    ),
  );

  return router;
}

const param = (req: Request, k: string) => String((req.body as Record<string, unknown>)[k] ?? '');

/** A tenant's kind of sender, else the deployment's. */
const senderKindOf = (deps: TwilioWebhookDeps) => async (tenant: string) =>
  (await deps.kindOf?.(tenant)) ?? deps.senderKind;

function deliveryStatusPorts(deps: TwilioWebhookDeps): HandleDeliveryStatusPorts {
  const voice = deps.voice;
  return {
    messages: deps.store,
    ledger: deps.ledger,
    optOuts: deps.optOuts,
    render: deps.render,
    redirectCall: voice?.redirect ? (callId, twiml) => voice.redirect!(callId, twiml) : undefined,
    senderKindOf: senderKindOf(deps),
    clock: deps.clock,
    learn: deps.learn,
  };
}

function inboundSmsPorts(deps: TwilioWebhookDeps): HandleInboundSmsPorts {
  return {
    borrowers: deps.store,
    optOuts: deps.optOuts,
    optOutKeywords: deps.profile.optOutKeywords,
    render: deps.render,
    contactOf: async (tenant) => (await deps.contactOf?.(tenant)) ?? null,
    senderKindOf: senderKindOf(deps),
    clock: deps.clock,
    ...(deps.interpret ? { interpret: deps.interpret } : {}),
    ...(deps.holds ? { holds: deps.holds } : {}),
    ...(deps.promises ? { promises: deps.promises } : {}),
  };
}

/**
 * Processes a callback once: its key (the provider's SID, with the status for status
 * callbacks) is claimed first, and a repeat gets `repeat` without being processed again. A
 * failure releases the claim, so Twilio's retry is processed.
 */
function processOnce(
  deps: TwilioWebhookDeps,
  keyOf: (req: Request) => string | null,
  repeat: (res: Response) => void,
  handler: (req: Request, res: Response) => Promise<void>,
) {
  return async (req: Request, res: Response) => {
    const key = keyOf(req);
    if (key === null) return handler(req, res);
    if (!(await deps.store.webhooks.claim(key, deps.clock.now()))) {
      repeat(res);
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      await deps.store.webhooks.release(key).catch(() => undefined);
      throw err;
    }
  };
}
const sidKey =
  (prefix: string, sidParam: string, ...parts: string[]) =>
  (req: Request) => {
    const sid = param(req, sidParam);
    return sid ? [prefix, sid, ...parts.map((p) => param(req, p))].join(':') : null;
  };
const noContent = (res: Response) => {
  res.status(204).end();
};
