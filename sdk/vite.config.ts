// Two library builds (STYLE.md, Build and size): the default mode makes the script-tag iife
// dist/sdk.js; `--mode module` adds the ES module dist/onward.js for `@onward/sdk`.
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

export default defineConfig(({ mode }) => {
  const isModule = mode === 'module';
  return {
    define: { __ONWARD_VERSION__: JSON.stringify(pkg.version) },
    build: {
      target: 'es2020',
      // The first build cleans dist/, the second adds to it.
      emptyOutDir: !isModule,
      minify: !isModule,
      sourcemap: true,
      lib: isModule
        ? { entry: 'src/entries/module.ts', formats: ['es'], fileName: () => 'onward.js' }
        : {
            entry: 'src/entries/core.ts',
            formats: ['iife'],
            name: 'OnwardCore',
            fileName: () => 'sdk.js',
          },
    },
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.ts'],
    },
  };
});
