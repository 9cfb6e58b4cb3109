/**
 * The tenants as the running service sees them: the stored records, read again every few seconds
 * (a tenant created or changed with the CLI or the admin API takes effect without a restart), and
 * the default tenant, which exists whether it is stored or not: unstored, it is the deployment's
 * configuration (SENDER_KIND, TWILIO_FROM / TWILIO_MESSAGING_SERVICE_SID, EMAIL_FROM, the send
 * rates). Each tenant's senders fall back to the deployment's where it gives none.
 */
import type { TenantsRepo } from '../store/tenants.repo.js';
import type { Config } from '../config/config.js';
import { CHANNELS, type Channel } from '../domain/channels.js';
import type { Sender, SenderKind } from '../domain/sender.js';
import { DEFAULT_TENANT, type Tenant, TenantInput } from '../domain/tenant.js';
import { loadCatalogue } from '../templates/catalogue.js';
import { type Profile, resolveProfile } from '../policy/profile.js';
import { effectiveRetentionYears, retentionProblem } from '../policy/retention.js';
import type { SmsSender } from '../providers/twilio-sms.provider.js';
import { storeUnavailable } from '../store/store-unavailable.js';

/** What sending for a tenant needs, resolved. */
export interface EffectiveTenant {
  id: string;
  name: string;
  kind: SenderKind;
  /** The policy's view of the sender (the third-party SMS rule). */
  sender: Sender;
  profile: Profile;
  channels: Channel[];
  contact: Tenant['contact'];
  /** Undefined: the provider's own (the deployment's) sender. */
  sms: SmsSender | undefined;
  /** Its sender on the secondary Twilio route (provider failover); undefined: the route's own, or none. */
  smsSecondary: SmsSender | undefined;
  voiceFrom: string | undefined;
  email: { from: string; replyTo?: string } | undefined;
  /** Sends per second per channel: the tenant's sender's allowance, or the deployment's. */
  rates: Record<Channel, number>;
  /** Its own events address and secret, as stored (undefined: none given). */
  events: Tenant['events'] | undefined;
  /** Years its borrowers' content is kept: its own setting, else its profile's (policy/retention.ts). */
  retentionYears: number;
}

export interface TenantRegistry {
  /** Every tenant, the default one first. */
  list(): Promise<EffectiveTenant[]>;
  /** One tenant (read again at once if it is not known yet: just created elsewhere); undefined if there is none. */
  get(id: string): Promise<EffectiveTenant | undefined>;
  has(id: string): Promise<boolean>;
  /** Reads the records again now (after a change through this process). */
  refresh(): Promise<void>;
}

/** A number or a Messaging Service, as given (validated: exactly one). */
function smsSenderOf(s: { from?: string | undefined; messagingServiceSid?: string | undefined } | undefined) {
  if (!s) return undefined;
  const sender: SmsSender = s.messagingServiceSid ? { messagingServiceSid: s.messagingServiceSid } : { from: s.from! };
  return sender;
}

export function effectiveTenant(
  t: Tenant | undefined,
  config: Pick<Config, 'sender' | 'sendRate'>,
  profile: Profile,
): EffectiveTenant {
  const kind = t?.kind ?? config.sender.kind;
  const s = t?.senders ?? {};
  const sms = smsSenderOf(s.sms);
  const own = t?.profile ? resolveProfile(t.profile, `tenant ${t.id}: profile`) : profile;
  const agencySmsToNanp =
    s.sms?.allowsAgencySmsToNanp ??
    (t === undefined || t.id === DEFAULT_TENANT ? config.sender.agencySmsToNanp : false);
  return {
    id: t?.id ?? DEFAULT_TENANT,
    name: t?.name ?? DEFAULT_TENANT,
    kind,
    sender: { kind, agencySmsToNanp },
    profile: own,
    channels: t?.channels.length ? t.channels : [...CHANNELS],
    contact: t?.contact ?? null,
    sms,
    smsSecondary: smsSenderOf(s.sms?.secondary),
    voiceFrom: s.voice?.from,
    email: s.email ? { from: s.email.from, ...(s.email.replyTo ? { replyTo: s.email.replyTo } : {}) } : undefined,
    rates: {
      sms: s.sms?.ratePerSecond ?? config.sendRate.sms,
      voice: s.voice?.ratePerSecond ?? config.sendRate.voice,
      email: s.email?.ratePerSecond ?? config.sendRate.email,
    },
    events: t?.events ?? undefined,
    retentionYears: effectiveRetentionYears(t, own),
  };
}

