import type { ColumnSpec } from './csv/read.ts';
import type { Tingkat } from '../lib/schema.ts';

/**
 * The inputs the build step reads, as offices export them. Each aggregated kind is a folder of CSV
 * files (any name ending in .csv) with these columns; typed fields say how text becomes values.
 */
export type FieldType = 'kode' | 'count' | 'decimal' | 'bulan' | 'semester' | 'periode_program' | 'tahun' | 'text' | 'survei' | 'program';

export interface Field {
  name: string;
  type: FieldType;
  required: boolean;
  aliases?: string[];
  /** An English version of another text field of the row (e.g. `catatan_en` of `catatan`): never filled without it. */
  translates?: string;
}

export interface Ratio {
  numerator: string[]; // summed
  denominator: string;
}

export interface TableKind {
  id: string;
  dir: string; // relative to the input folder
  title: string;
  fields: Field[];
  key: string[];
  /** Levels the code may have; null = any level of the province (or `ID` where allowNational). */
  levels: Tingkat[] | null;
  allowNational?: boolean;
  ratios: Ratio[];
  /** A folder that may be absent, or a single reference file. */
  optional: boolean;
  single?: boolean;
  /**
   * The repository's data/ folder has this input (the project's own reference data): it is used
   * when the input folder has none, with only the rows of the chosen province and Indonesia.
   */
  bundled?: boolean;
}

const f = (name: string, type: FieldType, required = true, aliases?: string[]): Field => ({ name, type, required, aliases });
/** An optional English text beside an Indonesian one: pages in English show it, or else the Indonesian text marked lang="id". */
const en = (of: string): Field => ({ name: `${of}_en`, type: 'text', required: false, translates: of });

export const KINDS = {
  eppgbmDesa: {
    id: 'eppgbm_desa',
    dir: 'raw/eppgbm-desa',
    title: 'e-PPGBM village counts',
    fields: [
      f('kode_wilayah', 'kode'),
      f('periode', 'bulan'),
      f('jumlah_sasaran_balita', 'count', false),
      f('jumlah_balita_diukur', 'count'),
      f('jumlah_balita_pendek', 'count'),
      f('jumlah_balita_sangat_pendek', 'count'),
    ],
    key: ['kode_wilayah', 'periode'],
    levels: ['desa_kelurahan'],
    ratios: [
      { numerator: ['jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'], denominator: 'jumlah_balita_diukur' },
    ],
    optional: true,
  },
  sasaran: {
    id: 'sasaran',
    dir: 'raw/sasaran',
    title: 'under-five target population',
    fields: [f('kode_wilayah', 'kode'), f('tahun', 'tahun'), f('jumlah_sasaran_balita', 'count')],
    key: ['kode_wilayah', 'tahun'],
    levels: ['desa_kelurahan'],
    ratios: [],
    optional: true,
  },
  keluarga: {
    id: 'keluarga',
    dir: 'raw/keluarga',
    title: 'BKKBN family risk',
    fields: [
      f('kode_wilayah', 'kode'),
      f('periode', 'semester'),
      f('jumlah_keluarga_sasaran', 'count'),
      f('jumlah_keluarga_berisiko_stunting', 'count'),
      f('jumlah_keluarga_berisiko_didampingi', 'count'),
    ],
    key: ['kode_wilayah', 'periode'],
    levels: ['desa_kelurahan'],
    ratios: [
      { numerator: ['jumlah_keluarga_berisiko_stunting'], denominator: 'jumlah_keluarga_sasaran' },
      { numerator: ['jumlah_keluarga_berisiko_didampingi'], denominator: 'jumlah_keluarga_berisiko_stunting' },
    ],
    optional: true,
  },
  program: {
    id: 'program',
    dir: 'raw/program',
    title: 'programme realisation',
    fields: [f('kode_wilayah', 'kode'), f('periode', 'periode_program'), f('program', 'program'), f('sasaran', 'count'), f('realisasi', 'count')],
    key: ['kode_wilayah', 'periode', 'program'],
    levels: null,
    ratios: [], // realisation above target happens (e.g. more brides screened than registered): reported, not an error
    optional: true,
  },
  survei: {
    id: 'survei',
    dir: 'raw/survei',
    title: 'survey prevalence',
    fields: [
      f('kode_wilayah', 'kode'),
      f('survei', 'survei'),
      f('tahun', 'tahun'),
      f('prevalensi_stunting', 'decimal'),
      f('sumber', 'text'),
      f('ci_bawah', 'decimal', false),
      f('ci_atas', 'decimal', false),
      f('catatan', 'text', false),
    ],
    key: ['kode_wilayah', 'survei', 'tahun'],
    levels: ['provinsi', 'kabupaten_kota'],
    allowNational: true,
    ratios: [],
    optional: true,
    bundled: true,
  },
  programRef: {
    id: 'program_ref',
    dir: 'reference/program.csv',
    title: 'programme list',
    fields: [
      f('kode', 'text', true, ['code']),
      f('nama', 'text', true, ['name']),
      f('nama_en', 'text', false, ['name_en']),
      f('satuan', 'text', true, ['unit']),
      f('uraian', 'text', true, ['description']),
      f('kode_indikator', 'text', false, ['indicator']),
    ],
    key: ['kode'],
    levels: null,
    ratios: [],
    optional: false,
    bundled: true,
    single: true,
  },
  target: {
    id: 'target',
    dir: 'reference/target.csv',
    title: 'targets',
    fields: [
      f('kode_wilayah', 'kode'),
      f('tahun', 'tahun'),
      f('indikator', 'text'),
      f('target', 'decimal'),
      f('dasar_hukum', 'text', false),
      f('catatan', 'text', false),
    ],
    key: ['kode_wilayah', 'tahun', 'indikator'],
    levels: null,
    allowNational: true,
    ratios: [],
    optional: true,
    bundled: true,
    single: true,
  },
  lokus: {
    id: 'lokus',
    dir: 'reference/lokus.csv',
    title: 'priority villages',
    fields: [f('kode_wilayah', 'kode'), f('tahun', 'tahun'), f('sumber', 'text', false)],
    key: ['kode_wilayah', 'tahun'],
    levels: null,
    ratios: [],
    optional: true,
    single: true,
  },
  prioritas: {
    id: 'prioritas',
    dir: 'reference/prioritas.csv',
    title: 'priority regencies',
    fields: [f('tahun', 'tahun'), f('kode_wilayah', 'kode'), f('dasar', 'text'), en('dasar'), f('sumber', 'text'), f('catatan', 'text', false), en('catatan')],
    key: ['kode_wilayah', 'tahun'],
    levels: ['kabupaten_kota'],
    ratios: [],
    optional: true,
    bundled: true,
    single: true,
  },
  crosswalk: {
    id: 'crosswalk',
    dir: 'reference/crosswalk.csv',
    title: 'name crosswalk',
    fields: [
      f('nama_prov', 'text'),
      f('nama_kab', 'text', false),
      f('nama_kec', 'text', false),
      f('nama_desa', 'text', false),
      f('kode_wilayah', 'text'),
    ],
    key: ['nama_prov', 'nama_kab', 'nama_kec', 'nama_desa'],
    levels: null,
    ratios: [],
    optional: true,
    single: true,
  },
  indikator: {
    id: 'indikator',
    dir: 'reference/indikator.csv',
    title: 'national indicators',
    fields: [
      f('kode_indikator', 'text'),
      f('nama_indikator', 'text'),
      f('nama_indikator_en', 'text', false),
      f('target_2024', 'decimal', false),
      f('satuan', 'text', false),
    ],
    key: ['kode_indikator'],
    levels: null,
    ratios: [],
    optional: true,
    bundled: true,
    single: true,
  },
} as const satisfies Record<string, TableKind>;

