/**
 * Same inputs -> byte-identical outputs: every Parquet file and manifest.json, build after build,
 * wherever the input and output folders are.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLES } from '../../src/lib/schema.ts';
import { buildOk, child, cleanup, makeInput, prng, readTableOut, ROOT, snapshotDir, tempDir, villagesOf, type ByNameRow, type Fixture } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

/** Every input kind, so that every output table has rows. */
function fixture(order = 0): Fixture {
  const rnd = prng(99);
  const villages = villagesOf(['64.08.01', '64.74.01']);
  const rows: ByNameRow[] = [];
  for (let i = 0; i < 400; i++) {
    const v = villages[Math.floor(rnd() * villages.length)];
    rows.push(child({ NIK: `64770${String(i % 330).padStart(11, '0')}`, 'ZS TB/U': (-4 + rnd() * 6).toFixed(2), 'Tanggal Pengukuran': `2024-0${1 + Math.floor(rnd() * 3)}-${10 + Math.floor(rnd() * 18)}` }, v));
  }
  if (order) {
    const r = prng(order);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
  }
  const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
  return {
    eppgbm: { 'a.csv': rows.slice(0, 250), 'b.csv': rows.slice(250) },
    files: {
      'raw/eppgbm-desa/d.csv': 'kode_wilayah,periode,jumlah_sasaran_balita,jumlah_balita_diukur,jumlah_balita_pendek,jumlah_balita_sangat_pendek\n64.08.02.2001,2024-01,40,33,5,2\n64.08.02.2002,2024-01,20,3,1,0\n',
      'raw/sasaran/s.csv': `kode_wilayah,tahun,jumlah_sasaran_balita\n${villages.map((v, i) => `${v.kode},2024,${20 + i}`).join('\n')}\n`,
      'raw/keluarga/k.csv': `kode_wilayah,periode,jumlah_keluarga_sasaran,jumlah_keluarga_berisiko_stunting,jumlah_keluarga_berisiko_didampingi\n${villages.map((v, i) => `${v.kode},2024-S1,${10 + i},${3 + (i % 5)},${i % 3}`).join('\n')}\n`,
      'raw/program/p.csv': `kode_wilayah,periode,program,sasaran,realisasi\n${villages.map((v, i) => `${v.kode},2024,PMT,${5 + i},${i % 4}`).join('\n')}\n64.08.02,2024-S1,BAAS,12,9\n`,
      'raw/survei/survei.csv': read('data/raw/survei/survei_stunting.csv'),
      'reference/target.csv': read('data/reference/target.csv'),
      'reference/indikator.csv': read('data/reference/indikator.csv'),
      'reference/lokus.csv': 'kode_wilayah,tahun,sumber\n64.08.01.2014,2024,SK Bupati Kutai Timur\n64.74.01.1001,2024,SK Wali Kota Bontang\n',
      'reference/prioritas.csv': read('data/reference/prioritas.csv'),
    },
  };
}

const same = (a: Map<string, Buffer>, b: Map<string, Buffer>) => {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), `${name} differs`).toBe(true);
};

describe('byte-identical outputs', () => {
  let input: string;
  let first: Map<string, Buffer>;
  beforeAll(async () => {
    input = makeInput(fixture());
    first = snapshotDir((await buildOk(input)).out);
  });

  it('every table is written and has rows (so the comparison covers real content)', () => {
    expect([...first.keys()].sort()).toEqual([...Object.values(TABLES).map((t) => t.file), 'manifest.json'].sort());
    const manifest = JSON.parse(first.get('manifest.json')!.toString('utf8')) as { outputs: { file: string; rows: number }[] };
    for (const o of manifest.outputs) expect(o.rows, o.file).toBeGreaterThan(0);
  });

  it('building the same input twice gives the same bytes in every file', async () => {
    same(first, snapshotDir((await buildOk(input)).out));
  });

  it('a copy of the input in another folder, built into another folder, gives the same bytes', async () => {
    const copy = join(tempDir(), 'elsewhere', 'input');
    cpSync(input, copy, { recursive: true });
    const out = join(tempDir(), 'deeper', 'public', 'data');
    same(first, snapshotDir((await buildOk(copy, { out })).out));
  });

  it('the manifest holds no absolute path, time or host-specific value', () => {
    const text = first.get('manifest.json')!.toString('utf8');
    expect(text).not.toContain(input);
    expect(text).not.toMatch(/\/tmp\/|\\\\|[A-Z]:\\/);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/); // no timestamps
    const m = JSON.parse(text) as { inputs: { name: string; sha256: string }[]; outputs: { file: string; sha256: string; bytes: number }[] };
    expect(m.inputs.map((i) => i.name)).toEqual([...m.inputs.map((i) => i.name)].sort());
    for (const o of m.outputs) expect(first.get(o.file)!.length).toBe(o.bytes);
  });

  it('the internal build is deterministic too', async () => {
    const a = snapshotDir((await buildOk(input, { internal: true })).out);
    const b = snapshotDir((await buildOk(input, { internal: true })).out);
    same(a, b);
    // and differs from the public one (suppression really changes the numbers)
    expect(a.get('gizi_balita.parquet')!.equals(first.get('gizi_balita.parquet')!)).toBe(false);
  });

  it('the order of rows in the exports does not change any Parquet byte', async () => {
    const shuffled = snapshotDir((await buildOk(fixture(12345))).out);
    for (const [name, bytes] of first) {
      if (name === 'manifest.json') continue; // input checksums differ, as they should
      expect(shuffled.get(name)!.equals(bytes), `${name} differs`).toBe(true);
    }
    expect(shuffled.get('manifest.json')!.equals(first.get('manifest.json')!)).toBe(false);
  });
});

