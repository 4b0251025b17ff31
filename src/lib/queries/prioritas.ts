/**
 * Priority regencies (table `prioritas`, from data/reference/prioritas.csv) and the "which one
 * first" comparison a TPPS rakor asks for: for each priority regency, side by side, its survey
 * prevalence (with the rank among the province's regencies and the source notes), its routine
 * prevalence and number of stunted children, where those children are (districts and villages),
 * and how many each programme reached. One model, used by the Prioritas page and by the deck:
 *
 *   const model = await loadBandingPrioritas(conn, { province, periode });
 */
import type { Connector } from '../db/connector.ts';
import { kelengkapanSql } from '../domain/kelengkapan.ts';
import type { Province } from '../province.ts';
import { periodeBawaan, periodeRutinSql, type PeriodeRutin } from './periode.ts';
import { int, kodeLit, limitLit, periodeLit } from './sql.ts';

/** The province's priority regencies of the latest year that has any, by code. */
export function prioritasDaftarSql({ induk }: { induk: string }): string {
  const k = kodeLit(induk);
  return `WITH p AS (SELECT * FROM prioritas WHERE starts_with(kode_wilayah, ${k} || '.'))
SELECT p.kode_wilayah, w.nama_wilayah, CAST(p.tahun AS INTEGER) AS tahun, p.dasar, p.dasar_en, p.sumber, p.catatan, p.catatan_en
FROM p JOIN wilayah w USING (kode_wilayah)
WHERE p.tahun = (SELECT max(tahun) FROM p)
ORDER BY p.kode_wilayah`;
}

const inList = (kodes: readonly string[]) => (kodes.length ? kodes.map(kodeLit).join(', ') : 'NULL');

/**
 * Survey prevalence of the given regencies in every survey, with the rank among all regencies of
 * `induk` that have a figure in that survey (1 = highest) and how many have one.
 */
export function prioritasSurveiSql({ induk, kodes }: { induk: string; kodes: readonly string[] }): string {
  return `WITH r AS (
  SELECT s.kode_wilayah, s.survei, CAST(s.tahun AS INTEGER) AS tahun, s.prevalensi_stunting AS prevalensi, s.sumber, s.catatan,
    CASE WHEN s.prevalensi_stunting IS NOT NULL THEN rank() OVER (PARTITION BY s.survei, s.tahun, s.prevalensi_stunting IS NULL ORDER BY s.prevalensi_stunting DESC) END AS peringkat,
    count(s.prevalensi_stunting) OVER (PARTITION BY s.survei, s.tahun) AS jumlah
  FROM survei s JOIN wilayah w USING (kode_wilayah)
  WHERE w.kode_induk = ${kodeLit(induk)}
)
SELECT kode_wilayah, survei, tahun, prevalensi, sumber, catatan, ${int('peringkat')} AS peringkat, ${int('jumlah')} AS jumlah
FROM r WHERE kode_wilayah IN (${inList(kodes)})
ORDER BY tahun, survei, kode_wilayah`;
}

/**
 * Routine figures of the given regencies in one month, with the completeness of that month for
 * each, and where the stunted children are: districts and villages with at least one stunted
 * child in the published counts, and villages whose count is hidden by the small-number rule.
 */
