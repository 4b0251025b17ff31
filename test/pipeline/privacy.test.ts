/**
 * Personal data (NIK, names, addresses, dates of birth) never reaches an output file (raw bytes and
 * every decompressed Parquet value), the manifest, the log, the summary, or an error message.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLES } from '../../src/lib/schema.ts';
import { BYNAME_HEADER, NODE, ROOT, build, buildOk, child, cleanup, duckQuery, makeInput, tempDir, toCsv, type ByNameRow, type BuildResult } from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

const run = promisify(execFile);

/** Distinctive personal values: none of them can appear in an output by chance. */
const PEOPLE = [
  { nik: '6408015507210001', nama: 'Zulkarnaen Wiraatmadja', ortu: 'Kartika Sulistyowati', alamat: 'Jalan Flamboyan Gang Seroja No. 77', lahir: '2021-07-13', tulis: '13/07/2021' },
  { nik: '6408014203220002', nama: 'Ratnasari Kusumawardhani', ortu: 'Bambang Hadiprayitno', alamat: 'Perumahan Griya Mandiri Blok Q-19', lahir: '2022-03-02', tulis: '02-03-2022' },
  { nik: '6408016112200003', nama: "Muhammad Fadhil Al-Ghifari", ortu: "Siti Nur'aini Purbasari", alamat: 'Dusun Sukamaju RT 014 RW 006', lahir: '2020-12-21', tulis: '2020-12-21' },
  { nik: '6408010905230004', nama: 'Aurelia Puspitaningrum', ortu: 'Hendrawan Tjokrosaputro', alamat: 'Jl. Cendrawasih Ujung Km 4,5', lahir: '2023-05-09', tulis: '45055' }, // Excel serial of 2023-05-09
];

/** As written in the input (the Excel-serial date of birth is a plain number: searched as a date only). */
const WRITTEN = PEOPLE.flatMap((p) => [p.nik, p.nama, p.ortu, p.alamat, ...(p.tulis.length === 10 ? [p.tulis] : []), ...`${p.nama} ${p.ortu}`.split(' ').filter((w) => w.length > 6)]);
/** Plus every date of birth as a date (what a parsed value would look like). */
const NEEDLES = [...WRITTEN, ...PEOPLE.map((p) => p.lahir)];

function rowsFor(over: (p: (typeof PEOPLE)[number], i: number) => ByNameRow = () => ({})): ByNameRow[] {
  return PEOPLE.flatMap((p, i) =>
    ['2024-01-15', '2024-02-15', '2024-02-20'].map((tanggal) =>
      child({ NIK: p.nik, Nama: p.nama, 'Nama Ortu': p.ortu, Alamat: p.alamat, 'Tgl Lahir': p.tulis, 'Usia Saat Ukur': '', 'Tanggal Pengukuran': tanggal, 'ZS TB/U': (-3.5 + i).toFixed(1), ...over(p, i) }),
    ),
  );
}

/** Every needle found in a text (case-insensitive). */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

async function outputTexts(out: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const f of readdirSync(out)) {
    const path = join(out, f);
    texts[`${f} (bytes)`] = readFileSync(path).toString('latin1') + readFileSync(path).toString('utf8');
    if (f.endsWith('.parquet')) {
      // every value of every column, decompressed, as text
      const rows = await duckQuery(`SELECT * FROM read_parquet('${path}')`);
      texts[`${f} (values)`] = rows.map((r) => Object.values(r).map((v) => String(v)).join('\u0001')).join('\n');
      texts[`${f} (schema)`] = (await duckQuery(`SELECT name FROM parquet_schema('${path}')`)).map((r) => String(r.name)).join(',');
    }
  }
  return texts;
}

describe('a successful build', () => {
  const built: Record<string, BuildResult> = {};
  beforeAll(async () => {
    // plus a sizeable crowd so the village rows are published with numbers
    const crowd = Array.from({ length: 40 }, (_, i) => child({ 'ZS TB/U': (-2.5 + (i % 5) * 0.7).toFixed(2), 'Tanggal Pengukuran': '2024-02-11' }));
    const fx = { eppgbm: { 'a.csv': [...rowsFor(), ...crowd] } };
    built.public = await buildOk(fx);
    built.internal = await buildOk(fx, { internal: true });
  });

  it('the fixture was read and counted (the personal rows are in the numbers)', async () => {
    const [r] = await duckQuery<{ n: number }>(`SELECT jumlah_balita_diukur AS n FROM read_parquet('${join(built.internal.out, 'gizi_balita.parquet')}') WHERE kode_wilayah = '64' AND periode = '2024-02'`);
    expect(r.n).toBe(44);
    expect(built.internal.summary!.rowsRead).toBe(52);
  });

  for (const kind of ['public', 'internal']) {
    it(`${kind}: no personal value in any output file, raw or decompressed`, async () => {
      const texts = await outputTexts(built[kind].out);
      expect(Object.keys(texts).filter((k) => k.endsWith('(values)')).length).toBe(Object.keys(TABLES).length);
      const found = Object.entries(texts).flatMap(([name, text]) => leaks(text).map((n) => `${name}: ${n}`));
      expect(found).toEqual([]);
    });
    it(`${kind}: no personal value in the log or the summary`, () => {
      expect(leaks(built[kind].log.join('\n'))).toEqual([]);
      expect(leaks(JSON.stringify(built[kind].summary))).toEqual([]);
    });
  }

  it('the search itself works: the input holds every written needle', () => {
    const input = readFileSync(join(built.public.input, 'raw/eppgbm/a.csv'), 'utf8');
    expect(WRITTEN.filter((n) => !leaks(input).includes(n))).toEqual([]);
    expect(leaks(`x ${PEOPLE[0].lahir} y`)).toEqual([PEOPLE[0].lahir]);
  });
});

