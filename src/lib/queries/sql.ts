/**
 * Small helpers shared by the SQL builders in this folder. Every builder is a pure function that
 * returns SQL text over the published table names (src/lib/schema.ts); the same text runs at build
 * time (native DuckDB over public/data/*.parquet) and in the browser (DuckDB-WASM).
 *
 * Values that come from the URL (area codes, periods, programme codes) are validated here and then
 * quoted: nothing user-supplied reaches SQL unchecked.
 */

const KODE = /^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;
const PERIODE_BULAN = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIODE_PROGRAM = /^\d{4}(-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const KODE_PROGRAM = /^[A-Z][A-Z0-9_]{0,31}$/;
const SURVEI = /^(SSGI|SKI)$/;

export class QueryArgumentError extends Error {
  constructor(name: string, value: unknown) {
    super(`invalid ${name}: ${String(value)}`);
    this.name = 'QueryArgumentError';
  }
}

/** Quote a string as a SQL literal (single quotes doubled). */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function kodeLit(kode: string): string {
  if (!KODE.test(kode)) throw new QueryArgumentError('kode_wilayah', kode);
  return lit(kode);
}

export function periodeLit(periode: string): string {
  if (!PERIODE_BULAN.test(periode)) throw new QueryArgumentError('periode', periode);
  return lit(periode);
}

export function periodeProgramLit(periode: string): string {
  if (!PERIODE_PROGRAM.test(periode)) throw new QueryArgumentError('periode', periode);
  return lit(periode);
}

export function programLit(program: string): string {
  if (!KODE_PROGRAM.test(program)) throw new QueryArgumentError('program', program);
  return lit(program);
}

export function surveiLit(survei: string): string {
  if (!SURVEI.test(survei)) throw new QueryArgumentError('survei', survei);
  return lit(survei);
}

export function tahunLit(tahun: number): string {
  if (!Number.isInteger(tahun) || tahun < 1990 || tahun > 2100) throw new QueryArgumentError('tahun', tahun);
  return String(tahun);
}

export function limitLit(limit: number): string {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new QueryArgumentError('limit', limit);
  return String(limit);
}

/**
 * A rate over a group of rows: Σ numerator / Σ denominator × 100, never a mean of the rows' rates.
 * Empty (NULL) when the summed denominator is below `min` (the small-number rule).
 */
export function rasio(numerator: string, denominator: string, min = 0): string {
  const den = `sum(${denominator})`;
  const guard = min > 0 ? `${den} >= ${min}` : `${den} > 0`;
  return `CASE WHEN ${guard} THEN 100.0 * sum(${numerator}) / ${den} END`;
}

/** Count columns leave the database as 32-bit integers so both connectors yield plain JS numbers. */
export function int(expr: string): string {
  return `CAST(${expr} AS INTEGER)`;
}

/** Is `child` a descendant-level code directly under `parent` (one level down)? */
export function tingkatAnak(tingkatInduk: string): string | undefined {
  return (
    {
      provinsi: 'kabupaten_kota',
      kabupaten_kota: 'kecamatan',
      kecamatan: 'desa_kelurahan',
    } as Record<string, string>
  )[tingkatInduk];
}

/** The level of a dotted code: 64 → provinsi, 64.08 → kabupaten_kota, and so on. */
export function tingkatDariKode(kode: string): 'provinsi' | 'kabupaten_kota' | 'kecamatan' | 'desa_kelurahan' {
  if (!KODE.test(kode) || kode === 'ID') throw new QueryArgumentError('kode_wilayah', kode);
  const parts = kode.split('.').length;
  return (['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'] as const)[parts - 1]!;
}
