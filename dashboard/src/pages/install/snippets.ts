// The code a vendor pastes, built from this server's origin and the workspace's write key.

/** The script tag (CONTRACT.md §2): the SDK's API host defaults to the script's own origin. */
export const scriptTag = (origin: string, writeKey: string) =>
  `<script async src="${origin}/sdk.js" data-write-key="${writeKey}"></script>`;

/** README's queue line: calls made before sdk.js arrives are kept and replayed in order. */
export const QUEUE_SNIPPET =
  '<script>!function(w,o,q){if(w[o])return;q=w[o]=[];"identify group track page show dismiss reset on off debug flush".split(" ").forEach(function(m){q[m]=function(){q.push([m].concat([].slice.call(arguments)))}})}(window,"Onward")</script>';

export const IDENTIFY_EXAMPLE = `// After your user signs in: who they are (createdAt = their signup time)…
Onward.identify('user_42', {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  createdAt: '2026-11-02T09:00:00Z',
  plan: 'pro',
});

// …and the account (company) they belong to.
Onward.group('acct_7', {
  name: 'Analytical Engines',
  plan: 'pro',
  mrr: 499,
  seats: 10,
});

// Then the moments that matter, e.g. the value event of your settings.
Onward.track('Report Created', { chartType: 'line' });`;
