// GET /docs: the OpenAPI spec as one self-contained HTML page (no scripts, no CDN): routes grouped
// by tag with who may call them, their parameters, and their body schemas folded open on demand.
import type { OpenApiSpec } from './spec';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const pretty = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

type Op = { summary: string; tags: string[]; 'x-onward-auth': string; parameters: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: unknown };

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
h2{margin-top:2.5rem;border-bottom:1px solid #ddd}.op{margin:1rem 0;padding:.6rem .8rem;border:1px solid #e3e3e8;border-radius:6px}
.m{display:inline-block;min-width:4.2rem;font:600 13px ui-monospace,monospace}.p{font:14px ui-monospace,monospace}
.auth{color:#555;font-size:13px}pre{background:#f6f6f8;padding:.6rem;overflow:auto;font-size:12px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #e3e3e8;padding:.2rem .5rem;text-align:left;vertical-align:top}`;

export function renderDocs(spec: OpenApiSpec): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as unknown as Op;
      const params = op.parameters.length === 0
        ? ''
        : `<table><tr><th>parameter</th><th>in</th><th>schema</th></tr>${op.parameters
            .map((p) => `<tr><td>${escape(p.name)}${p.required ? ' *' : ''}</td><td>${p.in}</td><td><code>${escape(JSON.stringify(p.schema))}</code></td></tr>`)
            .join('')}</table>`;
      const ref = (op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content?.['application/json']?.schema?.$ref;
      const name = ref?.split('/').pop();
      const body = name === undefined ? '' : `<p>Body: <a href="#schema-${escape(name)}">${escape(name)}</a></p>`;
      const html = `<div class="op"><span class="m">${method.toUpperCase()}</span> <span class="p">${escape(path)}</span>
<div>${escape(op.summary)}</div><div class="auth">Auth: ${escape(op['x-onward-auth'])}</div>${params}${body}</div>`;
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`).join('\n');
  const schemas = Object.entries(spec.components.schemas)
    .map(([name, schema]) => `<details id="schema-${escape(name)}"><summary>${escape(name)}</summary>${pretty(schema)}</details>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Onward API reference</title><style>${STYLE}</style></head><body>
<h1>Onward API reference</h1>
<p>${escape(spec.info.description)} Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${spec.openapi}).</p>
${sections}
<h2>Schemas</h2>${schemas}
</body></html>`;
}
