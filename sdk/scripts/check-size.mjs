// Size gate (STYLE.md, Build and size): prints raw, gzip and brotli sizes of every built
// bundle and exits 1 when a file named in size-budget.json is missing or over its budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budget.json', root), 'utf8'));
const dist = new URL('dist/', root);
const built = existsSync(dist)
  ? readdirSync(dist)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `dist/${name}`)
  : [];
// A budget key may hold `*` for a content hash: `dist/guides-*.js` budgets dist/guides-<hash>.js.
const toRegExp = (key) =>
  new RegExp(
    `^${key
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\w-]+')}$`,
  );
const budgetOf = (file) =>
  Object.entries(budgets).find(([key]) => key === file || toRegExp(key).test(file))?.[1];
const unmatched = Object.keys(budgets).filter(
  (key) => !built.some((file) => toRegExp(key).test(file)),
);
const files = [...new Set([...unmatched, ...built])].sort();

const measure = (file) => {
  const bytes = readFileSync(new URL(file, root));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const rows = [];
let failed = false;
for (const file of files) {
  const budget = budgetOf(file) ?? {};
  if (!existsSync(new URL(file, root))) {
    rows.push({ file, raw: '-', gzip: '-', brotli: '-', budget: 'missing: run the build first' });
    failed = true;
    continue;
  }
  const size = measure(file);
  const over = Object.entries(budget).filter(([kind, limit]) => size[kind] > limit);
  if (over.length) failed = true;
  const limits = Object.entries(budget)
    .map(([kind, limit]) => `${kind} ≤ ${limit}`)
    .join(', ');
  rows.push({
    file,
    raw: size.raw,
    gzip: size.gzip,
    brotli: size.brotli,
    budget: over.length ? `OVER (${limits})` : limits ? `ok (${limits})` : 'no budget',
  });
}

const columns = ['file', 'raw', 'gzip', 'brotli', 'budget'];
const widths = columns.map((column) =>
  Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
);
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(columns.map((column) => row[column])));
if (failed) {
  console.error('\nSize budget exceeded (or a budgeted file is missing); see size-budget.json.');
  process.exit(1);
}
