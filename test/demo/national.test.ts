import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPPGBM_HEADER } from '../../src/demo/eppgbm.ts';
import { generateNationalByName, villageStride } from '../../src/demo/national.ts';

const ROWS = 60_000;
let dir: string;
let result: { rows: number; bytes: number };
let rows: string[][];
let header: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-national-'));
  result = await generateNationalByName(join(dir, 'a.csv'), { rows: ROWS, seed: 3 });
  const parsed = Papa.parse<string[]>(readFileSync(join(dir, 'a.csv'), 'utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  header = parsed.data[0];
  rows = parsed.data.slice(1);
}, 120_000); // loads the national gazetteer: slow on a busy 2-core machine
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const col = (name: string) => header.indexOf(name);

describe('generateNationalByName', () => {
  it('writes exactly the requested rows, in the e-PPGBM format', () => {
    expect(result.rows).toBe(ROWS);
    expect(rows.length).toBe(ROWS);
    expect(result.bytes).toBe(statSync(join(dir, 'a.csv')).size);
    expect(header).toEqual([...EPPGBM_HEADER]);
    expect(rows.filter((r) => r.length !== EPPGBM_HEADER.length)).toEqual([]);
    expect(rows.filter((r) => !/^99\d{14}$/.test(r[0])).slice(0, 3)).toEqual([]);
  });

  it('covers every province and every month of 2024', () => {
    const provinces = new Set(rows.map((r) => r[col('Prov')]));
    expect(provinces.size).toBe(38);
    const months = new Set(rows.map((r) => r[col('Tanggal Pengukuran')].slice(0, 7)));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(rows.map((r) => r[col('Desa/Kel')])).size).toBeGreaterThan(2000);
  });

  it('uses every village at benchmark scale', () => {
    expect(villageStride(20_000_000, 83_762)).toBe(1);
    expect(villageStride(2_100_000, 83_762)).toBe(1);
    expect(villageStride(ROWS, 83_762)).toBeGreaterThan(1);
  });

  it('has the small shares of repeats, over-age children and implausible z-scores', () => {
    const seen = new Set<string>();
    let repeats = 0;
    let overAge = 0;
    let implausible = 0;
    const bad: string[] = [];
    for (const r of rows) {
      const key = `${r[0]}|${r[col('Tanggal Pengukuran')].slice(0, 7)}`;
      if (seen.has(key)) repeats++;
      seen.add(key);
      const m = /^(\d+) Tahun - (\d+) Bulan - (\d+) Hari$/.exec(r[col('Usia Saat Ukur')]);
      if (!m) bad.push(r[col('Usia Saat Ukur')]);
      else if (Number(m[1]) >= 5) overAge++;
      const z = Number(r[col('ZS TB/U')]);
      if (Math.abs(z) > 6) implausible++;
      const label = z < -3 ? 'Sangat Pendek' : z < -2 ? 'Pendek' : z <= 3 ? 'Normal' : 'Tinggi';
      if (r[col('TB/U')] !== label) bad.push(`${r[col('TB/U')]} ${z}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(repeats / ROWS).toBeGreaterThan(0.005);
    expect(repeats / ROWS).toBeLessThan(0.02);
    expect(overAge / ROWS).toBeGreaterThan(0.002);
    expect(overAge / ROWS).toBeLessThan(0.01);
    expect(implausible).toBeGreaterThan(0);
    expect(implausible / ROWS).toBeLessThan(0.002);
  });

  it('is deterministic, with or without worker threads', async () => {
    await generateNationalByName(join(dir, 'b.csv'), { rows: 40_000, seed: 3, threads: 1 });
    await generateNationalByName(join(dir, 'c.csv'), { rows: 40_000, seed: 3, threads: 1 });
    const two = await generateNationalByName(join(dir, 'd.csv'), { rows: 40_000, seed: 3, threads: 2 });
    const h = (f: string) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
    expect(h('b.csv')).toBe(h('c.csv'));
    expect(h('d.csv')).toBe(h('b.csv'));
    expect(two).toEqual({ rows: 40_000, bytes: statSync(join(dir, 'b.csv')).size });
  });
});
