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

/**
 * Rule for which areas get a profile page: every area, so every village can be found; a page
 * without published figures says why (no reports, or every number suppressed).
 */
export const PUNYA_PROFIL = 'true';

/** Every area with a profile page (see PUNYA_PROFIL), with its parent, by code. */
export function wilayahProfilSql(): string {
  return `SELECT w.kode_wilayah, w.nama_wilayah, w.tingkat, w.kode_induk, w.jenis FROM wilayah w
WHERE ${PUNYA_PROFIL}
ORDER BY w.kode_wilayah`;
}

/** Codes of the areas directly under `induk` that have a profile page. */
export function anakBerprofilSql({ induk }: { induk: string }): string {
  return `SELECT w.kode_wilayah FROM wilayah w WHERE w.kode_induk = ${kodeLit(induk)} AND ${PUNYA_PROFIL} ORDER BY w.kode_wilayah`;
}
