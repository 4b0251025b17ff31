/**
 * Same inputs -> byte-identical outputs: every Parquet file and manifest.json, build after build,
 * wherever the input and output folders are.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLES } from '../../src/lib/schema.ts';
import { buildOk, child, cleanup, makeInput, prng, ROOT, snapshotDir, tempDir, villagesOf, type ByNameRow, type Fixture } from './helpers.ts';

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
      'raw/survei/survei.csv': read('data/raw/survei/survei_stunting_kaltim.csv'),
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