export function prioritasRutinSql({ kodes, periode }: { kodes: readonly string[]; periode: string }): string {
  const p = periodeLit(periode);
  const list = inList(kodes);
  return `WITH kec AS (
  SELECT w.kode_induk AS kode_wilayah,
    count(*) AS kecamatan_total,
    count(*) FILTER (WHERE g.jumlah_balita_stunting > 0) AS kecamatan_stunting
  FROM wilayah w LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
  WHERE w.tingkat = 'kecamatan' AND w.kode_induk IN (${list})
  GROUP BY 1
), desa AS (
  SELECT k.kode_induk AS kode_wilayah,
    count(*) AS desa_total,
    count(*) FILTER (WHERE g.jumlah_balita_stunting > 0) AS desa_stunting,
    count(*) FILTER (WHERE g.ditekan AND g.jumlah_balita_stunting IS NULL) AS desa_ditekan
  FROM wilayah w
  JOIN wilayah k ON k.kode_wilayah = w.kode_induk
  LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
  WHERE w.tingkat = 'desa_kelurahan' AND k.kode_induk IN (${list})
  GROUP BY 1
)
SELECT w.kode_wilayah, w.nama_wilayah, ${p} AS periode,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan,
  coalesce(g.ditekan, false) AS ditekan,
  ${kelengkapanSql({ desaMelapor: 'q.desa_melapor', desaTotal: 'q.desa_total', diukur: 'g.jumlah_balita_diukur', sasaran: 'g.jumlah_sasaran_balita' })} AS lengkap,
  ${int('q.desa_melapor')} AS desa_melapor,
  ${int('kec.kecamatan_total')} AS kecamatan_total,
  ${int('kec.kecamatan_stunting')} AS kecamatan_stunting,
  ${int('desa.desa_total')} AS desa_total,
  ${int('desa.desa_stunting')} AS desa_stunting,
  ${int('desa.desa_ditekan')} AS desa_ditekan
FROM wilayah w
LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${p}
LEFT JOIN kualitas_data q ON q.kode_wilayah = w.kode_wilayah AND q.periode = ${p}
LEFT JOIN kec ON kec.kode_wilayah = w.kode_wilayah
LEFT JOIN desa ON desa.kode_wilayah = w.kode_wilayah
WHERE w.kode_wilayah IN (${list})
ORDER BY w.kode_wilayah`;
}

/** The `limit` districts with the most stunted children in each of the given regencies. */
export function prioritasKecamatanSql({ kodes, periode, limit = 3 }: { kodes: readonly string[]; periode: string; limit?: number }): string {
  return `SELECT w.kode_induk AS kode_kabupaten, w.kode_wilayah, w.nama_wilayah, ${int('g.jumlah_balita_stunting')} AS stunting
FROM wilayah w JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${periodeLit(periode)}
WHERE w.tingkat = 'kecamatan' AND w.kode_induk IN (${inList(kodes)}) AND g.jumlah_balita_stunting > 0
QUALIFY row_number() OVER (PARTITION BY w.kode_induk ORDER BY g.jumlah_balita_stunting DESC, w.kode_wilayah) <= ${limitLit(limit)}
ORDER BY w.kode_induk, g.jumlah_balita_stunting DESC, w.kode_wilayah`;
}

/**
 * Every programme in its latest reporting period in the province, and what it reached in each of
 * the given regencies in that same period (so the regencies are compared on one period).
 */
export function prioritasProgramSql({ induk, kodes }: { induk: string; kodes: readonly string[] }): string {
  return `WITH per AS (
  SELECT program, max(periode) AS periode FROM program WHERE kode_wilayah = ${kodeLit(induk)} GROUP BY program
)
SELECT w.kode_wilayah, per.program, r.nama_program, r.nama_program_en, r.satuan, per.periode,
  ${int('p.sasaran')} AS sasaran, ${int('p.realisasi')} AS realisasi, p.cakupan, coalesce(p.ditekan, false) AS ditekan
FROM per
JOIN program_ref r ON r.program = per.program
CROSS JOIN (SELECT kode_wilayah FROM wilayah WHERE kode_wilayah IN (${inList(kodes)})) w
LEFT JOIN program p ON p.kode_wilayah = w.kode_wilayah AND p.program = per.program AND p.periode = per.periode
ORDER BY per.program, w.kode_wilayah`;
}

export interface PrioritasDaftarRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tahun: number;
  dasar: string;
  dasar_en: string | null;
  sumber: string;
  catatan: string | null;
  catatan_en: string | null;
}

export interface PrioritasSurveiRow {
  kode_wilayah: string;
  survei: string;
  tahun: number;
  prevalensi: number | null;
  sumber: string | null;
  catatan: string | null;
  peringkat: number | null;
  jumlah: number;
}

export interface PrioritasRutinRow {
  kode_wilayah: string;
  nama_wilayah: string;
  periode: string;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean;
  lengkap: boolean;
  desa_melapor: number | null;
  kecamatan_total: number | null;
  kecamatan_stunting: number | null;
  desa_total: number | null;
  desa_stunting: number | null;
  desa_ditekan: number | null;
}

export interface PrioritasKecamatanRow {
  kode_kabupaten: string;
  kode_wilayah: string;
  nama_wilayah: string;
  stunting: number;
}

