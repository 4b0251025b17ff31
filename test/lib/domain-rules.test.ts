/**
 * One source per rule: the SQL macros the build step runs (generated from src/lib/domain) and the
 * TypeScript classifiers the demo, charts and site use agree at every boundary, and no second copy of
 * a threshold lives elsewhere.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuck, type Duck } from '../../src/pipeline/duck.ts';
import {
  ageCounted, AGE_MAX_MONTHS, classifyHaz, classifyRecord, classifyTbuLabel, HAZ_IMPLAUSIBLE_ABOVE, HAZ_SEVERE_BELOW, HAZ_STUNTED_BELOW,
  PREVALENCE_BANDS, PREVALENCE_THRESHOLDS, prevalenceBand, TBU_LABELS, tbuLabelOf,
} from '../../src/lib/domain/stunting.ts';
import { MIN_DENOMINATOR_FOR_RATE, SMALL_COUNT_MAX } from '../../src/lib/domain/suppression.ts';
import { prevalenceColor } from '../../src/charts/common.ts';
import { formatPrevalenceBands, formatPrevalenceThresholds, t } from '../../src/lib/i18n.ts';
import { lokusBandingSql } from '../../src/lib/queries/desa.ts';

const ROOT = join(import.meta.dirname, '../..');

let db: Duck;
beforeAll(async () => {
  db = await openDuck({ threads: 1 });
});
afterAll(() => db.close());

const sqlNum = (v: number) => (Number.isFinite(v) ? `${v}::DOUBLE` : 'NULL');
const sqlStr = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);

/** Every boundary of the HAZ rules, just below, on and just above. */
const HAZ = [-100, -6.0001, -6, -5.9999, -3.0001, -3, -2.9999, -2.0001, -2, -1.9999, 0, 2.9999, 3, 3.0001, 5.9999, 6, 6.0001, 100];

