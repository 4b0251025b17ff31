/**
 * Small-number suppression of the public output: primary (counts 1-4 at village and district level),
 * rates below 20 measured, and complementary suppression checked by an attacker that solves every
 * published linear relation with one unknown, repeatedly, and must recover nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEquations, suppress, type SuppressRow, type SuppressSpec } from '../../src/pipeline/suppress.ts';
import { join } from 'node:path';
import { openDuck } from '../../src/pipeline/duck.ts';
import { applySuppression } from '../../src/pipeline/apply-suppression.ts';
import { readPreviousRelease } from '../../src/pipeline/previous-release.ts';
import { writeFileSync } from 'node:fs';
import { CliError } from '../../src/pipeline/issues.ts';
import { build, buildOk, child, cleanup, prng, readTableOut, snapshotDir, tempDir, villagesOf } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

type Row = Record<string, unknown>;
type Tables = { gizi: Row[]; keluarga: Row[]; program: Row[]; kualitas: Row[] };

const MEASURES = {
  gizi: ['jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek', 'jumlah_balita_stunting'],
  keluarga: ['jumlah_keluarga_sasaran', 'jumlah_keluarga_berisiko_stunting', 'jumlah_keluarga_berisiko_didampingi'],
  program: ['sasaran', 'realisasi'],
} as const;
const RATES: Record<keyof typeof MEASURES, { rate: string; num: string; den: string }[]> = {
  gizi: [
    { rate: 'prevalensi_stunting', num: 'jumlah_balita_stunting', den: 'jumlah_balita_diukur' },
    { rate: 'cakupan_pengukuran', num: 'jumlah_balita_diukur', den: 'jumlah_sasaran_balita' },
  ],
  keluarga: [
    { rate: 'persen_keluarga_berisiko', num: 'jumlah_keluarga_berisiko_stunting', den: 'jumlah_keluarga_sasaran' },
    { rate: 'cakupan_pendampingan', num: 'jumlah_keluarga_berisiko_didampingi', den: 'jumlah_keluarga_berisiko_stunting' },
  ],
  program: [{ rate: 'cakupan', num: 'realisasi', den: 'sasaran' }],
};
const groupOf = (t: keyof typeof MEASURES, r: Row) => (t === 'program' ? `${r.periode}|${r.program}` : String(r.periode));
const parentOf = (kode: string) => (kode.includes('.') ? kode.slice(0, kode.lastIndexOf('.')) : null);

/**
 * The attacker: every cell (table, group, area, measure) is a known number or unknown (NULL). Linear
 * equations: parent = sum of the child rows present (an absent row is 0), stunting = pendek + sangat
 * pendek, and optionally (kualitas) measured = rows read - every exclusion. Rates with a known
 * denominator (or numerator) pin an unknown when exactly one integer rounds to the published rate.
 * Any equation with exactly one unknown is solved and the value fed back, until nothing changes.
 */
