// `npm test`: install what is missing, build, then run every unit test and the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build, ensureInstalled, step } from './workspace.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

/** The browser tests drive Debian's Chromium; Playwright cannot download its own here. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`\n› ${CHROMIUM} is missing: installing Debian's chromium package (apt-get install chromium)`);
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) return;
  }
  console.error(
    `✗ No Chromium at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

ensureInstalled();
ensureChromium();
build();
step('Linting (ESLint)', ['run', 'lint']);
step('Type-checking every package', ['-r', 'run', 'typecheck']);
step('Checking the SDK size budget', ['--filter', './sdk', 'run', 'size']);
step('Booting the built SDK (smoke: normal and throwing storage, a delivered flow)', ['--filter', './sdk', 'run', 'smoke']);
step('Unit tests (vitest)', ['-r', '--filter', './sdk', '--filter', './server', '--filter', './dashboard', 'run', 'test']);
step('Browser and contract tests (Playwright + Chromium)', ['--filter', './test', 'run', 'e2e']);
console.log('\n✓ All tests passed');
