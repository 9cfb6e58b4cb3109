/**
 * The suppression list by address: POST /v1/opt-outs, DELETE /v1/opt-outs/:address (collector,
 * agent; opting back in needs a recorded source), GET /v1/opt-outs?address= (agent, compliance).
 */
import { actingTenant, type TenantDirectory } from './tenancy.js';
import { CHANNELS } from '../../domain/channels.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { type AddressChannel, CHANNELS_OF, normaliseAddress, type NormalisedAddress } from '../../policy/address.js';
import type { Suppression } from '../../store/suppressions.js';
import type { OptOuts } from '../../services/opt-outs.js';
import { type KeyRing, requireRole } from './auth.js';
import { HttpProblem, validationProblem, zodFieldErrors } from './problem.js';
import { addOptOut } from '../../usecases/add-opt-out/add-opt-out.usecase.js';
import { removeOptOut } from '../../usecases/remove-opt-out/remove-opt-out.usecase.js';

const Channel = z.enum(CHANNELS);
const Source = z
  .string()
  .trim()
  .min(1, 'say where the opt-out came from (e.g. "phone call 2026-12-01, agent J. Lee")')
  .max(200);

export const OptOutCreate = z
  .object({
    address: z.string().min(1).max(320),
    /** One channel; without it, every channel of the address (a phone number: sms and voice). */
    channel: Channel.optional(),
    source: Source,
  })
  .strict();

/** `tenant`: a deployment-wide key names the tenant whose list it means (see tenancy.ts). */
const TenantParam = z.string().max(40).optional();
export const OptOutDeleteQuery = z
  .object({ source: Source, channel: Channel.optional(), tenant: TenantParam })
  .strict();
export const OptOutGetQuery = z.object({ address: z.string().min(1).max(320), tenant: TenantParam }).strict();

function addressOrProblem(raw: string, path: string): Extract<NormalisedAddress, { ok: true }> {
  const a = normaliseAddress(raw);
  if (!a.ok) throw validationProblem([{ path, message: a.message }]);
  return a;
}

function channelsFor(
  a: Extract<NormalisedAddress, { ok: true }>,
  channel: AddressChannel | undefined,
  path: string,
): readonly AddressChannel[] {
  if (!channel) return CHANNELS_OF[a.kind];
  if (!CHANNELS_OF[a.kind].includes(channel))
    throw validationProblem([
      { path, message: `a${a.kind === 'email' ? 'n email address' : ' phone number'} is not reached by ${channel}` },
    ]);
  return [channel];
}

const present = (address: string, entries: Suppression[]) => ({
  address,
  suppressed: entries.length > 0,
  since: entries.length > 0 ? entries.map((e) => e.at).sort()[0] : null,
  channels: entries.map((e) => ({ channel: e.channel, source: e.source, detail: e.detail, at: e.at })),
});

export function optOutsRouter(deps: { optOuts: OptOuts; keyRing: KeyRing; tenants: TenantDirectory }): Router {
  const router = Router();
  const writers = requireRole(deps.keyRing, ['collector', 'agent']);
  const readers = requireRole(deps.keyRing, ['agent', 'compliance']);

  router.post('/v1/opt-outs', writers, async (req: Request, res: Response) => {
    const input = OptOutCreate.safeParse(req.body);
    if (!input.success) throw validationProblem(zodFieldErrors(input.error));
    const a = addressOrProblem(input.data.address, 'address');
    const channels = channelsFor(a, input.data.channel, 'channel');
    const { role, keyId } = req.principal!;
    const tenant = await actingTenant(req, deps.tenants);
    const result = await addOptOut(deps.optOuts, {
      address: a.address,
      kind: a.kind,
      channels,
      source: role === 'agent' ? 'agent' : 'api',
      detail: input.data.source,
      actor: `api:${keyId}`,
      tenant,
    });
    res.status(result.added.length > 0 ? 201 : 200).json({
      ...present(a.address, result.entries),
      added: result.added.map((s) => s.channel),
      borrowers: result.borrowers,
      suppressedMessages: result.suppressedMessages,
    });
  });

  router.delete('/v1/opt-outs/:address', writers, async (req: Request, res: Response) => {
    const a = addressOrProblem(String(req.params.address), 'address');
    const q = OptOutDeleteQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const channels = channelsFor(a, q.data.channel, 'channel');
    const tenant = await actingTenant(req, deps.tenants);
    const result = await removeOptOut(deps.optOuts, {
      address: a.address,
      kind: a.kind,
      channels,
      source: q.data.source,
      actor: `api:${req.principal!.keyId}`,
      tenant,
    });
    if (result.kind === 'not-listed')
      throw new HttpProblem(
        404,
        'Not found',
        `${a.address} is not suppressed${q.data.channel ? ` for ${q.data.channel}` : ''}`,
        {
          errors: [{ path: 'address', message: 'not on the suppression list' }],
        },
      );
    res.json({
      ...present(a.address, result.entries),
      removed: result.removed.map((s) => s.channel),
    });
  });

  router.get('/v1/opt-outs', readers, async (req: Request, res: Response) => {
    const q = OptOutGetQuery.safeParse(req.query);
    if (!q.success) throw validationProblem(zodFieldErrors(q.error));
    const a = addressOrProblem(q.data.address, 'address');
    res.json(present(a.address, await deps.optOuts.suppressionsOf(a.address, await actingTenant(req, deps.tenants))));
  });

  return router;
}