function attack(t: Tables, opts: { kualitas?: boolean } = {}): Map<string, number> {
  const value = new Map<string, number | null>();
  const key = (table: string, r: Row, m: string) => `${table}|${table === 'kualitas' ? String(r.periode) : groupOf(table as keyof typeof MEASURES, r)}|${r.kode_wilayah}|${m}`;
  const equations: { cells: string[]; coef: number[] }[] = [];
  const rates: { rate: number; num: string; den: string }[] = [];
  for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
    const rows = t[table];
    const byGroupKode = new Map(rows.map((r) => [`${groupOf(table, r)}|${r.kode_wilayah}`, r]));
    const children = new Map<Row, Row[]>();
    for (const r of rows) {
      for (const m of MEASURES[table]) value.set(key(table, r, m), r[m] as number | null);
      const p = parentOf(r.kode_wilayah as string);
      const parent = p === null ? undefined : byGroupKode.get(`${groupOf(table, r)}|${p}`);
      if (parent) children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    for (const [parent, kids] of children) {
      for (const m of MEASURES[table]) equations.push({ cells: [key(table, parent, m), ...kids.map((k) => key(table, k, m))], coef: [1, ...kids.map(() => -1)] });
    }
    if (table === 'gizi') {
      for (const r of rows) equations.push({ cells: ['jumlah_balita_stunting', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'].map((m) => key('gizi', r, m)), coef: [1, -1, -1] });
    }
    for (const r of rows) {
      for (const x of RATES[table]) {
        if (r[x.rate] === null || r[x.rate] === undefined) continue;
        const den = key(table, r, x.den);
        if (!value.has(den)) value.set(den, r[x.den] as number | null); // sasaran: never suppressed
        rates.push({ rate: r[x.rate] as number, num: key(table, r, x.num), den });
      }
    }
  }
  if (opts.kualitas) {
    const ex = ['dikecualikan_tidak_masuk_akal', 'dikecualikan_usia', 'dikecualikan_duplikat_bulan', 'dikecualikan_haz_kosong', 'dikecualikan_wilayah_tidak_cocok'];
    const gizi = new Map(t.gizi.map((r) => [`${r.periode}|${r.kode_wilayah}`, r]));
    for (const k of t.kualitas) {
      const g = gizi.get(`${k.periode}|${k.kode_wilayah}`);
      if (!g) continue;
      for (const m of ['baris_dibaca', ...ex]) value.set(key('kualitas', k, m), k[m] as number);
      equations.push({ cells: [key('gizi', g, 'jumlah_balita_diukur'), key('kualitas', k, 'baris_dibaca'), ...ex.map((m) => key('kualitas', k, m))], coef: [1, -1, ...ex.map(() => 1)] });
    }
  }
  const recovered = new Map<string, number>();
  const known = (c: string) => value.get(c) ?? recovered.get(c) ?? null;
  const fits = (num: number, den: number, rate: number) => den > 0 && Math.abs((100 * num) / den - rate) <= 0.005 + 1e-9;
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      const unknown = eq.cells.map((c, i) => [c, i] as const).filter(([c]) => known(c) === null);
      if (unknown.length !== 1) continue;
      const [cell, i] = unknown[0];
      const rest = eq.cells.reduce((s, c, j) => (j === i ? s : s + eq.coef[j] * known(c)!), 0);
      recovered.set(cell, -rest / eq.coef[i]);
      changed = true;
    }
    for (const r of rates) {
      const num = known(r.num);
      const den = known(r.den);
      if (num === null && den !== null) {
        const c = Array.from({ length: den + 1 }, (_, n) => n).filter((n) => fits(n, den, r.rate));
        if (c.length === 1) (recovered.set(r.num, c[0]), (changed = true));
      } else if (den === null && num !== null && r.rate > 0) {
        const guess = Math.round((100 * num) / r.rate);
        const c = Array.from({ length: 2 * guess + 10 }, (_, d) => d).filter((d) => d >= num && fits(num, d, r.rate));
        if (c.length === 1) (recovered.set(r.den, c[0]), (changed = true));
      }
    }
  }
  return recovered;
}

async function readAll(out: string): Promise<Tables> {
  return {
    gizi: await readTableOut(out, 'gizi_balita'),
    keluarga: await readTableOut(out, 'keluarga'),
    program: await readTableOut(out, 'program'),
    kualitas: await readTableOut(out, 'kualitas_data'),
  };
}

const LOW = ['kecamatan', 'desa_kelurahan'];
const hiddenCells = (t: Tables) =>
  (Object.keys(MEASURES) as (keyof typeof MEASURES)[]).flatMap((table) => t[table].flatMap((r) => MEASURES[table].filter((m) => r[m] === null).map((m) => `${table}|${groupOf(table, r)}|${r.kode_wilayah}|${m}`)));

/**
 * One programme in four villages of two districts of one regency: a tree whose complementary cells the
 * old suppress() chose by row order (realisasi of 64.08.02.2001 hidden or not, depending on the order
 * the database returned the rows in).
 */
const UKUR_TREE = (() => {
  const [a, b] = [villagesOf(['64.08.01']).slice(0, 2), villagesOf(['64.08.02']).slice(0, 2)];
  return [[a[0], 9, 3], [a[1], 6, 0], [b[0], 8, 7], [b[1], 7, 1]].map(([v, sasaran, realisasi]) => ({ kode_wilayah: (v as { kode: string }).kode, periode: '2024', program: 'UKUR', sasaran: sasaran as number, realisasi: realisasi as number }));
})();

/** Many small villages in two regencies, two months; family and programme counts too. */
function generated() {
  const rnd = prng(20240611);
  const villages = [...villagesOf(['64.08.01', '64.08.02', '64.08.03']), ...villagesOf(['64.74.01', '64.74.02', '64.74.03'])];
  const rows = [];
  let nik = 0;
  for (const v of villages) {
    for (const month of ['01', '02']) {
      const u = rnd();
      const n = u < 0.1 ? 0 : u < 0.5 ? 1 + Math.floor(rnd() * 4) : u < 0.8 ? 5 + Math.floor(rnd() * 11) : 20 + Math.floor(rnd() * 11);
      for (let i = 0; i < n; i++) {
        const haz = (-1.3 + 1.3 * (rnd() + rnd() + rnd() - 1.5) * 1.6).toFixed(2);
        nik++;
        rows.push(child({ NIK: `64990${String(nik).padStart(11, '0')}`, 'ZS TB/U': haz, 'Tanggal Pengukuran': `2024-${month}-1${i % 9}` }, v));
      }
    }
  }
  const keluarga = villages.map((v) => {
    const sasaran = 1 + Math.floor(rnd() * 40);
    const berisiko = Math.floor(rnd() * (sasaran + 1));
    return { kode_wilayah: v.kode, periode: '2024-S1', jumlah_keluarga_sasaran: sasaran, jumlah_keluarga_berisiko_stunting: berisiko, jumlah_keluarga_berisiko_didampingi: Math.floor(rnd() * (berisiko + 1)) };
  });
  const program = [
    ...villages.map((v) => ({ kode_wilayah: v.kode, periode: '2024', program: 'PMT', sasaran: 1 + Math.floor(rnd() * 25), realisasi: Math.floor(rnd() * 20) })),
    ...villages.filter((v) => v.kode.startsWith('64.08.01.')).map((v) => ({ kode_wilayah: v.kode, periode: '2024-S1', program: 'BAAS', sasaran: 1 + Math.floor(rnd() * 8), realisasi: Math.floor(rnd() * 6) })),
    ...['64.08.02', '64.08.03'].map((k) => ({ kode_wilayah: k, periode: '2024-S1', program: 'BAAS', sasaran: 3 + Math.floor(rnd() * 30), realisasi: Math.floor(rnd() * 3) })),
    ...UKUR_TREE,
  ];
  return {
    eppgbm: { 'ukur.csv': rows },
    files: {
      'raw/keluarga/k.csv': { rows: keluarga },
      'raw/program/p.csv': { rows: program },
    },
  };
}

describe('suppression on generated data with many small villages', () => {
  let pub: Tables;
  let exact: Tables;
  beforeAll(async () => {
    const fx = generated();
    pub = await readAll((await buildOk(fx)).out);
    exact = await readAll((await buildOk(fx, { internal: true })).out);
  });

  it('the fixture really has small counts to hide', () => {
    const small = exact.gizi.filter((r) => LOW.includes(r.tingkat as string) && MEASURES.gizi.some((m) => (r[m] as number) >= 1 && (r[m] as number) <= 4));
    expect(small.length).toBeGreaterThan(30);
    expect(hiddenCells(pub).length).toBeGreaterThan(100);
    expect(exact.gizi.length).toBe(pub.gizi.length);
  });

  it('no count from 1 to 4 is visible at village or district level', () => {
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      for (const r of pub[table].filter((x) => LOW.includes(x.tingkat as string))) {
        for (const m of MEASURES[table]) {
          const v = r[m] as number | null;
          expect(v === null || v === 0 || v > 4, `${table} ${r.kode_wilayah} ${groupOf(table, r)} ${m} = ${v}`).toBe(true);
        }
      }
    }
  });

  it('kualitas_data shows no row counts below regency level in public output (they would give measured away)', () => {
    const counts = ['baris_dibaca', 'dikecualikan_tidak_masuk_akal', 'dikecualikan_usia', 'dikecualikan_duplikat_bulan', 'dikecualikan_haz_kosong', 'dikecualikan_wilayah_tidak_cocok'];
    const low = pub.kualitas.filter((r) => LOW.includes(r.tingkat as string));
    expect(low.length).toBeGreaterThan(50);
    for (const r of low) for (const c of counts) expect(r[c], `${r.kode_wilayah} ${r.periode} ${c}`).toBeNull();
    // the internal build keeps them, and some are small
    expect(exact.kualitas.some((r) => LOW.includes(r.tingkat as string) && (r.baris_dibaca as number) >= 1 && (r.baris_dibaca as number) <= 4)).toBe(true);
  });

  it('ditekan is true exactly on rows with a hidden number; no regency or province number needs hiding here (several districts each)', () => {
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      for (const r of pub[table]) {
        const anyHidden = MEASURES[table].some((m) => r[m] === null);
        expect(r.ditekan, `${table} ${r.kode_wilayah} ${groupOf(table, r)}`).toBe(anyHidden);
        if (!LOW.includes(r.tingkat as string)) expect(anyHidden).toBe(false);
      }
    }
  });

  it('visible numbers are the exact ones; only hidden ones differ from the internal build', () => {
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      const ex = new Map(exact[table].map((r) => [`${groupOf(table, r)}|${r.kode_wilayah}`, r]));
      for (const r of pub[table]) {
        const e = ex.get(`${groupOf(table, r)}|${r.kode_wilayah}`)!;
        for (const m of MEASURES[table]) if (r[m] !== null) expect(r[m]).toBe(e[m]);
        for (const x of RATES[table]) if (r[x.rate] !== null) expect(r[x.rate]).toBe(e[x.rate]);
      }
    }
  });

  it('prevalence is published only with at least 20 measured (at every level) and nothing hidden in it', () => {
    let published = 0;
    for (const r of pub.gizi) {
      const d = r.jumlah_balita_diukur as number | null;
      if (d === null || d < 20 || r.jumlah_balita_stunting === null) expect(r.prevalensi_stunting, `${r.kode_wilayah} ${r.periode}`).toBeNull();
      else {
        expect(r.prevalensi_stunting).not.toBeNull();
        if (r.tingkat === 'desa_kelurahan') published++;
      }
    }
    expect(published).toBeGreaterThan(0);
    // the internal build publishes every rate with at least one measured (so the check above can fail)
    expect(exact.gizi.filter((r) => (r.jumlah_balita_diukur as number) > 0 && (r.jumlah_balita_diukur as number) < 20).every((r) => r.prevalensi_stunting !== null)).toBe(true);
  });

  it('the attacker works: on exact numbers with only the primary cells hidden it recovers them, exactly', () => {
    const weak = structuredClone(exact);
    const truth = new Map<string, number>();
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      for (const r of weak[table].filter((x) => LOW.includes(x.tingkat as string))) {
        for (const m of MEASURES[table]) {
          const v = r[m] as number;
          if (v >= 1 && v <= 4) {
            truth.set(`${table}|${groupOf(table, r)}|${r.kode_wilayah}|${m}`, v);
            r[m] = null;
          }
        }
      }
    }
    const recovered = attack(weak);
    expect(recovered.size).toBeGreaterThan(10);
    for (const [cell, v] of recovered) expect(v, cell).toBe(truth.get(cell));
    // and it does so in every table: programme and family counts are attacked as hard as child counts
    const perTable = (table: string) => [...recovered.keys()].filter((c) => c.startsWith(`${table}|`)).length;
    expect({ gizi: perTable('gizi') > 0, keluarga: perTable('keluarga') > 0, program: perTable('program') > 0 }).toEqual({ gizi: true, keluarga: true, program: true });
  });

  it('programme and family counts of people of 1-4 below regency level are hidden, and so is every rate built on one', () => {
    let small = 0;
    for (const table of ['program', 'keluarga'] as const) {
      const ex = new Map(exact[table].map((r) => [`${groupOf(table, r)}|${r.kode_wilayah}`, r]));
      for (const r of pub[table]) {
        const e = ex.get(`${groupOf(table, r)}|${r.kode_wilayah}`)!;
        for (const m of MEASURES[table]) {
          const v = e[m] as number | null;
          if (LOW.includes(r.tingkat as string) && v !== null && v >= 1 && v <= 4) {
            small++;
            expect(r[m], `${table} ${r.kode_wilayah} ${groupOf(table, r)} ${m} = ${v}`).toBeNull();
          }
        }
        for (const x of RATES[table]) if (r[x.num] === null || r[x.den] === null) expect(r[x.rate], `${table} ${r.kode_wilayah} ${x.rate}`).toBeNull();
      }
    }
    expect(small).toBeGreaterThan(30);
  });

  it('the suppression stage hides the same cells whatever order the aggregated rows are stored in, with 1 or 4 threads', async () => {
    // the exact aggregates (internal build) and the areas loaded in shuffled storage orders, then suppressed as the build does
    const exactOut = (await buildOk(generated(), { internal: true })).out;
    const hiddenAfter = async (seed: number, threads: number) => {
      const db = await openDuck({ threads });
      try {
        const pq = (t: string) => `read_parquet('${join(exactOut, `${t}.parquet`)}')`;
        const area = seed === 0 ? 'kode_wilayah' : `hash(kode_wilayah || '${seed}')`;
        await db.run(`CREATE TABLE gazetir AS SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM ${pq('wilayah')} ORDER BY ${area}`);
        for (const t of ['gizi_balita', 'keluarga', 'program', 'kualitas_data']) {
          const key = `kode_wilayah || '|' || periode${t === 'program' ? " || '|' || program" : ''}`;
          await db.run(`CREATE TABLE out_${t} AS SELECT * FROM ${pq(t)} ORDER BY ${seed === 0 ? key : `hash(${key} || '${seed}')`}`);
        }
        await readPreviousRelease(db, join(tempDir(), 'none'));
        await applySuppression(db);
        const cells: string[] = [];
        for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
          const t = { gizi: 'gizi_balita', keluarga: 'keluarga', program: 'program' }[table];
          const rows = await db.all<Row>(`SELECT * FROM out_${t}`);
          cells.push(...hiddenCells({ gizi: [], keluarga: [], program: [], kualitas: [], [table]: rows }));
        }
        return cells.sort();
      } finally {
        db.close();
      }
    };
    const published = hiddenCells(pub).sort();
    expect(published.length).toBeGreaterThan(100);
    for (const [seed, threads] of [[0, 1], [1, 1], [2, 4], [3, 4], [4, 2]]) expect(await hiddenAfter(seed, threads), `order ${seed}, ${threads} threads`).toEqual(published);
  });

  it('ATTACK: no hidden cell of the public output can be recovered by subtraction or from a rate', () => {
    const recovered = attack(pub);
    const truth = new Map<string, number>();
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      for (const r of exact[table]) for (const m of MEASURES[table]) truth.set(`${table}|${groupOf(table, r)}|${r.kode_wilayah}|${m}`, r[m] as number);
    }
    const shown = [...recovered].slice(0, 10).map(([c, v]) => `${c} = ${v} (exact ${truth.get(c)})`);
    expect(shown).toEqual([]);
  });

  it('suppress() hides the same cells whatever the order of the rows (the database may return them in any order)', () => {
    const spec = { measures: [...MEASURES.gizi], rowSums: [{ total: 'jumlah_balita_stunting', parts: ['jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'] }] };
    const rowsOf = () =>
      exact.gizi.map((r): SuppressRow => ({
        kode_wilayah: r.kode_wilayah as string,
        tingkat: r.tingkat as string,
        group: String(r.periode),
        parent: parentOf(r.kode_wilayah as string),
        values: Object.fromEntries(MEASURES.gizi.map((m) => [m, r[m] as number])),
        hidden: new Set(),
      }));
    const hiddenOf = (rows: SuppressRow[]) => rows.flatMap((r) => [...r.hidden].map((m) => `${r.group}|${r.kode_wilayah}|${m}`)).sort();
    const base = rowsOf();
    suppress(base, spec);
    expect(hiddenOf(base)).toEqual(hiddenCells({ ...pub, keluarga: [], program: [] }).map((c) => c.replace(/^gizi\|/, '')).sort());
    for (const seed of [1, 2, 3, 4, 5]) {
      const rows = rowsOf();
      const rnd = prng(seed);
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
      suppress(rows, spec);
      expect(hiddenOf(rows)).toEqual(hiddenOf(base));
    }
  });

  it('suppress() leaves no published equation with exactly one hidden cell (the fixpoint)', () => {
    const rows: SuppressRow[] = pub.gizi.map((r) => ({
      kode_wilayah: r.kode_wilayah as string,
      tingkat: r.tingkat as string,
      group: String(r.periode),
      parent: parentOf(r.kode_wilayah as string),
      values: Object.fromEntries(MEASURES.gizi.map((m) => [m, 0])),
      hidden: new Set(MEASURES.gizi.filter((m) => r[m] === null)),
    }));
    const eqs = buildEquations(rows, { measures: [...MEASURES.gizi], rowSums: [{ total: 'jumlah_balita_stunting', parts: ['jumlah_balita_pendek', 'jumlah_balita_sangat_pendek'] }] });
    expect(eqs.length).toBeGreaterThan(100);
    expect(eqs.filter((eq) => eq.filter((c) => c.row.hidden.has(c.measure)).length === 1)).toEqual([]);
  });
});

