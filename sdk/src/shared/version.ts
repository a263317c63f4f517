// Replaced at build time by vite.config.ts from package.json, so the bundle names its release.
declare const __ONWARD_VERSION__: string | undefined;

/** The SDK version sent as `context.library.version`. */
export const VERSION: string =
  typeof __ONWARD_VERSION__ === 'string' ? __ONWARD_VERSION__ : '0.0.0-dev';
