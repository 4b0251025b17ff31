/**
 * Input errors: each one placed at FILE:LINE[:COLUMN] with its type from the catalogue
 * (src/pipeline/issues.ts; the wording may change, the type and the place may not), all of them
 * listed in one run, nothing written (the previous output stays byte-identical), and the command's
 * exit code, stderr and JSON lines.
 */
import { TABLE_NAMES } from '../../src/lib/schema.ts';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataError, ISSUE_TYPES, type Issue } from '../../src/pipeline/issues.ts';
import {
  BYNAME_HEADER, NODE, ROOT, build, buildFails, buildOk, child, cleanup, colOf, makeInput, snapshotDir, tempDir, toCsv,
  type Fixture,
} from './helpers.ts';

afterAll(cleanup);
vi.setConfig({ hookTimeout: 120_000, testTimeout: 120_000 }); // builds run on busy 2-core machines too

const run = promisify(execFile);

const DESA_HEADER = 'kode_wilayah,periode,jumlah_sasaran_balita,jumlah_balita_diukur,jumlah_balita_pendek,jumlah_balita_sangat_pendek';
const KELUARGA_HEADER = 'kode_wilayah,periode,jumlah_keluarga_sasaran,jumlah_keluarga_berisiko_stunting,jumlah_keluarga_berisiko_didampingi,catatan';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
/** A row with more fields than the header, reported at FILE:LINE (a column is optional; wording may vary). */
const TOO_MANY = (file: string, line: number) => new RegExp(`^${file.replace(/[./]/g, '\\$&')}:${line}(:\\d+)?: .*(too many columns|more fields than the header)`);
/** "FILE[:LINE[:COLUMN]] type" of every issue a failed build reported, sorted by place. */
const found = (r: { error?: unknown }): string[] => {
  if (!(r.error instanceof DataError)) throw new Error(`expected a DataError, got ${String(r.error)}`);
  return r.error.log.sorted().map(placeType);
};
const placeType = (i: Issue) => `${[i.file, i.line, i.line !== undefined ? i.column : undefined].filter((x) => x !== undefined).join(':')} ${i.type}`;
const errorsOf = (lines: string[]) => lines.filter((l) => !/^[^:]+(:\d+)*: warning: /.test(l));

/** One input with every kind of error, each in a known place. */
function everyError(): Fixture {
  return {
    eppgbm: {
      'ukur.csv': [child(), child({ 'ZS TB/U': '-2.5' })], // Teluk Baru, 2024-02
      'nocol.csv': { rows: [child()], header: BYNAME_HEADER.filter((h) => h !== 'ZS TB/U') },
      'zero.csv': '',
    },
    files: {
      'raw/eppgbm-desa/desa.csv': csv(
        DESA_HEADER,
        '64.08.01.2001,2024-01,40,30,5,2', // 2: fine
        '64.08.01.2999,2024-01,40,30,5,2', // 3: unknown code
        '64.08.01.2002,2024-01,40,30,-3,0', // 4: negative count
        '64.08.01.2003,2024-01,40,10,8,5', // 5: 8 + 5 > 10
        '6408012001,2024-01,41,31,6,3', // 6: same key as line 2 (code written without dots)
        '64.08.01.2004,2024-13,40,30,5,2', // 7: invalid period
        '64.08.01.2006,2024-01,40,dua puluh,1,0', // 8: not a number
        '64.08.01.2014,2024-02,40,30,5,2', // 9: Teluk Baru 2024-02 is in the by-name export too
      ),
      'raw/keluarga/empty.csv': '',
      'raw/keluarga/latin1.csv': Buffer.from(csv(KELUARGA_HEADER, '64.08.01.2001,2024-S1,10,5,2', '64.08.01.2002,2024-S1,10,5,2', '64.08.01.2003,2024-S1,10,5,2,"Pélita"'), 'latin1'), // bad byte on line 4
      'raw/program/a.csv': csv('kode_wilayah,periode,program,sasaran,realisasi', '64.08,2024,PMT,100,50', '64.08.01,2024,PMT,10,5', '64.08.01,2024,BAAS,10,5'),
      'raw/sasaran/header-only.csv': csv('kode_wilayah,tahun,jumlah_sasaran_balita'),
    },
  };
}

