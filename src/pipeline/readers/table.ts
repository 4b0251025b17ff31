import type { Duck } from '../duck.ts';
import { sqlIdent, sqlString } from '../duck.ts';
import type { IssueLog } from '../issues.ts';
import { col, csvSource, mapHeader, reportRejects, type HeaderMap, type RejectRow } from '../csv/read.ts';
import { recordStartLines, rowToLine } from '../csv/records.ts';
import { checkBody, listInput, openInput, type InputFile } from '../input-files.ts';
import { columnsOf, type TableKind } from '../kinds.ts';
import { checkDuplicates, PARSE, validateFile } from '../sql/table-checks.ts';

/**
 * Reads every CSV of an aggregated input kind into table `in_<kind>` with typed columns plus
 * `_file` and `_line`, reporting each bad value at FILE:LINE:COLUMN. Checks: required columns and
 * values, number/date/period/code formats, negative counts, numerators above denominators,
 * duplicate keys (across all files of the kind), codes unknown to the gazetteer or at the wrong level.
 */

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