describe('a failing build', () => {
  /** Rows with errors right next to the personal values. */
  function failing() {
    const rows = rowsFor((p, i) =>
      i === 0 ? { 'Tanggal Pengukuran': 'besok' } : i === 1 ? { 'ZS TB/U': 'tidak diukur' } : i === 2 ? { 'Tgl Lahir': 'tidak tahu' } : { 'Desa/Kel': 'Teluk Baruu' },
    );
    const tooMany = toCsv(BYNAME_HEADER, [child({ Nama: PEOPLE[0].nama, Alamat: 'ALAMAT-X', 'Nama Ortu': PEOPLE[0].ortu, Detail: 'x' })]).replace('ALAMAT-X', PEOPLE[0].alamat.replace(' Gang', ', Gang'));
    const latin1 = Buffer.from(toCsv(BYNAME_HEADER, [child({ Nama: 'Désirée Wiraatmadja', 'Nama Ortu': PEOPLE[1].ortu, NIK: PEOPLE[1].nik })]), 'latin1');
    const unclosed = toCsv(BYNAME_HEADER, [child(), child({ Nama: 'NAMA-X', 'Nama Ortu': PEOPLE[2].ortu, Alamat: PEOPLE[2].alamat, NIK: PEOPLE[2].nik }), child()]).replace('NAMA-X', `"${PEOPLE[2].nama}`);
    return {
      eppgbm: { 'a.csv': rows },
      extra: { tooMany, latin1, unclosed },
    };
  }

  it('no personal value in any error message, the DataError or the log', async () => {
    const fx = failing();
    const results = [
      await build({ eppgbm: fx.eppgbm }),
      await build({ eppgbm: { 'b.csv': fx.extra.tooMany } }),
      await build({ eppgbm: { 'c.csv': fx.extra.latin1 } }),
      await build({ eppgbm: { 'd.csv': fx.extra.unclosed } }),
    ];
    for (const r of results) expect(r.error, r.issues.join('\n')).toBeDefined();
    // the errors are the ones expected: about these rows
    expect(results[0].issues.length).toBeGreaterThanOrEqual(PEOPLE.length);
    expect(results[1].issues.join('\n')).toMatch(/too many columns|more fields than the header/);
    expect(results[2].issues.join('\n')).toContain('not UTF-8');
    const text = results.flatMap((r) => [...r.issues, String((r.error as Error).message), ...r.log]).join('\n');
    expect(leaks(text)).toEqual([]);
    expect(text.toLowerCase()).not.toContain('désirée');
  });

  it('the command prints no personal value on stdout or stderr', async () => {
    const input = makeInput({ eppgbm: failing().eppgbm });
    const r = await run(NODE, ['scripts/build-data.ts', '--input', input, '--out', join(tempDir(), 'out')], { cwd: ROOT }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((r as { code?: number }).code).toBe(1);
    expect(r.stderr).toContain('raw/eppgbm/a.csv');
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
  });

  // Regression test (fixed) for (src/pipeline/csv/read.ts csvSource; DuckDB accepts one extra field when the last one is empty):
  // an unquoted comma in "Nama" (common in real exports) shifts the row by one column, "Nama Ortu"
  // lands in "Prov", and the unmatched-name error quotes the parent's name:
  //   raw/eppgbm/a.csv:2:8: Prov "Kartika Sulistyowati" not found in province 64 ...
  it('a row shifted by an unquoted comma in Nama does not put the parent\'s name in an error message', async () => {
    const text = toCsv(BYNAME_HEADER, [child({ Nama: 'NAMA-X', 'Nama Ortu': PEOPLE[0].ortu })]).replace('NAMA-X', PEOPLE[0].nama.replace(' ', ', '));
    const r = await build({ eppgbm: { 'a.csv': text } });
    expect(r.error).toBeDefined();
    expect(leaks(r.issues.join('\n'))).toEqual([]);
  });
});
