// The library builds (STYLE.md, Build and size), run in this order by `pnpm build`:
//   scripts/build-guides.mjs  the lazy chunks dist/guides-<hash>.js (the engine), dist/ui-<hash>.js
//                  (preact ui) and dist/builder-<hash>.js (picker + preview, builder mode only),
//                  with esbuild, which code-splits ES modules without a preload helper
//   (default)      the script-tag iife dist/sdk.js, which import()s the chunk by its hashed name
//   --mode module  the ES module dist/onward.js for `@onward/sdk`, the guides split into dist/esm/
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

/** The hashed file name of a chunk built just before (the iife core loads it). */
function chunkFile(prefix: 'guides' | 'builder'): string {
  const name = readdirSync(new URL('dist/', import.meta.url)).find((file) =>
    new RegExp(`^${prefix}-[\\w-]+\\.js$`).test(file),
  );
  if (!name)
    throw new Error(`dist/${prefix}-<hash>.js is missing: run \`node scripts/build-guides.mjs\` first`);
  return name;
}

export default defineConfig(({ command, mode }) => {
  const define = { __ONWARD_VERSION__: JSON.stringify(pkg.version) };
  const shared = { target: 'es2020', sourcemap: true, emptyOutDir: false } as const;
  if (mode === 'module') {
    return {
      define,
      build: {
        ...shared,
        minify: false,
        lib: { entry: 'src/entries/module.ts', formats: ['es'], fileName: () => 'onward.js' },
        rollupOptions: {
          // npm consumers' bundlers bring (and dedupe) the dependencies.
          external: [/^preact(\/|$)/, /^@floating-ui\//],
          output: { chunkFileNames: 'esm/[name]-[hash].js' },
        },
      },
    };
  }
  return {
    define:
      command === 'build'
        ? {
            ...define,
            __ONWARD_GUIDES__: JSON.stringify(chunkFile('guides')),
            __ONWARD_BUILDER__: JSON.stringify(chunkFile('builder')),
          }
        : define,
    build: {
      ...shared,
      minify: true,
      lib: {
        entry: 'src/entries/core.ts',
        formats: ['iife'],
        name: 'OnwardCore',
        fileName: () => 'sdk.js',
      },
    },
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
    },
  };
});
