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
// Warm up before saying ready: every rule's pattern is compiled on its first use and compiled again to
// machine code on its next, which costs hundreds of milliseconds on a busy host; paid here, out of the
// first reply's time budget (a reply past its budget gets a new, cold thread, so it would be paid again).
const warmAt = new Date('2026-12-02T12:00:00Z');
for (let i = 0; i < 3; i++)
  for (const [text, locale] of [
    ["I'll pay $50 on Friday, please stop texting me?", 'en-US'],
    ['下周五还500，别再打电话了？', 'zh-CN'],
    ['le pago 50 dólares el viernes, ya no me manden mensajes?', 'es-US'],
  ] as const)
    interpretReply(text, { channel: 'sms', receivedAt: warmAt, locale });
port.postMessage({ ready: true });
