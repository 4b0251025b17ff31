import type { TableName } from '../lib/schema.ts';

/**
 * The DuckDB tables that stages of the build step share, declared in one place: what each holds, the
 * stage that writes it and the stages that read it. A stage's private tables (TEMP tables, or tables
 * only one module uses) are not listed. test/pipeline/tables.test.ts checks that every table created
 * in src/pipeline and used by more than one module is declared here.
 */

/** The areas of the province (idn-area-data): kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis. */
export const GAZETIR = 'gazetir';
/** Every area with itself and each ancestor: kode, anc. */
export const LELUHUR = 'leluhur';
/** By-name e-PPGBM counts per village and month (diukur, pendek, sangat_pendek, baris, exclusions by reason, file). */
export const BN_DESA_BULAN = 'bn_desa_bulan';
/** By-name counts per area names as written and month, before names are matched (sql/by-name.ts: byNameQuery's columns). */
export const BN_NAMA_BULAN = 'bn_nama_bulan';
/** Cells hidden in the previous release: tabel, kode_wilayah, grp (period, or period|programme), measure. */
export const PREVIOUS_HIDDEN = 'rilis_lalu_ditekan';

/** One input kind's rows, every field typed and checked, with _file and _line (src/pipeline/kinds.ts). */
export const inputTable = (kindId: string): string => `in_${kindId}`;
/** A published table before it is written to Parquet (columns as src/lib/schema.ts). */
export const outputTable = (name: TableName): string => `out_${name}`;

export interface SharedTable {
  /** a table name, or a pattern such as in_<kind> */
  name: string;
  holds: string;
  writer: string;
  readers: string[];
}

export const SHARED_TABLES: SharedTable[] = [
  { name: GAZETIR, holds: 'the areas', writer: 'build.ts', readers: ['readers/table.ts', 'readers/eppgbm.ts (through names.ts)', 'aggregate.ts', 'apply-suppression.ts', 'build.ts'] },
  { name: LELUHUR, holds: 'area -> ancestors', writer: 'aggregate.ts (buildAncestors)', readers: ['aggregate.ts'] },
  { name: inputTable('<kind>'), holds: 'typed input rows', writer: 'readers/table.ts', readers: ['build.ts (cross-checks, pass-through tables)', 'aggregate.ts'] },
  { name: BN_DESA_BULAN, holds: 'by-name counts per village and month', writer: 'readers/eppgbm.ts', readers: ['build.ts (cross-checks)', 'aggregate.ts'] },
  { name: BN_NAMA_BULAN, holds: 'by-name counts per area names and month', writer: 'sql/by-name.ts (byNameQuery, run by readers/eppgbm.ts; the browser file check runs the same SQL)', readers: ['readers/eppgbm.ts', 'sql/by-name.ts (BY_NAME_VILLAGE_SQL)'] },
  { name: outputTable('<table>' as TableName), holds: 'published tables', writer: 'aggregate.ts, build.ts (pass-through)', readers: ['apply-suppression.ts (rewrites the suppressed ones)', 'output.ts (Parquet)', 'build.ts (manifest)'] },
  { name: PREVIOUS_HIDDEN, holds: 'cells hidden in the previous release', writer: 'previous-release.ts', readers: ['apply-suppression.ts'] },
];
