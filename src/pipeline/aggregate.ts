import type { Duck } from './duck.ts';
import { MIN_DENOMINATOR_FOR_RATE } from '../lib/domain/suppression.ts';
import { BN_DESA_BULAN, GAZETIR, inputTable, LELUHUR, outputTable } from './tables.ts';

/**
 * Roll village (or any-level) rows up to every ancestor as sums of numerators and denominators,
 * never as means of rates. Table LELUHUR (kode, anc) links each area to itself and its ancestors.
 */
export async function buildAncestors(db: Duck): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${LELUHUR} AS
    WITH RECURSIVE up(kode, anc) AS (
      SELECT kode_wilayah, kode_wilayah FROM ${GAZETIR}
      UNION ALL
      SELECT up.kode, g.kode_induk FROM up JOIN ${GAZETIR} g ON g.kode_wilayah = up.anc WHERE g.kode_induk IS NOT NULL)
    SELECT * FROM up`);
}

/** gizi_balita: measured, pendek, sangat pendek per area and month, target population, rates. */
export async function aggregateGizi(db: Duck, internal: boolean): Promise<void> {
  // village x month: by-name counts and village-file counts (never both: checked before)
  await db.run(`CREATE OR REPLACE TABLE gizi_desa AS
    SELECT kode_wilayah, periode, diukur, pendek, sangat_pendek, NULL::BIGINT AS sasaran FROM ${BN_DESA_BULAN} WHERE diukur > 0 OR baris > 0
    UNION ALL
    SELECT kode_wilayah, periode, jumlah_balita_diukur, jumlah_balita_pendek, jumlah_balita_sangat_pendek, jumlah_sasaran_balita FROM ${inputTable('eppgbm_desa')}`);
  // target population of every village for every month with data: from the village file, else the yearly sasaran file
  await db.run(`CREATE OR REPLACE TABLE sasaran_desa AS
    SELECT g.kode_wilayah, p.periode, coalesce(d.sasaran, s.jumlah_sasaran_balita) AS sasaran
    FROM ${GAZETIR} g
    CROSS JOIN (SELECT DISTINCT periode FROM gizi_desa WHERE periode IS NOT NULL) p
    LEFT JOIN gizi_desa d ON d.kode_wilayah = g.kode_wilayah AND d.periode = p.periode AND d.sasaran IS NOT NULL
    LEFT JOIN ${inputTable('sasaran')} s ON s.kode_wilayah = g.kode_wilayah AND s.tahun = CAST(left(p.periode, 4) AS INTEGER)
    WHERE g.tingkat = 'desa_kelurahan'`);
  const minDen = internal ? 1 : MIN_DENOMINATOR_FOR_RATE;
  await db.run(`CREATE OR REPLACE TABLE ${outputTable('gizi_balita')} AS
    WITH ukur AS (
      SELECT l.anc AS kode_wilayah, d.periode, sum(d.diukur) AS diukur, sum(d.pendek) AS pendek, sum(d.sangat_pendek) AS sangat_pendek
      FROM gizi_desa d JOIN ${LELUHUR} l ON l.kode = d.kode_wilayah GROUP BY ALL),
    sasaran AS (
      -- a total is only known when every village of the area has one
      SELECT l.anc AS kode_wilayah, s.periode, CASE WHEN count(*) = count(s.sasaran) THEN sum(s.sasaran) END AS sasaran
      FROM sasaran_desa s JOIN ${LELUHUR} l ON l.kode = s.kode_wilayah GROUP BY ALL)
    SELECT u.kode_wilayah, g.tingkat, u.periode,
      s.sasaran AS jumlah_sasaran_balita,
      u.diukur AS jumlah_balita_diukur,
      u.pendek AS jumlah_balita_pendek,
      u.sangat_pendek AS jumlah_balita_sangat_pendek,
      u.pendek + u.sangat_pendek AS jumlah_balita_stunting,
      CASE WHEN u.diukur >= ${minDen} THEN round(100.0 * (u.pendek + u.sangat_pendek) / u.diukur, 2) END AS prevalensi_stunting,
      CASE WHEN s.sasaran > 0 THEN round(100.0 * u.diukur / s.sasaran, 2) END AS cakupan_pengukuran,
      false AS ditekan
    FROM ukur u JOIN ${GAZETIR} g USING (kode_wilayah) LEFT JOIN sasaran s USING (kode_wilayah, periode)`);
}

export async function aggregateKeluarga(db: Duck): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${outputTable('keluarga')} AS
    WITH s AS (
      SELECT l.anc AS kode_wilayah, k.periode,
        sum(jumlah_keluarga_sasaran) AS sasaran, sum(jumlah_keluarga_berisiko_stunting) AS berisiko, sum(jumlah_keluarga_berisiko_didampingi) AS didampingi
      FROM ${inputTable('keluarga')} k JOIN ${LELUHUR} l ON l.kode = k.kode_wilayah GROUP BY ALL)
    SELECT s.kode_wilayah, g.tingkat, s.periode,
      sasaran AS jumlah_keluarga_sasaran, berisiko AS jumlah_keluarga_berisiko_stunting, didampingi AS jumlah_keluarga_berisiko_didampingi,
      CASE WHEN sasaran > 0 THEN round(100.0 * berisiko / sasaran, 2) END AS persen_keluarga_berisiko,
      CASE WHEN berisiko > 0 THEN round(100.0 * didampingi / berisiko, 2) END AS cakupan_pendampingan,
      false AS ditekan
    FROM s JOIN ${GAZETIR} g USING (kode_wilayah)`);
}