describe('every error is listed, each at its place', () => {
  let lines: string[];
  let error: unknown;
  let issues: Issue[];
  beforeAll(async () => {
    const r = await buildFails(everyError());
    lines = r.issues;
    error = r.error;
    issues = (r.error as DataError).log.sorted();
  });
  const D = 'raw/eppgbm-desa/desa.csv';
  const expected: [string, keyof typeof ISSUE_TYPES][] = [
    [`${D}:3:1`, 'unknown-code'],
    [`${D}:4:5`, 'negative-count'],
    [`${D}:5:5`, 'part-exceeds-whole'],
    [`${D}:6`, 'duplicate-key'],
    [`${D}:7:2`, 'invalid-value'],
    [`${D}:8:4`, 'invalid-value'],
    [`${D}:9:1`, 'double-count'],
    ['raw/keluarga/latin1.csv:4', 'encoding-error'],
    ['raw/eppgbm/nocol.csv:1', 'missing-column'],
    ['raw/keluarga/empty.csv', 'empty-file'],
    ['raw/program/a.csv:2:1', 'double-level'],
  ];
  for (const [place, type] of expected) {
    it(`${place}: ${type}`, () => {
      const hits = issues.filter((i) => placeType(i) === `${place} ${type}`);
      expect(hits, issues.map(placeType).join('\n')).toHaveLength(1);
      expect(hits[0].fix).toMatch(/\S/); // every message says how to fix it
      expect(`${hits[0].message} ${hits[0].fix}`).not.toMatch(/\{\w+\}/); // every template filled
    });
  }
  it('messages name the values at fault (checked once here; elsewhere only type and place)', () => {
    const at = (place: string) => lines.find((l) => l.startsWith(`${place}: `))!;
    expect(at(`${D}:3:1`)).toContain('"64.08.01.2999"');
    expect(at(`${D}:6`)).toContain(`(first at ${D}:2)`);
    expect(at('raw/program/a.csv:2:1')).toContain('64.08.01 (raw/program/a.csv:3)');
  });
  it('the empty by-name file is an error too', () => {
    expect(errorsOf(lines).some((l) => l.startsWith('raw/eppgbm/zero.csv'))).toBe(true);
  });
  it('a header without rows is only a warning', () => {
    expect(lines).toContain('raw/sasaran/header-only.csv:1: warning: the file has a header but no rows — nothing from it is used; remove it if that is not intended');
  });
  it('nothing else is reported (no error for the valid rows and files)', () => {
    const known = (l: string) =>
      expected.some(([p]) => l.startsWith(`${p}: `)) ||
      l.startsWith('raw/keluarga/empty.csv:1: missing required column') || // an empty file has no header either
      l.startsWith('raw/eppgbm/zero.csv') ||
      l.startsWith('raw/sasaran/header-only.csv:1: warning:');
    expect(lines.filter((l) => !known(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith(`${D}:2`) || l.startsWith('raw/eppgbm/ukur.csv') || l.includes('BAAS'))).toBe(false);
  });
  it('the DataError counts the errors and says nothing was written', () => {
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.message).toBe(`${e.log.errors.length} error(s) in the input; nothing was written`);
    expect(e.log.errors.length).toBe(errorsOf(lines).length);
  });
  it('lines are sorted by file, then line', () => {
    const keyed = lines.map((l) => {
      const [, file, line] = /^([^:]+)(?::(\d+))?/.exec(l)!;
      return [file, Number(line ?? 0)] as const;
    });
    const sorted = [...keyed].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(keyed).toEqual(sorted);
  });
});

