// A worker for calls.test.ts, speaking the { id, request } → { id, result | error } protocol by hand.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, request }) => {
  if (request.crash) throw new Error('crashed on purpose');
  if (request.fail) parentPort.postMessage({ id, error: `cannot ${request.fail}` });
  else setTimeout(() => parentPort.postMessage({ id, result: request.value * 2 }), request.delayMs ?? 0);
});
