/**
 * POST /webhooks/inbound-mail: a mail relay's inbound route posts a borrower's reply as raw MIME
 * (`Content-Type: message/rfc822`), signed: `X-Signature: sha256=<hex of HMAC-SHA256 over the body
 * under INBOUND_MAIL_SECRET>`. 404 when the secret is not set; 403 without a valid signature; 413
 * past INBOUND_MAIL_MAX_BYTES; 202 when taken (understood and acted on); 422 when it maps to no
 * message of ours (no or a bad reply address): refused, attached to no one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import { sendProblem } from '../api/problem.js';
import type { InboundMail } from './inbound-mail.js';

export const INBOUND_MAIL_MEDIA = 'message/rfc822';

export interface InboundMailRouteDeps {
  /** Absent (INBOUND_MAIL_SECRET or INBOUND_MAIL_DOMAIN unset): the route answers 404. */
  mail: InboundMail | undefined;
  secret: string | undefined;
  maxBytes: number;
}

export function signatureOf(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function validSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(signatureOf(secret, body));
  const got = Buffer.from(header.trim().toLowerCase());
  return got.length === want.length && timingSafeEqual(got, want);
}

export function inboundMailRouter(deps: InboundMailRouteDeps): Router {
  const router = Router();
  const path = CALLBACK_PATHS.inboundMail;
  router.post(path, (req, res, next) => {
    if (!deps.mail || !deps.secret) {
      sendProblem(res, 404, 'Not found', 'inbound mail over HTTP is not configured (INBOUND_MAIL_SECRET)');
      return;
    }
    if (!req.is(INBOUND_MAIL_MEDIA)) {
      sendProblem(res, 415, 'Unsupported media type', `send the mail as ${INBOUND_MAIL_MEDIA}`);
      return;
    }
    next();
  });
  router.post(
    path,
    express.raw({ type: INBOUND_MAIL_MEDIA, limit: deps.maxBytes }),
    async (req: Request, res: Response) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!validSignature(deps.secret!, body, req.get('x-signature'))) {
        sendProblem(res, 403, 'Forbidden', 'X-Signature is missing or not the HMAC-SHA256 of the body');
        return;
      }
      const r = await deps.mail!.receive(body, 'http');
      if (r.kind === 'unmatched') {
        sendProblem(res, 422, 'No such recipient', 'the mail is addressed to no reply address of ours', {
          reason: r.reason,
        });
        return;
      }
      res.status(202).json({ accepted: r.results.length });
    },
  );
  // Past the limit: 413 naming this route's limit (the API's handler names the JSON one).
  router.use(path, (err: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if ((err as { type?: string }).type !== 'entity.too.large') return next(err);
    deps.mail?.refused('http', 'too-large');
    sendProblem(res, 413, 'Payload too large', `the mail is over ${deps.maxBytes} bytes (INBOUND_MAIL_MAX_BYTES)`, {
      limit: deps.maxBytes,
    });
  });
  return router;
}
