/**
 * Another province end to end on the data side: the demo of Kalimantan Utara (65) has only its own
 * areas and the figures published for it and for Indonesia, and builds (province read from the
 * demo folder) into data whose manifest names it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate.ts';
import { build, buildOk, cleanup, readTableOut, tempDir } from '../pipeline/helpers.ts';

let demo: string;
beforeAll(async () => {
  demo = join(tempDir('atlas-demo65-'), 'demo');
  await generateDemo({ out: demo, scale: 0.05, province: '65' });
}, 180_000);
afterAll(cleanup);

const csvFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? csvFiles(join(dir, e.name)) : e.name.endsWith('.csv') ? [join(dir, e.name)] : []));
const rows = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: '' }).data;

describe('demo of province 65', () => {
  it('marks the folder with its province and has only the areas of Kalimantan Utara and Indonesia', () => {
    expect(JSON.parse(readFileSync(join(demo, 'demo.json'), 'utf8'))).toMatchObject({ synthetic: true, province: '65' });
    const codes = new Set<string>();
    for (const f of csvFiles(demo)) for (const r of rows(f)) if (r.kode_wilayah) codes.add(r.kode_wilayah.replace(/\./g, '').slice(0, 2) === '65' ? '65' : r.kode_wilayah);
    expect([...codes].sort()).toEqual(['65', 'ID']);
  });

  it('writes the province in the by-name exports and no Kalimantan Timur anywhere', () => {
    const prov = new Set(csvFiles(join(demo, 'raw/eppgbm')).flatMap((f) => rows(f).map((r) => r.Prov)));
    expect([...prov].every((p) => /kalimantan utara/i.test(p))).toBe(true);
    // indikator.csv, the national indicator list, also documents Kaltim's own target indicator: it
    // has no area column and only its national targets reach the output (program_ref)
    for (const f of csvFiles(demo).filter((x) => !x.endsWith('reference/indikator.csv'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/kalimantan timur|kaltim/i);
  });

  it('keeps the survey and target rows of Indonesia only (none are published for 65 in the repository)', () => {
    const survei = csvFiles(join(demo, 'raw/survei')).flatMap(rows);
    expect(survei.length).toBeGreaterThan(0);
    expect(new Set(survei.map((r) => r.kode_wilayah))).toEqual(new Set(['ID']));
    expect(new Set(rows(join(demo, 'reference/target.csv')).map((r) => r.kode_wilayah))).toEqual(new Set(['ID']));
    expect(existsSync(join(demo, 'reference/crosswalk.csv'))).toBe(false); // no old spellings known for 65
  });

  it('builds with the province read from the demo folder; the manifest names Kalimantan Utara', async () => {
    const r = await buildOk(demo);
    const manifest = JSON.parse(readFileSync(join(r.out, 'manifest.json'), 'utf8'));
    expect(manifest.province).toEqual({ kode: '65', nama: 'Kalimantan Utara', nama_en: 'North Kalimantan' });
    expect(manifest.parameters.province).toBe('65');
    // the priority regencies are Kaltim's only: none in the demo, none taken from the bundled list
    expect(r.summary.bundled).toEqual(['data/reference/prioritas.csv']);
    expect(await readTableOut(r.out, 'prioritas')).toEqual([]);
    const wilayah = await readTableOut<{ kode_wilayah: string; tingkat: string; nama_wilayah: string }>(r.out, 'wilayah');
    expect(wilayah.filter((w) => w.tingkat === 'provinsi')).toEqual([expect.objectContaining({ kode_wilayah: '65', nama_wilayah: 'Kalimantan Utara' })]);
    expect(wilayah.every((w) => w.kode_wilayah.startsWith('65'))).toBe(true);
    const gizi = await readTableOut<{ kode_wilayah: string }>(r.out, 'gizi_balita', `WHERE kode_wilayah = '65'`);
    expect(gizi.length).toBe(8); // every measurement round
  });

  it('refuses another --province for a demo folder, naming the fix', async () => {
    const r = await build(demo, { province: '64' });
    expect(String(r.error)).toMatch(/demo of province 65, not 64: run with --province 65/);
  });
});
