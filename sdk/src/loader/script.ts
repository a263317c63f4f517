// The script tag's importer: an iife cannot code-split, so the guides chunk is a separate ES
// module build whose content-hashed name vite.config.ts injects; native import() fetches it.
declare const __ONWARD_GUIDES__: string | undefined;
declare const __ONWARD_BUILDER__: string | undefined;

/** The builder chunk's hashed file name (loaded only with `?onward_builder=` / `?onward_preview=`). */
export const BUILDER_FILE = typeof __ONWARD_BUILDER__ === 'string' ? __ONWARD_BUILDER__ : 'builder.js';

/**
 * `import()` of `<apiHost>/sdk/guides-<hash>.js` (the server serves it with immutable caching).
 *
 * @example
 * createOnward(options, { loadGuides: scriptImporter('https://onward.example.com') });
 */
export function scriptImporter<M>(
  apiHost: string,
  file = typeof __ONWARD_GUIDES__ === 'string' ? __ONWARD_GUIDES__ : 'guides.js',
): () => Promise<M> {
  return () => import(/* @vite-ignore */ `${apiHost}/sdk/${file}`) as Promise<M>;
}
