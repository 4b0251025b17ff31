/**
 * The personal-data scanner (src/testing/personal-data.ts) that test/e2e/personal-data.test.ts runs
 * over the built site: it must find a name or a NIK wherever one is planted, Parquet included.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { childName, motherName } from '../../src/demo/people.ts';
import { Rng } from '../../src/demo/prng.ts';
import { findNiks, samplePeople, scanForPersonalData } from '../../src/testing/personal-data.ts';

const ROOT = resolve(import.meta.dirname, '../..');
mkdirSync(join(ROOT, 'tmp'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, 'tmp', 'personal-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A by-name export shaped like the demo's (header of e-PPGBM), with names from the demo generator. */
function byNameExport(dir: string, rows: number): { names: string[]; niks: string[] } {
  const rng = new Rng(7, 'personal-data-test');
  const names: string[] = [];
  const niks: string[] = [];
  const lines = ['NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,Prov'];
  for (let i = 0; i < rows; i++) {
    const female = i % 2 === 1;
    const child = childName(rng, female).toUpperCase();
    const parent = motherName(rng).toUpperCase();
    const nik = `99010${1 + (i % 9)}${String(1 + (i % 28)).padStart(2, '0')}0${1 + (i % 9)}21${String(i).padStart(4, '0')}`;
    names.push(child, parent);
    niks.push(nik);
    lines.push(`${nik},${child},${female ? 'P' : 'L'},2021-05-03,"3,0",48,${parent},KALIMANTAN TIMUR`);
  }
  mkdirSync(join(dir, 'raw', 'eppgbm'), { recursive: true });
  writeFileSync(join(dir, 'raw', 'eppgbm', 'eppgbm_6401_2024-02.csv'), `${lines.join('\n')}\n`);
  return { names, niks };
}

describe('personal-data scan', () => {
  const input = join(scratch, 'input');
  const made = byNameExport(input, 400);
  const people = samplePeople(input, 1000);
  const twoWord = made.names.find((n) => n.includes(' ') && people.names.has(n))!;

  it('samples the full names and NIKs of a by-name export', () => {
    expect(people.niks.size).toBe(400);
    expect(people.names.size).toBeGreaterThan(100);
    // single given names are left out: they are also ordinary words and place names
    expect([...people.names].every((n) => n.includes(' '))).toBe(true);
    expect(twoWord).toBeDefined();
  });

  it('recognises NIK-shaped numbers only', () => {
    expect(findNiks(`id=${made.niks[0]};`)).toEqual([made.niks[0]]);
    expect(findNiks('6471054107900002 and 3174096512880001')).toEqual(['6471054107900002', '3174096512880001']);
    // 17 digits, month 13, day 00, province 05: not a NIK
    expect(findNiks('12345678901234567 6471051513900001 6471050012900001 0571051012900001')).toEqual([]);
  });

  it('finds a planted name or NIK in HTML, scripts and Parquet (whose strings are compressed), and nothing in a clean site', async () => {
    const site = join(scratch, 'site');
    mkdirSync(join(site, 'data'), { recursive: true });
    mkdirSync(join(site, 'en', 'wilayah'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<html><body><h1>Prevalensi stunting</h1><p>Desa Bunga Putih, Posyandu Intan 3, 6471 kode</p></body></html>');
    writeFileSync(join(site, 'app.js'), 'const x = 1234567890123456789; export default x;');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const parquet = (file: string, value: string) => conn.run(`COPY (SELECT range AS n, CASE WHEN range = 500 THEN '${value}' ELSE md5(range::VARCHAR) END AS note FROM range(1000)) TO '${join(site, 'data', file)}' (FORMAT parquet, COMPRESSION zstd)`);
    await parquet('clean.parquet', 'tidak ada');
    expect(await scanForPersonalData(site, people)).toEqual([]);

    const mixed = twoWord.split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join('  ');
    writeFileSync(join(site, 'en', 'wilayah', 'index.html'), `<td>child: ${mixed}</td>`);
    writeFileSync(join(site, 'chunk.js'), `var n="${made.niks[5]}";`);
    await parquet('leak.parquet', made.niks[9]);
    await parquet('names.parquet', `Ibu ${made.names[1]}`);
    conn.closeSync();
    instance.closeSync();
    // the values are compressed: only decoding the Parquet finds them
    for (const [file, value] of [['leak.parquet', made.niks[9]], ['names.parquet', made.names[1]]]) {
      expect(readFileSync(join(site, 'data', file)).toString('latin1').toUpperCase()).not.toContain(value);
    }
    const findings = await scanForPersonalData(site, people);
    expect(findings).toContainEqual({ file: join('en', 'wilayah', 'index.html'), kind: 'name', value: twoWord });
    expect(findings).toContainEqual({ file: 'chunk.js', kind: 'nik', value: made.niks[5] });
    expect(findings).toContainEqual({ file: join('data', 'leak.parquet'), kind: 'nik', value: made.niks[9] });
    expect(findings.some((f) => f.file === join('data', 'names.parquet') && f.kind === 'name')).toBe(made.names[1].includes(' '));
    expect(findings.filter((f) => f.file === 'index.html' || f.file === 'app.js' || f.file.endsWith('clean.parquet'))).toEqual([]);
  });
});
