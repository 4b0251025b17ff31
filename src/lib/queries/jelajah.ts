/**
 * The explorer (/jelajah/): every area of one level for one month, with a name search, numeric
 * conditions (e.g. prevalensi > 20) and a sort order, plus the monthly series of two to four areas
 * side by side. The same SQL runs at build time (the first view) and in DuckDB-WASM.
 *
 * Everything that comes from the URL is checked here: columns and operators against fixed lists,
 * numbers as finite numbers, text only as a quoted literal.
 */
import { TINGKAT, type Tingkat } from '../schema.ts';
import { QueryArgumentError, int, kodeLit, lit, periodeLit } from './sql.ts';

/** Numeric columns of the explorer table, in display order (name in the result = key). */
export const JELAJAH_ANGKA = {
  sasaran: 'g.jumlah_sasaran_balita',
  diukur: 'g.jumlah_balita_diukur',
  stunting: 'g.jumlah_balita_stunting',
  pendek: 'g.jumlah_balita_pendek',
  sangat_pendek: 'g.jumlah_balita_sangat_pendek',
  prevalensi: 'g.prevalensi_stunting',
  cakupan: 'g.cakupan_pengukuran',
} as const;
export type JelajahAngka = keyof typeof JELAJAH_ANGKA;
export const JELAJAH_KOLOM_ANGKA = Object.keys(JELAJAH_ANGKA) as JelajahAngka[];
/** Columns the table can be sorted on. */
export const JELAJAH_URUT = ['kode_wilayah', 'nama_wilayah', ...JELAJAH_KOLOM_ANGKA] as const;
export type JelajahUrut = (typeof JELAJAH_URUT)[number];

/** Comparison operators as they appear in the URL (`f=prevalensi.gt.20`). */
export const JELAJAH_OP = { gt: '>', ge: '>=', lt: '<', le: '<=', eq: '=', ne: '<>' } as const;
export type JelajahOp = keyof typeof JELAJAH_OP;

export interface JelajahFilter {
  kolom: JelajahAngka;
  op: JelajahOp;
  nilai: number;
}

export interface JelajahArgs {
  tingkat: Tingkat;
  periode: string;
  /** Only areas under this code (any depth), e.g. the villages of one regency. */
  induk?: string;
  /** Part of the area name (case-insensitive), or of its code. */
  cari?: string;
  filter?: readonly JelajahFilter[];
  urut?: { kolom: JelajahUrut; turun: boolean };
  /** At most this many rows (the table shows them all; the limit guards the page). */
  batas?: number;
}

export interface JelajahRow {
  kode_wilayah: string;
  nama_wilayah: string;
  jenis: string;
  /** Name of the parent area (regency of a district, district of a village); null for the province. */
  nama_induk: string | null;
  periode: string;
  sasaran: number | null;
  diukur: number | null;
  stunting: number | null;
  pendek: number | null;
  sangat_pendek: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean | null;
}

const isAngka = (k: string): k is JelajahAngka => Object.hasOwn(JELAJAH_ANGKA, k);

/** "prevalensi.gt.20" → a filter; undefined when any part is not allowed. */
export function parseJelajahFilter(text: string): JelajahFilter | undefined {
  const m = /^([a-z_]+)\.(gt|ge|lt|le|eq|ne)\.(-?\d+(?:\.\d+)?)$/.exec(text);
  if (!m || !isAngka(m[1]!)) return undefined;
  const nilai = Number(m[3]);
  return Number.isFinite(nilai) ? { kolom: m[1] as JelajahAngka, op: m[2] as JelajahOp, nilai } : undefined;
}

export const formatJelajahFilter = (f: JelajahFilter): string => `${f.kolom}.${f.op}.${f.nilai}`;

function checkTingkat(tingkat: string): Tingkat {
  if (!(TINGKAT as readonly string[]).includes(tingkat)) throw new QueryArgumentError('tingkat', tingkat);
  return tingkat as Tingkat;
}

