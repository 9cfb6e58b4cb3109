/**
 * The reply interpreter reads what strangers write: it runs in a worker thread with a time budget
 * and memory limits (like draft templates), never on the loop that serves the API and the
 * webhooks. A reply it cannot read in time, or while too many wait, goes to a person: the answer
 * is `other` with `needsPerson`, and the rule says why. Only the first MAX_REPLY_CHARS are sent to
 * the thread.
 */
import type { Channel } from '../../domain/channels.js';
import type { Interpretation } from '../../domain/replies.js';
import { makeTimeBoxedWorker, siblingModule, TimeBudgetError, WorkerBusyError } from '../../lib/time-boxed-worker.js';
import { MAX_REPLY_CHARS } from '../../policy/replies/index.js';

export interface InterpretInput {
  text: string;
  channel: Channel;
  locale?: string | undefined;
  /** ISO instant the reply arrived (dates in it are counted from here). */
  receivedAt: string;
  /** The borrower's zone, for "Friday" and "tomorrow". */
  timeZone?: string | undefined;
}

export interface ReplyInterpreter {
  interpret(input: InterpretInput): Promise<Interpretation>;
  close(): Promise<void>;
}

export function makeReplyInterpreter(options: { budgetMs: number; maxQueue?: number }): ReplyInterpreter {
  const worker = makeTimeBoxedWorker<InterpretInput, Interpretation>({
    file: siblingModule(import.meta.url, 'interpreter.worker'),
    budgetMs: options.budgetMs,
    maxQueue: options.maxQueue ?? 64,
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  return {
    async interpret(input) {
      // One more character than is read, so the interpreter can say it truncated.
      const text = input.text.length > MAX_REPLY_CHARS + 1 ? input.text.slice(0, MAX_REPLY_CHARS + 1) : input.text;
      try {
        return await worker.run({ ...input, text });
      } catch (err) {
        const rule =
          err instanceof TimeBudgetError
            ? 'budget-exceeded'
            : err instanceof WorkerBusyError
              ? 'interpreter-busy'
              : 'interpreter-failed';
        return {
          intents: [{ intent: 'other', rule, matched: '' }],
          needsPerson: true,
          truncated: input.text.length > MAX_REPLY_CHARS,
        };
      }
    },
    close: () => worker.close(),
  };
}
