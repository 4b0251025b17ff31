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
    /** The same hint on a touch screen (no hover; shown by CSS, PetaAset.astro). */
    panelPetunjukSentuh: 'Ketuk sebuah wilayah untuk membuka profilnya.',
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
    pendek_tanpa_laporan: 'tidak ada laporan',
    pendek_ditekan: 'disembunyikan',
    pendek_terlalu_sedikit: 'terlalu sedikit diukur',
    kolomStuntingDiukur: 'Stunting / diukur',
    judulRutinKab: 'Peta prevalensi stunting rutin (e-PPGBM) per kabupaten/kota',
    judulSurveiKab: 'Peta prevalensi stunting survei ({survei}) per kabupaten/kota',
    judulDesa: 'Peta prevalensi stunting rutin (e-PPGBM) per desa/kelurahan di {nama}, {periode}',
    judulKecamatan: 'Peta prevalensi stunting rutin (e-PPGBM) per kecamatan di {nama}, {periode}',
    judulLokator: 'Letak {nama}',
    captionRutin: 'Sumber: e-PPGBM (pengukuran rutin posyandu), {periode}. Prevalensi = balita stunting / balita diukur. Warna: ambang WHO/UNICEF; pola menandai wilayah tanpa laporan, angka yang disembunyikan (aturan angka kecil) dan wilayah dengan terlalu sedikit balita diukur. Angka rutin tidak sebanding dengan survei.',
    captionSurvei: 'Sumber: {survei} (survei, sampel rumah tangga). Lapisan dan skala warna terpisah dari angka rutin e-PPGBM; keduanya tidak sebanding.',
    captionLokator: 'Letak wilayah ini di dalam kabupaten/kotanya (garis tebal: batas kecamatan).',
    prevSurvei: 'Prevalensi {survei}',
    cakupanJudul: 'Peta cakupan {program}, {periode}',
    sumberProgram: 'laporan program {program}',
    cakupanCaption: 'Sumber: laporan program {program}, {periode}. Cakupan = realisasi / sasaran program × 100, per kabupaten/kota. Kelas warna tetap (bukan ambang WHO: ini cakupan program, bukan prevalensi).',
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
    panelPetunjukSentuh: 'Tap an area to open its profile.',
    prevalensi: 'Prevalence {nilai} ({stunting} stunted of {diukur} measured)',
    prevalensiSurvei: 'Prevalence {nilai}',
    cakupan: 'Measurement coverage {nilai}',
    cakupanProgram: 'Coverage {nilai} ({realisasi} of a target population of {sasaran})',
    periode: 'Period: {periode}',
    sumber: 'Source: {sumber}',
    skematik: 'Schematic map: these tiles are not boundaries. Boundaries for this province are not available yet.',
    skematikDalam: 'District and village boundaries of this province are not available yet: use the table below. Import boundaries with npm run boundaries.',
    tanpaBatas: 'The boundary of this area is not available yet.',
    lokator: 'Where {nama} lies in {induk}',
    tidakAdaPeta: 'No map',
    pendek_tanpa_laporan: 'no report',
    pendek_ditekan: 'suppressed',
    pendek_terlalu_sedikit: 'too few measured',
    kolomStuntingDiukur: 'Stunted / measured',
    judulRutinKab: 'Map of routine stunting prevalence (e-PPGBM) by regency/city',
    judulSurveiKab: 'Map of survey stunting prevalence ({survei}) by regency/city',
    judulDesa: 'Map of routine stunting prevalence (e-PPGBM) by village in {nama}, {periode}',
    judulKecamatan: 'Map of routine stunting prevalence (e-PPGBM) by district in {nama}, {periode}',
    judulLokator: 'Where {nama} lies',
    captionRutin: 'Source: e-PPGBM (routine posyandu measurements), {periode}. Prevalence = stunted / measured children. Colours: WHO/UNICEF thresholds; patterns mark areas with no report, hidden numbers (small-number rule) and too few children measured. Routine figures are not comparable with surveys.',
    captionSurvei: 'Source: {survei} (household sample survey). A separate layer and colour scale from the routine e-PPGBM figures; the two are not comparable.',
    captionLokator: 'Where this area lies in its regency/city (thick lines: district borders).',
    prevSurvei: '{survei} prevalence',
    cakupanJudul: 'Map of {program} coverage, {periode}',
    sumberProgram: '{program} programme reports',
    cakupanCaption: 'Source: {program} programme reports, {periode}. Coverage = realisation / the programme\'s target population × 100, by regency/city. Fixed colour classes (not WHO thresholds: this is programme coverage, not prevalence).',
  },
} as const;

export type TeksKey = keyof (typeof TEKS)['id'];

/**
 * The boundaries' attribution line (public/batas/<province>/meta.json, written in Indonesian by
 * `npm run boundaries`) in the page's language: on English pages its Indonesian words become
 * English ("Batas wilayah:" → "Boundaries:", "kode Kepmendagri" → "Kepmendagri codes"); the rest
 * (names, licences, decree numbers) stays as written.
 */
export function atribusiBatas(lang: Lang, text: string): string {
  if (lang === 'id') return text;
  return text.replace(/^Batas wilayah:\s*/i, 'Boundaries: ').replace(/\bkode Kepmendagri\b/g, 'Kepmendagri codes');
}

export function tk(lang: Lang, key: TeksKey, params: Record<string, string | number> = {}): string {
  return TEKS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
