// A libSQL server (sqld) rejects named arguments the statement does not use ("too many
// parameters"); the embedded engine ignores them. Statements here share one argument object per
// query (scopeArgs and friends), so every statement is sent with just the names it uses.
import type { Client, InArgs, InStatement } from '@libsql/client';

const NAMED = /[:@$]([A-Za-z_]\w*)/g;
const namesOf = new Map<string, Set<string>>();

function usedNames(sql: string): Set<string> {
  let names = namesOf.get(sql);
  if (names === undefined) {
    names = new Set(Array.from(sql.matchAll(NAMED), (m) => m[1]!));
    // Statement texts are a bounded set (built from fixed templates); the cap is a safety net.
    if (namesOf.size > 5_000) namesOf.clear();
    namesOf.set(sql, names);
  }
  return names;
}

/** The statement with only the named arguments its SQL mentions; positional ones pass as they are. */
export function withUsedArgs(stmt: InStatement): InStatement {
  if (typeof stmt === 'string' || stmt.args === undefined || Array.isArray(stmt.args)) return stmt;
  const used = usedNames(stmt.sql);
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stmt.args)) if (used.has(name)) args[name] = value;
  return { sql: stmt.sql, args: args as InArgs };
}

/** The client itself, its execute() and batch() (replaced in place, so a test can still wrap them) sending every statement through withUsedArgs. */
export function pruningNamedArgs(client: Client): Client {
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = ((stmt: InStatement | string, args?: InArgs) =>
    execute(withUsedArgs(typeof stmt === 'string' && args !== undefined ? { sql: stmt, args } : stmt))) as Client['execute'];
  client.batch = (stmts, mode) => batch(stmts.map((s) => withUsedArgs(Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s)), mode);
  return client;
}
