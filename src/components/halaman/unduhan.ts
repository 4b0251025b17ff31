/** Downloads: which tables are published, and their CSV text (same rows and order as the Parquet). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvValue } from '../../lib/csv.ts';
import { db, defaultDataDir } from '../../lib/db/node.ts';
import { tabelSql } from '../../lib/queries/index.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../../lib/schema.ts';

/** Tables whose Parquet file exists in the data folder. */
export function publishedTables(): TableName[] {
  return TABLE_NAMES.filter((name) => existsSync(join(defaultDataDir(), TABLES[name].file)));
}

export function downloadPaths() {
  return publishedTables().map((table) => ({ params: { table } }));
}

/**
 * CSV with a header row in schema order; NULL is an empty field (never 0), decimals with a point;
 * text that a spreadsheet would run as a formula (= + - @ first) is written as text (toCsv).
 */
export async function tableCsv(table: string): Promise<string> {
  if (!(TABLE_NAMES as string[]).includes(table)) throw new Error(`invalid table: ${table}`);
  const name = table as TableName;
  const rows = await db().query<Record<string, unknown>>(tabelSql(name));
  const columns = TABLES[name].columns.map((c) => c.name);
  return toCsv(columns, rows.map((r) => columns.map((c) => (r[c] ?? null) as CsvValue)));
}
