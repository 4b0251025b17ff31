/** The pure parts of the browser engine, run in Node: Parquet -> Arrow, table detection. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow.ts';
import { missingTableFromError, referencedTables } from '../../src/lib/db/tables.ts';
import { sqlString } from '../../src/lib/db/connector.ts';
import { TABLES } from '../../src/lib/schema.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-pq-'));
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  // gizi_balita with every column of the schema, 5000 rows (several pages), nulls included.
  const cols = TABLES.gizi_balita.columns.map((col) => {
    switch (col.type) {
      case 'VARCHAR': return `CASE WHEN i % 7 = 0 AND '${col.name}' = 'periode' THEN NULL ELSE '${col.name}-' || i END AS ${col.name}`;
      case 'BIGINT': return `CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1000000 END::BIGINT AS ${col.name}`;
      case 'DOUBLE': return `CASE WHEN i % 3 = 0 THEN NULL ELSE i / 8 END::DOUBLE AS ${col.name}`;
      case 'BOOLEAN': return `(i % 2 = 0) AS ${col.name}`;
      default: return `i::INTEGER AS ${col.name}`;
    }
  });
  await c.run(`COPY (SELECT ${cols.join(', ')}, 'extra' AS extra_column FROM range(5000) t(i))
               TO ${sqlString(join(dir, 'g.parquet'))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
  await c.run(`COPY (SELECT 1 AS kode_wilayah) TO ${sqlString(join(dir, 'bad.parquet'))} (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (name: string) => {
  const b = readFileSync(join(dir, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('parquetToArrow', () => {
  it('decodes zstd Parquet into arrow columns of the schema types, keeping nulls', async () => {
    const table = await parquetToArrow(bytes('g.parquet'), TABLES.gizi_balita);
    expect(table.numRows).toBe(5000);
    expect(table.schema.fields.map((f) => f.name)).toEqual(TABLES.gizi_balita.columns.map((c) => c.name));
    expect(table.schema.fields.map((f) => String(f.type))).toContain('Int64');
    const row = (i: number) => table.get(i)!.toJSON();
    expect(row(1)).toMatchObject({ kode_wilayah: 'kode_wilayah-1', jumlah_balita_diukur: 1000000n, prevalensi_stunting: 0.125, ditekan: false });
    expect(row(0)).toMatchObject({ jumlah_balita_diukur: null, prevalensi_stunting: null, ditekan: true });
    expect(row(4999)).toMatchObject({ periode: 'periode-4999', jumlah_balita_diukur: 4999000000n });
    expect(row(4998).periode).toBeNull();
  });

  it('names the missing columns of a file that breaks the schema', async () => {
    await expect(parquetToArrow(bytes('bad.parquet'), TABLES.gizi_balita)).rejects.toThrow(/missing column\(s\) tingkat, periode/);
  });
});

describe('referencedTables', () => {
  it('finds tables after FROM and JOIN, in sub-queries and comma lists, not columns', () => {
    expect(referencedTables('SELECT program FROM program_ref')).toEqual(['program_ref']);
    expect(referencedTables(`WITH x AS (SELECT * FROM "gizi_balita" g JOIN wilayah w USING (kode_wilayah))
                             SELECT * FROM x, target t, lokus WHERE periode = 'from program'`).sort())
      .toEqual(['gizi_balita', 'lokus', 'target', 'wilayah']);
    expect(referencedTables('SELECT 1')).toEqual([]);
  });
  it('reads the table name from a catalog error', () => {
    expect(missingTableFromError('Catalog Error: Table with name keluarga does not exist!\nDid you mean "x"?')).toBe('keluarga');
    expect(missingTableFromError('Catalog Error: Table with name nope does not exist!')).toBeUndefined();
  });
});
