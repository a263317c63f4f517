// Builds the lazy chunks of the script tag with esbuild, which splits dynamic imports natively:
// dist/guides-<hash>.js (the engine) import()s dist/ui-<hash>.js (preact + @floating-ui/dom)
// by a URL relative to itself, when a flow first wants the screen. dist/builder-<hash>.js (element
// picker, preview bridge) is a single file of its own: only builder mode loads it, and it reaches
// the engine through the core's guides importer. Run before `vite build`, which injects both file
// names into the core.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import pkg from '../package.json' with { type: 'json' };

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });

const common = {
  outdir: dist,
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { __ONWARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: [new URL('../src/entries/guides.ts', import.meta.url).pathname],
  splitting: true,
  entryNames: 'guides-[hash]',
  chunkNames: 'ui-[hash]',
});
await build({
  ...common,
  entryPoints: [new URL('../src/entries/builder.ts', import.meta.url).pathname],
  entryNames: 'builder-[hash]',
});
