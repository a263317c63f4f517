// Builds the lazy chunks of the script tag with esbuild, which splits dynamic imports natively:
// dist/guides-<hash>.js (the engine) import()s dist/ui-<hash>.js (preact + @floating-ui/dom)
// by a URL relative to itself, when a flow first wants the screen. Run before `vite build`,
// which injects the guides file name into the core.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import pkg from '../package.json' with { type: 'json' };

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });

await build({
  entryPoints: [new URL('../src/entries/guides.ts', import.meta.url).pathname],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  entryNames: 'guides-[hash]',
  chunkNames: 'ui-[hash]',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { __ONWARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
