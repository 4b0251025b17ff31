import { statSync } from 'node:fs';
import { sqlString, type Duck } from '../duck.ts';
import type { IssueLog, IssueTypeId } from '../issues.ts';
import { TBU_LABELS } from '../../lib/domain/stunting.ts';
import { col, csvSource, fieldCountWrong, mapHeader, needsSequentialRead, reportFieldCount, reportRejects, type HeaderMap, type RejectRow } from '../csv/read.ts';
import { checkBody, type InputFile } from '../input-files.ts';
import { recordStartLines, rowToLine, scanRecords } from '../csv/records.ts';
import { EPPGBM_COLUMNS as C, EPPGBM_SPEC } from '../kinds.ts';
import { LEVEL_LABEL, type NameMatcher, type NameTuple } from '../names.ts';
import { FORMAT_HINTS } from '../sql/rules.ts';

/**
 * e-PPGBM by-name measurement exports -> counts per village and month, in one pass of DuckDB over
 * every file: each row is classified (excluded by reason, or pendek / sangat pendek / normal), a child
 * (NIK) counts once per month with its latest valid measurement, then rows are grouped by the area
 * names as written. Names are matched to codes afterwards (few distinct tuples). Line numbers are
 * only computed when something must be reported (slow path).
 *
 * Result: table `bn_desa_bulan(kode_wilayah, periode, diukur, pendek, sangat_pendek, baris,
 * tidak_masuk_akal, usia, duplikat, haz_kosong, tidak_cocok, file)`.
 */

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

/** Per-row classification over a scan of one layout: the SQL that both the fast and the slow path use. */
export function rowSql(layout: Layout, opts: { extra?: string; collectRejects?: boolean; sequential?: boolean } = {}): string {
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
    FROM ${csvSource(files.map((x) => x.input.head), `bn${files[0].index}`, opts.collectRejects ?? false, !opts.sequential).sql})))))`;
}

/** One file on its own (slow paths: line numbers). */
const single = (f: ByNameFile): Layout => ({ files: [f], map: f.map });

const ERROR_KINDS = [
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
  const nmh = salt === 0 ? 'hash(nm)' : `hash(${['p', 'kb', 'kc', 'ds'].map((x) => `'${salt}' || nm.${x}`).join(', ')})`;
  return `CREATE OR REPLACE TABLE bn_nama_bulan AS
  WITH r AS (${layouts(fs).map((l) => rowSql(l, { sequential })).join('\nUNION ALL\n')}),
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
const REASONS = ['sah', 'usia', 'haz_kosong', 'tidak_masuk_akal', 'galat'] as const;

export interface ByNameSummary {
  files: number;
  rows: number;
  reasons: Record<string, number>;
}

