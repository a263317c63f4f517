// CONTRACT.md §1: on SIGTERM the server stops taking requests, finishes what it acknowledged
// (acknowledged means stored) and exits within 10 s; a restart on the same database keeps it all.
import { createBatch } from '../fixtures/messages';
import { send, type IngestAnswer } from '../support/http';
import { expect, startServer, test } from '../support/server';

test('SIGTERM under load: every acknowledged message is stored, and the server exits in time', async () => {
  const server = await startServer();
  try {
    const acknowledged: string[] = [];
    let failed = 0;
    let stopping = false;
    // Four clients post batches back to back until the server goes away.
    const client = async () => {
      while (true) {
        const batch = createBatch(25);
        const answer = await send(`${server.url}/v1/batch`, {
          body: { batch, writeKey: server.writeKey },
        }).catch(() => null);
        if (answer?.status === 200) {
          expect((answer.json as IngestAnswer).accepted).toBe(batch.length);
          acknowledged.push(...batch.map((m) => String(m.messageId)));
        } else {
          failed += 1;
          if (stopping) return;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await expect.poll(() => acknowledged.length, { timeout: 10_000 }).toBeGreaterThan(200);

    const started = Date.now();
    stopping = true;
    await server.stop('SIGTERM');
    const took = Date.now() - started;
    await Promise.all(clients);
    expect(took).toBeLessThan(10_000);
    expect(failed).toBeGreaterThanOrEqual(1);

    // Read after the process is gone: nothing acknowledged is missing.
    const stored = new Set(
      (await server.query('SELECT message_id FROM events')).map((r) => String(r.message_id)),
    );
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // The restarted server serves the same data and takes new messages.
    await server.restart();
    const after = createBatch(3);
    const answer = await send(`${server.url}/v1/batch`, {
      body: { batch: after, writeKey: server.writeKey },
    });
    expect(answer.json).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const count = await server.query('SELECT count(*) AS n FROM events');
    expect(Number(count[0]!.n)).toBe(stored.size + 3);
  } finally {
    await server.dispose();
  }
});
