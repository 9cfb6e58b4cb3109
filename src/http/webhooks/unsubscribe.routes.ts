/**
 * Email unsubscribe: GET /u/:token shows a small confirmation page in the borrower's language;
 * POST /u/:token opts the address out — the RFC 8058 one-click POST (body
 * `List-Unsubscribe=One-Click`, no cookies, no auth) or the page's button. Both are idempotent and
 * never redirect. A token this service did not sign gets 403.
 *
 * A token of the scheme before keys per purpose (`legacy`, signed with SIGNING_SECRET itself,
 * which collection systems held to check events) is honoured only for a message created before
 * this store began the new scheme, and only for `legacyDays` after that message; after that it
 * gets 410 and a page saying how else to stop the emails. A token under SIGNING_SECRET_PREVIOUS
 * likewise, for messages created before the current secret was first used. A new token names its
 * tenant, which must be the message's.
 */
import express, { Router, type Request, type Response } from 'express';
import type { UnsubscribeStore } from '../../store/ports.js';
import type { TokenSigner } from './unsubscribe-token.js';
import type { Clock } from '../../domain/clock.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { CALLBACK_PATHS } from '../../domain/paths.js';
import { normaliseAddress } from '../../policy/address.js';
import { languageOf, type ShippedLanguage } from '../../templates/variant.js';

/** The page's own inline style and a form that posts back to itself; nothing else loads. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const TEXT = {
  en: {
    title: 'Unsubscribe from reminder emails',
    ask: (email: string) => `Stop sending payment reminder emails to ${email}?`,
    button: 'Unsubscribe',
    done: (email: string) => `Done. We will send no more reminder emails to ${email}.`,
    already: (email: string) => `${email} is already unsubscribed. We will send no more reminder emails to it.`,
    expiredTitle: 'This unsubscribe link has expired',
    expired: (from: string, phone: string | undefined) =>
      `To stop reminder emails, use the unsubscribe link in a more recent email from ${from}, or contact ${from}${phone ? ` at ${phone}` : ''} and ask them to stop emailing you.`,
  },
  zh: {
    title: '退订提醒邮件',
    ask: (email: string) => `确定不再向 ${email} 发送还款提醒邮件吗？`,
    button: '确认退订',
    done: (email: string) => `已退订。我们将不再向 ${email} 发送提醒邮件。`,
    already: (email: string) => `${email} 此前已退订，我们不会再向其发送提醒邮件。`,
    expiredTitle: '此退订链接已过期',
    expired: (from: string, phone: string | undefined) =>
      `如需退订提醒邮件，请使用 ${from} 最近发来的邮件中的退订链接，或联系 ${from}${phone ? `（电话 ${phone}）` : ''}，要求停止向您发送邮件。`,
  },
  es: {
    title: 'Dejar de recibir correos de recordatorio',
    ask: (email: string) => `¿Desea que dejemos de enviar recordatorios de pago a ${email}?`,
    button: 'Dejar de recibirlos',
    done: (email: string) => `Listo. No enviaremos más correos de recordatorio a ${email}.`,
    already: (email: string) => `${email} ya estaba dado de baja. No le enviaremos más correos de recordatorio.`,
    expiredTitle: 'Este enlace para darse de baja ha vencido',
    expired: (from: string, phone: string | undefined) =>
      `Para dejar de recibir correos de recordatorio, use el enlace para darse de baja de un correo más reciente de ${from}, o comuníquese con ${from}${phone ? ` al ${phone}` : ''} y pida que dejen de enviarle correos.`,
  },
};

const PAGE_LANG: Record<ShippedLanguage, string> = { en: 'en', zh: 'zh-CN', es: 'es' };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: ShippedLanguage, title: string, body: string): string {
  return `<!doctype html><html lang="${PAGE_LANG[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1f4e8c;background:#1f4e8c;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

export interface UnsubscribeDeps {
  store: UnsubscribeStore;
  /** Signs and checks tokens; the store has recorded when its current secret was first used (composeCore). */
  signer: TokenSigner;
  optOuts: OptOuts;
  clock: Clock;
  /** Days after its message that a legacy token is honoured (UNSUBSCRIBE_LEGACY_DAYS; 0: never). */
  legacyDays: number;
}

