import type { Duck } from '../duck.ts';
import { sqlIdent, sqlString } from '../duck.ts';
import type { IssueLog } from '../issues.ts';
import { col, csvSource, fieldCountWrong, mapHeader, reportFieldCount, reportRejects, type HeaderMap, type RejectRow } from '../csv/read.ts';
import type { Head } from '../csv/prescan.ts';
import { recordStartLines, rowToLine } from '../csv/records.ts';
import { checkBody, listInput, openInput, type InputFile } from '../input-files.ts';
import { columnsOf, type Field, type FieldType, type TableKind } from '../kinds.ts';
import { FORMAT_HINTS } from '../sql/rules.ts';

/**
 * Reads every CSV of an aggregated input kind into table `in_<kind>` with typed columns plus
 * `_file` and `_line`, reporting each bad value at FILE:LINE:COLUMN. Checks: required columns and
 * values, number/date/period/code formats, negative counts, numerators above denominators,
 * duplicate keys (across all files of the kind), codes unknown to the gazetteer or at the wrong level.
 */

const PARSE: Record<FieldType, { sql: (v: string) => string; type: string; hint: string; what: string }> = {
  kode: { sql: (v) => `CASE WHEN upper(trim(${v})) = 'ID' THEN 'ID' ELSE atlas_kode(${v}) END`, type: 'VARCHAR', hint: FORMAT_HINTS.kode, what: 'an area code' },
  count: { sql: (v) => `atlas_count(${v})`, type: 'BIGINT', hint: FORMAT_HINTS.count, what: 'a whole number' },
  decimal: { sql: (v) => `atlas_decimal(${v})`, type: 'DOUBLE', hint: FORMAT_HINTS.decimal, what: 'a number' },
  bulan: { sql: (v) => `atlas_bulan(${v})`, type: 'VARCHAR', hint: FORMAT_HINTS.bulan, what: 'a month (YYYY-MM)' },
  semester: { sql: (v) => `atlas_semester(${v})`, type: 'VARCHAR', hint: FORMAT_HINTS.semester, what: 'a semester (YYYY-S1/S2)' },
  periode_program: { sql: (v) => `atlas_periode_program(${v})`, type: 'VARCHAR', hint: FORMAT_HINTS.periodeProgram, what: 'a period' },
  tahun: { sql: (v) => `atlas_tahun(${v})`, type: 'INTEGER', hint: FORMAT_HINTS.tahun, what: 'a year' },
  text: { sql: (v) => `nullif(trim(${v}), '')`, type: 'VARCHAR', hint: '', what: 'text' },
  survei: { sql: (v) => `CASE WHEN upper(trim(${v})) IN ('SSGI', 'SKI') THEN upper(trim(${v})) END`, type: 'VARCHAR', hint: 'write SSGI or SKI', what: 'SSGI or SKI' },
  program: { sql: (v) => `(SELECT kode FROM in_program_ref WHERE upper(kode) = upper(trim(${v})))`, type: 'VARCHAR', hint: 'use a code listed in reference/program.csv', what: 'a programme code from reference/program.csv' },
};

export interface TableRead {
  files: InputFile[];
  rows: number;
}