export interface PrioritasProgramRow {
  kode_wilayah: string;
  program: string;
  nama_program: string;
  nama_program_en: string | null;
  satuan: string | null;
  periode: string;
  sasaran: number | null;
  realisasi: number | null;
  cakupan: number | null;
  ditekan: boolean;
}

/** One priority regency with everything the comparison shows about it. */
export interface BandingPrioritas {
  daftar: PrioritasDaftarRow;
  /** By survey key ("SKI 2023"), the latest `surveiTerakhir` surveys. */
  survei: Record<string, PrioritasSurveiRow | undefined>;
  rutin: PrioritasRutinRow | undefined;
  kecamatan: PrioritasKecamatanRow[];
  program: PrioritasProgramRow[];
}

export interface BandingPrioritasModel {
  /** Empty when the province has named no priority regencies (data/reference/prioritas.csv). */
  daftar: PrioritasDaftarRow[];
  periodRows: PeriodeRutin[];
  /** The routine month compared (the chosen one, else the latest complete one). */
  periode: string | undefined;
  /** Survey keys shown, oldest first ("SKI 2023", "SSGI 2024"). */
  surveiKeys: string[];
  /** Programme codes in the comparison, with their period. */
  programs: { program: string; nama_program: string; nama_program_en: string | null; satuan: string | null; periode: string }[];
  wilayah: BandingPrioritas[];
}

export const surveiKeyOf = (r: { survei: string; tahun: number }): string => `${r.survei} ${r.tahun}`;

/**
 * The "which one first" model: the priority regencies with their surveys (the latest two by
 * default), routine figures of `periode` (default: the latest complete month), where the stunted
 * children are, and programme reach. Runs through any connector (native DuckDB or WASM).
 */
export async function loadBandingPrioritas(
  conn: Connector,
  { province, periode: wanted, surveiTerakhir = 2, periodRows: known }: { province: Province; periode?: string; surveiTerakhir?: number; periodRows?: PeriodeRutin[] },
): Promise<BandingPrioritasModel> {
  const [daftar, periodRows] = await Promise.all([
    conn.query<PrioritasDaftarRow>(prioritasDaftarSql({ induk: province.kode })),
    known ? Promise.resolve(known) : conn.query<PeriodeRutin>(periodeRutinSql()),
  ]);
  const periode = wanted && periodRows.some((r) => r.periode === wanted) ? wanted : periodeBawaan(periodRows);
  if (!daftar.length) return { daftar, periodRows, periode, surveiKeys: [], programs: [], wilayah: [] };
  const kodes = daftar.map((d) => d.kode_wilayah);
  const [survei, rutin, kecamatan, program] = await Promise.all([
    conn.query<PrioritasSurveiRow>(prioritasSurveiSql({ induk: province.kode, kodes })),
    periode ? conn.query<PrioritasRutinRow>(prioritasRutinSql({ kodes, periode })) : Promise.resolve([]),
    periode ? conn.query<PrioritasKecamatanRow>(prioritasKecamatanSql({ kodes, periode })) : Promise.resolve([]),
    conn.query<PrioritasProgramRow>(prioritasProgramSql({ induk: province.kode, kodes })),
  ]);
  const keys = [...new Map(survei.map((s) => [surveiKeyOf(s), s])).values()]
    .sort((a, b) => a.tahun - b.tahun || a.survei.localeCompare(b.survei))
    .map(surveiKeyOf)
    .slice(-surveiTerakhir);
  const programs = [...new Map(program.map((p) => [p.program, { program: p.program, nama_program: p.nama_program, nama_program_en: p.nama_program_en, satuan: p.satuan, periode: p.periode }])).values()];
  return {
    daftar,
    periodRows,
    periode,
    surveiKeys: keys,
    programs,
    wilayah: daftar.map((d) => ({
      daftar: d,
      survei: Object.fromEntries(keys.map((k) => [k, survei.find((s) => s.kode_wilayah === d.kode_wilayah && surveiKeyOf(s) === k)])),
      rutin: rutin.find((r) => r.kode_wilayah === d.kode_wilayah),
      kecamatan: kecamatan.filter((k) => k.kode_kabupaten === d.kode_wilayah),
      program: program.filter((p) => p.kode_wilayah === d.kode_wilayah),
    })),
  };
}
