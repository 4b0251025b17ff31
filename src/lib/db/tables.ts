/** Which published tables a query needs, so the browser loads only those. */
import { TABLE_NAMES, type TableName } from '../schema.ts';

const KNOWN = new Set<string>(TABLE_NAMES);

/**
 * Table names that follow FROM or JOIN (also in sub-queries and comma lists). A first guess to
 * load tables in parallel; a query that still names an unloaded table is caught by
 * missingTableFromError() and retried.
 */
export function referencedTables(sql: string): TableName[] {
  const text = sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  const found = new Set<TableName>();
  const clause = /\b(?:from|join)\s+((?:"?[a-z_][a-z0-9_]*"?(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s*,\s*)*"?[a-z_][a-z0-9_]*"?)/gi;
  for (const m of text.matchAll(clause)) {
    for (const item of m[1].split(',')) {
      const name = item.trim().split(/\s+/)[0].replaceAll('"', '').toLowerCase();
      if (KNOWN.has(name)) found.add(name as TableName);
    }
  }
  return [...found];
}

/** The table a DuckDB "Catalog Error: Table with name X does not exist!" is about, if published. */
export function missingTableFromError(message: string): TableName | undefined {
  const m = /Table with name "?([A-Za-z0-9_]+)"? does not exist/.exec(message);
  const name = m?.[1].toLowerCase();
  return name && KNOWN.has(name) ? (name as TableName) : undefined;
}