export async function readTable(db: Duck, inputDir: string, kind: TableKind, log: IssueLog): Promise<TableRead> {
  const source = listInput(inputDir, kind.dir, kind.bundled ?? false);
  const names = source.names;
  const typed = kind.fields.map((f) => `${sqlIdent(f.name)} ${PARSE[f.type].type}`).join(', ');
  await db.run(`CREATE OR REPLACE TABLE in_${kind.id} (${typed}, _file VARCHAR, _line INTEGER)`);
  if (names.length === 0) {
    if (!kind.optional) log.report('missing-file', kind.dir, {}, { what: kind.title, path: kind.dir });
    return { files: [], rows: 0 };
  }
  const files: InputFile[] = [];
  for (const [i, rel] of names.entries()) {
    const file = await openInput(source.dir, rel, source.bundled);
    const name = file.name; // as shown in messages: "data/reference/…" for a bundled file
    files.push(file);
    const body = await file.body;
    if (!checkBody(file, body, log)) continue;
    const map = mapHeader(file.head, columnsOf(kind), name, log);
    if (!map) continue;
    const id = `${kind.id}_${i}`;
    const src = csvSource(file.head, id, true, false); // small files: one thread reads them fine
    await db.run(`CREATE OR REPLACE TEMP TABLE raw_${id} AS SELECT row_number() OVER () AS rn, * FROM ${src.sql}`);
    const rejects = await db.all<RejectRow>(`SELECT line, column_idx, error_type, error_message FROM ${src.rejectsTable} ORDER BY line`);
    reportRejects(rejects, name, log);
    const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM raw_${id}`);
    let records = body.lines - 1 - body.blankLines;
    let recordLines: number[] | undefined;
    if (n + rejects.length !== records) {
      recordLines = await recordStartLines(file.path);
      records = recordLines.length;
      if (n + rejects.length !== records) {
        log.report('lost-rows', name, {}, { records, read: n + rejects.length, lost: records - n - rejects.length });
      }
    }
    file.rows = records;
    if (file.bundled) await keepProvinceRows(db, id, kind, map);
    // rn -> physical line, as a table to join on
    const rns = Array.from({ length: n }, (_, k) => k + 1);
    const lines = rowToLine(rns, { rejectedLines: rejects.map((r) => r.line), recordLines });
    const simple = lines.every((l, k) => l === k + 2);
    const lineExpr = simple ? 'rn + 1' : `list_extract([${lines.join(',')}], rn::INTEGER)`;
    await validateFile(db, id, name, kind, map, lineExpr, file.head, log);
    const select = kind.fields.map((f) => `${PARSE[f.type].sql(col(map, f.name))} AS ${sqlIdent(f.name)}`).join(', ');
    await db.run(`INSERT INTO in_${kind.id} SELECT ${select}, ${sqlString(name)}, (${lineExpr})::INTEGER FROM raw_${id}`);
  }
  await checkDuplicates(db, kind, log);
  const [{ rows }] = await db.all<{ rows: number }>(`SELECT count(*) AS rows FROM in_${kind.id}`);
  return { files, rows };
}

/**
 * A bundled file holds figures of Indonesia and of several provinces: only the rows of Indonesia
 * and of the chosen province's areas are read (the others are not errors of the user's input).
 */
async function keepProvinceRows(db: Duck, id: string, kind: TableKind, map: HeaderMap): Promise<void> {
  const f = kind.fields.find((x) => x.type === 'kode');
  if (!f || !map.has(f.name)) return;
  const v = col(map, f.name);
  await db.run(`DELETE FROM raw_${id} WHERE NOT atlas_blank(${v}) AND upper(trim(${v})) <> 'ID' AND atlas_kode(${v}) IS NOT NULL
    AND atlas_kode(${v}) NOT IN (SELECT kode_wilayah FROM gazetir)`);
}

async function validateFile(db: Duck, id: string, name: string, kind: TableKind, map: HeaderMap, lineExpr: string, head: Head, log: IssueLog): Promise<void> {
  for (const r of await db.all<{ line: number; more: boolean }>(`SELECT ${lineExpr} AS line, cx IS NOT NULL AS more FROM raw_${id} WHERE ${fieldCountWrong(head)} ORDER BY rn`)) {
    reportFieldCount(log, name, r.line, head, r.more);
  }
  const fieldCol = (f: Field) => col(map, f.name);
  for (const f of kind.fields) {
    if (!map.has(f.name)) continue;
    const v = fieldCol(f);
    const column = map.get(f.name);
    const p = PARSE[f.type];
    if (f.required) {
      for (const r of await db.all<{ line: number }>(`SELECT ${lineExpr} AS line FROM raw_${id} WHERE atlas_blank(${v}) ORDER BY rn`)) {
        log.report('blank-value', name, { line: r.line, column }, { field: f.name, expected: p.what }, f.name);
      }
    }
    if (f.type !== 'text') {
      const bad = await db.all<{ line: number; v: string }>(`SELECT ${lineExpr} AS line, ${v} AS v FROM raw_${id} WHERE NOT atlas_blank(${v}) AND ${p.sql(v)} IS NULL ORDER BY rn`);
      const known = f.type === 'program' && bad.length ? await knownProgrammes(db) : null;
      for (const r of bad) {
        const values = { field: f.name, value: r.v, expected: p.what, hint: p.hint };
        if (known) log.report(known.codes ? 'unknown-programme' : 'no-programmes', name, { line: r.line, column }, { ...values, ...known }, f.name);
        else if (f.type === 'count' && /^\s*-?\d*[.,]\d+\s*$/.test(r.v)) log.report('not-whole-number', name, { line: r.line, column }, values, f.name);
        else log.report('invalid-value', name, { line: r.line, column }, values, f.name);
      }
    }
    if (f.type === 'count') {
      for (const r of await db.all<{ line: number; v: string }>(`SELECT ${lineExpr} AS line, ${v} AS v FROM raw_${id} WHERE ${p.sql(v)} < 0 ORDER BY rn`)) {
        log.report('negative-count', name, { line: r.line, column }, { field: f.name, value: r.v }, f.name);
      }
    }
    if (f.type === 'kode') await validateCodes(db, id, name, kind, v, column, lineExpr, log);
  }
  for (const ratio of kind.ratios) {
    if (![...ratio.numerator, ratio.denominator].every((n) => map.has(n))) continue;
    const parts = ratio.numerator.map((n) => `atlas_count(${col(map, n)})`);
    const num = parts.join(' + ');
    const den = `atlas_count(${col(map, ratio.denominator)})`;
    // only rows whose numbers are all valid: a bad number is reported once, by the format check
    const valid = [...parts, den].map((x) => `${x} >= 0`).join(' AND ');
    for (const r of await db.all<{ line: number; num: number; den: number }>(`SELECT ${lineExpr} AS line, ${num} AS num, ${den} AS den FROM raw_${id} WHERE ${valid} AND ${num} > ${den} ORDER BY rn`)) {
      const what = ratio.numerator.length > 1 ? ratio.numerator.join(' + ') : ratio.numerator[0];
      log.report('part-exceeds-whole', name, { line: r.line, column: map.get(ratio.numerator[0]) }, { part: what, partValue: r.num, whole: ratio.denominator, wholeValue: r.den }, what);
    }
  }
}

/** For an unknown programme code: the codes the programme list defines ('' if none), and which list it is. */
async function knownProgrammes(db: Duck): Promise<{ codes: string; lists: string }> {
  const [r] = await db.all<{ codes: string | null; files: string | null }>(
    `SELECT string_agg(DISTINCT kode, ', ' ORDER BY kode) AS codes, string_agg(DISTINCT _file, ', ') AS files FROM in_program_ref WHERE kode IS NOT NULL`,
  );
  return { codes: r?.codes ?? '', lists: r?.files ?? 'reference/program.csv' };
}

async function validateCodes(db: Duck, id: string, name: string, kind: TableKind, v: string, column: number | undefined, lineExpr: string, log: IssueLog): Promise<void> {
  const rows = await db.all<{ line: number; raw: string; kode: string; tingkat: string | null }>(
    `SELECT ${lineExpr} AS line, ${v} AS raw, atlas_kode(${v}) AS kode, g.tingkat FROM raw_${id}
     LEFT JOIN gazetir g ON g.kode_wilayah = atlas_kode(${v})
     WHERE atlas_kode(${v}) IS NOT NULL AND (g.kode_wilayah IS NULL ${kind.levels ? `OR g.tingkat NOT IN (${kind.levels.map(sqlString).join(', ')})` : ''}) ORDER BY rn`,
  );
  for (const r of rows) {
    if (r.tingkat === null) {
      log.report('unknown-code', name, { line: r.line, column }, { value: r.raw });
    } else {
      log.report('wrong-level', name, { line: r.line, column }, { value: r.raw, level: r.tingkat, input: kind.title, levels: kind.levels!.join(' or ') });
    }
  }
  if (!kind.allowNational) {
    for (const r of await db.all<{ line: number }>(`SELECT ${lineExpr} AS line FROM raw_${id} WHERE upper(trim(${v})) = 'ID' ORDER BY rn`)) {
      log.report('national-code', name, { line: r.line, column }, { input: kind.title });
    }
  }
}

async function checkDuplicates(db: Duck, kind: TableKind, log: IssueLog): Promise<void> {
  const key = kind.key.map(sqlIdent).join(', ');
  const dups = await db.all<{ _file: string; _line: number; first_file: string; first_line: number; k: string }>(
    `SELECT _file, _line, first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line,
            concat_ws(' / ', ${kind.key.map((k) => `${sqlIdent(k)}::VARCHAR`).join(', ')}) AS k,
            row_number() OVER w AS n
     FROM in_${kind.id} WHERE ${kind.key.map((k) => `${sqlIdent(k)} IS NOT NULL`).join(' AND ')}
     WINDOW w AS (PARTITION BY ${key} ORDER BY _file, _line)
     QUALIFY n > 1
     ORDER BY _file, _line`,
  );
  for (const d of dups) {
    log.report('duplicate-key', d._file, { line: d._line }, { key: kind.key.join(' + '), value: d.k, first: `${d.first_file}:${d.first_line}` });
  }
}
