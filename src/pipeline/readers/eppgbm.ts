import { statSync } from 'node:fs';
import type { Duck } from '../duck.ts';
import type { IssueLog } from '../issues.ts';
import { TBU_LABELS } from '../../lib/domain/stunting.ts';
import { col, csvSource, fieldCountWrong, mapHeader, needsSequentialRead, reportFieldCount, reportRejects, type HeaderMap, type RejectRow } from '../csv/read.ts';
import { checkBody, type InputFile } from '../input-files.ts';
import { recordStartLines, rowToLine, scanRecords } from '../csv/records.ts';
import { EPPGBM_COLUMNS as C, EPPGBM_SPEC } from '../kinds.ts';
import { LEVEL_LABEL, type NameMatcher, type NameTuple } from '../names.ts';
import { byNameQuery, ERROR_KINDS, REASONS, rowSql, single, type ByNameFile } from '../sql/by-name.ts';

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
