/**
 * The SQL console (/jelajah/sql/): what a typed query may do, and the example queries.
 *
 * The console is read-only over the published tables and nothing leaves the browser. Two layers:
 * the engine itself runs with extension autoloading/autoinstall off and external access disabled
 * (src/lib/db/browser-engine.ts), and this check refuses, before the engine sees it, anything
 * that is not one reading statement: other statements (COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA,
 * CREATE, INSERT, ...), functions that read files or URLs (read_csv, read_parquet, glob, ...), and
 * any URL at all (also inside a string, where DuckDB would read `FROM 'https://…'` as a file).
 */

export type KonsolCheck = { ok: true; sql: string } | { ok: false; reason: KonsolRefusal; detail: string };
export type KonsolRefusal = 'empty' | 'several' | 'statement' | 'function' | 'url' | 'file';

/** Statements that only read. */
const READING = /^(select|with|from|values|table|describe|show|summarize|explain|pivot|unpivot)\b/i;

/** Keywords that change or reach outside the database, anywhere outside strings. */
const FORBIDDEN_WORDS = /\b(copy|attach|detach|install|load|force|set|reset|pragma|export|import|create|drop|alter|insert|update|delete|merge|truncate|call|use|checkpoint|vacuum|begin|commit|rollback|transaction|prepare|execute|deallocate|secret|grant|revoke)\b/i;

/** Functions that read files, URLs or the environment. */
const FORBIDDEN_FUNCTIONS = /\b(read_[a-z_]*|[a-z_]*_scan|glob|sniff_csv|parquet_[a-z_]*|iceberg_[a-z_]*|delta_[a-z_]*|getenv|duckdb_secrets|duckdb_extensions|load_extension|http_[a-z_]*|sqlite_[a-z_]*|postgres_[a-z_]*|mysql_[a-z_]*)\s*\(/i;

/** A URL of any scheme (http, https, s3, gcs, az, hf, file, ...). */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\//i;

/** Masks comments and the inside of strings and quoted identifiers, keeping positions. */
function mask(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      const stop = Math.min(j + 1, sql.length);
      out += c + 'x'.repeat(Math.max(0, stop - i - 2)) + (stop - i >= 2 ? c : '');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Checks one query typed in the console. Returns the statement to run (trailing semicolon and
 * blank space removed) or the reason it is refused.
 */
export function checkKonsolSql(input: string): KonsolCheck {
  if (URL_PATTERN.test(input)) return { ok: false, reason: 'url', detail: URL_PATTERN.exec(input)![0] };
  const masked = mask(input);
  const statements = masked.split(';').map((s) => s.trim()).filter(Boolean);
  if (statements.length === 0) return { ok: false, reason: 'empty', detail: '' };
  if (statements.length > 1) return { ok: false, reason: 'several', detail: String(statements.length) };
  const text = statements[0]!;
  const fn = FORBIDDEN_FUNCTIONS.exec(text);
  if (fn) return { ok: false, reason: 'function', detail: fn[1]! };
  const word = FORBIDDEN_WORDS.exec(text);
  if (word) return { ok: false, reason: 'statement', detail: word[1]!.toUpperCase() };
  if (!READING.test(text)) return { ok: false, reason: 'statement', detail: text.split(/\s+/)[0]!.toUpperCase() };
  // A string in a FROM position is a file name to DuckDB (replacement scan): refuse it.
  if (/\b(from|join)\s*\(?\s*'/i.test(text)) return { ok: false, reason: 'file', detail: '' };
  const end = masked.lastIndexOf(text) + text.length;
  return { ok: true, sql: input.slice(masked.indexOf(text), end) };
}

export interface KonsolContoh {
  id: string;
  en: string;
  sql: string;
}

/**
 * Example queries. `kabupaten` is a regency of the published data (code and name), so the
 * examples work for any province.
 */
export function konsolContoh(kabupaten: { kode: string; nama: string }): KonsolContoh[] {
  const k = kabupaten.kode.replaceAll("'", "''");
  return [
    {
      id: `Sepuluh desa dengan balita stunting terbanyak di ${kabupaten.nama} (bulan terakhir)`,
      en: `The ten villages with most stunted children in ${kabupaten.nama} (latest month)`,
      sql: `SELECT w.kode_wilayah, w.nama_wilayah, g.periode,
  g.jumlah_balita_stunting, g.jumlah_balita_diukur, g.prevalensi_stunting
FROM gizi_balita g
JOIN wilayah w USING (kode_wilayah)
WHERE g.tingkat = 'desa_kelurahan'
  AND starts_with(g.kode_wilayah, '${k}.')
  AND g.periode = (SELECT max(periode) FROM gizi_balita)
ORDER BY g.jumlah_balita_stunting DESC NULLS LAST, g.kode_wilayah
LIMIT 10`,
    },
    {
      id: 'Prevalensi rutin tiap kabupaten/kota per bulan',
      en: 'Routine prevalence of every regency/city by month',
      sql: `SELECT w.nama_wilayah, g.periode, g.jumlah_balita_diukur, g.prevalensi_stunting
FROM gizi_balita g
JOIN wilayah w USING (kode_wilayah)
WHERE g.tingkat = 'kabupaten_kota'
ORDER BY w.nama_wilayah, g.periode`,
    },
    {
      id: 'Kecamatan dengan cakupan pengukuran di bawah 50% (bulan terakhir)',
      en: 'Districts where under 50% of target children were measured (latest month)',
      sql: `SELECT w.kode_wilayah, w.nama_wilayah, g.cakupan_pengukuran, g.jumlah_balita_diukur, g.jumlah_sasaran_balita
FROM gizi_balita g
JOIN wilayah w USING (kode_wilayah)
WHERE g.tingkat = 'kecamatan'
  AND g.periode = (SELECT max(periode) FROM gizi_balita)
  AND g.cakupan_pengukuran < 50
ORDER BY g.cakupan_pengukuran`,
    },
    {
      id: 'Prevalensi dihitung ulang: jumlah stunting / jumlah diukur, per tahun (bukan rata-rata persentase)',
      en: 'Prevalence recomputed: sum of stunted / sum of measured, per year (not a mean of percentages)',
      sql: `SELECT left(periode, 4) AS tahun,
  sum(jumlah_balita_stunting) AS stunting,
  sum(jumlah_balita_diukur) AS diukur,
  round(100.0 * sum(jumlah_balita_stunting) / sum(jumlah_balita_diukur), 1) AS prevalensi
FROM gizi_balita
WHERE tingkat = 'provinsi'
GROUP BY tahun
ORDER BY tahun`,
    },
    {
      id: 'Angka survei (SSGI, SKI) dengan sumbernya — ukuran lain dari angka rutin',
      en: 'Survey figures (SSGI, SKI) with their sources — a different measure from the routine counts',
      sql: `SELECT survei, tahun, kode_wilayah, prevalensi_stunting, ci_bawah, ci_atas, sumber
FROM survei
ORDER BY survei, tahun, kode_wilayah`,
    },
    {
      id: 'Kolom tabel gizi_balita',
      en: 'Columns of the gizi_balita table',
      sql: 'DESCRIBE gizi_balita',
    },
  ];
}
