/**
 * The public data API: every published Parquet file, its columns, their types and meaning.
 * One place: the build step writes these columns in this order, the data dictionary
 * (docs/data-dictionary.md and the site's "Data & metodologi" page) is generated from here,
 * and the browser registers the same table names.
 */

import { AGE_MAX_MONTHS, AGE_MIN_MONTHS, HAZ_SEVERE_BELOW as SEVERE, HAZ_STUNTED_BELOW as STUNTED } from './domain/stunting.ts';
import { MIN_DENOMINATOR_FOR_RATE as MIN_RATE } from './domain/suppression.ts';
import { t } from './i18n.ts';
import { TINGKAT, type Tingkat } from './tingkat.ts';

export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'INTEGER';

export interface Column {
  name: string;
  type: ColumnType;
  id: string; // Indonesian description
  en: string; // English description
}

export interface TableSpec {
  name: string;
  file: string;
  id: string;
  en: string;
  /** Columns that identify a row (sorted on them for byte-identical output). */
  key: string[];
  columns: Column[];
}

export { TINGKAT, type Tingkat } from './tingkat.ts';

const c = (name: string, type: ColumnType, id: string, en: string): Column => ({ name, type, id, en });

const kode = c('kode_wilayah', 'VARCHAR', 'Kode wilayah Kemendagri bertitik (mis. 64.74.01.1003)', 'Kemendagri area code, dotted (e.g. 64.74.01.1003)');
/**
 * Level codes as the English descriptions give them: the code a query compares against, with its
 * English name ("kabupaten_kota (regency/city)"), so an English reader is not left with bare
 * Indonesian codes.
 */
const levelsEn = (levels: readonly Tingkat[]): string[] => levels.map((x) => `${x} (${t('en', `tingkat.${x}`)})`);
const tingkat = c('tingkat', 'VARCHAR', `Tingkat wilayah: ${TINGKAT.join(', ')}`, `Area level: ${levelsEn(TINGKAT).join(', ')}`);
const ditekan = c('ditekan', 'BOOLEAN', 'true bila ada angka di baris ini yang disembunyikan (aturan angka kecil)', 'true when a number in this row is hidden (small-number rule)');

