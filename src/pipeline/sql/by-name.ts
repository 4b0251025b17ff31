/**
 * The by-name rules as SQL text, in one place for the build step (src/pipeline/readers/eppgbm.ts,
 * native DuckDB over read_csv) and the browser's file check (/jelajah/periksa/, DuckDB-WASM over the
 * rows papaparse streams): how each row of an e-PPGBM by-name export is classified, and how rows
 * become counts per area names and month (a child once per month, its latest valid measurement).
 * Pure: no file system, no engine (the macros it calls are RULE_MACROS of rules.ts).
 */
import { sqlString } from '../../lib/db/connector.ts';
import { col, csvSource, fieldCountWrong, reportFieldCount, type HeaderMap } from '../csv/read.ts';
import type { InputFile } from '../input-files.ts';
import type { Head } from '../csv/prescan.ts';
import type { IssueLog, IssueTypeId } from '../issues.ts';
import { EPPGBM_COLUMNS as C } from '../kinds.ts';
import { LEVEL_LABEL, type NameMatcher, type NameTuple } from '../names.ts';
import { TBU_LABELS } from '../../lib/domain/stunting.ts';
import { FORMAT_HINTS } from './rules.ts';
import { BN_NAMA_BULAN } from '../tables.ts';

export interface ByNameFile {
  input: InputFile;
  map: HeaderMap;
  index: number;
}

/** Files with the same delimiter and column positions, read by one DuckDB scan. */
export interface Layout {
  files: ByNameFile[];
  map: HeaderMap;
}

