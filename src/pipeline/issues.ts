/**
 * Problems found in the input, each with its place (FILE:LINE[:COLUMN]), a stable type, what is
 * wrong and how to fix it. Every kind of problem is in ISSUE_TYPES below, once: its identifier
 * (stable: scripts may rely on it), whether it stops the build, and the templates of its message and
 * its fix, filled from named values (`{column}`). docs/errors.md is generated from this catalogue.
 * Validation collects every issue instead of stopping at the first; the build writes nothing if any is an error.
 * Messages never quote personal data (NIK, names, addresses, dates of birth): they cite the place.
 */

export type Severity = 'error' | 'warning';

export interface IssueType {
  severity: Severity;
  /** What kind of problem this is, in a few words (for the documentation). */
  title: string;
  /** Message template: `{name}` is replaced by the value of that name. */
  message: string;
  /** How to fix it, same templating. */
  fix: string;
}

const error = (title: string, message: string, fix: string): IssueType => ({ severity: 'error', title, message, fix });
const warning = (title: string, message: string, fix: string): IssueType => ({ severity: 'warning', title, message, fix });

/** The catalogue: every problem the build step reports about its input. */
export const ISSUE_TYPES = {
  // files
  'missing-file': error('A required input file is missing', 'required file is missing ({what})', 'create {path}; see docs/inputs.md'),
  'empty-file': error('The file is empty (0 bytes)', 'the file is empty', 'export it again, or remove it from the folder'),
  'encoding-error': error('The file is not UTF-8 text', 'the file is not UTF-8: {hint}', 'save it as "CSV UTF-8" and run again'),
  'no-rows': warning('The file has a header and no rows (nothing from it is used)', 'the file has a header but no rows', 'nothing from it is used; remove it if that is not intended'),
  // header
  'missing-column': error('A required column is not in the header', 'missing required column "{column}" (header has: {header})', 'add a column named "{column}" to the header row'),
  'duplicate-column': error('A column name appears twice in the header', 'column "{column}" appears {count} times in the header', 'keep one column with that name'),
  // rows as CSV
  'unreadable-row': error('A row the CSV reader cannot read', 'unreadable row ({reason})', '{hint}'),
  'field-count': error('A row has more or fewer fields than the header', 'unreadable row ({problem} columns)', '{hint} (the header has {header})'),
  'unclosed-quote': error('A quote is opened and never closed', 'a quote opened on this line is never closed: the rest of the file would be read as one value', 'close the quote, or double any quote inside a value ("")'),
  'lost-rows': error('Fewer rows were read than the file holds', '{records} records but only {read} could be read ({lost} lost)', 'check quotes after the first unreadable row reported; values must not contain unmatched double quotes'),
  // values of the aggregated and reference inputs
  'blank-value': error('A required value is empty', '"{field}" is empty', 'fill it ({expected})'),
  'invalid-value': error('A value is not of its type (number, month, period, code, ...)', '"{field}" value "{value}" is not {expected}', '{hint}'),
  'not-whole-number': error('A count has decimals', '"{field}" value "{value}" is not a whole number', '{hint}'),
  'negative-count': error('A count is below zero', '"{field}" is negative ({value})', 'counts cannot be below zero: correct the value'),
  'part-exceeds-whole': error('A part is larger than its whole (e.g. stunted > measured)', '{part} ({partValue}) is larger than {whole} ({wholeValue})', 'a part cannot exceed its whole: check both numbers'),
  'translation-without-original': error('An English text whose Indonesian original is empty', '"{field}" is filled but "{original}" is empty', 'write the Indonesian text in "{original}" (pages in Indonesian show it), or leave "{field}" empty'),
  'duplicate-key': error('Two rows have the same key (they would be added twice)', 'duplicate row for {key} = {value} (first at {first})', 'keep one row per key: remove or merge the duplicate (counts would be added twice)'),
  'unknown-programme': error('A programme code no programme list defines', '"{field}" value "{value}" is not a known programme', 'use a code the programme list defines: {codes} ({lists}), or add the programme to reference/program.csv'),
  'no-programmes': error('A programme code, and the programme list defines none', '"{field}" value "{value}" is not a known programme', 'the programme list ({lists}) defines no codes: add the programme there'),
  // area codes
  'unknown-code': error('An area code that is not in idn-area-data for this province', 'unknown area code "{value}" (not in idn-area-data for this province)', 'check the code against the Kemendagri list (idn-area-data), or run with the right --province'),
  'wrong-level': error('An area code at a level this input does not take', 'area code "{value}" is a {level} but {input} needs {levels}', 'give the row at that level'),
  'national-code': error('"ID" (Indonesia) where only areas of the province are accepted', 'national code "ID" is not accepted in {input}', 'use a province, regency, district or village code'),
  'unknown-crosswalk-code': error('A crosswalk line points to an unknown area code', 'crosswalk code "{value}" is not a known area code', 'use a Kemendagri code from idn-area-data, or "-" to exclude rows with these names'),
  // e-PPGBM by-name rows
  'invalid-date': error('A measurement date is missing or not a date', 'measurement date is missing or not a date{shown}', '{hint}'),
  'invalid-haz': error('The height-for-age z-score is not a number', 'height-for-age z-score (ZS TB/U) is not a number{shown}', '{hint}'),
  'invalid-tbu': error('No z-score and no known TB/U label', 'TB/U label is not one of {labels} (and ZS TB/U is empty)', 'fill ZS TB/U or use one of the four labels'),
  'invalid-age': error('The age at measurement cannot be read', 'age at measurement cannot be read from "Usia Saat Ukur" nor from "Tgl Lahir"', 'write the age like "2 Tahun - 3 Bulan - 5 Hari" or give a valid date of birth'),
  'missing-area-name': error('An area name of a by-name row is empty', 'an area name (Prov, Kab/Kota, Kec or Desa/Kel) is empty', 'fill the four area columns'),
  'unmatched-name': error('An area name that matches no area of the province', '{level} "{name}" not found in {parent} ({rows}); {suggestion}', 'correct the spelling, or add a line to reference/crosswalk.csv: nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah'),
  'ambiguous-name': error('An area name that matches several areas', '{level} "{name}" in {parent} matches several areas: {areas} ({rows})', 'write "Desa"/"Kel." before the name, or add a line to reference/crosswalk.csv: nama_prov,nama_kab,nama_kec,nama_desa,kode_wilayah'),
  // across inputs
  'double-count': error('A village and month in both the village counts and the by-name exports', 'village {kode} in {periode} is also in the by-name e-PPGBM exports: it would be counted twice', 'keep one source for this village and month (remove the row here or the by-name rows)'),
  'double-level': error('A programme reported for an area and for one of its sub-areas', '{program} {periode} is reported for {kode} and also for its sub-area {child} ({childAt}): totals would count it twice', 'report each programme and period at one level only'),
  // boundary files (npm run boundaries)
  'boundary-unreadable': error('A boundary file cannot be read as GeoJSON, TopoJSON or Shapefile', '{problem}', '{fix}'),
  'boundary-no-code-field': error('No field of the boundary file holds Kemendagri codes', '{problem}; fields present: {fields}', 'add a field named kode (or code, KDEPUM, kode_desa) with dotted or plain Kemendagri codes such as 64.74.01.1003'),
  'boundary-bad-code': error('A feature whose code is not a Kemendagri code', 'feature {feature}{note}: {field} = {value} is not a Kemendagri code', 'write the code as 64.74.01.1003 or 6474011003'),
  'boundary-unknown-code': error('A feature whose code is not an area of the gazetteer', '{kode}{note} is not an area of the gazetteer ({gazetteer})', 'correct the code to the current Kepmendagri code of the area, or drop the feature if the area no longer exists'),
  'boundary-no-geometry': error('A feature without a polygon', '{kode} {nama}{note} has no polygon (geometry {geometry})', 'give every area a Polygon or MultiPolygon'),
  'boundary-duplicate': error('Two polygons for one area', '{kode} {nama}{note} appears twice (first in {first})', 'keep one polygon per area (merge the parts into one MultiPolygon)'),
  'boundary-missing': error('An area of the gazetteer with no boundary', '{kode} {nama} ({level}) has no boundary in the files given', 'add its polygon, or run with --allow-missing to draw it as "no boundary"'),
  'boundary-missing-allowed': warning('An area with no boundary, allowed by --allow-missing', '{kode} {nama} ({level}) has no boundary in the files given', 'add its polygon, or run with --allow-missing to draw it as "no boundary"'),
  'boundary-none': error('No area of the province in the boundary files', 'no regency, district or village of province {province} in these files', 'check --province, or that the codes are Kemendagri codes of that province'),
} as const satisfies Record<string, IssueType>;

