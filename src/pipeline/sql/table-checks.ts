/**
 * The checks of the aggregated inputs (village counts, families, programmes, references) as SQL, in
 * one place for the build step (src/pipeline/readers/table.ts, native DuckDB) and the browser's file
 * check (/jelajah/periksa/, DuckDB-WASM over the rows papaparse streams): how text becomes values,
 * and each bad value reported at FILE:LINE:COLUMN. Pure: no file system, no engine; `db` is any
 * connection that answers SQL with rows. Tables: raw_<id> (rn, c1..cN, cx), `gazetir`
 * (kode_wilayah, tingkat), in_<kind> (typed, _file, _line).
 */
import { sqlIdent, sqlString } from '../../lib/db/connector.ts';
import { col, fieldCountWrong, reportFieldCount, type HeaderMap } from '../csv/read.ts';
import type { Head } from '../csv/prescan.ts';
import type { IssueLog } from '../issues.ts';
import type { Field, FieldType, TableKind } from '../kinds.ts';
import { FORMAT_HINTS } from './rules.ts';

/** What the checks need of a connection: SQL in, plain rows out (the build's Duck, the browser's engine). */
export interface SqlRunner {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** How each field type's text becomes a value (NULL for text it does not accept). */
export const PARSE: Record<FieldType, { sql: (v: string) => string; type: string; hint: string; what: string }> = {
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

export async function validateFile(db: SqlRunner, id: string, name: string, kind: TableKind, map: HeaderMap, lineExpr: string, head: Head, log: IssueLog): Promise<void> {
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
    if (f.translates) {
      // without the column of the original, "missing column" is reported when it is required, and an optional one is empty on every row
      const original = map.has(f.translates) ? `atlas_blank(${col(map, f.translates)})` : 'true';
      for (const r of await db.all<{ line: number }>(`SELECT ${lineExpr} AS line FROM raw_${id} WHERE NOT atlas_blank(${v}) AND ${original} ORDER BY rn`)) {
        log.report('translation-without-original', name, { line: r.line, column }, { field: f.name, original: f.translates }, f.name);
      }
    }
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
async function knownProgrammes(db: SqlRunner): Promise<{ codes: string; lists: string }> {
  const [r] = await db.all<{ codes: string | null; files: string | null }>(
    `SELECT string_agg(DISTINCT kode, ', ' ORDER BY kode) AS codes, string_agg(DISTINCT _file, ', ') AS files FROM in_program_ref WHERE kode IS NOT NULL`,
  );
  return { codes: r?.codes ?? '', lists: r?.files ?? 'reference/program.csv' };
}

async function validateCodes(db: SqlRunner, id: string, name: string, kind: TableKind, v: string, column: number | undefined, lineExpr: string, log: IssueLog): Promise<void> {
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

export async function checkDuplicates(db: SqlRunner, kind: TableKind, log: IssueLog): Promise<void> {
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