function filterSql(f: JelajahFilter): string {
  if (!isAngka(f.kolom)) throw new QueryArgumentError('kolom', f.kolom);
  if (!Object.hasOwn(JELAJAH_OP, f.op)) throw new QueryArgumentError('op', f.op);
  if (typeof f.nilai !== 'number' || !Number.isFinite(f.nilai)) throw new QueryArgumentError('nilai', f.nilai);
  // A missing value never passes a numeric condition (missing is not 0).
  return `${JELAJAH_ANGKA[f.kolom]} ${JELAJAH_OP[f.op]} ${f.nilai}`;
}

/** Areas of one level in one month, filtered and sorted; areas without a row show as missing. */
export function jelajahSql({ tingkat, periode, induk, cari, filter = [], urut, batas = 5000 }: JelajahArgs): string {
  const where = [`w.tingkat = ${lit(checkTingkat(tingkat))}`];
  if (induk) where.push(`starts_with(w.kode_wilayah, ${kodeLit(induk)} || '.')`);
  const q = cari?.trim();
  if (q) where.push(`(contains(lower(w.nama_wilayah), lower(${lit(q.slice(0, 80))})) OR starts_with(w.kode_wilayah, ${lit(q.slice(0, 20))}))`);
  for (const f of filter) where.push(filterSql(f));
  if (!Number.isInteger(batas) || batas < 1 || batas > 100_000) throw new QueryArgumentError('batas', batas);
  const kolom = urut?.kolom ?? 'kode_wilayah';
  if (!(JELAJAH_URUT as readonly string[]).includes(kolom)) throw new QueryArgumentError('urut', kolom);
  const arah = urut?.turun ? 'DESC' : 'ASC';
  // Missing values sort last in either direction; ties by code, so the order is fixed.
  const order = kolom === 'kode_wilayah' ? `kode_wilayah ${arah}` : `${kolom} ${arah} NULLS LAST, kode_wilayah`;
  const angka = JELAJAH_KOLOM_ANGKA.map((k) => (k === 'prevalensi' || k === 'cakupan' ? `${JELAJAH_ANGKA[k]} AS ${k}` : `${int(JELAJAH_ANGKA[k])} AS ${k}`)).join(',\n  ');
  return `SELECT * FROM (
SELECT w.kode_wilayah, w.nama_wilayah, w.jenis, i.nama_wilayah AS nama_induk, ${periodeLit(periode)} AS periode,
  ${angka},
  g.ditekan
FROM wilayah w
LEFT JOIN wilayah i ON i.kode_wilayah = w.kode_induk
LEFT JOIN gizi_balita g ON g.kode_wilayah = w.kode_wilayah AND g.periode = ${periodeLit(periode)}
WHERE ${where.join('\n  AND ')}
) ORDER BY ${order}
LIMIT ${batas}`;
}

/** Largest number of areas compared side by side. */
export const BANDING_MAKS = 4;

export interface BandingRow {
  kode_wilayah: string;
  nama_wilayah: string;
  periode: string;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  cakupan: number | null;
}

/** Monthly routine series of up to BANDING_MAKS areas (any levels), by code then month. */
export function bandingSql({ kode }: { kode: readonly string[] }): string {
  if (kode.length < 1 || kode.length > BANDING_MAKS) throw new QueryArgumentError('kode', kode.join(','));
  return `SELECT g.kode_wilayah, w.nama_wilayah, g.periode,
  ${int('g.jumlah_balita_diukur')} AS diukur,
  ${int('g.jumlah_balita_stunting')} AS stunting,
  g.prevalensi_stunting AS prevalensi,
  g.cakupan_pengukuran AS cakupan
FROM gizi_balita g
JOIN wilayah w ON w.kode_wilayah = g.kode_wilayah
WHERE g.kode_wilayah IN (${kode.map(kodeLit).join(', ')})
ORDER BY g.kode_wilayah, g.periode`;
}

/** Names of areas by code (for the compare chips of a shared link). */
export function namaWilayahSql({ kode }: { kode: readonly string[] }): string {
  if (kode.length < 1 || kode.length > BANDING_MAKS) throw new QueryArgumentError('kode', kode.join(','));
  return `SELECT kode_wilayah, nama_wilayah, jenis FROM wilayah WHERE kode_wilayah IN (${kode.map(kodeLit).join(', ')}) ORDER BY kode_wilayah`;
}