describe('previous release: a revised period hides at least what it hid before', () => {
  /** generated() plus late entries for 2024-02 (six more children in 30 villages) and revised programme targets. */
  function revised() {
    const fx = generated();
    const villages = [...villagesOf(['64.08.01', '64.08.02', '64.08.03']), ...villagesOf(['64.74.01', '64.74.02', '64.74.03'])].slice(0, 30);
    let n = 0;
    (fx.eppgbm as Record<string, ReturnType<typeof child>[]>)['susulan_2024-02.csv'] = villages.flatMap((v) =>
      Array.from({ length: 6 }, (_, i) => child({ NIK: `64998${String(n++).padStart(11, '0')}`, 'ZS TB/U': i === 0 ? '-2.60' : '0.40', 'Tanggal Pengukuran': '2024-02-27' }, v)),
    );
    const p = fx.files['raw/program/p.csv'].rows as { sasaran: number; program: string }[];
    for (const r of p) if (r.program === 'PMT' && r.sasaran <= 4) r.sasaran += 6;
    return fx;
  }
  const cellsOf = (t: Tables) => new Set(hiddenCells(t));
  let out: string;
  let v1: Tables;
  let v2: Tables;
  let v2Summary: { keptHidden: number };
  let v2Files: Map<string, Buffer>;
  let fresh: Tables;
  let exact2: Tables;
  beforeAll(async () => {
    out = join(tempDir(), 'public', 'data');
    v1 = await readAll((await buildOk(generated(), { out })).out);
    const r2 = await buildOk(revised(), { out });
    v2Summary = r2.summary;
    v2 = await readAll(out);
    v2Files = snapshotDir(out);
    fresh = await readAll((await buildOk(revised())).out);
    exact2 = await readAll((await buildOk(revised(), { internal: true })).out);
  });

  it('the revision really changes what a fresh build would hide (so the test can fail)', () => {
    const before = cellsOf(v1);
    const shownNow = [...before].filter((c) => !cellsOf(fresh).has(c));
    expect(before.size).toBeGreaterThan(100);
    expect(shownNow.length).toBeGreaterThan(10);
  });

  it('every cell hidden in the previous release is hidden in the new one; the build says how many it kept', () => {
    const now = cellsOf(v2);
    expect([...cellsOf(v1)].filter((c) => !now.has(c)).slice(0, 10)).toEqual([]);
    expect(v2Summary.keptHidden).toBe(cellsOf(v1).size);
    expect(now.size).toBeGreaterThanOrEqual(cellsOf(fresh).size);
  });

  it('the new release still follows every rule: no 1-4 visible, nothing recoverable, visible numbers exact', () => {
    expect([...attack(v2, { kualitas: true })].slice(0, 5)).toEqual([]);
    for (const table of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
      const ex = new Map(exact2[table].map((r) => [`${groupOf(table, r)}|${r.kode_wilayah}`, r]));
      for (const r of v2[table]) {
        const e = ex.get(`${groupOf(table, r)}|${r.kode_wilayah}`)!;
        for (const m of MEASURES[table]) {
          if (r[m] !== null) expect(r[m], `${table} ${r.kode_wilayah} ${m}`).toBe(e[m]);
          const v = r[m] as number | null;
          if (LOW.includes(r.tingkat as string)) expect(v === null || v === 0 || v > 4, `${table} ${r.kode_wilayah} ${m} = ${v}`).toBe(true);
        }
        expect(r.ditekan).toBe(MEASURES[table].some((m) => r[m] === null));
      }
    }
  });

  it('periods the revision did not touch are hidden exactly as before', () => {
    const untouched = (t: Tables) => [...cellsOf(t)].filter((c) => c.startsWith('gizi|2024-01|') || c.startsWith('keluarga|')).sort();
    expect(untouched(v2)).toEqual(untouched(v1));
  });

  it('building the same data again into the same folder changes no byte', async () => {
    await buildOk(revised(), { out });
    const again = snapshotDir(out);
    expect([...again.keys()]).toEqual([...v2Files.keys()]);
    for (const [name, bytes] of v2Files) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  it('an internal release hid nothing: the next public build starts afresh', async () => {
    const dir = join(tempDir(), 'internal');
    await buildOk(generated(), { out: dir, internal: true });
    const r = await buildOk(revised(), { out: dir });
    expect(r.summary.keptHidden).toBe(0);
    expect(hiddenCells(await readAll(dir)).sort()).toEqual(hiddenCells(fresh).sort());
  });

  it('a previous release that cannot be read stops the build and stays as it was', async () => {
    const dir = join(tempDir(), 'broken');
    await buildOk(generated(), { out: dir });
    writeFileSync(join(dir, 'program.parquet'), 'not parquet');
    const before = snapshotDir(dir);
    const r = await build(revised(), { out: dir });
    expect(r.error).toBeInstanceOf(CliError);
    expect(String((r.error as Error).message)).toMatch(/program\.parquet: the previous release's file cannot be read.*hidden cells must stay hidden/s);
    const after = snapshotDir(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe('known leaks', () => {
  // Regression test (fixed) for (src/pipeline/aggregate.ts aggregateKualitas + apply-suppression.ts TARGETS): kualitas_data is
  // published unsuppressed per village and month, and for by-name data
  //   jumlah_balita_diukur = baris_dibaca - (tidak_masuk_akal + usia + duplikat_bulan + haz_kosong + wilayah_tidak_cocok)
  // holds exactly, so every hidden village/district "measured" count is recovered from kualitas_data
  // (and from it, by subtraction, more cells). baris_dibaca itself shows 1-4 at village level.
  it('kualitas_data does not give hidden measured counts away (measured = rows read - exclusions)', async () => {
    const fx = generated();
    const pub = await readAll((await buildOk(fx)).out);
    expect([...attack(pub, { kualitas: true })].slice(0, 5)).toEqual([]);
  });

  // Regression test (fixed) for (src/pipeline/suppress.ts suppress(), `if (!pick) continue`): when a regency (never hidden) has
  // data in only one district, or a district's only hideable sibling cells are already hidden, the
  // equation regency = sum(districts) keeps exactly one hidden cell and the regency total gives it away.
  // The comment "the equations they sit in always get two hidden children" does not hold.
  it('a regency with data in only one village does not reveal that village by its total', async () => {
    const r = await buildOk({ eppgbm: { 'a.csv': [child({ 'ZS TB/U': '-2.5' }), child(), child()] } });
    const t = await readAll(r.out);
    expect(t.gizi.find((g) => g.kode_wilayah === '64.08.01.2014')?.jumlah_balita_diukur).toBeNull(); // hidden: 3
    expect([...attack(t)]).toEqual([]);
  });
});

describe('hidden regency and province totals', () => {
  // BUG (src/pipeline/apply-suppression.ts applySuppression): since a11b97e a regency or province total
  // can be hidden (a regency with data in one district), but kualitas_data at that level still shows
  // baris_dibaca and every exclusion, and measured = rows read - exclusions: the hidden regency and
  // province counts come back, and with them the village below by subtraction. Fix: also null the
  // kualitas_data counts of every row whose gizi_balita "measured" is hidden, at any level.
  it('kualitas_data at regency/province level does not give a hidden regency total away', async () => {
    const r = await buildOk({ eppgbm: { 'a.csv': [child({ 'ZS TB/U': '-2.5' }), child(), child()] } });
    const t = await readAll(r.out);
    expect(t.gizi.find((g) => g.kode_wilayah === '64.08')?.jumlah_balita_diukur).toBeNull(); // the regency total is hidden
    expect([...attack(t, { kualitas: true })]).toEqual([]);
  });
});

describe('suppress() on a hand-made tree', () => {
  const spec: SuppressSpec = { measures: ['n', 'a', 'b'], rowSums: [{ total: 'n', parts: ['a', 'b'] }] };
  const row = (kode: string, tingkat: string, n: number, a: number, b: number): SuppressRow => ({
    kode_wilayah: kode,
    tingkat,
    group: 'g',
    parent: parentOf(kode),
    values: { n, a, b },
    hidden: new Set(),
  });
  // regency R = K1 + K2; K1 = V1 + V2 + V3; K2 = V4 + V5; n = a + b on every row
  const tree = () => [
    row('R', 'kabupaten_kota', 60, 35, 25),
    row('R.K1', 'kecamatan', 33, 20, 13),
    row('R.K1.V1', 'desa_kelurahan', 3, 0, 3), // n and b small
    row('R.K1.V2', 'desa_kelurahan', 10, 6, 4), // b small
    row('R.K1.V3', 'desa_kelurahan', 20, 14, 6),
    row('R.K2', 'kecamatan', 27, 15, 12),
    row('R.K2.V4', 'desa_kelurahan', 12, 7, 5),
    row('R.K2.V5', 'desa_kelurahan', 15, 8, 7),
  ];
  const hidden = (rows: SuppressRow[]) => rows.flatMap((r) => [...r.hidden].sort().map((m) => `${r.kode_wilayah}.${m}`)).sort();

  it('hides every 1-4 count at district and village level (primary)', () => {
    const rows = tree();
    suppress(rows, spec);
    for (const c of ['R.K1.V1.n', 'R.K1.V1.b', 'R.K1.V2.b']) expect(hidden(rows)).toContain(c);
  });

  it('adds complementary cells until no equation has exactly one hidden cell, preferring small non-zero values', () => {
    const rows = tree();
    suppress(rows, spec);
    for (const eq of buildEquations(rows, spec)) expect(eq.filter((c) => c.row.hidden.has(c.measure)).length).not.toBe(1);
    // V1: n=3 (primary), b=3 (primary), a=0 visible -> n = a + b has two hidden cells, fine.
    // K1.b = V1.b + V2.b + V3.b with V1.b, V2.b hidden: two hidden, fine. K1.n = V1.n + V2.n + V3.n: one hidden
    // (V1.n) -> the smallest other non-zero hideable cell is V2.n (10); then V2: n = a + b has n, b hidden.
    expect(hidden(rows)).toEqual(['R.K1.V1.b', 'R.K1.V1.n', 'R.K1.V2.b', 'R.K1.V2.n'].sort());
    expect(rows[0].hidden.size).toBe(0); // the regency is never hidden
  });

  it('never hides a zero or a regency total by the primary rule', () => {
    const rows = [row('R', 'kabupaten_kota', 4, 4, 0), row('R.K1', 'kecamatan', 4, 4, 0), row('R.K1.V1', 'desa_kelurahan', 4, 4, 0), row('R.K2', 'kecamatan', 0, 0, 0)];
    suppress(rows, spec);
    expect(rows[0].hidden.size).toBe(0);
    expect([...rows[1].hidden].sort()).toEqual(['a', 'n']);
    expect([...rows[2].hidden].sort()).toEqual(['a', 'n']);
  });

  it('is deterministic: the same input gives the same hidden cells whatever the row order', () => {
    const a = tree();
    const b = tree().reverse();
    suppress(a, spec);
    suppress(b, spec);
    expect(hidden(b)).toEqual(hidden(a));
  });

  // Regression test (fixed) for suppress() working its queue in the order rows came from DuckDB: this
  // 7-row tree (one regency, two districts, four villages) hid V2.a in some row orders and not in others.
  it('a 7-row tree hides the same cells in every one of its 5,040 row orders', () => {
    const v = [[1, 3], [7, 3], [2, 5], [0, 8]] as const; // a, b per village; n = a + b
    const sum = (i: number[], k: 0 | 1) => i.reduce((s, j) => s + v[j][k], 0);
    const seven = () => [
      row('R', 'kabupaten_kota', sum([0, 1, 2, 3], 0) + sum([0, 1, 2, 3], 1), sum([0, 1, 2, 3], 0), sum([0, 1, 2, 3], 1)),
      row('R.K1', 'kecamatan', sum([0, 1], 0) + sum([0, 1], 1), sum([0, 1], 0), sum([0, 1], 1)),
      row('R.K2', 'kecamatan', sum([2, 3], 0) + sum([2, 3], 1), sum([2, 3], 0), sum([2, 3], 1)),
      ...v.map(([a, b], i) => row(`R.K${i < 2 ? 1 : 2}.V${i + 1}`, 'desa_kelurahan', a + b, a, b)),
    ];
    const permutations = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    const seen = new Map<string, number>();
    const orders = permutations([0, 1, 2, 3, 4, 5, 6]);
    expect(orders.length).toBe(5040);
    let leaky = 0; // orders leaving an equation with exactly one hidden cell
    for (const order of orders) {
      const rows = seven();
      suppress(order.map((i) => rows[i]), spec);
      if (buildEquations(rows, spec).some((eq) => eq.filter((c) => c.row.hidden.has(c.measure)).length === 1)) leaky++;
      const h = hidden(rows).join(' ');
      seen.set(h, (seen.get(h) ?? 0) + 1);
    }
    expect(leaky).toBe(0);
    expect([...seen.keys()]).toHaveLength(1);
    expect([...seen.keys()][0]).toContain('R.K1.V1.n'); // something is hidden at all (1 + 3)
  });

  it('cells hidden on entry (a previous release) stay hidden and are protected like primary ones', () => {
    const rows = tree();
    rows[4].hidden.add('a'); // V3.a = 14: no rule would hide it
    suppress(rows, spec);
    expect(hidden(rows)).toContain('R.K1.V3.a');
    for (const eq of buildEquations(rows, spec)) expect(eq.filter((c) => c.row.hidden.has(c.measure)).length).not.toBe(1);
  });

  it('refuses two rows for one area in one group (an upstream bug, never silently merged)', () => {
    expect(() => suppress([...tree(), row('R.K2.V5', 'desa_kelurahan', 1, 1, 0)], spec)).toThrow(/two rows for R\.K2\.V5/);
  });

  // the leak above, in the unit: R = K1 with K1 hidden and nothing else hideable
  it('a regency total equal to its single district does not reveal the hidden district', () => {
    const rows = [row('R', 'kabupaten_kota', 4, 4, 0), row('R.K1', 'kecamatan', 4, 4, 0), row('R.K1.V1', 'desa_kelurahan', 4, 4, 0)];
    suppress(rows, spec);
    for (const eq of buildEquations(rows, spec)) expect(eq.filter((c) => c.row.hidden.has(c.measure)).length).not.toBe(1);
  });
});

