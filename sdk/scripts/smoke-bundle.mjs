// Boots the BUILT dist/sdk.js in happy-dom the way a vendor page does (snippet, queued calls,
// then the script tag), once with working localStorage and twice with hostile storage, and
// checks that the queued calls reach POST /v1/batch in order and nothing throws. The bootstrap
// answers no flows there, and the guides chunk must not be fetched. A last run delivers a flow:
// the core must import() the built dist/guides-<hash>.js and draw the step in a shadow root.
// happy-dom's `Window` (not GlobalWindow) is used: it runs page scripts in their own context,
// with `window`, `document` and `document.currentScript` as a browser sets them; its import()
// fetches the chunk from a virtual server over dist/.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const root = new URL('../', import.meta.url);
const bundle = readFileSync(new URL('dist/sdk.js', root), 'utf8');
const guidesFile = readdirSync(new URL('dist/', root)).find((name) =>
  /^guides-[\w-]+\.js$/.test(name),
);
const uiFile = readdirSync(new URL('dist/', root)).find((name) =>
  /^ui-[\w-]+\.js$/.test(name),
);
const bootstrapAnswer = (flows) => ({
  flows,
  settings: { throttleHours: 0, theme: {} },
  user: { verified: true, daysInactive: 0, dormantAfterDays: 14 },
});
const snippet = /<script>(.*?)<\/script>/.exec(
  readFileSync(new URL('src/snippet/snippet.html', root), 'utf8'),
)[1];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const throwingStorage = () => {
  const fail = () => {
    throw new Error('SecurityError: storage is disabled');
  };
  return {
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    clear: fail,
    key: fail,
    get length() {
      return fail();
    },
  };
};

const scenarios = {
  'working localStorage': () => {},
  'localStorage whose every method throws': (window) => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get: throwingStorage });
  },
  'localStorage getter that throws': (window) => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => throwingStorage().getItem(),
    });
  },
};

/** A vendor page in happy-dom whose fetch answers the bootstrap with `flows` and every batch with 200. */
function openPage(flows) {
  const chunks = [];
  const window = new Window({
    url: 'https://app.example.com/welcome',
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: {
        virtualServers: [
          {
            url: 'https://onward.example.com/sdk/',
            directory: fileURLToPath(new URL('dist/', root)),
          },
        ],
        interceptor: { beforeAsyncRequest: async ({ request }) => void chunks.push(request.url) },
      },
    },
  });
  const { document } = window;
  const problems = [];
  const requests = [];
  const bootstraps = [];
  window.addEventListener('error', (event) =>
    problems.push(`error event: ${event.error?.stack ?? event.message}`),
  );
  window.console.error = (...args) => problems.push(`console.error: ${args.join(' ')}`);
  window.fetch = async (url, init) => {
    const isBootstrap = url.includes('/v1/sdk/bootstrap');
    if (isBootstrap) bootstraps.push(new URL(url));
    else requests.push({ url, init, body: JSON.parse(init.body) });
    const body = isBootstrap
      ? bootstrapAnswer(flows)
      : { accepted: 1, duplicates: 0, rejected: [] };
    return { status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  };
  const addScript = (text, attributes = {}) => {
    const script = document.createElement('script');
    for (const [key, value] of Object.entries(attributes)) script.setAttribute(key, value);
    // A trailing newline: happy-dom wraps inline code, and the sourceMappingURL comment would
    // otherwise swallow the wrapper's closing brace.
    script.textContent = `${text}\n`;
    document.head.appendChild(script);
  };
  return { window, document, problems, requests, bootstraps, chunks, addScript };
}