/** Programme rows come at any level; each is rolled up to its ancestors (never down). */
export async function aggregateProgram(db: Duck): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${outputTable('program')} AS
    WITH s AS (
      SELECT l.anc AS kode_wilayah, p.periode, p.program, sum(p.sasaran) AS sasaran, sum(p.realisasi) AS realisasi
      FROM ${inputTable('program')} p JOIN ${LELUHUR} l ON l.kode = p.kode_wilayah GROUP BY ALL)
    SELECT s.kode_wilayah, g.tingkat, s.periode, s.program, s.sasaran, s.realisasi,
      CASE WHEN s.sasaran > 0 THEN round(100.0 * s.realisasi / s.sasaran, 2) END AS cakupan,
      false AS ditekan
    FROM s JOIN ${GAZETIR} g USING (kode_wilayah)`);
}

/** Rows read and excluded by reason, villages reporting vs total, per area and month. */
export async function aggregateKualitas(db: Duck): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${outputTable('kualitas_data')} AS
    WITH lapor AS (
      SELECT kode_wilayah, periode, max(diukur) > 0 AS melapor FROM gizi_desa GROUP BY ALL),
    bn AS (
      SELECT l.anc AS kode_wilayah, b.periode, sum(baris) AS baris, sum(tidak_masuk_akal) AS tma, sum(usia) AS usia,
        sum(duplikat) AS dup, sum(haz_kosong) AS hk, sum(tidak_cocok) AS tc
      FROM ${BN_DESA_BULAN} b JOIN ${LELUHUR} l ON l.kode = b.kode_wilayah GROUP BY ALL),
    dl AS (
      SELECT l.anc AS kode_wilayah, d.periode, count(*) FILTER (d.melapor) AS melapor
      FROM lapor d JOIN ${LELUHUR} l ON l.kode = d.kode_wilayah GROUP BY ALL),
    total AS (
      SELECT l.anc AS kode_wilayah, count(*) AS desa FROM ${GAZETIR} g JOIN ${LELUHUR} l ON l.kode = g.kode_wilayah
      WHERE g.tingkat = 'desa_kelurahan' GROUP BY ALL),
    keys AS (SELECT kode_wilayah, periode FROM bn UNION SELECT kode_wilayah, periode FROM dl)
    SELECT k.kode_wilayah, g.tingkat, k.periode,
      coalesce(bn.baris, 0) AS baris_dibaca, coalesce(bn.tma, 0) AS dikecualikan_tidak_masuk_akal, coalesce(bn.usia, 0) AS dikecualikan_usia,
      coalesce(bn.dup, 0) AS dikecualikan_duplikat_bulan, coalesce(bn.hk, 0) AS dikecualikan_haz_kosong, coalesce(bn.tc, 0) AS dikecualikan_wilayah_tidak_cocok,
      coalesce(dl.melapor, 0) AS desa_melapor, coalesce(t.desa, 0) AS desa_total
    FROM keys k JOIN ${GAZETIR} g USING (kode_wilayah)
    LEFT JOIN bn USING (kode_wilayah, periode) LEFT JOIN dl USING (kode_wilayah, periode) LEFT JOIN total t USING (kode_wilayah)
    WHERE k.periode IS NOT NULL`);
}
