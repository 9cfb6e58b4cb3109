/**
 * Tenants: who sends, and whose data it is. A tenant is a creditor collecting its own debts or an
 * agency collecting for others; it has its compliance profile, the contact details its templates
 * show, and a sender per channel it uses (Twilio number or Messaging Service, email From and
 * Reply-To), each with the send rate it is allowed.
 *
 * Borrowers belong to a tenant: the same borrower id in two tenants is two borrowers. Every
 * entity that belongs to one (borrower, reminder, message, account, opt-out, outcome) carries its
 * `tenant`; how the store keys them is the store's business (src/store/borrower-key.ts).
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels.js';
import { SENDER_KINDS, type SenderKind } from './sender.js';

export const DEFAULT_TENANT = 'default';

/**
 * A tenant this process has not read yet (created a moment ago by another process): its jobs wait
 * for the next read of the tenants rather than fail (workers/dispatch.worker.ts).
 */
export class TenantNotKnownYetError extends Error {
  constructor(readonly tenant: string) {
    super(`tenant "${tenant}" is not known to this process yet`);
    this.name = 'TenantNotKnownYetError';
  }
}

export const TenantId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only, starting with a letter or digit');

const MessagingServiceSid = z
  .string()
  .regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID: MG followed by 32 hex digits');
const E164 = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 number such as +14155550100');
const Rate = z.number().int().positive().max(10_000);

/**
 * The tenant's sender on the secondary Twilio route (provider failover, docs/reach.md): a number
 * or Messaging Service of the secondary account. Without it, a tenant with its own SMS sender
 * never fails over (its number belongs to the primary account).
 */
const SecondarySmsSenderInput = z
  .object({
    from: E164.optional(),
    messagingServiceSid: MessagingServiceSid.optional(),
  })
  .strict()
  .refine((s) => (s.from === undefined) !== (s.messagingServiceSid === undefined), {
    message: 'give exactly one of from and messagingServiceSid (the sender on the secondary Twilio route)',
  });

const SmsSenderInput = z
  .object({
    from: E164.optional(),
    messagingServiceSid: MessagingServiceSid.optional(),
    ratePerSecond: Rate.optional(),
    /** This sender's provider allows third-party collection texts to +1 numbers (Twilio does not). */
    allowsAgencySmsToNanp: z.boolean().optional(),
    secondary: SecondarySmsSenderInput.optional(),
  })
  .strict()
  .refine((s) => (s.from === undefined) !== (s.messagingServiceSid === undefined), {
    message: 'give exactly one of from and messagingServiceSid',
  })
  .refine(
    (s) =>
      s.secondary === undefined ||
      (s.secondary.from ?? s.secondary.messagingServiceSid) !== (s.from ?? s.messagingServiceSid),
    { path: ['secondary'], message: 'is the primary sender: give the sender on the secondary Twilio route' },
  );

const VoiceSenderInput = z.object({ from: E164, ratePerSecond: Rate.optional() }).strict();
const EmailSenderInput = z
  .object({
    from: z
      .string()
      .min(3)
      .max(320)
      .regex(/@/, 'must be an email address, optionally with a name: "Acme Bank <billing@acme.example>"'),
    replyTo: z.string().min(3).max(320).regex(/@/, 'must be an email address').optional(),
    ratePerSecond: Rate.optional(),
  })
  .strict();

export const TenantContact = z
  .object({
    name: z.string().min(1).max(120),
    phone: z.string().max(40).optional(),
    hours: z.string().max(200).optional(),
    paymentUrlBase: z.string().url().max(500).optional(),
    /** Where borrowers may write (an agency's validation notice names it: 12 CFR 1006.34(c)(2)(i)); lines by newlines. */
    mailingAddress: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

/**
 * Where the tenant's outbound events go, and the secret that signs them (absent: a key derived
 * from SIGNING_SECRET for this tenant alone). What GET shows of a stored secret is its last four
 * characters (`secretEndsWith`), which a PUT does not take back.
 */
export const TenantEvents = z
  .object({
    url: z
      .string({ error: 'must be the https URL the tenant receives its events at' })
      .url('must be an absolute URL such as https://collect.acme.example/reminder-events')
      .max(500)
      .regex(/^https?:\/\//i, 'must be an http or https URL'),
    secret: z
      .string({ error: 'must be a string of at least 32 characters (for example: openssl rand -base64 32)' })
      .min(32, 'must be at least 32 characters (for example: openssl rand -base64 32)')
      .max(200)
      .optional(),
    secretEndsWith: z.unknown().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.secretEndsWith !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['secretEndsWith'],
        message:
          'is what GET shows of a stored secret, not the secret: give the whole secret again as events.secret, or leave both out to sign with the key derived for this tenant',
      });
  })
  .transform(({ url, secret }) => ({ url, ...(secret !== undefined ? { secret } : {}) }));
export type TenantEvents = z.output<typeof TenantEvents>;

export const TenantInput = z
  .object({
    id: TenantId,
    name: z.string().min(1).max(200),
    kind: z.enum(SENDER_KINDS),
    profile: z.string().min(1).max(64).optional(),
    /** The channels this tenant sends on; each needs its sender (the default tenant falls back to the deployment's). */
    channels: z.array(z.enum(CHANNELS)).min(1).max(3).optional(),
    contact: TenantContact.optional(),
    senders: z
      .object({
        sms: SmsSenderInput.optional(),
        voice: VoiceSenderInput.optional(),
        email: EmailSenderInput.optional(),
      })
      .strict()
      .default({}),
    /** Where this tenant's outbound events go and what signs them (see docs/tenants.md). */
    events: TenantEvents.optional(),
    /**
     * Years its borrowers' content is kept after their last activity (absent: its profile's
     * `retentionYears`); never below the profile's `retentionMinYears` (docs/audit.md).
     */
    retentionYears: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.id === DEFAULT_TENANT) return;
    for (const c of t.channels ?? CHANNELS) {
      if (!t.senders[c])
        ctx.addIssue({
          code: 'custom',
          path: ['senders', c],
          message: `tenant "${t.id}" sends on ${c}: give its ${c} sender (or leave ${c} out of channels)`,
        });
    }
  });
export type TenantInput = z.input<typeof TenantInput>;

export interface Tenant {
  id: string;
  name: string;
  kind: SenderKind;
  profile: string | null;
  channels: Channel[];
  contact: z.infer<typeof TenantContact> | null;
  senders: z.infer<typeof TenantInput>['senders'];
  /** Where its outbound events go and what signs them; null: the defaults (docs/tenants.md). */
  events: TenantEvents | null;
  /** Its own retention period in years; null: its profile's (docs/audit.md, "Retention and erasure"). */
  retentionYears?: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A tenant as GET /v1/tenants and `npm run tenants -- show` present it: an events secret by its last four characters only. */
export function presentTenant<T extends Pick<Tenant, 'events'>>(
  t: T,
): Omit<T, 'events'> & { events: { url: string; secretEndsWith?: string } | null } {
  const e = t.events;
  return { ...t, events: e ? { url: e.url, ...(e.secret ? { secretEndsWith: e.secret.slice(-4) } : {}) } : null };
}
