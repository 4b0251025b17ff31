import { statSync } from 'node:fs';
import type { Duck } from '../duck.ts';
import type { IssueLog } from '../issues.ts';
import { csvSource, mapHeader, needsSequentialRead, reportRejects, type RejectRow } from '../csv/read.ts';
import { checkBody, type InputFile } from '../input-files.ts';
import { recordStartLines, rowToLine, scanRecords } from '../csv/records.ts';
import { EPPGBM_SPEC } from '../kinds.ts';
import type { NameMatcher } from '../names.ts';
import { BN_NAMA_BULAN } from '../tables.ts';
import { BY_NAME_VILLAGE_COLUMNS, BY_NAME_VILLAGE_SQL, byNameQuery, matchNames, REASONS, reportRowErrors, reportUnmatched, rowErrorExtra, ROW_ERROR_COLUMNS, rowSql, single, type ByNameFile } from '../sql/by-name.ts';

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
  await db.run(`CREATE OR REPLACE TABLE bn_desa_bulan ${BY_NAME_VILLAGE_COLUMNS}`);
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
      const [{ bentrok }] = await db.all<{ bentrok: boolean }>(`SELECT coalesce(bool_or(bentrok), false) AS bentrok FROM ${BN_NAMA_BULAN}`);
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
  const [{ total }] = await db.all<{ total: number }>(`SELECT coalesce(sum(baris), 0) AS total FROM ${BN_NAMA_BULAN}`);
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
  const [{ n: galat }] = await db.all<{ n: number }>(`SELECT coalesce(sum(galat), 0) AS n FROM ${BN_NAMA_BULAN}`);

  // Slow path 1: place every row-level error (file, line, column).
  if (galat > 0) {
    for (const f of files) {
      const bad = await db.all<Record<string, unknown> & { rn: number }>(
        `SELECT rn, ${ROW_ERROR_COLUMNS} FROM (
           SELECT row_number() OVER () AS rn, * FROM (${rowSql(single(f), { sequential, extra: rowErrorExtra(f.map) })}))
         WHERE alasan = 'galat' ORDER BY rn LIMIT 200`,
      );
      const lines = lineOf(f, bad.map((b) => b.rn));
      bad.forEach((b, i) => reportRowErrors(log, f.input.name, lines[i], f.input.head, f.map, b));
    }
  }

  // Names -> codes.
  const names = await db.all<{ prov: string; kab: string; kec: string; desa: string; baris: number; file: number }>(
    `SELECT prov, kab, kec, desa, sum(baris) AS baris, min(file) AS file FROM ${BN_NAMA_BULAN}
     WHERE prov IS NOT NULL AND kab IS NOT NULL AND kec IS NOT NULL AND desa IS NOT NULL GROUP BY ALL ORDER BY ALL`,
  );
  const { matches, unmatched } = matchNames(names, matcher, province);
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
    reportUnmatched(log, unmatched, (u) => {
      const at = first.get(u);
      return at && { file: at.file.input.name, line: at.line, map: at.file.map };
    });
  }

  await db.run(`CREATE OR REPLACE TEMP TABLE bn_match (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR, kode VARCHAR)`);
  await db.append('bn_match', matches.map((m) => [...m.t, m.kode ?? `${province === 'all' ? '' : province}`]));
  const excluded = new Set(matches.filter((m) => m.excluded).map((m) => m.t.join('\u0000')));
  await db.run(`CREATE OR REPLACE TEMP TABLE bn_excluded (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR)`);
  await db.append('bn_excluded', [...excluded].map((s) => s.split('\u0000')));
  await db.run(`INSERT INTO bn_desa_bulan ${BY_NAME_VILLAGE_SQL}`);

  const reasons = (
    await db.all<Record<string, number>>(
      `SELECT coalesce(sum(tidak_masuk_akal),0) AS tidak_masuk_akal, coalesce(sum(usia),0) AS usia, coalesce(sum(duplikat),0) AS duplikat,
              coalesce(sum(haz_kosong),0) AS haz_kosong, coalesce(sum(tidak_cocok),0) AS wilayah_dikecualikan FROM bn_desa_bulan`,
    )
  )[0];
  return { files: files.length, rows: total, reasons };
}
