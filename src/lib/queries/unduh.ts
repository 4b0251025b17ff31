import { TABLES, type TableName } from '../schema.ts';

/** A whole published table, columns in schema order, rows sorted on the table's key (for CSV). */
export function tabelSql(name: TableName): string {
  const spec = TABLES[name];
  if (!spec) throw new Error(`invalid table: ${String(name)}`);
  const cols = spec.columns.map((c) => `"${c.name}"`).join(', ');
  return `SELECT ${cols} FROM ${spec.name} ORDER BY ${spec.key.map((k) => `"${k}"`).join(', ')}`;
}