/**
 * Many small counts in several files of each kind, so that complementary suppression has real choices
 * to make (which are what moved with row order and thread count). Periods are given as arguments so
 * that one more period, or late entries for one, can be added without touching the others.
 */
function periodsFixture(opts: { months: string[]; semesters: string[]; years: string[]; late?: { month: string; extra: number } }) {
  // one random stream per period: adding a period changes nothing in the others
  const seeded = (period: string) => prng([...period].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  const villages = villagesOf(['64.08.01', '64.08.02', '64.74.01']);
  const byName: Record<string, ByNameRow[]> = {};
  for (const month of opts.months) {
    const rnd = seeded(month);
    let nik = 0;
    const rows: ByNameRow[] = [];
    for (const v of villages) {
      const u = rnd();
      const n = u < 0.15 ? 0 : u < 0.55 ? 1 + Math.floor(rnd() * 4) : u < 0.85 ? 5 + Math.floor(rnd() * 8) : 20 + Math.floor(rnd() * 6);
      for (let i = 0; i < n; i++) {
        nik++;
        rows.push(child({ NIK: `64880${month.replace('-', '')}${String(nik).padStart(5, '0')}`, 'ZS TB/U': (-1.4 + 1.6 * (rnd() + rnd() - 1) * 1.8).toFixed(2), 'Tanggal Pengukuran': `${month}-1${i % 9}` }, v));
      }
    }
    byName[`eppgbm_${month}.csv`] = rows;
  }
  if (opts.late) {
    // late entries: more children in the first villages, for a month published before
    byName[`eppgbm_${opts.late.month}_susulan.csv`] = villages.slice(0, opts.late.extra).flatMap((v, i) =>
      [0, 1, 2].map((j) => child({ NIK: `64889${String(i * 3 + j).padStart(11, '0')}`, 'ZS TB/U': j === 0 ? '-2.40' : '0.30', 'Tanggal Pengukuran': `${opts.late!.month}-25` }, v)),
    );
  }
  const files: Record<string, { rows: Record<string, string | number>[] }> = {};
  for (const s of opts.semesters) {
    const rnd = seeded(s);
    files[`raw/keluarga/keluarga_${s}.csv`] = {
      rows: villages.map((v) => {
        const sasaran = 1 + Math.floor(rnd() * 30);
        const berisiko = Math.floor(rnd() * (sasaran + 1));
        return { kode_wilayah: v.kode, periode: s, jumlah_keluarga_sasaran: sasaran, jumlah_keluarga_berisiko_stunting: berisiko, jumlah_keluarga_berisiko_didampingi: Math.floor(rnd() * (berisiko + 1)) };
      }),
    };
  }
  for (const y of opts.years) {
    const rnd = seeded(y);
    files[`raw/program/program_${y}.csv`] = {
      rows: [
        ...villages.map((v) => ({ kode_wilayah: v.kode, periode: y, program: 'PMT', sasaran: 1 + Math.floor(rnd() * 20), realisasi: Math.floor(rnd() * 12) })),
        ...villages.filter((v) => rnd() < 0.6).map((v) => ({ kode_wilayah: v.kode, periode: `${y}-S1`, program: 'BAAS', sasaran: 1 + Math.floor(rnd() * 7), realisasi: Math.floor(rnd() * 5) })),
        // a tree whose complementary cells the old suppress() chose by row order (see suppression.test.ts)
        ...[[villages[0], 9, 3], [villages[1], 6, 0], [villagesOf(['64.08.02'])[0], 8, 7], [villagesOf(['64.08.02'])[1], 7, 1]].map(([v, sasaran, realisasi]) => ({
          kode_wilayah: (v as { kode: string }).kode, periode: y, program: 'UKUR', sasaran: sasaran as number, realisasi: realisasi as number,
        })),
      ],
    };
  }
  return { eppgbm: byName, files } satisfies Fixture;
}

/** The same files with their contents in reverse: rows reversed, and each kind's files swapped end to end. */
function reversed(fx: ReturnType<typeof periodsFixture>): Fixture {
  const flip = <T,>(named: Record<string, T[]>, rev: (rows: T[]) => T[]) => {
    const names = Object.keys(named).sort();
    return Object.fromEntries(names.map((n, i) => [n, rev(named[names[names.length - 1 - i]])]));
  };
  const eppgbm = flip(fx.eppgbm, (rows) => [...rows].reverse());
  const files: Record<string, { rows: Record<string, string | number>[] }> = {};
  for (const dir of ['raw/keluarga/', 'raw/program/']) {
    const of = Object.fromEntries(Object.entries(fx.files).filter(([k]) => k.startsWith(dir)).map(([k, v]) => [k, v.rows]));
    for (const [k, rows] of Object.entries(flip(of, (r) => [...r].reverse()))) files[k] = { rows };
  }
  return { eppgbm, files };
}

/** Rows of every table that has periods, as text, keyed by period (the key order of the Parquet file). */
async function rowsByPeriod(out: string): Promise<Map<string, string[]>> {
  const by = new Map<string, string[]>();
  for (const t of Object.values(TABLES)) {
    if (!t.columns.some((c) => c.name === 'periode')) continue;
    const rows = await readTableOut(out, t.name);
    for (const r of rows) {
      const k = `${t.name}|${String(r.periode).slice(0, 4)}|${r.periode}`;
      by.set(k, [...(by.get(k) ?? []), JSON.stringify(r)]);
    }
  }
  return by;
}

const parquetOnly = (m: Map<string, Buffer>) => new Map([...m].filter(([k]) => k.endsWith('.parquet')));

describe('suppression is a function of each period\'s values only', () => {
  const base = { months: ['2024-01', '2024-02'], semesters: ['2024-S1'], years: ['2024'] };
  let input: string;
  let one: Map<string, Buffer>;
  beforeAll(async () => {
    input = makeInput(periodsFixture(base));
    one = snapshotDir((await buildOk(input, { threads: 1 })).out);
  });

  it('the fixture hides many cells in every suppressed table (so there are choices to get wrong)', async () => {
    const out = join(tempDir(), 'o');
    writeSnapshot(one, out);
    for (const [t, min] of [['gizi_balita', 40], ['keluarga', 10], ['program', 20]] as const) {
      const rows = await readTableOut(out, t, 'WHERE ditekan');
      expect(rows.length, t).toBeGreaterThan(min);
    }
  });

  it('DuckDB with 2 and 4 threads writes the same bytes as with 1, in every file', async () => {
    for (const threads of [2, 4]) same(one, snapshotDir((await buildOk(input, { threads })).out));
  });

  it('input files listed in reverse order (and their rows reversed) give the same Parquet bytes', async () => {
    const rev = snapshotDir((await buildOk(reversed(periodsFixture(base)), { threads: 4 })).out);
    same(parquetOnly(one), parquetOnly(rev));
  });

  it('a build with one more period leaves every earlier period\'s rows byte-identical', async () => {
    const before = await rowsByPeriod((await buildOk(input)).out);
    const more = await rowsByPeriod((await buildOk(periodsFixture({ months: [...base.months, '2024-03'], semesters: [...base.semesters, '2024-S2'], years: [...base.years, '2025'] }))).out);
    expect([...more.keys()].filter((k) => !before.has(k)).map((k) => k.split('|')[2])).toEqual(expect.arrayContaining(['2024-03', '2024-S2', '2025', '2025-S1']));
    for (const [k, rows] of before) expect(more.get(k), k).toEqual(rows);
  });

  it('late entries for one month change that month only', async () => {
    const before = await rowsByPeriod((await buildOk(input)).out);
    const late = await rowsByPeriod((await buildOk(periodsFixture({ ...base, late: { month: '2024-02', extra: 6 } }))).out);
    expect(late.get('gizi_balita|2024|2024-02')).not.toEqual(before.get('gizi_balita|2024|2024-02')); // the late entries count
    for (const [k, rows] of before) if (!k.endsWith('|2024-02')) expect(late.get(k), k).toEqual(rows);
  });
});

function writeSnapshot(files: Map<string, Buffer>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
}
