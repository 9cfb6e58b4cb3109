/**
 * Group commit: the transitions of concurrent jobs gathered for a moment (`windowMs`, or until
 * `maxBatch` are waiting) and written in one transaction, in message-id order (so two processes'
 * batches lock rows in the same order and never deadlock): one conditional update per row, then
 * all the batch's events and chain heads in multi-row statements. Each caller still waits for its own
 * transition to commit, so `sending` is durable before the provider is called, exactly as with one
 * transaction each. If the transaction fails, every transition in it fails (none of its jobs goes
 * on to send without its row); a transition that simply does not apply (the row moved on) answers
 * false as before.
 */
import type { Kysely } from 'kysely';
import { beginActivity } from '../observability/activity.js';
import type { Dialect } from './db.js';
import { transitionsIn } from './rows.js';
import type { Database } from './schema.js';
import type { TransitionInput } from './store-types.js';

interface Waiting {
  messageId: string;
  input: TransitionInput;
  nowIso: string;
  resolve(moved: boolean): void;
  reject(err: unknown): void;
}

export interface GroupCommitOptions {
  windowMs: number;
  maxBatch: number;
  /** Test seam: runs inside the transaction after the batch's writes (throwing fails the batch). */
  beforeCommit?: (messageIds: string[], inputs: TransitionInput[]) => void | Promise<void>;
  /** Test seam: runs once the batch has committed, before any caller is answered. */
  afterCommit?: (inputs: TransitionInput[]) => void;
}

/** Transitions gathered from concurrent callers and committed together. */
export interface GroupCommit {
  /** Answers as `AuditStore.transition` does, once its batch's transaction has committed. */
  transition(messageId: string, input: TransitionInput, now: Date): Promise<boolean>;
  /** How many transactions it has committed or tried (for tests and the bench). */
  batches(): number;
}

export function makeGroupCommit(db: Kysely<Database>, dialect: Dialect, o: GroupCommitOptions): GroupCommit {
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  let batches = 0;

  async function flush(): Promise<void> {
    timer = undefined;
    const batch = waiting.sort((a, b) => (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
    waiting = [];
    if (batch.length === 0) return;
    batches++;
    const end = beginActivity('group-commit');
    try {
      const moved = await db.transaction().execute(async (trx) => {
        const out = await transitionsIn(trx, dialect, batch);
        await o.beforeCommit?.(
          batch.map((w) => w.messageId),
          batch.map((w) => w.input),
        );
        return out;
      });
      o.afterCommit?.(batch.map((w) => w.input));
      batch.forEach((w, i) => w.resolve(moved[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      end();
    }
  }

  return {
    transition(messageId: string, input: TransitionInput, now: Date): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ messageId, input, nowIso: now.toISOString(), resolve, reject });
        if (waiting.length >= o.maxBatch) {
          clearTimeout(timer);
          void flush();
        } else timer ??= setTimeout(() => void flush(), o.windowMs);
      });
    },
    /** How many transactions it has committed or tried (for tests and the bench). */
    batches: () => batches,
  };
}
