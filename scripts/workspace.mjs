// Shared steps of `npm start` and `npm test`: install the workspace when needed, build what runs.
import { existsSync, statSync } from 'node:fs';
import { pnpm } from './pnpm.mjs';

const root = new URL('../', import.meta.url);

function step(title, args) {
  console.log(`\n› ${title}`);
  const status = pnpm(args);
  if (status !== 0) {
    console.error(`✗ ${title} failed (pnpm ${args.join(' ')} exited with ${status})`);
    process.exit(status);
  }
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = new URL('node_modules/.modules.yaml', root);
  const lock = new URL('pnpm-lock.yaml', root);
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('Installing the workspace (pnpm through npx)', ['install', '--frozen-lockfile']);
}

/** Builds the SDK bundles, the dashboard (served by the server at /) and the server. */
export function build() {
  step('Building the SDK, the dashboard and the server', ['-r', '--filter', './sdk', '--filter', './dashboard', '--filter', './server', 'run', 'build']);
}

export { step };