async function run(name, prepare) {
  const { window, problems, requests, bootstraps, chunks, addScript } = openPage([]);
  const beacons = [];
  window.navigator.sendBeacon = (url, blob) => (beacons.push({ url, blob }), true);
  prepare(window);

  // What a vendor page does: the snippet, calls before the SDK arrives, then the SDK itself.
  addScript(`${snippet}
    Onward.identify('u_1', { plan: 'pro' });
    Onward.group('acme', { tier: 'KA' });
    Onward.track('Queued Before Load', { n: 1 });`);
  addScript(bundle, {
    'data-write-key': 'pk_smoke',
    'data-api-host': 'https://onward.example.com',
  });
  const onward = window.Onward;
  addScript(bundle, { 'data-write-key': 'pk_second' }); // loading twice must be harmless
  await sleep(20);
  addScript(
    `Onward.track('After Load'); history.pushState({}, '', '/next'); Onward.track('', 5); Onward.identify();`,
  );
  await sleep(20);
  await window.Onward.flush();
  window.dispatchEvent(new window.Event('pagehide'));
  const beaconsAfterFlush = beacons.length;
  // Offline, then the page hides: the message leaves by beacon.
  window.fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  onward.track('Before Hide');
  await sleep(5);
  window.dispatchEvent(new window.Event('pagehide'));
  const beaconed = beacons[0] ? JSON.parse(await beacons[0].blob.text()) : { batch: [] };

  const check = (ok, what) => ok || problems.push(what);
  check(
    window.Onward === onward && !Array.isArray(onward),
    'window.Onward is the first loaded instance',
  );
  check(typeof onward?.version === 'string', 'Onward.version is set');
  const messages = requests.flatMap((request) => request.body.batch);
  const summary = messages.map(
    (m) => m.event ?? (m.type === 'page' ? `page ${m.properties.path}` : m.type),
  );
  const expected = [
    'identify',
    'group',
    'Queued Before Load',
    'page /welcome',
    'After Load',
    'page /next',
  ];
  check(
    JSON.stringify(summary) === JSON.stringify(expected),
    `messages in order: got ${JSON.stringify(summary)}`,
  );
  check(
    requests.every((r) => r.url === 'https://onward.example.com/v1/batch'),
    'posts to data-api-host /v1/batch',
  );
  check(
    requests.every(
      (r) => r.init.method === 'POST' && r.init.headers['Content-Type'] === 'text/plain',
    ),
    'text/plain POST',
  );
  check(
    requests.every((r) => r.body.writeKey === 'pk_smoke' && typeof r.body.sentAt === 'string'),
    'write key and sentAt in the body',
  );
  check(
    messages.every(
      (m) =>
        m.anonymousId && m.messageId && m.timestamp && m.context?.library?.name === '@onward/sdk',
    ),
    'Segment fields',
  );
  check(
    messages.slice(3).every((m) => m.userId === 'u_1' && m.context.groupId === 'acme'),
    'identity on later messages',
  );
  check(beaconsAfterFlush === 0, 'nothing left to beacon after a successful flush');
  check(
    beacons.length === 1 && beacons[0].url === 'https://onward.example.com/v1/batch',
    'one beacon on page hide',
  );
  check(
    beaconed.batch.map((m) => m.event).join() === 'Before Hide' && beaconed.writeKey === 'pk_smoke',
    'beacon carries the unsent message',
  );
  const first = bootstraps[0]?.searchParams;
  check(
    bootstraps.length >= 1 &&
      bootstraps[0].origin === 'https://onward.example.com' &&
      first.get('writeKey') === 'pk_smoke' &&
      first.get('userId') === 'u_1' &&
      first.get('groupId') === 'acme',
    `bootstrap asked for the queued user: ${bootstraps.map(String).join(' ')}`,
  );
  check(chunks.length === 0, `no flows, so no guides chunk: fetched ${chunks.join()}`);

  await window.happyDOM.abort();
  await window.happyDOM.close();
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} ${name}: ${requests.length} request(s), ${messages.length} message(s), ${beacons.length} beacon(s)`,
  );
  for (const problem of problems)
    console.log(`     - ${problem.split('\n').slice(0, 4).join('\n       ')}`);
  return problems.length === 0;
}

/** A delivered flow: the core loads the guides chunk, which shows the step and reports it. */
async function runWithFlow() {
  const flow = {
    id: 'welcome-tour',
    name: 'Welcome',
    kind: 'tour',
    trigger: { type: 'page', url: '/welcome', match: 'exact' },
    frequency: 'once',
    priority: 1,
    holdout: 0,
    version: 4,
    heldOut: false,
    progress: null,
    steps: [
      {
        id: 'hello',
        type: 'modal',
        placement: 'auto',
        spotlight: false,
        position: 'top',
        inline: false,
        advance: { on: 'next' },
        content: { en: { title: 'Welcome, {{user.firstName|there}}' } },
      },
    ],
  };
  const { window, document, problems, requests, chunks, addScript } = openPage([flow]);
  addScript(`${snippet}
    Onward.identify('u_1', { firstName: 'Ada' });`);
  addScript(bundle, {
    'data-write-key': 'pk_smoke',
    'data-api-host': 'https://onward.example.com',
  });
  await sleep(300);
  await window.Onward.flush();
  const shadow = document.querySelector('[data-onward-root]')?.shadowRoot;
  const events = requests
    .flatMap((r) => r.body.batch)
    .filter((m) => m.event?.startsWith('Onward '));
  const check = (ok, what) => ok || problems.push(what);
  // The engine first, then the ui it imports by a relative URL when the step shows.
  check(
    chunks.join() === [guidesFile, uiFile].map((f) => `https://onward.example.com/sdk/${f}`).join(),
    `the hashed guides chunk, then the ui chunk, are each imported once: ${chunks.join()}`,
  );
  check(
    shadow?.textContent?.includes('Welcome, Ada'),
    'the step is drawn, personalised, in a shadow root',
  );
  check(
    events.map((m) => `${m.event} ${m.properties.flowId}@${m.properties.flowVersion}`).join() ===
      'Onward Flow Started welcome-tour@4,Onward Step Viewed welcome-tour@4',
    `Onward events sent: ${events.map((m) => m.event).join()}`,
  );
  await window.happyDOM.abort();
  await window.happyDOM.close();
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} a delivered flow: ${chunks.length} chunk(s), ${events.length} Onward event(s)`,
  );
  for (const problem of problems)
    console.log(`     - ${problem.split('\n').slice(0, 4).join('\n       ')}`);
  return problems.length === 0;
}

let passed = true;
for (const [name, prepare] of Object.entries(scenarios))
  passed = (await run(name, prepare)) && passed;
passed = (await runWithFlow()) && passed;
process.exit(passed ? 0 : 1);
