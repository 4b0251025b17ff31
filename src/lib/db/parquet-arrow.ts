/**
 * Parquet bytes -> apache-arrow Table, without DuckDB's parquet extension (which DuckDB-WASM would
 * download from a CDN). hyparquet decodes, fzstd handles the zstd pages, the column types come
 * from schema.ts so the browser tables have exactly the types of the native ones.
 */
import { Bool, Float64, Int32, Int64, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { decompress } from 'fzstd';
import { parquetMetadata, parquetRead } from 'hyparquet';
import type { ColumnType, TableSpec } from '../schema.ts';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  BIGINT: () => new Int64(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
  INTEGER: () => new Int32(),
};

const compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) => decompress(input, new Uint8Array(outputLength)),
};

/** Normalises decoded values to what the arrow builder of the column type accepts. */
function coerce(type: ColumnType, values: ArrayLike<unknown>): unknown[] {
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = null;
    else if (type === 'BIGINT') out[i] = typeof v === 'bigint' ? v : BigInt(v as number);
    else if (type === 'INTEGER' || type === 'DOUBLE') out[i] = Number(v);
    else out[i] = v;
  }
  return out;
}

/** Decodes a Parquet file of a published table into an arrow Table with the schema's columns. */
export async function parquetToArrow(buffer: ArrayBuffer, spec: TableSpec): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const rows = Number(metadata.num_rows);
  const names = spec.columns.map((c) => c.name);
  const inFile = new Set(metadata.schema.slice(1).map((s) => s.name));
  const absent = names.filter((n) => !inFile.has(n));
  if (absent.length) throw new Error(`${spec.file}: missing column(s) ${absent.join(', ')}`);

  const data = new Map<string, unknown[]>(names.map((n) => [n, new Array(rows).fill(null)]));
  await parquetRead({
    file: buffer,
    metadata,
    columns: names,
    compressors,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = data.get(columnName)!;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
    },
  });

  const vectors: Record<string, Vector> = {};
  for (const col of spec.columns) {
    vectors[col.name] = vectorFromArray(coerce(col.type, data.get(col.name)!) as never[], ARROW_TYPES[col.type]() as never);
  }
  return new Table(vectors);
}
