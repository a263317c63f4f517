// The script tag's importer: an iife cannot code-split, so the guides chunk is a separate ES
// module build whose content-hashed name vite.config.ts injects; native import() fetches it.
import type { GuidesModule, Importer } from './types';

declare const __ONWARD_GUIDES__: string | undefined;

/**
 * `import()` of `<apiHost>/sdk/guides-<hash>.js` (the server serves it with immutable caching).
 *
 * @example
 * createOnward(options, { loadGuides: scriptImporter('https://onward.example.com') });
 */
export function scriptImporter(apiHost: string): Importer {
  const file = typeof __ONWARD_GUIDES__ === 'string' ? __ONWARD_GUIDES__ : 'guides.js';
  return () => import(/* @vite-ignore */ `${apiHost}/sdk/${file}`) as Promise<GuidesModule>;
}
