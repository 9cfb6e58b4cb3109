/** One attempt at a message, composed of the steps; knows nothing of BullMQ. */
import type { Logger } from '../../observability/logger.js';
import type { DispatchOutcome } from './outcome.js';
import type { Attempt, DispatchDeps } from './ports.js';
import { send } from './send.js';
import { admitByBreaker, applyGate, claim, ended, load, renderAndLint } from './steps.js';

export async function processMessage(
  deps: DispatchDeps,
  messageId: string,
  attempt: Attempt,
  log: Logger,
): Promise<DispatchOutcome> {
  const ctx = await load(deps, messageId, log);
  if (ended(ctx)) return ctx;
  const now = deps.clock.now();
  const held = (await admitByBreaker(deps, ctx, now)) ?? (await applyGate(deps, ctx, now));
  if (held) return held;
  const prepared = await renderAndLint(deps, ctx, now);
  if (ended(prepared)) return prepared;
  const notClaimed = await claim(deps, ctx, prepared, now);
  if (notClaimed) return notClaimed;
  return send(deps, ctx, prepared.rendered, attempt);
}