export type IssueTypeId = keyof typeof ISSUE_TYPES;
export type IssueParams = Record<string, string | number>;

export interface Issue {
  type: IssueTypeId;
  severity: Severity;
  file: string; // relative to the input folder
  line?: number; // 1-based physical line
  column?: number; // 1-based field position
  message: string; // what is wrong
  fix: string; // how to fix it
}

/** Fills `{name}` from params; a name without a value stays visible (a bug, caught by tests). */
export function fillTemplate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The names a template needs. */
export const templateNames = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

export function formatIssue(issue: Issue): string {
  const place = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((p) => p !== undefined).join(':');
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${tag}${issue.message} — ${issue.fix}`;
}

/** One issue as a JSON object for scripts (`npm run data -- --json`). */
export function issueJson(issue: Issue): { file: string; line: number | null; column: number | null; type: IssueTypeId; severity: Severity; message: string; fix: string } {
  return { file: issue.file, line: issue.line ?? null, column: issue.column ?? null, type: issue.type, severity: issue.severity, message: issue.message, fix: issue.fix };
}

/** Keeps at most `limit` issues per file and kind, counting the rest, so a broken 20M-row file stays readable. */
export class IssueLog {
  readonly issues: Issue[] = [];
  private perKind = new Map<string, number>();
  private dropped = new Map<string, { count: number; sample: Issue }>();
  private limit: number;
  constructor(limit = 20) {
    this.limit = limit;
  }

  /**
   * Records a problem of a catalogued type at a place, its templates filled from `params`.
   * `group` splits one type into separately limited kinds (e.g. per column); default: the type.
   */
  report(type: IssueTypeId, file: string, where: { line?: number; column?: number }, params: IssueParams = {}, group = ''): void {
    const t: IssueType = ISSUE_TYPES[type];
    const issue: Issue = { type, severity: t.severity, file, ...where, message: fillTemplate(t.message, params), fix: fillTemplate(t.fix, params) };
    const key = `${file}\u0000${type}\u0000${group}`;
    const n = (this.perKind.get(key) ?? 0) + 1;
    this.perKind.set(key, n);
    if (n <= this.limit) this.issues.push(issue);
    else {
      const d = this.dropped.get(key);
      if (d) d.count++;
      else this.dropped.set(key, { count: 1, sample: issue });
    }
  }

  get errors(): Issue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
  get warnings(): Issue[] {
    return this.issues.filter((i) => i.severity === 'warning');
  }
  get hasErrors(): boolean {
    return this.errors.length > 0 || [...this.dropped.values()].some((d) => d.sample.severity === 'error');
  }

  /** Kept issues, sorted by file, line and column. */
  sorted(): Issue[] {
    return [...this.issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }

  /** Kinds that went over the limit: how many more of each were found, with one of them. */
  overflow(): { count: number; sample: Issue }[] {
    return [...this.dropped.values()];
  }

  /** Every kept issue, sorted by file and line, then one line per kind that went over the limit. */
  lines(): string[] {
    const out = this.sorted().map(formatIssue);
    for (const { count, sample } of this.overflow()) {
      out.push(`${sample.file}: ${count} more like "${sample.message}" not listed — fix the ones above and run again`);
    }
    return out;
  }

  /** The same as JSON lines: one object per issue; a kind over the limit as one object with `more`. */
  jsonLines(): string[] {
    const out = this.sorted().map((i) => JSON.stringify(issueJson(i)));
    for (const { count, sample } of this.overflow()) out.push(JSON.stringify({ ...issueJson(sample), line: null, column: null, more: count }));
    return out;
  }
}

/** The catalogue as Markdown (docs/errors.md, generated by `npm run docs`). */
export function issueCatalogueMarkdown(): string {
  const out = [
    '# Input problems — the error catalogue',
    '',
    '<!-- generated by `npm run docs` from src/pipeline/issues.ts; do not edit by hand -->',
    '',
    '`npm run data` checks every input file before it writes anything (and `npm run boundaries` its boundary files: the `boundary-…` types). Each problem is reported with its place',
    '(`FILE:LINE:COLUMN`, 1-based; the line is the physical line of the file), what is wrong and how to fix it:',
    '',
    '```',
    'raw/program/a.csv:3:3: "program" value "XYZ" is not a known programme — use a code the programme list defines: …',
    '```',
    '',
    'With `npm run data -- --json` every problem is one JSON object per line on stdout, for scripts:',
    '',
    '```json',
    '{"file":"raw/program/a.csv","line":3,"column":3,"type":"unknown-programme","severity":"error","message":"…","fix":"…"}',
    '```',
    '',
    '`line` and `column` are `null` when the problem concerns the whole file. When one kind of problem occurs more than',
    '20 times in a file, the rest are counted in one more object with `"more": N`. The `type` identifiers below are',
    'stable; the wording of messages may change. Errors stop the build (nothing is written, the previous output stays);',
    'warnings do not. `{name}` in a template is filled from the row.',
    '',
    '| type | severity | problem | message | fix |',
    '| --- | --- | --- | --- | --- |',
  ];
  const cell = (text: string) => text.replaceAll('|', '\\|');
  for (const [id, t] of Object.entries(ISSUE_TYPES) as [IssueTypeId, IssueType][]) {
    out.push(`| \`${id}\` | ${t.severity} | ${cell(t.title)} | ${cell(t.message)} | ${cell(t.fix)} |`);
  }
  return out.join('\n');
}

/** Thrown when the input has errors; carries every issue found. Nothing has been written. */
export class DataError extends Error {
  readonly log: IssueLog;
  constructor(log: IssueLog) {
    super(`${log.errors.length} error(s) in the input; nothing was written`);
    this.log = log;
  }
}

/** Usage errors of the command itself (bad flag, missing folder): exit code 2. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