const DAY_MS = 86_400_000;

export function unsubscribeRouter(deps: UnsubscribeDeps): Router {
  const router = Router();
  router.use(CALLBACK_PATHS.unsubscribe, (_req, res, next) => {
    res.set('Content-Security-Policy', PAGE_CSP);
    next();
  });

  async function resolve(req: Request, res: Response) {
    const token = deps.signer.verify(String(req.params.token));
    const found = token ? await deps.store.getReminderOfMessage(token.messageId) : undefined;
    const ok = token && found && found.message.channel === 'email' && (await honoured(token, found.message));
    if (!ok || !found) {
      res.status(403).type('text/plain').send('This unsubscribe link is not valid.');
      return undefined;
    }
    const lang = languageOf(found.borrower.locale);
    const t = TEXT[lang];
    if (ok === 'expired') {
      const from = found.reminder.contact?.name ?? found.reminder.debt.creditor;
      res.set('Cache-Control', 'no-store');
      res
        .status(410)
        .type('html')
        .send(page(lang, t.expiredTitle, `<p>${esc(t.expired(from, found.reminder.contact?.phone ?? undefined))}</p>`));
      return undefined;
    }
    return { ...found, lang, t };
  }

  /**
   * Whether the token may act for the message. A new token under the current key: when it names the
   * message's tenant. Any other (the scheme before, or under SIGNING_SECRET_PREVIOUS, a secret that
   * may have been known outside): only for a message created before its successor began — the new
   * scheme, or the current secret — and for `legacyDays` after the message; then 'expired'.
   */
  async function honoured(
    token: NonNullable<ReturnType<TokenSigner['verify']>>,
    message: { tenant: string; createdAt: string },
  ): Promise<boolean | 'expired'> {
    if (token.scheme === 'u2' && token.tenant !== message.tenant) return false;
    if (token.scheme === 'u2' && token.key === 'current') return true;
    const since = await deps.store.keySchemeSince(
      token.scheme === 'legacy' ? 'unsubscribe-u2' : `secret:${deps.signer.fingerprint}`,
    );
    const created = Date.parse(message.createdAt);
    // Signed for a message created since then: never sent by this service, so forged.
    if (since === undefined || !(created < Date.parse(since))) return false;
    return deps.clock.now().getTime() < created + deps.legacyDays * DAY_MS ? true : 'expired';
  }

  router.get(`${CALLBACK_PATHS.unsubscribe}/:token`, async (req: Request, res: Response) => {
    const f = await resolve(req, res);
    if (!f) return;
    const email = f.message.to;
    const address = normaliseAddress(email);
    const listed = address.ok
      ? (await deps.optOuts.suppressionsOf(address.address, f.message.tenant)).some((s) => s.channel === 'email')
      : false;
    const opted = listed || f.borrower.optOuts.some((o) => o.channel === 'email');
    res.set('Cache-Control', 'no-store');
    res
      .type('html')
      .send(
        page(
          f.lang,
          f.t.title,
          opted
            ? `<p>${esc(f.t.already(email))}</p>`
            : `<p>${esc(f.t.ask(email))}</p><form method="post"><button type="submit">${esc(f.t.button)}</button></form>`,
        ),
      );
  });

  router.post(
    `${CALLBACK_PATHS.unsubscribe}/:token`,
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req: Request, res: Response) => {
      const f = await resolve(req, res);
      if (!f) return;
      const oneClick = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
      // The address the email went to, for every borrower that carries it (not only this one).
      const address = normaliseAddress(f.message.to);
      const source = oneClick ? 'email-one-click' : 'email-unsubscribe-page';
      const detail = oneClick ? 'RFC 8058 one-click' : 'the unsubscribe page';
      // Within the tenant the email came from.
      if (address.ok)
        await deps.optOuts.suppressAddress({
          address: address.address,
          kind: address.kind,
          channels: ['email'],
          source,
          detail,
          actor: 'borrower',
          tenant: f.message.tenant,
        });
      else await deps.optOuts.optOutBorrower(f.borrower.id, 'email', detail, source, 'borrower');
      res.set('Cache-Control', 'no-store');
      res.type('html').send(page(f.lang, f.t.title, `<p>${esc(f.t.done(f.message.to))}</p>`));
    },
  );

  return router;
}