describe('by-name row errors', () => {
  it('places each bad value at FILE:LINE:COLUMN and lists them all', async () => {
    const rows = [
      child(), // 2
      child({ 'Tanggal Pengukuran': '31/02/2024' }), // 3
      child({ 'ZS TB/U': '-2.x' }), // 4
      child({ 'ZS TB/U': '', 'TB/U': 'Agak Pendek' }), // 5
      child({ 'Usia Saat Ukur': '', 'Tgl Lahir': 'kemarin' }), // 6
      child({ 'Desa/Kel': '' }), // 7
      child({ 'Tanggal Pengukuran': '' }), // 8
    ];
    const r = await buildFails({ eppgbm: { 'a.csv': rows } });
    expect(found(r)).toEqual([
      `raw/eppgbm/a.csv:3:${colOf('Tanggal Pengukuran')} invalid-date`,
      `raw/eppgbm/a.csv:4:${colOf('ZS TB/U')} invalid-haz`,
      `raw/eppgbm/a.csv:5:${colOf('TB/U')} invalid-tbu`,
      `raw/eppgbm/a.csv:6:${colOf('Usia Saat Ukur')} invalid-age`,
      `raw/eppgbm/a.csv:7:${colOf('Desa/Kel')} missing-area-name`,
      `raw/eppgbm/a.csv:8:${colOf('Tanggal Pengukuran')} invalid-date`,
    ]);
    // only non-personal values are quoted: the measurement date and the z-score
    expect(r.issues[0]).toContain('("31/02/2024")');
    expect(r.issues[1]).toContain('("-2.x")');
  });

  it('line numbers stay right after records that span several lines', async () => {
    const text = toCsv(BYNAME_HEADER, [
      child({ Alamat: 'Jl. Mawar\nRT 01\nRW 02' }), // lines 2-4
      child({ 'ZS TB/U': 'abc' }), // 5
      child({ Alamat: 'Blok "A",\nNo. 7' }), // 6-7
      child({ 'ZS TB/U': 'def' }), // 8
    ]);
    const r = await buildFails({ eppgbm: { 'a.csv': text } });
    expect(found(r)).toEqual([`raw/eppgbm/a.csv:5:${colOf('ZS TB/U')} invalid-haz`, `raw/eppgbm/a.csv:8:${colOf('ZS TB/U')} invalid-haz`]);
  });

  it('a row with more fields than the header is unreadable, at its line', async () => {
    const rows = [child(), child({ Alamat: 'JALAN-X' }), child(), child()].map((r) => ({ ...r, Detail: 'catatan' }));
    const text = toCsv(BYNAME_HEADER, rows).replace('JALAN-X', 'Jl. Kenanga, RT 3');
    const r = await buildFails({ eppgbm: { 'a.csv': text } });
    expect(found(r)).toEqual(['raw/eppgbm/a.csv:3 field-count']);
    expect(r.issues[0]).toMatch(TOO_MANY('raw/eppgbm/a.csv', 3));
  });

  // Regression test (fixed) for (src/pipeline/csv/read.ts csvSource): DuckDB's read_csv accepts a row with ONE extra field when
  // the last field is empty (it takes it for a trailing delimiter), even with strict_mode. The real
  // export's last column (Detail) is usually empty, so an unquoted comma in Alamat or Nama shifts every
  // later value by one column: the row is read with wrong values instead of being reported as too many
  // columns (see privacy.test.ts for what that leaks into messages).
  it('an unquoted delimiter in a row whose last field is empty is "too many columns", not a shifted row', async () => {
    const text = toCsv(BYNAME_HEADER, [child(), child({ Alamat: 'JALAN-X' }), child()]).replace('JALAN-X', 'Jl. Kenanga, RT 3');
    const r = await buildFails({ eppgbm: { 'a.csv': text } });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(TOO_MANY('raw/eppgbm/a.csv', 3));
  });

  it('a value with an unclosed quote is reported at the line where the quote opens, not silently dropped', async () => {
    const text = toCsv(BYNAME_HEADER, [child(), child({ Alamat: 'QUOTE-HERE' }), child(), child()]).replace('QUOTE-HERE', '"Jl. Anggrek');
    const r = await build({ eppgbm: { 'a.csv': text } });
    expect(r.error).toBeInstanceOf(DataError);
    expect(errorsOf(r.issues).map((l) => /^[^:]+:\d+/.exec(l)?.[0])).toEqual(['raw/eppgbm/a.csv:3']);
    expect(found(r)[0]).toMatch(/^raw\/eppgbm\/a\.csv:3(:\d+)? (unclosed-quote|unreadable-row)$/);
  });

  it('a row with fewer fields than the header is reported at its line', async () => {
    const text = toCsv(BYNAME_HEADER, [child(), child({ Detail: 'SHORT' }), child()]).replace(/,[^,\n]*,SHORT\n/, '\n');
    const r = await buildFails({ eppgbm: { 'a.csv': text } });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(/^raw\/eppgbm\/a\.csv:3(:\d+)?: .*(missing columns|fewer fields than the header)/);
  });

  it('aggregated files: rows with too many or too few fields are reported at their lines', async () => {
    const r = await buildFails({ files: { 'raw/eppgbm-desa/d.csv': csv(DESA_HEADER, '64.08.01.2001,2024-01,40,30,5,2', '64.08.01.2002,2024-01,40,30,5', '64.08.01.2003,2024-01,40,30,5,2,1', '64.08.01.2004,2024-01,40,30,5,2') } });
    const places = [...new Set(errorsOf(r.issues).map((l) => /^[^:]+:\d+/.exec(l)?.[0]))];
    expect(places).toEqual(['raw/eppgbm-desa/d.csv:3', 'raw/eppgbm-desa/d.csv:4']);
    expect(r.issues.find((l) => l.startsWith('raw/eppgbm-desa/d.csv:3'))).toMatch(/missing columns|fewer fields/);
    expect(r.issues.find((l) => l.startsWith('raw/eppgbm-desa/d.csv:4'))).toMatch(/too many columns|more fields/);
  });

  it('a by-name file that is not UTF-8 is reported at its first bad line', async () => {
    const r = await buildFails({ eppgbm: { 'a.csv': Buffer.from(toCsv(BYNAME_HEADER, [child(), child(), child({ Alamat: 'Jl. Pélita' })]), 'latin1') } });
    expect(found(r)).toEqual(['raw/eppgbm/a.csv:4 encoding-error']);
    expect(r.issues[0]).toContain('Windows-1252/Latin-1');
  });

  // Regression test (fixed) for (src/pipeline/readers/eppgbm.ts readByName: `if (!readable) return ...` and the early return in
  // the catch of the fast path): one unreadable by-name file (encoding, or a malformed row) stops the
  // by-name reading altogether, so the errors of the OTHER by-name files (bad values, unmatched names)
  // and the double-count check against raw/eppgbm-desa are not listed: the user fixes one error, runs
  // again, and only then learns about the rest.
  it('an unreadable by-name file does not hide the errors of the other by-name files', async () => {
    const r = await buildFails({
      eppgbm: {
        'a.csv': Buffer.from(toCsv(BYNAME_HEADER, [child(), child({ Alamat: 'Jl. Pélita' })]), 'latin1'),
        'b.csv': [child(), child({ 'ZS TB/U': 'abc' })],
      },
      files: { 'raw/eppgbm-desa/d.csv': csv(DESA_HEADER, '64.08.01.2014,2024-02,,30,5,2') },
    });
    expect(found(r)).toEqual(['raw/eppgbm-desa/d.csv:2:1 double-count', 'raw/eppgbm/a.csv:3 encoding-error', `raw/eppgbm/b.csv:3:${colOf('ZS TB/U')} invalid-haz`]);
  });

  it('a malformed row in one by-name file does not hide the errors of the other by-name files', async () => {
    const rows = [child(), child({ Alamat: 'JALAN-X' })].map((r) => ({ ...r, Detail: 'catatan' }));
    const r = await buildFails({
      eppgbm: { 'a.csv': toCsv(BYNAME_HEADER, rows).replace('JALAN-X', 'Jl. Kenanga, RT 3'), 'b.csv': [child(), child({ 'ZS TB/U': 'abc' })] },
    });
    expect(r.issues.map((l) => /^[^:]+:\d+/.exec(l)?.[0])).toEqual(['raw/eppgbm/a.csv:3', 'raw/eppgbm/b.csv:3']);
    expect(r.issues[0]).toMatch(TOO_MANY('raw/eppgbm/a.csv', 3));
  });

  it('many errors of one kind: the first 20 listed, the rest counted', async () => {
    const rows = Array.from({ length: 26 }, (_, i) => child({ 'ZS TB/U': i === 0 ? '0.1' : `x${i}` }));
    const r = await buildFails({ eppgbm: { 'a.csv': rows } });
    expect(r.issues).toHaveLength(21);
    const listed = found(r);
    expect(listed).toHaveLength(20);
    expect(listed[0]).toBe(`raw/eppgbm/a.csv:3:${colOf('ZS TB/U')} invalid-haz`);
    expect(listed[19]).toBe(`raw/eppgbm/a.csv:22:${colOf('ZS TB/U')} invalid-haz`);
    expect((r.error as DataError).log.overflow().map((o) => [o.count, o.sample.type])).toEqual([[5, 'invalid-haz']]);
    expect(r.issues[20]).toMatch(/^raw\/eppgbm\/a\.csv: 5 more like /);
  });
});