export function layouts(files: ByNameFile[]): Layout[] {
  const groups = new Map<string, Layout>();
  for (const f of files) {
    const key = `${f.input.head.delimiter}|${f.input.head.header.length}|${[...f.map.entries()].sort().join(';')}`;
    const g = groups.get(key) ?? { files: [], map: f.map };
    g.files.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Per-row classification over a scan of one layout: the SQL that both the fast and the slow path use.
 * `source` replaces the scan of the files by a table with the same columns (c1..cN, cx): the browser's
 * file check fills one from the rows papaparse streams.
 */
export function rowSql(layout: Layout, opts: { extra?: string; collectRejects?: boolean; sequential?: boolean; source?: string } = {}): string {
  const { map, files } = layout;
  const v = (name: string) => col(map, name);
  const f = files.length === 1 ? String(files[0].index) : `[${files.map((x) => x.index).join(', ')}][list_position([${files.map((x) => sqlString(x.input.head.path)).join(', ')}], filename)]`;
  // Nested selects, not lateral aliases: DuckDB substitutes an alias's expression wherever it is used,
  // so a date parsed once here would otherwise be parsed again in every rule that reads it.
  return `SELECT *,
      CASE WHEN e_kolom THEN 'galat' WHEN e_tanggal OR e_zs OR e_tbu OR e_usia OR e_wilayah THEN 'galat'
           WHEN NOT atlas_usia_sah(umur) THEN 'usia'
           WHEN kelas IS NULL THEN 'haz_kosong'
           WHEN kelas = 'tidak_masuk_akal' THEN 'tidak_masuk_akal'
           ELSE 'sah' END AS alasan
    FROM (SELECT *,
      d IS NULL AS e_tanggal,
      NOT atlas_blank(zs_raw) AND haz IS NULL AS e_zs,
      atlas_blank(zs_raw) AND NOT atlas_blank(tbu_raw) AND kelas IS NULL AS e_tbu,
      d IS NOT NULL AND umur IS NULL AS e_usia
    FROM (SELECT *,
      -- a row with the wrong number of fields has its values in the wrong columns: none of them is used
      CASE WHEN NOT e_kolom AND NOT e_wilayah THEN struct_pack(p := p_raw, kb := kb_raw, kc := kc_raw, ds := ds_raw) END AS nm,
      date_trunc('month', d) AS m, -- a date: formatting text per row costs more than the rest of the rules
      atlas_kelas_tbu(haz, tbu_raw) AS kelas,
      coalesce(usia_raw, atlas_completed_months(atlas_date(lahir_raw), d)) AS umur
    FROM (SELECT *, CASE WHEN d_any BETWEEN DATE '1900-01-01' AND DATE '2100-12-31' THEN d_any END AS d, -- atlas_date, parsed once
      -- the child: a NIK of digits as a number (exact, and small in an aggregate's state), any other NIK as
      -- text (kx); a row without a NIK is a child of its own (its values as text)
      -- (the cast skips the spaces a trim would remove)
      CASE WHEN nik_digits THEN TRY_CAST(nik_raw AS BIGINT) WHEN tanpa_nik IS NULL THEN -1 ELSE -2 END AS k,
      CASE WHEN nik_digits THEN NULL ELSE coalesce(tanpa_nik, trim(nik_raw)) END AS kx
    FROM (SELECT *, regexp_full_match(nik_raw, ' *[1-9][0-9]{0,17} *') AS nik_digits
    FROM (SELECT ${opts.extra ?? ''} ${f} AS f,
      ${fieldCountWrong(files[0].input.head)} AS e_kolom,
      cx IS NOT NULL AS e_kolom_lebih,
      atlas_kosong(${v(C.prov)}) OR atlas_kosong(${v(C.kab)}) OR atlas_kosong(${v(C.kec)}) OR atlas_kosong(${v(C.desa)}) AS e_wilayah,
      ${v(C.prov)} AS p_raw, ${v(C.kab)} AS kb_raw, ${v(C.kec)} AS kc_raw, ${v(C.desa)} AS ds_raw,
      ${v(C.nik)} AS nik_raw,
      CASE WHEN atlas_kosong(${v(C.nik)}) THEN concat_ws(chr(31), ${f}, ${[C.prov, C.kab, C.kec, C.desa, C.tglLahir, C.tanggal, C.zsTbu, C.tbu, C.usia].map(v).join(', ')}) END AS tanpa_nik,
      atlas_tanggal(${v(C.tanggal)}) AS d_any,
      atlas_decimal(${v(C.zsTbu)}) AS haz,
      atlas_usia_bulan(${v(C.usia)}) AS usia_raw,
      ${v(C.zsTbu)} AS zs_raw, ${v(C.tbu)} AS tbu_raw, ${v(C.tglLahir)} AS lahir_raw
    FROM ${opts.source ?? csvSource(files.map((x) => x.input.head), `bn${files[0].index}`, opts.collectRejects ?? false, !opts.sequential).sql})))))`;
}

/** One file on its own (slow paths: line numbers). */
export const single = (f: ByNameFile): Layout => ({ files: [f], map: f.map });

export const ERROR_KINDS = [
  { flag: 'e_tanggal', column: C.tanggal, type: 'invalid-date', hint: FORMAT_HINTS.date },
  { flag: 'e_zs', column: C.zsTbu, type: 'invalid-haz', hint: FORMAT_HINTS.decimal },
  { flag: 'e_tbu', column: C.tbu, type: 'invalid-tbu', hint: '' },
  { flag: 'e_usia', column: C.usia, type: 'invalid-age', hint: '' },
  { flag: 'e_wilayah', column: C.desa, type: 'missing-area-name', hint: '' },
] as const satisfies readonly { flag: string; column: string; type: IssueTypeId; hint: string }[];

/**
 * The fast path: one query over all files into `bn_nama_bulan`. Stage 1 keeps one record per child and
 * month (a valid one if any, the latest, ties broken by value so the result is deterministic); stage 2
 * counts per names x month. `salt` changes the hash of the area names: DuckDB's string hash has
 * structured collisions, so the caller checks `bentrok` (two name tuples with one hash) and runs again
 * with another salt.
 */
export function byNameQuery(fs: ByNameFile[], sequential: boolean, salt = 0): string {
  return `CREATE OR REPLACE TABLE ${BN_NAMA_BULAN} AS
  ${byNameAggregateSql(layouts(fs).map((l) => rowSql(l, { sequential })), salt)}`;
}

/**
 * byNameQuery's SELECT over any classified rows (rowSql selects): prov, kab, kec, desa, periode,
 * file, diukur, pendek, sangat_pendek, baris, tidak_masuk_akal, usia, duplikat, haz_kosong, galat,
 * bentrok (two name tuples with one hash: run again with another salt).
 */
export function byNameAggregateSql(rowSelects: readonly string[], salt = 0): string {
  const nmh = salt === 0 ? 'hash(nm)' : `hash(${['p', 'kb', 'kc', 'ds'].map((x) => `'${salt}' || nm.${x}`).join(', ')})`;
  return `WITH r AS (${rowSelects.join('\nUNION ALL\n')}),
  -- One scan, two groupings: per child and month (the winner carries only a hash of its area names,
  -- so 20 million groups hold no text), and per distinct area names (the dictionary back to text).
  -- Aggregate states are BIGINT (HUGEINT ones cost a third more time per row).
  g AS (
    SELECT GROUPING(k) AS per_nama, k, kx, m, nmh, nm,
      -- the winner (a valid record first, then the latest, then by value) as one sortable integer:
      -- valid | days since 1900 | HAZ | class | file | 16 bits of the names hash (bits 62, 45-61, 30-44, 28-29, 16-27, 0-15)
      arg_max(nmh, o) AS h, max(o) AS o,
      ${REASONS.map((x) => `count(*) FILTER (alasan = '${x}') AS "n_${x}"`).join(',\n      ')}
    FROM (SELECT *, ((alasan = 'sah')::BIGINT << 62) | (coalesce(d - DATE '1900-01-01', 0)::BIGINT << 45)
        | (coalesce(round((greatest(least(haz, 99), -99) + 100) * 100), 0)::BIGINT << 30)
        | (CASE kelas WHEN 'pendek' THEN 1 WHEN 'sangat_pendek' THEN 2 ELSE 0 END::BIGINT << 28)
        | ((f % 4096)::BIGINT << 16) | (nmh & 65535)::BIGINT AS o
      FROM (SELECT *, ${nmh} AS nmh FROM r))
    GROUP BY GROUPING SETS ((k, kx, m), (nmh, nm))),
  nama AS (SELECT nmh, any_value(nm) AS nm, count(*) > 1 AS bentrok FROM g WHERE per_nama = 1 GROUP BY nmh),
  w AS (SELECT h, m, o >> 62 = 1 AS sah, (o >> 28) & 3 AS kelas, (o >> 16) & 4095 AS f, ${REASONS.map((x) => `"n_${x}"`).join(', ')} FROM g WHERE per_nama = 0),
  s AS (
    SELECT h, m AS periode, min(f) AS file,
      count(*) FILTER (sah) AS diukur,
      count(*) FILTER (sah AND kelas = 1) AS pendek,
      count(*) FILTER (sah AND kelas = 2) AS sangat_pendek,
      ${REASONS.map((x) => `sum("n_${x}") AS "n_${x}"`).join(', ')}
    FROM w GROUP BY ALL)
  SELECT nama.nm.p AS prov, nama.nm.kb AS kab, nama.nm.kc AS kec, nama.nm.ds AS desa, strftime(s.periode, '%Y-%m') AS periode,
    file, diukur, pendek, sangat_pendek, ${REASONS.map((x) => `"n_${x}"`).join(' + ')} AS baris,
    n_tidak_masuk_akal AS tidak_masuk_akal, n_usia AS usia, n_sah - diukur AS duplikat, n_haz_kosong AS haz_kosong, n_galat AS galat, nama.bentrok
  FROM s JOIN nama ON nama.nmh = s.h`;
}

/** The row classes of rowSql's `alasan`. */
export const REASONS = ['sah', 'usia', 'haz_kosong', 'tidak_masuk_akal', 'galat'] as const;

/** The columns a row-error query selects from rowSql (with `extra: rowErrorExtra(map)`). */
export const ROW_ERROR_COLUMNS = `e_kolom, e_kolom_lebih, ${ERROR_KINDS.map((e) => e.flag).join(', ')}, tanggal_teks, zs_teks`;

/** rowSql's `extra` for a row-error query: the two values a message may quote. */
export const rowErrorExtra = (map: HeaderMap) => `${col(map, C.tanggal)} AS tanggal_teks, ${col(map, C.zsTbu)} AS zs_teks,`;

/**
 * Reports the errors of one row classified 'galat' (ROW_ERROR_COLUMNS) at its line. The build quotes
 * the unreadable date or z-score; the browser's file check passes `quote: false` and shows no value
 * of the file at all.
 */
export function reportRowErrors(log: IssueLog, file: string, line: number, head: Head, map: HeaderMap, b: Record<string, unknown>, quote = true): void {
  if (b.e_kolom) {
    // a shifted row: its values are in the wrong columns, so nothing else about it is meaningful
    reportFieldCount(log, file, line, head, Boolean(b.e_kolom_lebih));
    return;
  }
  for (const e of ERROR_KINDS) {
    if (!b[e.flag]) continue;
    // only non-personal values are quoted; dates of birth, NIK and names never are
    const shown = !quote ? '' : e.flag === 'e_tanggal' && b.tanggal_teks ? ` ("${b.tanggal_teks}")` : e.flag === 'e_zs' ? ` ("${b.zs_teks}")` : '';
    log.report(e.type, file, { line, column: map.get(e.column) }, { shown, hint: e.hint, labels: TBU_LABELS.map((l) => l.label).join(', ') });
  }
}

export interface NameMatch {
  t: NameTuple;
  kode: string | null;
  excluded: boolean;
}

export interface Unmatched {
  level: string;
  name: string;
  parent: string;
  suggestions: string[];
  ambiguous?: string[];
  rows: number;
  tuples: NameTuple[];
}

/** Area names as written (with their row counts) -> codes; names matching nothing, grouped by level, parent and name. */
export function matchNames(names: readonly { prov: string; kab: string; kec: string; desa: string; baris: number }[], matcher: NameMatcher, province: string): { matches: NameMatch[]; unmatched: Map<string, Unmatched> } {
  const matches: NameMatch[] = [];
  const unmatched = new Map<string, Unmatched>();
  for (const r of names) {
    const t: NameTuple = [r.prov, r.kab, r.kec, r.desa];
    const res = matcher.match(t);
    if (res.ok) {
      matches.push({ t, kode: res.kode, excluded: res.kode === null });
      continue;
    }
    const parent = res.parent ? `${areaLabel(res.parent)} (${res.parent.kode})` : `province ${province}`;
    const key = `${res.level}|${res.parent?.kode ?? ''}|${res.name.trim().toLowerCase()}`;
    const u = unmatched.get(key) ?? { level: res.level, name: res.name.trim(), parent, suggestions: res.suggestions, ambiguous: res.ambiguous, rows: 0, tuples: [] };
    u.rows += r.baris;
    u.tuples.push(t);
    unmatched.set(key, u);
  }
  return { matches, unmatched };
}

/** Reports each unmatched name (in matchNames' order) at the first line that has it (`at(index)`). */
export function reportUnmatched(log: IssueLog, unmatched: Map<string, Unmatched>, at: (index: number) => { file: string; line: number; map: HeaderMap } | undefined): void {
  [...unmatched.keys()].forEach((k, u) => {
    const x = unmatched.get(k)!;
    const where = at(u);
    const label = LEVEL_LABEL[x.level as keyof typeof LEVEL_LABEL];
    const suggestion = x.suggestions.length ? `did you mean ${x.suggestions.map((s) => `"${s}"`).join(', ')}?` : 'no similar name is known there';
    const values = { level: label, name: x.name, parent: x.parent, rows: `${x.rows} ${x.rows === 1 ? 'row' : 'rows'}`, suggestion, areas: x.ambiguous?.join(', ') ?? '' };
    log.report(
      x.ambiguous ? 'ambiguous-name' : 'unmatched-name',
      where?.file ?? 'raw/eppgbm',
      { line: where?.line, column: where?.map.get(label === 'Prov' ? C.prov : label === 'Kab/Kota' ? C.kab : label === 'Kec' ? C.kec : C.desa) },
      values,
      k,
    );
  });
}

/** The columns of `bn_desa_bulan` (BY_NAME_VILLAGE_SQL's rows, in its order). */
export const BY_NAME_VILLAGE_COLUMNS = `(kode_wilayah VARCHAR, periode VARCHAR, diukur BIGINT, pendek BIGINT, sangat_pendek BIGINT,
    baris BIGINT, tidak_masuk_akal BIGINT, usia BIGINT, duplikat BIGINT, haz_kosong BIGINT, tidak_cocok BIGINT, file INTEGER)`;

/**
 * Counts per village code and month from byNameQuery's `bn_nama_bulan`, the matched names
 * `bn_match (prov, kab, kec, desa, kode)` and the names excluded on purpose `bn_excluded`:
 * the columns of `bn_desa_bulan` (kode_wilayah, periode, diukur, pendek, sangat_pendek, baris,
 * tidak_masuk_akal, usia, duplikat, haz_kosong, tidak_cocok, file).
 */
export const BY_NAME_VILLAGE_SQL = `SELECT x.kode, n.periode,
      sum(CASE WHEN e.prov IS NULL THEN n.diukur ELSE 0 END), sum(CASE WHEN e.prov IS NULL THEN n.pendek ELSE 0 END),
      sum(CASE WHEN e.prov IS NULL THEN n.sangat_pendek ELSE 0 END), sum(n.baris), sum(n.tidak_masuk_akal), sum(n.usia), sum(n.duplikat),
      sum(n.haz_kosong), sum(CASE WHEN e.prov IS NULL THEN 0 ELSE n.baris END), min(n.file)
    FROM ${BN_NAMA_BULAN} n
    JOIN bn_match x ON n.prov = x.prov AND n.kab = x.kab AND n.kec = x.kec AND n.desa = x.desa
    LEFT JOIN bn_excluded e ON n.prov = e.prov AND n.kab = e.kab AND n.kec = e.kec AND n.desa = e.desa
    WHERE n.periode IS NOT NULL
    GROUP BY x.kode, n.periode`;

/** "Kecamatan Muara Ancalong", "Kabupaten Kutai Timur" (regency names already carry their kind). */
function areaLabel(a: { jenis: string; nama: string }): string {
  return a.nama.toLowerCase().startsWith(a.jenis.toLowerCase()) ? a.nama : `${a.jenis} ${a.nama}`;
}