export function makeTenantRegistry(
  repo: TenantsRepo,
  config: Pick<Config, 'sender' | 'sendRate'>,
  profile: Profile,
  o: { refreshMs?: number } = {},
): TenantRegistry {
  const refreshMs = o.refreshMs ?? 5_000;
  let byId = new Map<string, EffectiveTenant>([[DEFAULT_TENANT, effectiveTenant(undefined, config, profile)]]);
  let readAt = 0;
  let reading: Promise<void> | undefined;

  async function read(): Promise<void> {
    const records = await repo.list();
    const next = new Map<string, EffectiveTenant>([[DEFAULT_TENANT, effectiveTenant(undefined, config, profile)]]);
    for (const r of records) next.set(r.id, effectiveTenant(r, config, profile));
    byId = next;
    readAt = Date.now();
  }
  let everRead = false;
  async function fresh(): Promise<Map<string, EffectiveTenant>> {
    if (Date.now() - readAt >= refreshMs) {
      reading ??= read()
        .then(() => void (everRead = true))
        .finally(() => {
          reading = undefined;
        });
      try {
        await reading;
      } catch (err) {
        // The database is unavailable: the tenants as last read serve until it is back (what needs the
        // store fails on its own), so the worker's tenant watch does not log at every tick.
        if (!everRead || !storeUnavailable(err)) throw err;
      }
    }
    return byId;
  }
  return {
    async list() {
      const all = [...(await fresh()).values()];
      return [...all.filter((t) => t.id === DEFAULT_TENANT), ...all.filter((t) => t.id !== DEFAULT_TENANT)];
    },
    async get(id) {
      const known = (await fresh()).get(id);
      // Not known: it may have been created a moment ago elsewhere; read again, at most once a second.
      if (known || Date.now() - readAt < 1_000) return known;
      readAt = 0;
      return (await fresh()).get(id);
    },
    async has(id) {
      return (await this.get(id)) !== undefined;
    },
    async refresh() {
      readAt = 0;
      await fresh();
    },
  };
}

export interface TenantFieldError {
  path: string;
  message: string;
}

/**
 * A tenant record as given (the admin API's body, the CLI's file), checked: the shape and
 * senders (TenantInput), a built-in profile, and every template for the tenant's kind of
 * sender (`lintForKind`: a creditor's templates must not claim to be a debt collector, an
 * agency's must carry the disclosure). Errors name the field.
 */
export function checkTenant(
  raw: unknown,
  o: {
    lintForKind?: (kind: SenderKind) => string[];
    /** The deployment's profile: a tenant naming none is held to its retention minimum. */
    profile?: Profile;
  } = {},
): { ok: true; tenant: Omit<Tenant, 'createdAt' | 'updatedAt'> } | { ok: false; errors: TenantFieldError[] } {
  const parsed = TenantInput.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    };
  const t = parsed.data;
  let profile = o.profile;
  if (t.profile !== undefined) {
    try {
      profile = resolveProfile(t.profile, 'profile');
    } catch (err) {
      return { ok: false, errors: [{ path: 'profile', message: (err as Error).message }] };
    }
  }
  const shortRetention =
    t.retentionYears !== undefined && profile ? retentionProblem(t.retentionYears, profile) : undefined;
  if (shortRetention) return { ok: false, errors: [{ path: 'retentionYears', message: shortRetention }] };
  const problems = o.lintForKind?.(t.kind) ?? [];
  if (problems.length > 0)
    return {
      ok: false,
      errors: [
        { path: 'kind', message: `the templates fail the linter for a ${t.kind}: ${problems.slice(0, 5).join('; ')}` },
      ],
    };
  return {
    ok: true,
    tenant: {
      id: t.id,
      name: t.name,
      kind: t.kind,
      profile: t.profile ?? null,
      channels: t.channels ?? [...CHANNELS],
      contact: t.contact ?? null,
      senders: t.senders,
      events: t.events ?? null,
      retentionYears: t.retentionYears ?? null,
    },
  };
}

/** The template files that fail the linter for a kind of sender (none: every template may be sent for it). */
export function catalogueLintForKind(
  templatesDir: string,
  profile: Profile,
  smsMaxSegments: number,
): (kind: SenderKind) => string[] {
  return (kind) => {
    try {
      loadCatalogue(templatesDir, { lint: { profile, smsMaxSegments, kinds: [kind] } });
      return [];
    } catch (err) {
      return (err as Error).message.split('\n').filter(Boolean);
    }
  };
}