export async function readByName(db: Duck, inputs: InputFile[], matcher: NameMatcher, province: string, log: IssueLog): Promise<ByNameSummary> {
  let files: ByNameFile[] = [];
  inputs.forEach((input, index) => {
    if (statSync(input.path).size === 0) {
      files.push({ input, map: new Map(), index }); // an empty file: checkBody below says so, once
      return;
    }
    const map = mapHeader(input.head, EPPGBM_SPEC, input.name, log);
    if (map) files.push({ input, map, index });
  });
  await db.run(`CREATE OR REPLACE TABLE bn_desa_bulan (kode_wilayah VARCHAR, periode VARCHAR, diukur BIGINT, pendek BIGINT, sangat_pendek BIGINT,
    baris BIGINT, tidak_masuk_akal BIGINT, usia BIGINT, duplikat BIGINT, haz_kosong BIGINT, tidak_cocok BIGINT, file INTEGER)`);
  if (files.length === 0) return { files: 0, rows: 0, reasons: {} };

  // Fast path: one query over all files (byNameQuery).
  let sequential = false;
  const runOnce = async (salt: number) => {
    try {
      await db.run(byNameQuery(files, sequential, salt));
    } catch (e) {
      if (!needsSequentialRead(e)) throw e;
      sequential = true;
      await db.run(byNameQuery(files, sequential, salt));
    }
  };
  const runFast = async () => {
    for (let salt = 0; ; salt++) {
      await runOnce(salt);
      const [{ bentrok }] = await db.all<{ bentrok: boolean }>(`SELECT coalesce(bool_or(bentrok), false) AS bentrok FROM bn_nama_bulan`);
      if (!bentrok) return;
      if (salt === 3) throw new Error('raw/eppgbm: two different area-name tuples kept the same hash with every salt tried (please report this)');
    }
  };
  // Files that cannot be read (encoding, empty) are reported and left out; the others are still checked,
  // so one broken file does not hide the errors of the rest. Our own scan of every file (checksum, lines,
  // encoding) runs beside DuckDB's: if it rejects a file, the query runs again without it.
  const listed = files;
  const scanned = (files = listed.filter((f) => statSync(f.input.path).size > 0));
  const first = scanned.length ? runFast().then(() => null, (e: unknown) => ({ e })) : Promise.resolve(null);
  const allBodies = await Promise.all(listed.map((f) => f.input.body));
  const firstResult = await first;
  files = listed.filter((f, i) => checkBody(f.input, allBodies[i], log)); // never more than scanned: an empty file fails
  try {
    if (files.length < scanned.length) {
      if (files.length) await runFast();
    } else if (firstResult) throw firstResult.e;
  } catch (e) {
    // A row DuckDB cannot parse (an unclosed quote) stops the fast scan: find the files that have one,
    // report every such row, and read the others.
    if (!/CSV Error|Conversion Error|Invalid Input/i.test(String(e))) throw e;
    const broken = new Set<ByNameFile>();
    for (const f of files) {
      const src = csvSource(f.input.head, `bnr${f.index}`, true, false);
      await db.run(`CREATE OR REPLACE TEMP TABLE bn_check AS SELECT count(*) AS n FROM ${src.sql}`);
      const rejects = await db.all<RejectRow>(`SELECT line, column_idx, error_type, error_message FROM ${src.rejectsTable} ORDER BY line`);
      reportRejects(rejects, f.input.name, log);
      if (rejects.length) broken.add(f);
      const { unclosedQuoteLine } = await scanRecords(f.input.path);
      if (unclosedQuoteLine !== null) {
        if (!rejects.length) log.report('unclosed-quote', f.input.name, { line: unclosedQuoteLine });
        broken.add(f);
      }
    }
    // DuckDB's message quotes the raw line (personal data): it is never passed on
    if (broken.size === 0) throw new Error(`raw/eppgbm: DuckDB could not read the by-name exports (${String(e).split('\n')[0].replace(/Original Line:.*/, '')})`);
    files = files.filter((f) => !broken.has(f));
    if (files.length) await runFast();
  }
  if (files.length === 0) return { files: 0, rows: 0, reasons: {} };
  const bodies = await Promise.all(files.map((f) => f.input.body));

  // Row counts against our own line counts: no row may vanish.
  const [{ total }] = await db.all<{ total: number }>(`SELECT coalesce(sum(baris), 0) AS total FROM bn_nama_bulan`);
  const lines = files.map((f, i) => bodies[i].lines - 1 - bodies[i].blankLines);
  const recordLines = new Map<number, number[]>();
  if (total !== lines.reduce((a, b) => a + b, 0)) {
    // records may span lines (a quoted value with a line break): count records properly, file by file
    for (const [i, f] of files.entries()) {
      const rec = await recordStartLines(f.input.path);
      recordLines.set(f.index, rec);
      lines[i] = rec.length;
      const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${csvSource(f.input.head, `bnc${f.index}`, false, !sequential).sql}`);
      if (n !== rec.length) {
        log.report('lost-rows', f.input.name, {}, { records: rec.length, read: n, lost: rec.length - n });
      }
    }
  }
  files.forEach((f, i) => (f.input.rows = lines[i]));
  const lineOf = (f: ByNameFile, rowNumbers: number[]) => rowToLine(rowNumbers, { rejectedLines: [], recordLines: recordLines.get(f.index) });
  const [{ n: galat }] = await db.all<{ n: number }>(`SELECT coalesce(sum(galat), 0) AS n FROM bn_nama_bulan`);

  // Slow path 1: place every row-level error (file, line, column).
  if (galat > 0) {
    for (const f of files) {
      const bad = await db.all<Record<string, unknown> & { rn: number }>(
        `SELECT rn, e_kolom, e_kolom_lebih, ${ERROR_KINDS.map((e) => e.flag).join(', ')}, tanggal_teks, zs_teks FROM (
           SELECT row_number() OVER () AS rn, * FROM (${rowSql(single(f), { sequential, extra: `${col(f.map, C.tanggal)} AS tanggal_teks, ${col(f.map, C.zsTbu)} AS zs_teks,` })}))
         WHERE alasan = 'galat' ORDER BY rn LIMIT 200`,
      );
      const lines = lineOf(f, bad.map((b) => b.rn));
      bad.forEach((b, i) => {
        if (b.e_kolom) {
          // a shifted row: its values are in the wrong columns, so nothing else about it is meaningful
          reportFieldCount(log, f.input.name, lines[i], f.input.head, Boolean(b.e_kolom_lebih));
          return;
        }
        for (const e of ERROR_KINDS) {
          if (!b[e.flag]) continue;
          // only non-personal values are quoted; dates of birth, NIK and names never are
          const shown = e.flag === 'e_tanggal' && b.tanggal_teks ? ` ("${b.tanggal_teks}")` : e.flag === 'e_zs' ? ` ("${b.zs_teks}")` : '';
          log.report(e.type, f.input.name, { line: lines[i], column: f.map.get(e.column) }, { shown, hint: e.hint, labels: TBU_LABELS.map((l) => l.label).join(', ') });
        }
      });
    }
  }

  // Names -> codes.
  const names = await db.all<{ prov: string; kab: string; kec: string; desa: string; baris: number; file: number }>(
    `SELECT prov, kab, kec, desa, sum(baris) AS baris, min(file) AS file FROM bn_nama_bulan
     WHERE prov IS NOT NULL AND kab IS NOT NULL AND kec IS NOT NULL AND desa IS NOT NULL GROUP BY ALL ORDER BY ALL`,
  );
  const matches: { t: NameTuple; kode: string | null; excluded: boolean }[] = [];
  const unmatched = new Map<string, { level: string; name: string; parent: string; suggestions: string[]; ambiguous?: string[]; rows: number; tuples: NameTuple[] }>();
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
  if (unmatched.size > 0) {
    // Slow path 2: first line of each unmatched name.
    await db.run(`CREATE OR REPLACE TEMP TABLE bn_unmatched (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR, u INTEGER)`);
    const keys = [...unmatched.keys()];
    await db.append('bn_unmatched', keys.flatMap((k, u) => unmatched.get(k)!.tuples.map((t) => [...t, u])));
    const first = new Map<number, { file: ByNameFile; line: number }>();
    for (const f of files) {
      const hits = await db.all<{ u: number; rn: number }>(
        `SELECT x.u, min(rn) AS rn FROM (SELECT row_number() OVER () AS rn, nm FROM (${rowSql(single(f), { sequential })})) r
         JOIN bn_unmatched x ON r.nm.p = x.prov AND r.nm.kb = x.kab AND r.nm.kc = x.kec AND r.nm.ds = x.desa GROUP BY x.u`,
      );
      const lines = lineOf(f, hits.map((h) => h.rn));
      hits.forEach((h, i) => {
        if (!first.has(h.u)) first.set(h.u, { file: f, line: lines[i] });
      });
    }
    keys.forEach((k, u) => {
      const x = unmatched.get(k)!;
      const at = first.get(u);
      const label = LEVEL_LABEL[x.level as keyof typeof LEVEL_LABEL];
      const suggestion = x.suggestions.length ? `did you mean ${x.suggestions.map((s) => `"${s}"`).join(', ')}?` : 'no similar name is known there';
      const values = { level: label, name: x.name, parent: x.parent, rows: `${x.rows} ${x.rows === 1 ? 'row' : 'rows'}`, suggestion, areas: x.ambiguous?.join(', ') ?? '' };
      log.report(
        x.ambiguous ? 'ambiguous-name' : 'unmatched-name',
        at?.file.input.name ?? 'raw/eppgbm',
        { line: at?.line, column: at?.file.map.get(label === 'Prov' ? C.prov : label === 'Kab/Kota' ? C.kab : label === 'Kec' ? C.kec : C.desa) },
        values,
        k,
      );
    });
  }

  await db.run(`CREATE OR REPLACE TEMP TABLE bn_match (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR, kode VARCHAR)`);
  await db.append('bn_match', matches.map((m) => [...m.t, m.kode ?? `${province === 'all' ? '' : province}`]));
  const excluded = new Set(matches.filter((m) => m.excluded).map((m) => m.t.join('\u0000')));
  await db.run(`CREATE OR REPLACE TEMP TABLE bn_excluded (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR)`);
  await db.append('bn_excluded', [...excluded].map((s) => s.split('\u0000')));
  await db.run(`INSERT INTO bn_desa_bulan
    SELECT x.kode, n.periode,
      sum(CASE WHEN e.prov IS NULL THEN n.diukur ELSE 0 END), sum(CASE WHEN e.prov IS NULL THEN n.pendek ELSE 0 END),
      sum(CASE WHEN e.prov IS NULL THEN n.sangat_pendek ELSE 0 END), sum(n.baris), sum(n.tidak_masuk_akal), sum(n.usia), sum(n.duplikat),
      sum(n.haz_kosong), sum(CASE WHEN e.prov IS NULL THEN 0 ELSE n.baris END), min(n.file)
    FROM bn_nama_bulan n
    JOIN bn_match x ON n.prov = x.prov AND n.kab = x.kab AND n.kec = x.kec AND n.desa = x.desa
    LEFT JOIN bn_excluded e ON n.prov = e.prov AND n.kab = e.kab AND n.kec = e.kec AND n.desa = e.desa
    WHERE n.periode IS NOT NULL
    GROUP BY x.kode, n.periode`);

  const reasons = (
    await db.all<Record<string, number>>(
      `SELECT coalesce(sum(tidak_masuk_akal),0) AS tidak_masuk_akal, coalesce(sum(usia),0) AS usia, coalesce(sum(duplikat),0) AS duplikat,
              coalesce(sum(haz_kosong),0) AS haz_kosong, coalesce(sum(tidak_cocok),0) AS wilayah_dikecualikan FROM bn_desa_bulan`,
    )
  )[0];
  return { files: files.length, rows: total, reasons };
}

/** "Kecamatan Muara Ancalong", "Kabupaten Kutai Timur" (regency names already carry their kind). */
function areaLabel(a: { jenis: string; nama: string }): string {
  return a.nama.toLowerCase().startsWith(a.jenis.toLowerCase()) ? a.nama : `${a.jenis} ${a.nama}`;
}
