/**
 * Which inputs a build needs: any subset of the input kinds builds; the repository's reference
 * files (data/reference/, data/raw/survei/) stand in for those the input folder lacks, whole files
 * only; a programme code no list defines is an error naming the place and the known codes.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate.ts';
import { build, buildFails, buildOk, child, cleanup, makeInput, PROGRAM_REF, readTableOut, tempDir } from './helpers.ts';

const BUNDLED_REFERENCES = ['data/raw/survei/survei_stunting.csv', 'data/reference/indikator.csv', 'data/reference/prioritas.csv', 'data/reference/program.csv', 'data/reference/target.csv'];
/** The codes of the repository's programme list, read here without the build step. */
const BUNDLED_CODES = readFileSync(PROGRAM_REF, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]).sort();
const csv = (header: string, ...rows: string[]) => `${header}\n${rows.join('\n')}\n`;
const PROGRAM_HEADER = 'kode_wilayah,periode,program,sasaran,realisasi';

afterAll(cleanup);

describe('bundled references', () => {
  it('a folder with only by-name exports builds with the repository reference files, and the summary says so', async () => {
    const r = await buildOk({ programRef: false, eppgbm: { 'a.csv': [child(), child({ 'ZS TB/U': '-2.5', 'TB/U': 'Pendek' })] } });
    expect(r.summary.bundled).toEqual(BUNDLED_REFERENCES);
    expect(r.summary.inputs.map((i) => i.name)).toEqual(['raw/eppgbm/a.csv', ...BUNDLED_REFERENCES].sort());
    expect((await readTableOut<{ program: string }>(r.out, 'program_ref')).map((p) => p.program)).toEqual(BUNDLED_CODES);
    expect(BUNDLED_CODES).toEqual(expect.arrayContaining(['BAAS', 'CATIN', 'PMT', 'TPK']));
    // the bundled survey file holds Kalimantan Timur's rows and Indonesia's: all of them are read for province 64
    const survei = await readTableOut<{ kode_wilayah: string }>(r.out, 'survei');
    expect(new Set(survei.map((s) => s.kode_wilayah.slice(0, 2)))).toEqual(new Set(['64', 'ID']));
    expect(r.summary.rowsRead).toBe(2);
  });

  it('for another province only the rows of Indonesia are taken from the bundled files (no error for Kaltim rows)', async () => {
    const r = await buildOk(makeInput({ programRef: false }), { province: '65' });
    expect(r.summary.bundled).toEqual(BUNDLED_REFERENCES);
    const survei = await readTableOut<{ kode_wilayah: string }>(r.out, 'survei');
    const target = await readTableOut<{ kode_wilayah: string }>(r.out, 'target');
    expect(survei.length).toBeGreaterThan(0);
    expect(new Set([...survei, ...target].map((s) => s.kode_wilayah))).toEqual(new Set(['ID']));
  });

  it('a file the user provides wins, whole: nothing is merged from the bundled one', async () => {
    const r = await buildOk({
      programRef: false,
      files: {
        'reference/program.csv': csv('kode,nama,satuan,uraian', 'GIZI,Kelas gizi,anak,Kelas ibu balita'),
        'reference/target.csv': csv('kode_wilayah,tahun,indikator,target', '64,2030,prevalensi_stunting,10'),
        'raw/program/a.csv': csv(PROGRAM_HEADER, '64.08,2024,GIZI,100,50'),
      },
    });
    expect(r.summary.bundled).toEqual(['data/raw/survei/survei_stunting.csv', 'data/reference/indikator.csv', 'data/reference/prioritas.csv']);
    expect((await readTableOut<{ program: string }>(r.out, 'program_ref')).map((p) => p.program)).toEqual(['GIZI']);
    expect(await readTableOut(r.out, 'target')).toMatchObject([{ kode_wilayah: '64', tahun: 2030, target: 10 }]);
  });

  it('a user file with rows of another province is still an error (only bundled files are filtered)', async () => {
    const r = await buildFails({ files: { 'reference/target.csv': csv('kode_wilayah,tahun,indikator,target', '65,2024,prevalensi_stunting,14') } });
    expect(r.issues.map((l) => l.split(': ')[0])).toEqual(['reference/target.csv:2:1']);
  });
});

describe('unknown programme codes', () => {
  it('name FILE:LINE:COLUMN and the codes the bundled list defines', async () => {
    const r = await buildFails({ programRef: false, files: { 'raw/program/a.csv': csv(PROGRAM_HEADER, '64.08,2024,PMT,100,50', '64.08,2024,XYZ,10,5') } });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(/^raw\/program\/a\.csv:3:3: /);
    expect(r.issues[0]).toContain('"XYZ"');
    expect(r.issues[0]).toContain(`${BUNDLED_CODES.join(', ')} (data/reference/program.csv)`);
  });

  it('name the codes of the user list when the user provides one', async () => {
    const r = await buildFails({
      programRef: false,
      files: { 'reference/program.csv': csv('kode,nama,satuan,uraian', 'GIZI,Kelas gizi,anak,Kelas ibu balita'), 'raw/program/a.csv': csv(PROGRAM_HEADER, '64.08,2024,PMT,100,50') },
    });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(/^raw\/program\/a\.csv:2:3: /);
    expect(r.issues[0]).toContain('GIZI (reference/program.csv)');
  });
});

describe('any subset of the input kinds builds', () => {
  let demo: string;
  beforeAll(async () => {
    demo = join(tempDir('atlas-subsets-'), 'demo');
    await generateDemo({ out: demo, scale: 0.02 });
  }, 120_000);

  /** An input folder holding only the given paths of the small demo. */
  const only = (...paths: string[]) => {
    const dir = join(tempDir('atlas-subset-'), 'input');
    mkdirSync(dir, { recursive: true });
    for (const p of paths) cpSync(join(demo, p), join(dir, p), { recursive: true });
    return dir;
  };
  const count = async (out: string, table: string) => (await readTableOut(out, table)).length;

  it('nothing at all: the areas and the bundled references only', async () => {
    const r = await buildOk(only());
    expect(r.summary.bundled).toEqual(BUNDLED_REFERENCES);
    expect(r.summary.periods).toEqual([]);
    expect(await count(r.out, 'wilayah')).toBeGreaterThan(1000);
    expect(await count(r.out, 'gizi_balita')).toBe(0);
  });

  it.each([
    ['raw/eppgbm-desa', 'gizi_balita'],
    ['raw/keluarga', 'keluarga'],
    ['raw/program', 'program'],
    ['raw/survei', 'survei'],
  ])('only %s', async (dir, table) => {
    const r = await buildOk(only(dir));
    expect(r.summary.inputs.filter((i) => i.name.startsWith(`${dir}/`)).length).toBeGreaterThan(0);
    expect(await count(r.out, table)).toBeGreaterThan(0);
  });

  it('only raw/sasaran: builds, with no measurement to show', async () => {
    const r = await buildOk(only('raw/sasaran'));
    expect(r.summary.periods).toEqual([]);
  });

  it('only the by-name exports and their name crosswalk', async () => {
    const r = await buildOk(only('raw/eppgbm', 'reference/crosswalk.csv'));
    expect(r.summary.rowsRead).toBeGreaterThan(1000);
    expect(await count(r.out, 'gizi_balita')).toBeGreaterThan(0);
  });

  it('the by-name exports without the crosswalk their old spellings need fail on the names, not on a missing file', async () => {
    const r = await build(only('raw/eppgbm'));
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((l) => /^raw\/eppgbm\/.*\.csv:\d+:\d+: /.test(l) && l.includes('not found'))).toBe(true);
  });
});
