// A worker for the time-boxed worker tests: echoes, spins for ever, or throws, as asked.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, input }) => {
  if (input === 'spin') for (;;);
  if (input === 'throw') {
    parentPort.postMessage({ id, ok: false, error: 'asked to fail' });
    return;
  }
  parentPort.postMessage({ id, ok: true, value: `echo:${input}` });
});
parentPort.postMessage({ ready: true });
