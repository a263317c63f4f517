// Bundles the server into dist/ (main.js and the worker threads); dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/main.ts',
    'commit-worker': 'src/ingest/commit-worker.ts',
    'checkpoint-worker': 'src/ingest/checkpoint-worker.ts',
    'score-worker': 'src/accounts/score-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
