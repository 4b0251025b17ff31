import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoSummary } from '../../src/demo/generate.ts';
import { EPPGBM_HEADER, OLD_SPELLINGS } from '../../src/demo/eppgbm.ts';

/** The demo generator at a tenth of its size: same code paths, about 1 s. */

const SEED = 7;
const SCALE = 0.1;
let root: string;
let a: string;
let b: string;
let summary: DemoSummary;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'atlas-demo-'));
  a = join(root, 'a');
  b = join(root, 'b');
  summary = await generateDemo({ out: a, seed: SEED, scale: SCALE });
  await generateDemo({ out: b, seed: SEED, scale: SCALE });
}, 180_000); // two demos: seconds on an idle machine, much longer on a busy one
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, join(sub, e.name)) : [join(sub, e.name)]))
    .sort();
}

interface Parsed {
  header: string[];
  rows: string[][];
  bom: boolean;
  crlf: boolean;
  delimiter: string;
}

function parse(path: string): Parsed {
  const raw = readFileSync(path, 'utf8');
  const bom = raw.startsWith('\ufeff');
  const text = bom ? raw.slice(1) : raw;
  const firstLine = text.slice(0, text.indexOf('\n') + 1);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(res.errors, path).toEqual([]);
  return { header: res.data[0], rows: res.data.slice(1), bom, crlf: firstLine.endsWith('\r\n'), delimiter };
}

const recordCache = new Map<string, Record<string, string>[]>();
function records(path: string): Record<string, string>[] {
  let out = recordCache.get(path);
  if (!out) {
    const p = parse(path);
    out = p.rows.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r[i]])));
    recordCache.set(path, out);
  }
  return out;
}

/** Kalimantan Timur's villages, read straight from idn-area-data (not through the generator). */
function kaltimVillages(): string[] {
  const require = createRequire(import.meta.url);
  const csv = readFileSync(join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'villages.csv'), 'utf8');
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.map((r) => r[0]).filter((c) => c.startsWith('64.'));
}

const byNameFiles = () => files(a, 'raw/eppgbm').map((f) => join(a, f));

