// The dashboard SPA: index.html + hashed files in dist/assets, served by the server at `/`.
// `pnpm dev` proxies the API to a server on :8787 so cookies stay same-origin.
import { defineConfig } from 'vitest/config';

const api = process.env.ONWARD_API ?? 'http://localhost:8787';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: true,
    // Every supported browser has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/v1': api, '/sdk.js': api } },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
