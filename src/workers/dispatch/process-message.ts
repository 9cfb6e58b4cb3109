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
  // Each step's time goes to the stage histogram (docs/performance.md, the latency breakdown).
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    deps.metrics.stage.observe({ stage }, (now - mark) / 1000);
    mark = now;
  };
  const ctx = await load(deps, messageId, log);
  lap('load');
  if (ended(ctx)) return ctx;
  const now = deps.clock.now();
  const held = (await admitByBreaker(deps, ctx, now)) ?? (await applyGate(deps, ctx, now));
  lap('gate');
  if (held) return held;
  const prepared = await renderAndLint(deps, ctx, now);
  lap('render');
  if (ended(prepared)) return prepared;
  const notClaimed = await claim(deps, ctx, prepared, now);
  lap('claim');
  if (notClaimed) return notClaimed;
  return send(deps, ctx, prepared.rendered, attempt);
}
