/**
 * GET /v1/policy (the active profile), POST /v1/policy/check (against stored history) and
 * POST /v1/policy/simulate (what-if, nothing stored). Both answers come from evaluatePolicy,
 * the function the workers use.
 */
import type { PolicyRouteStore } from '../../store/ports.js';
import { actingTenant, senderKindOf, storedBorrowerId, type TenantDirectory } from './tenancy.js';
import { CHANNELS } from '../../domain/channels.js';
import type { Clock } from '../../domain/clock.js';
import { SENDER_KINDS, type SenderKind } from '../../domain/sender.js';
import { layerNames, profileForRegion } from '../../policy/regions.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ContactLedger } from '../../jobs/caps/contact-ledger.js';
import { evaluatePolicy } from '../../policy/evaluate.js';
import { simulatedHistory } from '../../policy/history.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { Outcome, type Profile, ProfileError, resolveProfile } from '../../policy/profile.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import {
  Address,
  Blackout,
  BorrowerAddress,
  BorrowerId,
  Locale,
  Phone,
  TimeZone,
} from '../../schemas/request.schemas.js';
import { checkPolicy, type CheckPolicyPorts } from '../../usecases/check-policy/check-policy.usecase.js';

const Channel = z.enum(CHANNELS);
const Instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T09:30:00+08:00',
});

export const PolicyCheckInput = z.object({ borrowerId: BorrowerId, channel: Channel, at: Instant.optional() }).strict();

export const SimulateInput = z
  .object({
    profile: z.union([z.string(), z.record(z.string(), z.unknown())]),
    borrower: z
      .object({
        status: z.enum(['active', 'resolved', 'ceased']).default('active'),
        timezone: z
          .union([TimeZone, z.array(TimeZone).min(1).max(10)])
          .nullable()
          .default(null),
        phone: Phone.nullable().default(null),
        locale: Locale.default('en-US'),
        consent: z
          .object({
            sms: z.boolean().nullable().optional(),
            voice: z.boolean().nullable().optional(),
            email: z.boolean().nullable().optional(),
          })
          .strict()
          .default({}),
        optOuts: z
          .array(z.object({ channel: Channel, source: z.string().optional(), at: z.string().optional() }).strict())
          .default([]),
        blackouts: z.array(Blackout).default([]),
        /** Where the borrower lives: its state and local rules are layered on the profile. */
        address: BorrowerAddress.nullable().default(null),
      })
      .strict(),
    /** Who sends (a state rule may cite a different text for a creditor and a collector); absent: the tenant's kind. */
    senderKind: z.enum(SENDER_KINDS).optional(),
    history: z
      .array(
        z
          .object({
            channel: Channel,
            at: Instant,
            outcome: Outcome,
            direction: z.enum(['outbound', 'inbound']).default('outbound'),
            to: Address.optional(),
          })
          .strict(),
      )
      .max(10_000)
      .default([]),
    attempt: z.object({ channel: Channel, at: Instant, to: Address.optional() }).strict(),
  })
  .strict();

export function policyRouter(deps: {
  store: PolicyRouteStore;
  ledger: ContactLedger;
  profile: Profile;
  keyRing: KeyRing;
  clock: Clock;
  optOuts?: Pick<OptOuts, 'suppressionsOf'>;
  tenants: TenantDirectory;
  /** A tenant's own profile, where it has one. */
  profileOf?: ((tenant: string) => Promise<Profile | undefined>) | undefined;
  /** Who a tenant is, and the deployment's kind: a state rule's citation depends on it. */
  kindOf?: ((tenant: string) => Promise<SenderKind | undefined>) | undefined;
  senderKind?: SenderKind | undefined;
}): Router {
  const router = Router();
  const profileFor = async (tenant: string) =>
    (deps.profileOf ? await deps.profileOf(tenant) : undefined) ?? deps.profile;
  const checks: CheckPolicyPorts = {
    getBorrower: (id) => deps.store.getBorrower(id),
    history: (borrowerId) => deps.ledger.history(borrowerId),
    suppressionsOf: async (address, tenant) => (deps.optOuts ? await deps.optOuts.suppressionsOf(address, tenant) : []),
    profileFor,
    unclosedHolds: (borrowerId) => deps.store.holds.unclosed(borrowerId),
    senderKindFor: senderKindOf(deps),
  };

  router.get(
    '/v1/policy',
    requireRole(deps.keyRing, ['collector', 'agent', 'compliance']),
    async (req: Request, res: Response) => {
      res.json(await profileFor(await actingTenant(req, deps.tenants)));
    },
  );

  router.post(
    '/v1/policy/check',
    requireRole(deps.keyRing, ['collector', 'agent']),
    async (req: Request, res: Response) => {
      const input = PolicyCheckInput.safeParse(req.body);
      if (!input.success) throw validationProblem(zodFieldErrors(input.error));
      const tenant = await actingTenant(req, deps.tenants);
      const { kind, ...answer } = await checkPolicy(checks, deps.clock, {
        tenant,
        borrowerId: storedBorrowerId(tenant, input.data.borrowerId),
        channel: input.data.channel,
        at: input.data.at,
      });
      if (kind === 'not-found')
        throw new HttpProblem(404, 'Not found', `no borrower with id "${input.data.borrowerId}"`);
      res.json(answer);
    },
  );

  router.post(
    '/v1/policy/simulate',
    requireRole(deps.keyRing, ['agent', 'compliance']),
    async (req: Request, res: Response) => {
      const input = SimulateInput.safeParse(req.body);
      if (!input.success) throw validationProblem(zodFieldErrors(input.error));
      let profile: Profile;
      try {
        profile = resolveProfile(input.data.profile, 'profile');
      } catch (err) {
        if (err instanceof ProfileError) throw validationProblem([{ path: 'profile', message: err.message }]);
        throw err;
      }
      const { address, ...b } = input.data.borrower;
      const region = address?.region ?? null;
      const senderKind = input.data.senderKind ?? (await senderKindOf(deps)(await actingTenant(req, deps.tenants)));
      profile = profileForRegion(profile, region, senderKind);
      const history = simulatedHistory(input.data.history, b.phone);
      const attempt = {
        channel: input.data.attempt.channel,
        at: Date.parse(input.data.attempt.at),
        to: input.data.attempt.to ?? (input.data.attempt.channel === 'email' ? null : b.phone),
      };
      const borrower = {
        ...b,
        region,
        consent: { sms: b.consent.sms ?? null, voice: b.consent.voice ?? null, email: b.consent.email ?? null },
      };
      res.json({
        profile: profile.name,
        layers: layerNames(profile),
        region,
        at: new Date(attempt.at).toISOString(),
        ...evaluatePolicy({ profile, borrower, history, attempt, senderKind }),
      });
    },
  );

  return router;
}

export type { PolicyRouteStore };