describe('aggregated inputs: line numbers and missing inputs', () => {
  it('line numbers stay right after a quoted value with a line break', async () => {
    const r = await buildFails({
      files: {
        'raw/survei/s.csv': csv(
          'kode_wilayah,survei,tahun,prevalensi_stunting,sumber,catatan',
          '64,SSGI,2022,23.9,"SSGI 2022","two lines:\nsee page 4"', // 2-3
          '64,SKI,20x3,22.9,SKI 2023,', // 4
          '64.08,SSGI,2022,abc,SSGI 2022,', // 5
        ),
      },
    });
    expect(found(r)).toEqual(['raw/survei/s.csv:4:3 invalid-value', 'raw/survei/s.csv:5:4 invalid-value']);
  });

  it('a required column missing from an aggregated file, and a required value left empty', async () => {
    const r = await buildFails({
      files: {
        'raw/keluarga/k.csv': csv('kode_wilayah,periode,jumlah_keluarga_sasaran,jumlah_keluarga_berisiko_stunting', '64.08.01.2001,2024-S1,10,5'),
        'raw/sasaran/s.csv': csv('kode_wilayah,tahun,jumlah_sasaran_balita', '64.08.01.2001,2024,', '64.08.01.2002,2024,12'),
      },
    });
    expect(found(r)).toEqual(['raw/keluarga/k.csv:1 missing-column', 'raw/sasaran/s.csv:2:3 blank-value']);
    expect(r.issues[0]).toContain('"jumlah_keluarga_berisiko_didampingi"');
  });

  it('a by-name file with a header and no rows is only a warning: the build succeeds', async () => {
    const r = await buildOk({ eppgbm: { 'a.csv': [child()], 'leer.csv': `${BYNAME_HEADER.join(',')}\n` } });
    expect(r.summary.warningsJson.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ file: 'raw/eppgbm/leer.csv', line: 1, type: 'no-rows', severity: 'warning' })]);
    expect(r.summary.warnings).toHaveLength(1);
    expect(r.summary.rowsRead).toBe(1);
  });

  it('without a programme list of its own, the input is checked against the bundled one (see inputs.test.ts)', async () => {
    const r = await buildOk({ programRef: false, eppgbm: { 'a.csv': [child()] } });
    expect(r.summary.bundled).toContain('data/reference/program.csv');
  });

  it('a code at the wrong level, and "ID" where no national row is accepted', async () => {
    const r = await buildFails({ files: { 'raw/eppgbm-desa/d.csv': csv(DESA_HEADER, '64.08.01,2024-01,,30,5,2', 'ID,2024-01,,30,5,2') } });
    expect(found(r)).toEqual(['raw/eppgbm-desa/d.csv:2:1 wrong-level', 'raw/eppgbm-desa/d.csv:3:1 national-code']);
  });

  it('an English note or basis without its Indonesian original, at its line and column', async () => {
    const P = 'tahun,kode_wilayah,dasar,dasar_en,sumber,catatan,catatan_en';
    const r = await buildFails({
      files: {
        'reference/prioritas.csv': csv(
          P,
          '2024,64.08,Tertinggi,Highest,Rakor 2024,Kutipan,Quoted', // 2: both languages
          '2024,64.09,Tertinggi,,Rakor 2024,Kutipan,', // 3: Indonesian only: fine
          '2024,64.74,Tertinggi,Highest,Rakor 2024,,Quoted', // 4: English note alone
          '2024,64.72,,Highest,Rakor 2024,,', // 5: English basis alone (and the required basis empty)
        ),
      },
    });
    expect(found(r)).toEqual([
      'reference/prioritas.csv:4:7 translation-without-original',
      'reference/prioritas.csv:5:3 blank-value',
      'reference/prioritas.csv:5:4 translation-without-original',
    ]);
    expect(r.issues.find((l) => l.includes(':4:7'))).toContain('"catatan_en" is filled but "catatan" is empty');
  });

  it('duplicate keys across two files of the same kind', async () => {
    const r = await buildFails({
      files: {
        'raw/eppgbm-desa/a.csv': csv(DESA_HEADER, '64.08.01.2001,2024-01,,30,5,2'),
        'raw/eppgbm-desa/b.csv': csv(DESA_HEADER, '64.08.01.2002,2024-01,,30,5,2', '6408012001,2024-01,,30,5,2'),
      },
    });
    expect(found(r)).toEqual(['raw/eppgbm-desa/b.csv:3 duplicate-key']);
    expect(r.issues[0]).toContain('(first at raw/eppgbm-desa/a.csv:2)');
  });
});

