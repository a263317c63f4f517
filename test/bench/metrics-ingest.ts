// bench:metrics ingest: POST /v1/batch over loopback with bounded concurrency, retries of transient
// failures (ids make them idempotent), progress every 10 s and a deadline after which no batch starts.
import { Agent, request } from 'node:http';
import type { Message } from './metrics-data';

export type IngestSource = {
  nextBatch(size: number): Message[] | null;
  clock(): number;
};

export type IngestOptions = {
  url: string;
  writeKey: string;
  total: number;
  concurrency: number;
  batchSize: number;
  /** performance.now() after which no new batch is sent. */
  deadline: number;
  log: (line: string) => void;
};

export type IngestReport = {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedExamples: string[];
  seconds: number;
  complete: boolean;
};

/** Under the 500 KB request limit with room to spare. */
const MAX_BODY = 450_000;

function post(agent: Agent, url: URL, body: string, auth: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: auth, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('request timed out after 120 s')));
    req.on('error', reject);
    req.end(body);
  });
}

type BatchAnswer = { accepted: number; duplicates: number; rejected: { index: number; error: string }[] };

async function send(agent: Agent, url: URL, auth: string, batch: Message[]): Promise<BatchAnswer> {
  const body = JSON.stringify({ batch });
  if (body.length > MAX_BODY && batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    const [a, b] = await Promise.all([send(agent, url, auth, batch.slice(0, half)), send(agent, url, auth, batch.slice(half))]);
    return { accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, rejected: [...a.rejected, ...b.rejected] };
  }
  for (let attempt = 1; ; attempt++) {
    const outcome = await post(agent, url, body, auth).catch((error: Error) => ({ status: 0, text: error.message }));
    if (outcome.status === 200) return JSON.parse(outcome.text) as BatchAnswer;
    const transient = outcome.status === 0 || outcome.status === 429 || outcome.status >= 500;
    if (!transient || attempt === 5) throw new Error(`POST /v1/batch answered ${outcome.status}: ${outcome.text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
}

const f = (n: number) => Math.round(n).toLocaleString('en-US');

export async function ingestAll(source: IngestSource, o: IngestOptions): Promise<IngestReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const url = new URL('/v1/batch', o.url);
  const auth = `Bearer ${o.writeKey}`;
  const report: IngestReport = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedExamples: [], seconds: 0, complete: true };
  const started = performance.now();
  let lastTick = { at: started, sent: 0 };
  const progress = setInterval(() => {
    const now = performance.now();
    const rate = ((report.sent - lastTick.sent) / (now - lastTick.at)) * 1000;
    const overall = (report.sent / (now - started)) * 1000;
    const eta = overall > 0 ? (o.total - report.sent) / overall / 60 : Number.NaN;
    o.log(`  ingest ${f(report.sent)} / ${f(o.total)} (${((report.sent / o.total) * 100).toFixed(1)} %) · ${f(rate)} events/s now, ${f(overall)} overall · data at ${new Date(source.clock()).toISOString().slice(0, 10)} · eta ${eta.toFixed(1)} min`);
    lastTick = { at: now, sent: report.sent };
  }, 10_000);
  try {
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        for (;;) {
          if (performance.now() > o.deadline) {
            report.complete = false;
            return;
          }
          const batch = source.nextBatch(o.batchSize);
          if (!batch) return;
          const answer = await send(agent, url, auth, batch);
          report.sent += batch.length;
          report.accepted += answer.accepted;
          report.duplicates += answer.duplicates;
          report.rejected += answer.rejected.length;
          for (const r of answer.rejected.slice(0, 3 - report.rejectedExamples.length)) {
            report.rejectedExamples.push(`${batch[r.index]?.type} ${batch[r.index]?.event ?? ''}: ${r.error}`);
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
    agent.destroy();
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
