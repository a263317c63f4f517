// A webhook receiver on 127.0.0.1 for tests: records every request and answers as the test says.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { id: string; timestamp: string; signature: string; body: string };
/** A status code to answer with, or 'hang' to never answer (the sender's timeout fires). */
export type Answer = number | 'hang';

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '');

export async function startReceiver(answer: (request: Received, index: number) => Answer = () => 200) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = {
        id: header(req, 'webhook-id'),
        timestamp: header(req, 'webhook-timestamp'),
        signature: header(req, 'webhook-signature'),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const status = answer(received, requests.length - 1);
      if (status !== 'hang') res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
