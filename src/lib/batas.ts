/**
 * Where the boundary files live (one rule for the import step, the site build and the browser):
 * `public/batas/<province>/` in the repository, served at `<base>batas/<province>/`.
 *   kabupaten_kota.json            regencies and cities of the province
 *   kecamatan.json                 districts of the province
 *   desa/<regency code>.json       villages of one regency (a page fetches only its own)
 *   meta.json                      attribution line, gazetteer version, simplification used
 * Each is TopoJSON with one object named after its level; every geometry has the area's dotted
 * Kemendagri code as `id` (names come with the data, from the wilayah table).
 */
import type { Tingkat } from './schema.ts';

export type BatasTingkat = Exclude<Tingkat, 'provinsi'>;

/** Folder under public/ (and under the site's base URL). */
export const BATAS_DIR = 'batas';

/** Path of one boundary file relative to public/ (or the site base). */
export function batasFile(province: string, tingkat: BatasTingkat, kabupaten?: string): string {
  if (tingkat === 'desa_kelurahan') {
    if (!kabupaten) throw new Error('village boundaries are stored per regency: give the regency code');
    return `${BATAS_DIR}/${province}/desa/${kabupaten}.json`;
  }
  return `${BATAS_DIR}/${province}/${tingkat}.json`;
}