export const TABLES = {
  wilayah: {
    name: 'wilayah',
    file: 'wilayah.parquet',
    id: 'Daftar wilayah (gazetir idn-area-data, kode Kemendagri)',
    en: 'Areas (idn-area-data gazetteer, Kemendagri codes)',
    key: ['kode_wilayah'],
    columns: [
      kode,
      c('nama_wilayah', 'VARCHAR', 'Nama wilayah', 'Area name'),
      tingkat,
      c('kode_induk', 'VARCHAR', 'Kode wilayah induk (kosong untuk provinsi)', 'Parent area code (empty for the province)'),
      c('jenis', 'VARCHAR', 'Provinsi, Kabupaten, Kota, Kecamatan, Desa atau Kelurahan', 'Provinsi, Kabupaten (regency), Kota (city), Kecamatan (district), Desa (village) or Kelurahan (urban village)'),
    ],
  },
  gizi_balita: {
    name: 'gizi_balita',
    file: 'gizi_balita.parquet',
    id: 'Status tinggi badan balita dari pengukuran rutin posyandu (e-PPGBM), per wilayah dan bulan',
    en: 'Height status of under-fives from routine posyandu measurement (e-PPGBM), per area and month',
    key: ['kode_wilayah', 'periode'],
    columns: [
      kode,
      tingkat,
      c('periode', 'VARCHAR', 'Bulan pengukuran (YYYY-MM)', 'Measurement month (YYYY-MM)'),
      c('jumlah_sasaran_balita', 'BIGINT', 'Jumlah sasaran balita (penyebut cakupan); kosong bila tidak dilaporkan', 'Target number of under-fives (coverage denominator); empty when not reported'),
      c('jumlah_balita_diukur', 'BIGINT', `Balita ${AGE_MIN_MONTHS}–${AGE_MAX_MONTHS} bulan dengan z-skor TB/U sah (penyebut prevalensi)`, `Children ${AGE_MIN_MONTHS}–${AGE_MAX_MONTHS} months with a valid height-for-age z-score (prevalence denominator)`),
      c('jumlah_balita_pendek', 'BIGINT', `Pendek: ${SEVERE} ≤ z-skor TB/U < ${STUNTED}`, `Stunted (moderate): ${SEVERE} ≤ HAZ < ${STUNTED}`),
      c('jumlah_balita_sangat_pendek', 'BIGINT', `Sangat pendek: z-skor TB/U < ${SEVERE}`, `Severely stunted: HAZ < ${SEVERE}`),
      c('jumlah_balita_stunting', 'BIGINT', `Stunting = pendek + sangat pendek (z-skor TB/U < ${STUNTED})`, `Stunting = moderate + severe (HAZ < ${STUNTED})`),
      c('prevalensi_stunting', 'DOUBLE', `Prevalensi stunting (%) = stunting / diukur × 100; kosong bila diukur < ${MIN_RATE} atau ditekan`, `Stunting prevalence (%) = stunting / measured × 100; empty when fewer than ${MIN_RATE} measured or suppressed`),
      c('cakupan_pengukuran', 'DOUBLE', 'Cakupan pengukuran (%) = diukur / sasaran × 100', 'Measurement coverage (%) = measured / target × 100'),
      ditekan,
    ],
  },
  keluarga: {
    name: 'keluarga',
    file: 'keluarga.parquet',
    id: 'Keluarga berisiko stunting (BKKBN), per wilayah dan semester',
    en: 'Families at risk of stunting (BKKBN), per area and semester',
    key: ['kode_wilayah', 'periode'],
    columns: [
      kode,
      tingkat,
      c('periode', 'VARCHAR', 'Semester (YYYY-S1 atau YYYY-S2)', 'Semester (YYYY-S1 or YYYY-S2)'),
      c('jumlah_keluarga_sasaran', 'BIGINT', 'Keluarga sasaran pendataan', 'Families covered by the family data collection'),
      c('jumlah_keluarga_berisiko_stunting', 'BIGINT', 'Keluarga berisiko stunting (KRS)', 'Families at risk of stunting'),
      c('jumlah_keluarga_berisiko_didampingi', 'BIGINT', 'Keluarga berisiko stunting yang didampingi TPK', 'At-risk families assisted by a family-assistance team (TPK)'),
      c('persen_keluarga_berisiko', 'DOUBLE', 'Keluarga berisiko / keluarga sasaran × 100', 'At-risk families / target families × 100'),
      c('cakupan_pendampingan', 'DOUBLE', 'Keluarga berisiko didampingi / keluarga berisiko × 100', 'Assisted at-risk families / at-risk families × 100'),
      ditekan,
    ],
  },
  program: {
    name: 'program',
    file: 'program.parquet',
    id: 'Realisasi program intervensi, per wilayah, periode dan program',
    en: 'Programme realisation, per area, period and programme',
    key: ['kode_wilayah', 'periode', 'program'],
    columns: [
      kode,
      tingkat,
      c('periode', 'VARCHAR', 'Periode laporan (YYYY, YYYY-S1/S2, YYYY-Q1..Q4 atau YYYY-MM)', 'Reporting period (YYYY, YYYY-S1/S2, YYYY-Q1..Q4 or YYYY-MM)'),
      c('program', 'VARCHAR', 'Kode program (lihat reference/program.csv)', 'Programme code (see reference/program.csv)'),
      c('sasaran', 'BIGINT', 'Sasaran program', 'Programme target'),
      c('realisasi', 'BIGINT', 'Realisasi program', 'Programme realisation'),
      c('cakupan', 'DOUBLE', 'Cakupan (%) = realisasi / sasaran × 100', 'Coverage (%) = realisation / target × 100'),
      ditekan,
    ],
  },
  program_ref: {
    name: 'program_ref',
    file: 'program_ref.parquet',
    id: 'Daftar program (kode, nama, satuan, uraian, indikator nasional)',
    en: 'Programme list (code, name, unit, description, national indicator)',
    key: ['program'],
    columns: [
      c('program', 'VARCHAR', 'Kode program', 'Programme code'),
      c('nama_program', 'VARCHAR', 'Nama program', 'Programme name'),
      c('nama_program_en', 'VARCHAR', 'Nama program (Inggris)', 'Programme name (English)'),
      c('satuan', 'VARCHAR', 'Satuan sasaran dan realisasi: anak, keluarga atau orang', `Unit of target and realisation: ${(['anak', 'keluarga', 'orang'] as const).map((x) => `${x} (${t('en', `satuan.${x}`)})`).join(', ')}`),
      c('uraian', 'VARCHAR', 'Uraian program', 'Programme description'),
      c('kode_indikator', 'VARCHAR', 'Indikator nasional (Perpres 72/2021, RAN PASTI) yang diukur program ini', 'National indicator (Perpres 72/2021, RAN PASTI) this programme is judged against'),
      c('target_nasional_2024', 'DOUBLE', 'Target nasional 2024 indikator itu (%), bila ada', 'That indicator\'s national 2024 target (%), where stated'),
    ],
  },
  survei: {
    name: 'survei',
    file: 'survei.parquet',
    id: 'Prevalensi stunting hasil survei (SSGI, SKI): estimasi sampel, bukan hitungan rutin',
    en: 'Survey stunting prevalence (SSGI, SKI): sample estimates, not routine counts',
    key: ['kode_wilayah', 'survei', 'tahun'],
    columns: [
      c('kode_wilayah', 'VARCHAR', 'Kode wilayah (ID = Indonesia)', 'Area code (ID = Indonesia)'),
      c('tingkat', 'VARCHAR', 'nasional, provinsi atau kabupaten_kota', `nasional (Indonesia), ${levelsEn(['provinsi']).join('')} or ${levelsEn(['kabupaten_kota']).join('')}`),
      c('survei', 'VARCHAR', 'SSGI atau SKI', 'SSGI or SKI'),
      c('tahun', 'INTEGER', 'Tahun survei', 'Survey year'),
      c('prevalensi_stunting', 'DOUBLE', 'Prevalensi stunting (%)', 'Stunting prevalence (%)'),
      c('ci_bawah', 'DOUBLE', 'Batas bawah selang kepercayaan 95% (%), bila diterbitkan', 'Lower 95% confidence bound (%), when published'),
      c('ci_atas', 'DOUBLE', 'Batas atas selang kepercayaan 95% (%), bila diterbitkan', 'Upper 95% confidence bound (%), when published'),
      c('sumber', 'VARCHAR', 'Sumber angka', 'Source of the figure'),
      c('catatan', 'VARCHAR', 'Catatan (mis. sumber yang berbeda angka)', 'Note (e.g. sources that disagree)'),
    ],
  },
  target: {
    name: 'target',
    file: 'target.parquet',
    id: 'Target penurunan stunting dan dasar hukumnya',
    en: 'Stunting-reduction targets and their legal basis',
    key: ['kode_wilayah', 'tahun', 'indikator'],
    columns: [
      c('kode_wilayah', 'VARCHAR', 'Kode wilayah (ID = nasional)', 'Area code (ID = national)'),
      c('tahun', 'INTEGER', 'Tahun target', 'Target year'),
      c('indikator', 'VARCHAR', 'Indikator (mis. prevalensi_stunting)', 'Indicator code (e.g. prevalensi_stunting: stunting prevalence)'),
      c('target', 'DOUBLE', 'Nilai target', 'Target value'),
      c('dasar_hukum', 'VARCHAR', 'Dasar hukum', 'Legal basis'),
      c('catatan', 'VARCHAR', 'Catatan dan sumber', 'Notes and sources'),
    ],
  },
  lokus: {
    name: 'lokus',
    file: 'lokus.parquet',
    id: 'Desa/kelurahan lokus (prioritas) percepatan penurunan stunting per tahun',
    en: 'Priority (lokus) villages for stunting reduction, per year',
    key: ['kode_wilayah', 'tahun'],
    columns: [
      kode,
      tingkat,
      c('tahun', 'INTEGER', 'Tahun penetapan lokus', 'Year of designation'),
      c('sumber', 'VARCHAR', 'Dasar penetapan (mis. SK Bupati)', 'Basis of designation (e.g. regent decree)'),
    ],
  },
  prioritas: {
    name: 'prioritas',
    file: 'prioritas.parquet',
    id: 'Kabupaten/kota prioritas yang ditetapkan provinsi (mis. dalam rakor TPPS), per tahun, dengan dasar dan sumbernya',
    en: 'Priority regencies and cities named by the province (e.g. at a TPPS coordination meeting), per year, with basis and source',
    key: ['kode_wilayah', 'tahun'],
    columns: [
      kode,
      tingkat,
      c('tahun', 'INTEGER', 'Tahun penetapan', 'Year named'),
      c('dasar', 'VARCHAR', 'Dasar penetapan (mis. prevalensi tertinggi menurut SKI 2023)', 'Basis, in Indonesian (e.g. prevalensi tertinggi menurut SKI 2023: highest prevalence in the 2023 SKI survey)'),
      c('dasar_en', 'VARCHAR', 'Dasar penetapan dalam bahasa Inggris, bila ada', 'Basis in English, where given'),
      c('sumber', 'VARCHAR', 'Sumber (rapat, tanggal, dokumen atau berita)', 'Source (meeting, date, document or report)'),
      c('catatan', 'VARCHAR', 'Catatan (kutipan, hal yang belum terverifikasi)', 'Notes, in Indonesian (quotation, what is not verified)'),
      c('catatan_en', 'VARCHAR', 'Catatan dalam bahasa Inggris, bila ada', 'Notes in English, where given'),
    ],
  },
  kualitas_data: {
    name: 'kualitas_data',
    file: 'kualitas_data.parquet',
    id: 'Kualitas data pengukuran per wilayah dan bulan: baris dibaca, dikecualikan menurut alasan, desa melapor',
    en: 'Measurement data quality per area and month: rows read, excluded by reason, villages reporting',
    key: ['kode_wilayah', 'periode'],
    columns: [
      kode,
      tingkat,
      c('periode', 'VARCHAR', 'Bulan pengukuran (YYYY-MM)', 'Measurement month (YYYY-MM)'),
      c('baris_dibaca', 'BIGINT', 'Baris data per anak (by name) yang dibaca', 'By-name rows read'),
      c('dikecualikan_tidak_masuk_akal', 'BIGINT', '|z-skor TB/U| > 6 (tidak masuk akal)', '|HAZ| > 6 (implausible)'),
      c('dikecualikan_usia', 'BIGINT', 'Usia di luar 0–59 bulan saat ukur', 'Age outside 0–59 months at measurement'),
      c('dikecualikan_duplikat_bulan', 'BIGINT', 'Pengukuran lain anak yang sama di bulan yang sama (yang terakhir dipakai)', 'Other measurements of the same child in the same month (the latest is used)'),
      c('dikecualikan_haz_kosong', 'BIGINT', 'Tanpa z-skor TB/U maupun label TB/U', 'Neither a HAZ nor a TB/U label'),
      c('dikecualikan_wilayah_tidak_cocok', 'BIGINT', 'Wilayah yang dikecualikan lewat crosswalk (kode "-")', 'Areas excluded through the crosswalk (code "-")'),
      c('desa_melapor', 'BIGINT', 'Desa/kelurahan yang melaporkan pengukuran', 'Villages reporting measurements'),
      c('desa_total', 'BIGINT', 'Seluruh desa/kelurahan di wilayah ini', 'All villages in this area'),
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
