/** Worker thread: lints one draft template at a time (see draft-sandbox.ts). */
import { parentPort } from 'node:worker_threads';
import { lintDraft, type DraftLintInput } from './draft.js';

const port = parentPort!;
port.on('message', (msg: { id: number; input: DraftLintInput }) => {
  try {
    port.postMessage({ id: msg.id, ok: true, value: lintDraft(msg.input) });
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, error: (err as Error).message });
  }
});
port.postMessage({ ready: true });