describe('generateDemo', () => {
  it('is deterministic: same seed and scale, byte-identical files', () => {
    const fa = files(a);
    expect(fa).toEqual(files(b));
    for (const f of fa) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('changes with the seed', async () => {
    const c = join(root, 'c');
    await generateDemo({ out: c, seed: SEED + 1, scale: SCALE });
    const hash = (dir: string) => createHash('sha256').update(readFileSync(join(dir, 'raw/sasaran/sasaran_balita_2024.csv'))).digest('hex');
    expect(hash(c)).not.toBe(hash(a));
  });

  it('writes the input layout the build step reads, and a demo marker', () => {
    const all = files(a);
    for (const dir of ['raw/eppgbm/', 'raw/eppgbm-desa/', 'raw/sasaran/', 'raw/keluarga/', 'raw/program/', 'raw/survei/']) {
      expect(all.some((f) => f.startsWith(dir) && f.endsWith('.csv')), dir).toBe(true);
    }
    for (const f of ['program.csv', 'target.csv', 'indikator.csv', 'rutin_dipublikasikan.csv', 'lokus.csv', 'crosswalk.csv']) {
      expect(all).toContain(join('reference', f));
    }
    const marker = JSON.parse(readFileSync(join(a, 'demo.json'), 'utf8'));
    expect(marker).toMatchObject({ synthetic: true, seed: SEED, generator: 'scripts/generate-demo.ts' });
    expect(marker.note).toMatch(/^Data contoh \(sintetis\)/);
    expect(summary.files.length).toBe(all.length);
    expect(summary.byNameRows).toBeGreaterThan(5000);
  });

  it('copies the real reference and survey files unchanged', () => {
    for (const f of ['reference/program.csv', 'reference/target.csv', 'raw/survei/survei_stunting.csv']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join('data', f))), f).toBe(true);
    }
  });

  it('uses exactly the e-PPGBM header, in several dialects', () => {
    const parsed = byNameFiles().map(parse);
    for (const p of parsed) expect(p.header).toEqual([...EPPGBM_HEADER]);
    expect(parsed.some((p) => p.delimiter === ';' && p.bom && p.crlf)).toBe(true);
    expect(parsed.some((p) => p.delimiter === ',' && !p.bom && !p.crlf)).toBe(true);
    const col = (p: Parsed, name: string) => p.header.indexOf(name);
    expect(parsed.some((p) => p.rows.some((r) => /^\d\d\/\d\d\/\d{4}$/.test(r[col(p, 'Tanggal Pengukuran')])))).toBe(true);
    expect(parsed.some((p) => p.rows.some((r) => /^\d{4}-\d\d-\d\d$/.test(r[col(p, 'Tanggal Pengukuran')])))).toBe(true);
    // decimal comma in a comma-delimited file: the field is quoted, so it parses back whole
    expect(parsed.some((p) => p.delimiter === ',' && p.rows.some((r) => /^-?\d+,\d\d$/.test(r[col(p, 'ZS TB/U')])))).toBe(true);
    expect(parsed.some((p) => p.rows.some((r) => /^-?\d+\.\d\d$/.test(r[col(p, 'ZS TB/U')])))).toBe(true);
  });

  it('writes plausible by-name rows: synthetic NIKs, labels that agree with z-scores, ages that agree with dates', () => {
    const rows = byNameFiles().flatMap(records);
    const date = (s: string) => (s.includes('/') ? s.split('/').reverse().join('-') : s);
    const bad: string[] = [];
    let implausible = 0;
    let overAge = 0;
    let labelOnly = 0;
    let repeats = 0;
    const seen = new Set<string>();
    for (const r of rows) {
      if (!/^99\d{14}$/.test(r.NIK)) bad.push(`NIK ${r.NIK}`);
      if (!r.Prov.toUpperCase().includes('KALIMANTAN TIMUR')) bad.push(`Prov ${r.Prov}`);
      if (r['Kab/Kota'].toUpperCase().includes('MAHAKAM ULU')) bad.push('Mahakam Ulu has no by-name rows');
      const z = r['ZS TB/U'] === '' ? null : Number(r['ZS TB/U'].replace(',', '.'));
      if (z === null) {
        if (r['TB/U'] !== '') labelOnly++;
      } else {
        const label = z < -3 ? 'Sangat Pendek' : z < -2 ? 'Pendek' : z <= 3 ? 'Normal' : 'Tinggi';
        if (r['TB/U'] !== label) bad.push(`TB/U ${r['TB/U']} for ${z}`);
        if (Math.abs(z) > 6) implausible++;
      }
      const m = /^(\d+) Tahun - (\d+) Bulan - (\d+) Hari$/.exec(r['Usia Saat Ukur']);
      if (!m) {
        bad.push(`Usia ${r['Usia Saat Ukur']}`);
        continue;
      }
      const months = Number(m[1]) * 12 + Number(m[2]);
      const [by, bm, bd] = date(r['Tgl Lahir']).split('-').map(Number);
      const [y, mo, d] = date(r['Tanggal Pengukuran']).split('-').map(Number);
      if (months !== (y - by) * 12 + mo - bm - (d < bd ? 1 : 0)) bad.push(`age ${r['Usia Saat Ukur']} born ${r['Tgl Lahir']} measured ${r['Tanggal Pengukuran']}`);
      if (months >= 60) overAge++;
      const key = `${r.NIK}|${y}-${mo}`;
      if (seen.has(key)) repeats++;
      seen.add(key);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // the cases the build step must handle are all there
    expect(implausible).toBeGreaterThan(0);
    expect(overAge).toBeGreaterThan(0);
    expect(labelOnly).toBeGreaterThan(0);
    expect(repeats / rows.length).toBeGreaterThan(0.004);
    expect(repeats / rows.length).toBeLessThan(0.02);
    expect(overAge / rows.length).toBeLessThan(0.015);
  });

  it('lets the same children recur over rounds', () => {
    const byPeriod = new Map<string, Set<string>>();
    for (const f of byNameFiles().filter((x) => x.includes('_6402_'))) {
      byPeriod.set(f.slice(-11, -4), new Set(records(f).map((r) => r.NIK)));
    }
    const feb = byPeriod.get('2024-02')!;
    const aug = byPeriod.get('2024-08')!;
    const both = [...aug].filter((n) => feb.has(n)).length;
    expect(both / aug.size).toBeGreaterThan(0.6);
  });

  it('uses the old village spellings that reference/crosswalk.csv fixes', () => {
    const cw = records(join(a, 'reference/crosswalk.csv'));
    expect(cw.length).toBe(Object.keys(OLD_SPELLINGS).length);
    const names = new Set(byNameFiles().flatMap(records).map((r) => r['Desa/Kel'].trim().toUpperCase()));
    for (const e of cw) {
      expect(names.has(e.nama_desa), e.nama_desa).toBe(true);
      expect(e.kode_wilayah).toMatch(/^64\.\d\d\.\d\d\.\d{4}$/);
    }
  });

  it('has a target for every village of Kalimantan Timur and every year', () => {
    const villages = kaltimVillages();
    expect(villages.length).toBe(1038);
    const rows = files(a, 'raw/sasaran').flatMap((f) => records(join(a, f)));
    expect(parse(join(a, files(a, 'raw/sasaran')[0])).header).toEqual(['kode_wilayah', 'tahun', 'jumlah_sasaran_balita']);
    for (const year of ['2023', '2024', '2025']) {
      const codes = new Set(rows.filter((r) => r.tahun === year).map((r) => r.kode_wilayah));
      expect(codes.size, year).toBe(1038);
      expect(villages.filter((v) => !codes.has(v)), year).toEqual([]);
    }
    expect(rows.filter((r) => !(Number(r.jumlah_sasaran_balita) >= 0))).toEqual([]);
  });

  it('never has a village-month in both the by-name exports and the village counts', () => {
    const desa = files(a, 'raw/eppgbm-desa').flatMap((f) => records(join(a, f)));
    expect(parse(join(a, files(a, 'raw/eppgbm-desa')[0])).header).toEqual([
      'kode_wilayah', 'periode', 'jumlah_sasaran_balita', 'jumlah_balita_diukur', 'jumlah_balita_pendek', 'jumlah_balita_sangat_pendek',
    ]);
    expect(desa.length).toBeGreaterThan(0);
    const desaRegencies = new Set(desa.map((r) => r.kode_wilayah.slice(0, 4)));
    // by-name files name their regency in the file name; the rows' regency names are checked above
    const byNameRegencies = new Set(byNameFiles().map((f) => /eppgbm_(\d{4})_/.exec(f)![1]));
    for (const r of desaRegencies) expect(byNameRegencies.has(r)).toBe(false);
    const keys = new Set<string>();
    const bad = desa.filter((r) => {
      const key = `${r.kode_wilayah}|${r.periode}`;
      const dup = keys.has(key);
      keys.add(key);
      const [diukur, pendek, sangat] = [r.jumlah_balita_diukur, r.jumlah_balita_pendek, r.jumlah_balita_sangat_pendek].map(Number);
      return dup || !/^6411\d{6}$/.test(r.kode_wilayah) || !/^20\d\d-\d\d$/.test(r.periode) || pendek + sangat > diukur;
    });
    expect(bad).toEqual([]);
  });

  it('keeps didampingi <= berisiko <= sasaran in the family data', () => {
    const rows = files(a, 'raw/keluarga').flatMap((f) => records(join(a, f)));
    expect(Object.keys(rows[0])).toEqual([
      'kode_wilayah', 'periode', 'jumlah_keluarga_sasaran', 'jumlah_keluarga_berisiko_stunting', 'jumlah_keluarga_berisiko_didampingi',
    ]);
    expect(new Set(rows.map((r) => r.periode))).toEqual(new Set(['2023-S1', '2023-S2', '2024-S1', '2024-S2', '2025-S1', '2025-S2']));
    expect(rows.length).toBe(1038 * 6);
    const bad = rows.filter((r) => {
      const s = Number(r.jumlah_keluarga_sasaran);
      const k = Number(r.jumlah_keluarga_berisiko_stunting);
      const d = Number(r.jumlah_keluarga_berisiko_didampingi);
      return !(Number.isInteger(d) && d >= 0 && d <= k && k <= s);
    });
    expect(bad).toEqual([]);
  });

  it('reports each programme and period at one level only, within target except CATIN', () => {
    const rows = files(a, 'raw/program').flatMap((f) => records(join(a, f)));
    expect(Object.keys(rows[0])).toEqual(['kode_wilayah', 'periode', 'program', 'sasaran', 'realisasi']);
    const known = new Set(records('data/reference/program.csv').map((r) => r.kode));
    const at = new Set(rows.map((r) => `${r.program}|${r.periode}|${r.kode_wilayah}`));
    const bad = rows.filter((r) => {
      // no ancestor area reports the same programme and period
      const parts = r.kode_wilayah.split('.');
      const doubled = parts.slice(1).some((_, n) => at.has(`${r.program}|${r.periode}|${parts.slice(0, n + 1).join('.')}`));
      return !known.has(r.program) || doubled || (r.program !== 'CATIN' && Number(r.realisasi) > Number(r.sasaran));
    });
    expect(bad).toEqual([]);
    expect(new Set(rows.map((r) => r.program))).toEqual(new Set(['PMT', 'BAAS', 'TPK', 'CATIN', 'PKH', 'UKUR']));
  });

  it('marks about a tenth of the villages as lokus each year', () => {
    const rows = records(join(a, 'reference/lokus.csv'));
    for (const year of ['2023', '2024', '2025']) {
      const n = rows.filter((r) => r.tahun === year).length;
      expect(n).toBeGreaterThan(80);
      expect(n).toBeLessThan(130);
    }
    expect(rows.every((r) => /\(data contoh\)$/.test(r.sumber))).toBe(true);
  });

  it('refuses to replace a folder that is not an earlier demo', async () => {
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'precious.csv'), 'x\n');
    await expect(generateDemo({ out: other, seed: 1, scale: 0.01 })).rejects.toThrow(/refusing/);
    expect(readFileSync(join(other, 'precious.csv'), 'utf8')).toBe('x\n');
  });
});