describe('HAZ classes: SQL macro = TypeScript classifier', () => {
  it('the boundaries are the WHO/Permenkes ones (so agreement below is agreement on the right rule)', () => {
    expect([HAZ_STUNTED_BELOW, HAZ_SEVERE_BELOW, HAZ_IMPLAUSIBLE_ABOVE, AGE_MAX_MONTHS]).toEqual([-2, -3, 6, 59]);
    expect(HAZ.map(classifyHaz)).toEqual([
      'tidak_masuk_akal', 'tidak_masuk_akal', 'sangat_pendek', 'sangat_pendek', 'sangat_pendek', 'pendek', 'pendek', 'pendek', 'normal', 'normal',
      'normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'tidak_masuk_akal', 'tidak_masuk_akal',
    ]);
  });

  it('a z-score: every boundary value, as a number and as text read by atlas_decimal (decimal point and comma)', async () => {
    const rows = await db.all<{ i: number; k: string; kt: string; kc: string }>(
      `SELECT i, atlas_kelas_tbu(h, NULL) AS k, atlas_kelas_tbu(atlas_decimal(s), NULL) AS kt, atlas_kelas_tbu(atlas_decimal(replace(s, '.', ',')), 'Normal') AS kc
       FROM (VALUES ${HAZ.map((h, i) => `(${i}, ${sqlNum(h)}, '${h}')`).join(', ')}) v(i, h, s) ORDER BY i`,
    );
    expect(rows.map((r) => r.k)).toEqual(HAZ.map(classifyHaz));
    expect(rows.map((r) => r.kt)).toEqual(HAZ.map(classifyHaz));
    expect(rows.map((r) => r.kc)).toEqual(HAZ.map((h) => classifyRecord(h, 'Normal')));
  });

  it('a TB/U label when the z-score is empty: every label in any case and spacing, and what is not a label', async () => {
    const labels = [
      ...TBU_LABELS.flatMap((l) => [l.label, l.label.toUpperCase(), l.label.toLowerCase(), ` ${l.label}  `, l.label.replace(' ', '  '), l.label.replace(' ', '\t'), `\t${l.label}\r`]),
      'Sangat  pendek', 'sangatpendek', 'Stunting', 'Pendek sekali', '', ' ', 'Normal.', 'Tinggi badan',
    ];
    const rows = await db.all<{ i: number; k: string | null }>(
      `SELECT i, atlas_kelas_tbu(NULL::DOUBLE, l) AS k FROM (VALUES ${labels.map((l, i) => `(${i}, ${sqlStr(l)})`).join(', ')}) v(i, l) ORDER BY i`,
    );
    expect(rows.map((r) => r.k)).toEqual(labels.map((l) => classifyTbuLabel(l)));
    // and the TypeScript side is not trivially null
    expect(labels.slice(0, 7).map((l) => classifyTbuLabel(l))).toEqual(Array(7).fill('sangat_pendek'));
    expect(classifyTbuLabel('Tinggi')).toBe('normal');
    expect(classifyTbuLabel(null)).toBeNull();
  });

  it('the z-score wins over the label; both missing is no class', async () => {
    const cases: [number | null, string | null][] = [[-2.5, 'Normal'], [0, 'Sangat Pendek'], [7, 'Normal'], [null, 'Pendek'], [null, null], [-3, null]];
    const rows = await db.all<{ i: number; k: string | null }>(
      `SELECT i, atlas_kelas_tbu(h, l) AS k FROM (VALUES ${cases.map(([h, l], i) => `(${i}, ${h === null ? 'NULL::DOUBLE' : sqlNum(h)}, ${sqlStr(l)})`).join(', ')}) v(i, h, l) ORDER BY i`,
    );
    expect(rows.map((r) => r.k)).toEqual(cases.map(([h, l]) => classifyRecord(h, l)));
    expect(rows.map((r) => r.k)).toEqual(['pendek', 'normal', 'tidak_masuk_akal', 'pendek', null, 'pendek']);
  });

  it('the label the demo writes for a z-score is read back as the class of that z-score (within |6|)', async () => {
    for (const h of HAZ.filter((x) => Math.abs(x) <= HAZ_IMPLAUSIBLE_ABOVE)) expect(classifyTbuLabel(tbuLabelOf(h)), String(h)).toBe(classifyHaz(h));
    const rows = await db.all<{ i: number; k: string }>(
      `SELECT i, atlas_kelas_tbu(NULL::DOUBLE, l) AS k FROM (VALUES ${HAZ.map((h, i) => `(${i}, ${sqlStr(tbuLabelOf(h))})`).join(', ')}) v(i, l) ORDER BY i`,
    );
    expect(rows.map((r) => r.k)).toEqual(HAZ.map((h) => classifyTbuLabel(tbuLabelOf(h))));
  });

  it('age: 0 and 59 completed months count, -1 and 60 do not, in SQL and TypeScript alike', async () => {
    const months = [-1, 0, 1, 58, 59, 60, 61];
    const rows = await db.all<{ m: number; ok: boolean }>(`SELECT m, atlas_usia_sah(m) AS ok FROM (VALUES ${months.map((m) => `(${m})`).join(', ')}) v(m) ORDER BY m`);
    expect(rows.map((r) => r.ok)).toEqual(months.map(ageCounted));
    expect(months.map(ageCounted)).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('WHO prevalence bands', () => {
  it('< 2.5, 2.5–<10, 10–<20, 20–<30, ≥ 30 %: each limit belongs to the band above it', () => {
    expect(PREVALENCE_THRESHOLDS).toEqual([2.5, 10, 20, 30]);
    const at = [0, 2.4999, 2.5, 9.9999, 10, 19.9999, 20, 29.9999, 30, 100];
    expect(at.map(prevalenceBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect([null, undefined, Number.NaN].map(prevalenceBand)).toEqual([null, null, null]);
    for (let i = 1; i < PREVALENCE_BANDS.length; i++) expect(PREVALENCE_BANDS[i].from).toBe(PREVALENCE_BANDS[i - 1].below);
  });

  it('the chart colour scale, the methodology text and the figure caption come from the same bands', () => {
    expect((prevalenceColor('id', 'rutin', 'x') as { domain: number[] }).domain).toEqual([...PREVALENCE_THRESHOLDS]);
    expect(formatPrevalenceBands('id')).toBe('sangat rendah < 2,5%; rendah 2,5–<10%; sedang 10–<20%; tinggi 20–<30%; sangat tinggi ≥ 30%');
    expect(formatPrevalenceBands('en')).toBe('very low < 2.5%; low 2.5–<10%; medium 10–<20%; high 20–<30%; very high ≥ 30%');
    expect(t('en', 'fig.prioritas.caption', { periode: 'x', ambang: formatPrevalenceThresholds('en') })).toContain('WHO thresholds (2.5, 10, 20, 30%)');
    expect(t('id', 'data.defWhoText', { ambang: formatPrevalenceBands('id') })).toContain('sedang 10–<20%');
  });
});

describe('small-number rule', () => {
  it('the browser query for prevalence uses the same minimum as the build step', () => {
    expect([SMALL_COUNT_MAX, MIN_DENOMINATOR_FOR_RATE]).toEqual([4, 20]);
    expect(lokusBandingSql({ kode: '64.08', periode: '2024-02' })).toContain(`>= ${MIN_DENOMINATOR_FOR_RATE} THEN`);
  });

  // prose translations (src/i18n) may quote a rule; code and the data dictionary take it from the domain module
  it('no second copy of a rule: no code outside src/lib/domain writes the thresholds as literals', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|astro)$/.test(n)) files.push(p);
      }
    };
    walk(join(ROOT, 'src'));
    const own = [join('src', 'lib', 'domain'), join('src', 'i18n')];
    const patterns = [
      /\bMIN_DIUKUR\b/, // the old copy of the rate minimum
      /\[\s*2\.5\s*,\s*10\s*,\s*20\s*,\s*30\s*\]/, // a copy of the WHO band limits
      /\bhaz\w*\s*[<>]=?\s*-?[236]\b/i, // a HAZ threshold written as a number
      /WHEN\s+'sangat pendek'/i, // a hand-written TB/U label rule
    ];
    const found = files
      .filter((f) => !own.some((o) => relative(ROOT, f).startsWith(o)))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
      .filter(({ line }) => patterns.some((p) => p.test(line)))
      .map(({ f, line, i }) => `${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
    expect(found).toEqual([]);
  });
});
