/** Worker thread: interprets one reply at a time (see interpreter.ts). */
import { parentPort } from 'node:worker_threads';
import { interpretReply } from '../../policy/replies/index.js';
import type { InterpretInput } from './interpreter.js';

const port = parentPort!;
port.on('message', (msg: { id: number; input: InterpretInput }) => {
  try {
    const { text, channel, locale, receivedAt, timeZone } = msg.input;
    const value = interpretReply(text, {
      channel,
      receivedAt: new Date(receivedAt),
      ...(locale ? { locale } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    port.postMessage({ id: msg.id, ok: true, value });
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, error: (err as Error).message });
  }
});
port.postMessage({ ready: true });
