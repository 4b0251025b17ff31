import { AGE_MAX_MONTHS, AGE_MIN_MONTHS, HAZ_IMPLAUSIBLE_ABOVE, HAZ_SEVERE_BELOW, HAZ_STUNTED_BELOW, LABEL_SPACE, TBU_LABELS } from '../../lib/domain/stunting.ts';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Parsing and classification rules as DuckDB macros: every input is read as text and
 * converted here, so each rule exists once and applies to every file. A parser returns
 * NULL for text it does not accept; readers report non-empty text that became NULL.
 */
export const RULE_MACROS = `
-- empty or whitespace-only text is missing
CREATE OR REPLACE MACRO atlas_blank(s) AS s IS NULL OR trim(s) = '';
-- the cheap test for the by-name hot path (no trim): whitespace-only names then fail the name match instead
CREATE OR REPLACE MACRO atlas_kosong(s) AS coalesce(s, '') = '';

-- counts: 1234, 1.234 or 1,234 (thousands), 12.0 / 12,00 (spreadsheet floats); never negative here (sign checked separately)
CREATE OR REPLACE MACRO atlas_count(s) AS CASE
  WHEN regexp_full_match(trim(s), '-?\\d+') THEN TRY_CAST(trim(s) AS BIGINT)
  WHEN regexp_full_match(trim(s), '-?\\d{1,3}([.,]\\d{3})+') THEN TRY_CAST(regexp_replace(trim(s), '[.,]', '', 'g') AS BIGINT)
  WHEN regexp_full_match(trim(s), '-?\\d+[.,]0+') THEN TRY_CAST(regexp_replace(trim(s), '[.,]0+$', '') AS BIGINT)
END;

-- decimals: -2.15 or -2,15 (decimal comma); a leading + is allowed; surrounding spaces are skipped by the
-- cast itself (trimming first, or replacing in text with no comma, only costs time on the by-name hot path)
CREATE OR REPLACE MACRO atlas_decimal(s) AS TRY_CAST(TRY_CAST(CASE WHEN contains(s, ',') THEN replace(s, ',', '.') ELSE s END AS DECIMAL(18, 6)) AS DOUBLE);

-- dates: YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY (optionally followed by a time), or an Excel serial day number;
-- cheap string tests pick the format, so the common case costs one cast (and no trimmed copy: atlas_tanggal)
CREATE OR REPLACE MACRO atlas_date_any(s) AS CASE
  WHEN s LIKE '____-%' THEN TRY_CAST(split_part(s, ' ', 1) AS DATE)
  WHEN s LIKE '%/%/%' THEN TRY_CAST(TRY_STRPTIME(split_part(s, ' ', 1), '%d/%m/%Y') AS DATE)
  WHEN s LIKE '%-%-%' THEN TRY_CAST(TRY_STRPTIME(split_part(s, ' ', 1), '%d-%m-%Y') AS DATE)
  WHEN regexp_full_match(s, '\\d{1,5}([.,]\\d+)?') THEN DATE '1899-12-30' + TRY_CAST(floor(TRY_CAST(replace(s, ',', '.') AS DOUBLE)) AS INTEGER)
END;
CREATE OR REPLACE MACRO atlas_tanggal(s) AS CASE
  WHEN length(s) = 10 AND s LIKE '____-__-__' AND NOT contains(s, ' ') THEN TRY_CAST(s AS DATE) -- = atlas_date_any(trim(s)) here
  ELSE atlas_date_any(trim(s)) END;
CREATE OR REPLACE MACRO atlas_date(s) AS CASE WHEN year(atlas_date_any(trim(s))) BETWEEN 1900 AND 2100 THEN atlas_date_any(trim(s)) END;

-- completed months between two dates (birthday rule: not yet a full month if the day is not reached)
CREATE OR REPLACE MACRO atlas_completed_months(born, measured) AS
  (year(measured) - year(born)) * 12 + month(measured) - month(born) - CASE WHEN day(measured) < day(born) THEN 1 ELSE 0 END;

-- "2 Tahun - 3 Bulan - 5 Hari" -> 27 completed months: the e-PPGBM form cheaply first; any other spelling
-- (leading or doubled spaces, "4 thn 11 bln") by pattern, only for the rows the fast form did not read
CREATE OR REPLACE MACRO atlas_usia_bulan(s) AS coalesce(
  -- (split once: parts 1 and 4 on single spaces, as split_part(s, ' ', 1) and split_part(s, ' ', 4))
  CASE WHEN s LIKE '% Tahun - % Bulan%' THEN list_transform([string_split(s, ' ')], x -> TRY_CAST(x[1] AS INTEGER) * 12 + TRY_CAST(x[4] AS INTEGER))[1] END,
  CASE WHEN regexp_matches(lower(s), '\\d+\\s*(tahun|thn|th|bulan|bln)')
  THEN coalesce(TRY_CAST(regexp_extract(lower(s), '(\\d+)\\s*(tahun|thn|th)\\b', 1) AS INTEGER), 0) * 12
     + coalesce(TRY_CAST(regexp_extract(lower(s), '(\\d+)\\s*(bulan|bln)\\b', 1) AS INTEGER), 0) END);

-- Kemendagri codes as dotted text: 6474011003 or 64.74.01.1003 -> 64.74.01.1003
CREATE OR REPLACE MACRO atlas_kode(s) AS CASE
  WHEN regexp_full_match(replace(trim(s), '.', ''), '\\d{2}|\\d{4}|\\d{6}|\\d{10}')
  THEN array_to_string(list_filter([
         substr(replace(trim(s), '.', ''), 1, 2), substr(replace(trim(s), '.', ''), 3, 2),
         substr(replace(trim(s), '.', ''), 5, 2), substr(replace(trim(s), '.', ''), 7)], x -> x <> ''), '.')
END;

-- periods
CREATE OR REPLACE MACRO atlas_bulan(s) AS CASE WHEN regexp_full_match(trim(s), '(20\\d\\d)-(0[1-9]|1[0-2])') THEN trim(s) END;
CREATE OR REPLACE MACRO atlas_semester(s) AS CASE WHEN regexp_full_match(upper(trim(s)), '20\\d\\d-S[12]') THEN upper(trim(s)) END;
CREATE OR REPLACE MACRO atlas_periode_program(s) AS CASE
  WHEN regexp_full_match(upper(trim(s)), '20\\d\\d(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?') THEN upper(trim(s)) END;
CREATE OR REPLACE MACRO atlas_tahun(s) AS CASE WHEN regexp_full_match(trim(s), '(19|20)\\d\\d') THEN CAST(trim(s) AS INTEGER) END;

-- height-for-age class: from the z-score when there is one, else from the TB/U label
CREATE OR REPLACE MACRO atlas_kelas_tbu(haz, label) AS CASE
  WHEN haz IS NOT NULL THEN CASE
    WHEN abs(haz) > ${HAZ_IMPLAUSIBLE_ABOVE} THEN 'tidak_masuk_akal'
    WHEN haz < ${HAZ_SEVERE_BELOW} THEN 'sangat_pendek'
    WHEN haz < ${HAZ_STUNTED_BELOW} THEN 'pendek'
    ELSE 'normal' END
  ELSE CASE lower(trim(regexp_replace(label, ${q(LABEL_SPACE)}, ' ', 'g')))
${TBU_LABELS.map((t) => `    WHEN ${q(t.label.toLowerCase())} THEN ${q(t.kelas)}`).join('\n')}
    ELSE NULL END
END;

CREATE OR REPLACE MACRO atlas_usia_sah(months) AS months BETWEEN ${AGE_MIN_MONTHS} AND ${AGE_MAX_MONTHS};
`;

export const FORMAT_HINTS = {
  count: 'write a whole number such as 1234 (no letters, no decimals)',
  decimal: 'write a number such as -2.15 or -2,15',
  date: 'write the date as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY',
  bulan: 'write the month as YYYY-MM, e.g. 2024-02',
  semester: 'write the semester as YYYY-S1 or YYYY-S2',
  periodeProgram: 'write the period as YYYY, YYYY-S1/S2, YYYY-Q1..Q4 or YYYY-MM',
  tahun: 'write the year as four digits, e.g. 2024',
  kode: 'write a Kemendagri code with or without dots, e.g. 64.74.01.1003 or 6474011003',
} as const;
