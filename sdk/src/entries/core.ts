// The script-tag bundle (dist/sdk.js, served at /sdk.js): creates the one global, window.Onward.
import { createOnward } from '../api/create-onward';
import { BUILDER_FILE, scriptImporter } from '../loader/script';
import { getDocument, getWindow } from '../shared/env';
import { replayQueue } from '../snippet/replay';
import { readScriptConfig } from '../snippet/script-tag';

type Host = Window & { Onward?: unknown };

// A loaded SDK is an object with methods; the snippet's queue is an array.
const isLoaded = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { track?: unknown }).track === 'function';

function boot(): void {
  const host = getWindow() as Host | undefined;
  // Loaded twice (two tags, or a tag plus a tag manager): the second copy does nothing.
  if (!host || isLoaded(host.Onward)) return;
  const options = readScriptConfig(getDocument());
  if (!options) return;
  const queued = host.Onward;
  const apiHost = options.apiHost ?? '';
  const onward = createOnward(options, {
    loadGuides: scriptImporter(apiHost),
    loadBuilder: scriptImporter(apiHost, BUILDER_FILE),
  });
  host.Onward = onward;
  replayQueue(queued, onward);
}

try {
  boot();
} catch {
  // Never throw into the host page, even if the browser is stranger than we planned for.
}