export function columnsOf(kind: TableKind): ColumnSpec[] {
  return kind.fields.map((fl) => ({ name: fl.name, required: fl.required, aliases: fl.aliases }));
}

/** The e-PPGBM by-name export: the columns the build uses (the real export has more; they are ignored). */
export const EPPGBM_COLUMNS = {
  nik: 'NIK',
  tglLahir: 'Tgl Lahir',
  prov: 'Prov',
  kab: 'Kab/Kota',
  kec: 'Kec',
  desa: 'Desa/Kel',
  usia: 'Usia Saat Ukur',
  tanggal: 'Tanggal Pengukuran',
  tbu: 'TB/U',
  zsTbu: 'ZS TB/U',
} as const;

export const EPPGBM_DIR = 'raw/eppgbm';

export const EPPGBM_SPEC: ColumnSpec[] = [
  { name: 'NIK', required: true },
  { name: 'Tgl Lahir', required: true, aliases: ['Tanggal Lahir'] },
  { name: 'Prov', required: true, aliases: ['Provinsi'] },
  { name: 'Kab/Kota', required: true, aliases: ['Kabupaten/Kota', 'Kab / Kota'] },
  { name: 'Kec', required: true, aliases: ['Kecamatan'] },
  { name: 'Desa/Kel', required: true, aliases: ['Desa/Kelurahan', 'Desa / Kel'] },
  { name: 'Usia Saat Ukur', required: true },
  { name: 'Tanggal Pengukuran', required: true, aliases: ['Tgl Pengukuran', 'Tanggal Ukur'] },
  { name: 'TB/U', required: true },
  { name: 'ZS TB/U', required: true, aliases: ['ZS TBU', 'Z-Score TB/U'] },
];

export const CROSSWALK_FILE = 'reference/crosswalk.csv';
export const DEMO_MARKER = 'demo.json';
