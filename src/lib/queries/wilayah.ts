import { kodeLit } from './sql.ts';

/** All areas, or those of one level, by code. */
export function wilayahSql({ tingkat }: { tingkat?: 'provinsi' | 'kabupaten_kota' | 'kecamatan' | 'desa_kelurahan' } = {}): string {
  const where = tingkat ? `WHERE tingkat = '${tingkat}'` : '';
  return `SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM wilayah ${where} ORDER BY kode_wilayah`;
}

/** One area with its chain of parents (province first), for breadcrumbs. */
export function wilayahIndukSql({ kode }: { kode: string }): string {
  const k = kodeLit(kode);
  return `SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM wilayah
WHERE kode_wilayah = ${k} OR starts_with(${k}, kode_wilayah || '.')
ORDER BY length(kode_wilayah)`;
}