describe('a failing build writes nothing', () => {
  it('the previous output stays byte-identical and no staging folder is left behind', async () => {
    const out = join(tempDir(), 'public-data');
    await buildOk({ eppgbm: { 'a.csv': [child(), child({ 'ZS TB/U': '-2.5' })] } }, { out });
    const before = snapshotDir(out);
    expect(before.size).toBe(TABLE_NAMES.length + 1); // every Parquet file + manifest.json
    const siblings = readdirSync(dirname(out)).sort();

    const r = await build(everyError(), { out });
    expect(r.error).toBeInstanceOf(DataError);
    const after = snapshotDir(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    expect(readdirSync(dirname(out)).sort()).toEqual(siblings);
  });

  it('a first build that fails creates no output folder', async () => {
    const out = join(tempDir(), 'never');
    const r = await build({ eppgbm: { 'a.csv': [child({ 'ZS TB/U': 'abc' })] } }, { out });
    expect(r.error).toBeInstanceOf(DataError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out))).toEqual([]);
  });
});

describe('the command (scripts/build-data.ts)', () => {
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(NODE, ['scripts/build-data.ts', ...args], { cwd: ROOT, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  it('exits 1 with every error on stderr, and leaves the output alone', async () => {
    const input = makeInput(everyError());
    const out = join(tempDir(), 'out');
    const r = await cli(['--input', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('raw/eppgbm-desa/desa.csv:3:1: unknown area code "64.08.01.2999"');
    expect(r.stderr).toContain('raw/program/a.csv:2:1: PMT 2024 is reported for 64.08');
    expect(r.stderr).toContain('raw/keluarga/latin1.csv:4: the file is not UTF-8');
    expect(r.stderr).toMatch(/\n\d+ error\(s\); nothing was written \(the previous output is unchanged\)\.\n$/);
    expect(r.stdout).not.toContain('Wrote');
    expect(existsSync(out)).toBe(false);
  });

  it('--json: every problem as one JSON object per line on stdout, with its type and place', async () => {
    const input = makeInput(everyError());
    const r = await cli(['--input', input, '--out', join(tempDir(), 'out'), '--json']);
    expect(r.code).toBe(1);
    const objects = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objects) {
      expect(Object.keys(o)).toEqual(['file', 'line', 'column', 'type', 'severity', 'message', 'fix']);
      expect(Object.keys(ISSUE_TYPES)).toContain(o.type);
    }
    expect(objects).toContainEqual(expect.objectContaining({ file: 'raw/eppgbm-desa/desa.csv', line: 3, column: 1, type: 'unknown-code', severity: 'error' }));
    expect(objects).toContainEqual(expect.objectContaining({ file: 'raw/keluarga/empty.csv', line: null, column: null, type: 'empty-file' }));
    expect(objects).toContainEqual(expect.objectContaining({ file: 'raw/sasaran/header-only.csv', line: 1, type: 'no-rows', severity: 'warning' }));
    expect(r.stderr).toMatch(/\d+ error\(s\); nothing was written/);
  });

  it('exits 0 with a summary on success', async () => {
    const input = makeInput({ eppgbm: { 'a.csv': [child(), child({ 'ZS TB/U': '-6.5' }), child({ 'Usia Saat Ukur': '5 Tahun - 1 Bulan - 0 Hari' })] } });
    const out = join(tempDir(), 'out');
    const r = await cli(['--input', input, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${TABLE_NAMES.length} files to ${out}`);
    expect(r.stdout).toContain('e-PPGBM by-name rows read: 3');
    expect(r.stdout).toContain('excluded: tidak_masuk_akal 1, usia 1');
    expect(r.stdout).toContain('periods: 2024-02 .. 2024-02 (1)');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });

  it('exits 2 on a usage error', async () => {
    const r = await cli(['--input', join(tempDir(), 'missing'), '--out', join(tempDir(), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: input folder not found');
    const p = await cli(['--input', makeInput({}), '--out', join(tempDir(), 'out'), '--province', 'kaltim']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--province must be a two-digit province code');
  });
});

