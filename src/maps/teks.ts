/** Words of the maps in both languages (kept beside the maps: one place, no clash with the site's lists). */
import type { Lang } from '../lib/i18n.ts';

const TEKS = {
  id: {
    tanpa_laporan: 'Tidak ada laporan',
    ditekan: 'Disembunyikan (angka kecil)',
    terlalu_sedikit: 'Dilaporkan, terlalu sedikit diukur untuk angka prevalensi',
    lokus: 'Desa lokus (prioritas)',
    kecamatan: 'Batas kecamatan',
    skalaWho: 'Ambang WHO/UNICEF',
    skalaKuantil: 'Kuantil (5 kelas)',
    skala: 'Kelas warna',
    lapisan: 'Tampilkan',
    lapisanDesa: 'Desa/kelurahan',
    lapisanKecamatan: 'Kecamatan',
    panelPetunjuk: 'Arahkan atau fokuskan (Tab) ke sebuah wilayah untuk melihat angkanya; klik atau Enter untuk membuka profilnya.',
    prevalensi: 'Prevalensi {nilai} ({stunting} stunting dari {diukur} diukur)',
    prevalensiSurvei: 'Prevalensi {nilai}',
    cakupan: 'Cakupan pengukuran {nilai}',
    cakupanProgram: 'Cakupan {nilai} ({realisasi} dari sasaran {sasaran})',
    periode: 'Periode: {periode}',
    sumber: 'Sumber: {sumber}',
    skematik: 'Peta skematik: petak-petak ini bukan batas wilayah. Batas wilayah provinsi ini belum tersedia.',
    skematikDalam: 'Batas desa dan kecamatan provinsi ini belum tersedia: gunakan tabel di bawah. Impor batas wilayah dengan npm run boundaries.',
    tanpaBatas: 'Batas wilayah ini belum tersedia.',
    lokator: 'Letak {nama} di {induk}',
    tidakAdaPeta: 'Tidak ada peta',
  },
  en: {
    tanpa_laporan: 'No report',
    ditekan: 'Suppressed (small numbers)',
    terlalu_sedikit: 'Reported, but too few measured for a rate',
    lokus: 'Priority (lokus) village',
    kecamatan: 'District border',
    skalaWho: 'WHO/UNICEF thresholds',
    skalaKuantil: 'Quantiles (5 classes)',
    skala: 'Colour classes',
    lapisan: 'Show',
    lapisanDesa: 'Villages',
    lapisanKecamatan: 'Districts',
    panelPetunjuk: 'Hover over or focus (Tab) an area to see its figures; click or press Enter to open its profile.',
    prevalensi: 'Prevalence {nilai} ({stunting} stunted of {diukur} measured)',
    prevalensiSurvei: 'Prevalence {nilai}',
    cakupan: 'Measurement coverage {nilai}',
    cakupanProgram: 'Coverage {nilai} ({realisasi} of target {sasaran})',
    periode: 'Period: {periode}',
    sumber: 'Source: {sumber}',
    skematik: 'Schematic map: these tiles are not boundaries. Boundaries for this province are not available yet.',
    skematikDalam: 'District and village boundaries of this province are not available yet: use the table below. Import boundaries with npm run boundaries.',
    tanpaBatas: 'The boundary of this area is not available yet.',
    lokator: 'Where {nama} lies in {induk}',
    tidakAdaPeta: 'No map',
  },
} as const;

export type TeksKey = keyof (typeof TEKS)['id'];

export function tk(lang: Lang, key: TeksKey, params: Record<string, string | number> = {}): string {
  return TEKS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
