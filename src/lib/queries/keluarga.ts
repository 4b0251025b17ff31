import { int, kodeLit } from './sql.ts';

/** Families at risk of stunting (BKKBN) of one area per semester. */
export function keluargaSql({ kode }: { kode: string }): string {
  return `SELECT kode_wilayah, periode,
  ${int('jumlah_keluarga_sasaran')} AS keluarga_sasaran,
  ${int('jumlah_keluarga_berisiko_stunting')} AS keluarga_berisiko,
  ${int('jumlah_keluarga_berisiko_didampingi')} AS keluarga_didampingi,
  persen_keluarga_berisiko, cakupan_pendampingan, ditekan
FROM keluarga WHERE kode_wilayah = ${kodeLit(kode)}
ORDER BY periode`;
}
