import { sqlString, type Duck } from './duck.ts';
import { SUPPRESSED_LEVELS } from '../lib/domain/suppression.ts';
import type { TableName } from '../lib/schema.ts';
import { suppress, type SuppressRow, type SuppressSpec } from './suppress.ts';
import { GAZETIR, outputTable, PREVIOUS_HIDDEN } from './tables.ts';

/**
 * Runs the small-number rule over the aggregated tables and writes the result back: hidden numbers
 * become NULL, `ditekan` marks the row, and rates that would reveal a hidden number are NULL too.
 * Each group (period, and programme) is suppressed on its own, from its own values only: adding a
 * period or revising another one never changes what is hidden here. Cells hidden in the previous
 * release (table PREVIOUS_HIDDEN, see previous-release.ts) stay hidden.
 */
export interface SuppressedTable {
  /** published table name; the build's table is outputTable(name) */
  name: TableName;
  group: string[]; // besides the area
  spec: SuppressSpec;
  /** rate column -> the counts it is computed from: hidden when any of them is */
  rates: Record<string, string[]>;
}

export const SUPPRESSED_TABLES: SuppressedTable[] = [
  {
    name: 'gizi_balita',
    group: ['periode'],
    spec: {
      measures: ['jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek', 'jumlah_balita_stunting'],
      rowSums: [{ total: 'jumlah_balita_stunting', parts: ['jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'] }],
    },
    rates: { prevalensi_stunting: ['jumlah_balita_stunting', 'jumlah_balita_diukur'], cakupan_pengukuran: ['jumlah_balita_diukur'] },
  },
  {
    name: 'keluarga',
    group: ['periode'],
    spec: { measures: ['jumlah_keluarga_sasaran', 'jumlah_keluarga_berisiko_stunting', 'jumlah_keluarga_berisiko_didampingi'], rowSums: [] },
    rates: {
      persen_keluarga_berisiko: ['jumlah_keluarga_berisiko_stunting', 'jumlah_keluarga_sasaran'],
      cakupan_pendampingan: ['jumlah_keluarga_berisiko_didampingi', 'jumlah_keluarga_berisiko_stunting'],
    },
  },
  {
    // sasaran and realisasi are counts of people (children, families, brides-to-be): hidden like child counts
    name: 'program',
    group: ['periode', 'program'],
    spec: { measures: ['sasaran', 'realisasi'], rowSums: [] },
    rates: { cakupan: ['realisasi', 'sasaran'] },
  },
];

/** The SQL expression of a row's group key (`2024-02`, `2024-S1|PMT`), over alias `alias`. */
export const groupKeySql = (t: SuppressedTable, alias: string): string => `concat_ws('|', ${t.group.map((g) => `${alias}.${g}`).join(', ')})`;

export async function applySuppression(db: Duck): Promise<void> {
  for (const t of SUPPRESSED_TABLES) await applyOne(db, t);
  // Rows read minus exclusions is the number measured: below regency level those counts would give
  // hidden numbers away, so public output keeps only villages reporting there.
  // Above it too where the number measured was hidden (a regency total hidden to protect a single district).
  await db.run(`UPDATE ${outputTable('kualitas_data')} q SET baris_dibaca = NULL, dikecualikan_tidak_masuk_akal = NULL, dikecualikan_usia = NULL,
    dikecualikan_duplikat_bulan = NULL, dikecualikan_haz_kosong = NULL, dikecualikan_wilayah_tidak_cocok = NULL
    WHERE tingkat IN (${SUPPRESSED_LEVELS.map((l) => `'${l}'`).join(', ')})
       OR EXISTS (SELECT 1 FROM ${outputTable('gizi_balita')} g WHERE g.kode_wilayah = q.kode_wilayah AND g.periode = q.periode AND g.ditekan AND g.jumlah_balita_diukur IS NULL)`);
}

async function applyOne(db: Duck, t: SuppressedTable): Promise<void> {
  const table = outputTable(t.name);
  await db.run(`CREATE OR REPLACE TEMP TABLE ditekan (kode_wilayah VARCHAR, grp VARCHAR, measure VARCHAR)`);
  // Equations never cross periods (or programmes): one group at a time keeps memory small at national scale.
  const groupKey = groupKeySql(t, 'o');
  const groups = await db.all<{ grp: string }>(`SELECT DISTINCT ${groupKey} AS grp FROM ${table} o ORDER BY 1`);
  for (const { grp } of groups) {
    // ORDER BY: suppress() sorts again, but nothing here should depend on the order DuckDB's threads return rows in
    const raw = await db.all<Record<string, string | number | null> & { sticky: string[] | null }>(
      `SELECT o.kode_wilayah, o.tingkat, g.kode_induk, ${t.spec.measures.map((m) => `o.${m}`).join(', ')},
         (SELECT list(p.measure ORDER BY p.measure) FROM ${PREVIOUS_HIDDEN} p
          WHERE p.tabel = ${sqlString(t.name)} AND p.grp = ${sqlString(grp)} AND p.kode_wilayah = o.kode_wilayah) AS sticky
       FROM ${table} o JOIN ${GAZETIR} g USING (kode_wilayah) WHERE ${groupKey} = ${sqlString(grp)} ORDER BY o.kode_wilayah`,
    );
    const rows: SuppressRow[] = raw.map((r) => ({
      kode_wilayah: r.kode_wilayah as string,
      tingkat: r.tingkat as string,
      group: grp,
      parent: (r.kode_induk as string | null) ?? null,
      values: Object.fromEntries(t.spec.measures.map((m) => [m, r[m] as number | null])),
      // hidden in the previous release: stays hidden (a number that is now missing has nothing to hide)
      hidden: new Set((r.sticky ?? []).filter((m) => t.spec.measures.includes(m) && r[m] !== null)),
    }));
    suppress(rows, t.spec);
    await db.append('ditekan', rows.flatMap((r) => [...r.hidden].sort().map((m) => [r.kode_wilayah, grp, m])));
  }
  // one row of flags per hidden row, joined once (not a lookup per cell)
  const flags = t.spec.measures.map((m) => `bool_or(measure = '${m}') AS "h_${m}"`).join(', ');
  await db.run(`CREATE OR REPLACE TEMP TABLE ditekan_baris AS SELECT kode_wilayah, grp, ${flags} FROM ditekan GROUP BY ALL`);
  const hid = (m: string) => `coalesce(d."h_${m}", false)`;
  const replaced = [
    ...t.spec.measures.map((m) => `CASE WHEN ${hid(m)} THEN NULL ELSE o.${m} END AS ${m}`),
    ...Object.entries(t.rates).map(([rate, deps]) => `CASE WHEN ${deps.map(hid).join(' OR ')} THEN NULL ELSE o.${rate} END AS ${rate}`),
    `d.kode_wilayah IS NOT NULL AS ditekan`,
  ];
  await db.run(`CREATE OR REPLACE TABLE ${table} AS SELECT o.* REPLACE (${replaced.join(', ')})
    FROM ${table} o LEFT JOIN ditekan_baris d ON d.kode_wilayah = o.kode_wilayah AND d.grp = ${groupKey}`);
}
