/**
 * A small in-memory native DuckDB with the published tables (columns and types from
 * src/lib/schema.ts) filled with hand-made rows, to run the query builders against.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLES, TABLE_NAMES, type TableName } from '../../src/lib/schema.ts';

export type Row = Record<string, string | number | boolean | null | undefined>;

function literal(v: Row[string]): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  return `'${v.replaceAll("'", "''")}'`;
}

export interface TestDb {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

export async function testDb(rows: Partial<Record<TableName, Row[]>>): Promise<TestDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const name of TABLE_NAMES) {
    const spec = TABLES[name];
    await conn.run(`CREATE TABLE ${name} (${spec.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    const data = rows[name] ?? [];
    if (data.length) {
      const values = data.map((r) => `(${spec.columns.map((c) => literal(r[c.name])).join(', ')})`).join(',\n');
      await conn.run(`INSERT INTO ${name} VALUES ${values}`);
    }
  }
  return {
    async query<T>(sql: string) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A gizi_balita row from counts; prevalence and coverage computed as the build step does. */
export function gizi(kode: string, periode: string, diukur: number | null, stunting: number | null, sasaran: number | null = null, ditekan = false): Row {
  const tingkat = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'][kode.split('.').length - 1]!;
  const hidden = ditekan;
  return {
    kode_wilayah: kode,
    tingkat,
    periode,
    jumlah_sasaran_balita: sasaran,
    jumlah_balita_diukur: hidden ? null : diukur,
    jumlah_balita_pendek: hidden || stunting === null ? null : Math.round(stunting * 0.7),
    jumlah_balita_sangat_pendek: hidden || stunting === null ? null : stunting - Math.round(stunting * 0.7),
    jumlah_balita_stunting: hidden ? null : stunting,
    prevalensi_stunting: hidden || diukur === null || stunting === null || diukur < 20 ? null : (100 * stunting) / diukur,
    cakupan_pengukuran: hidden || diukur === null || !sasaran ? null : (100 * diukur) / sasaran,
    ditekan,
  };
}

export function wil(kode: string, nama: string, jenis = ''): Row {
  const parts = kode.split('.');
  const tingkat = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'][parts.length - 1]!;
  return { kode_wilayah: kode, nama_wilayah: nama, tingkat, kode_induk: parts.length > 1 ? parts.slice(0, -1).join('.') : null, jenis };
}
