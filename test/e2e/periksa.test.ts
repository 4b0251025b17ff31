/**
 * "Check your own file" (/jelajah/periksa/, /en/jelajah/periksa/) against the built site. The files
 * are written here by the demo generator (src/demo, a small province-64 demo in tmp/), and the build
 * step (buildData) runs on the very same files in this test: the page must count what the build
 * counts for every village and month, and list the problems the build lists (same line, column and
 * type). While a file is checked no request is made, and no NIK, name or date of birth of the file
 * appears in the page. (The ~100 MB timing is scripts/bench-periksa.ts, not a test.)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate.ts';
import { writeCheckExport } from '../../src/demo/periksa.ts';
import { buildData } from '../../src/pipeline/build.ts';
import { DataError, type Issue } from '../../src/pipeline/issues.ts';
import { createNodeConnector } from '../../src/lib/db/node.ts';
import { useSite, withPage, type Probe } from './harness.ts';

const DIR = resolve('tmp', 'periksa-e2e');
const DEMO = join(DIR, 'demo');
const session = useSite();

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  await generateDemo({ out: DEMO, scale: 0.05 });
}, 300_000);

interface BuildResult {
  issues: Issue[];
  /** village x month -> [measured, stunted] (internal build: exact counts) */
  villages: Map<string, [number, number]>;
  exclusions: { tidak_masuk_akal: number; usia: number; duplikat: number; haz_kosong: number };
}

/** The build step on one file (alone in an input folder, as raw/<dir>/<name>), internal: exact counts. */
async function buildOne(file: string, dir: 'eppgbm' | 'eppgbm-desa'): Promise<BuildResult> {
  const input = join(DIR, `in-${basename(file, '.csv')}`);
  const out = join(DIR, `out-${basename(file, '.csv')}`);
  rmSync(input, { recursive: true, force: true });
  mkdirSync(join(input, 'raw', dir), { recursive: true });
  writeFileSync(join(input, 'raw', dir, basename(file)), readFileSync(file));
  try {
    await buildData({ input, out, province: '64', internal: true });
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { issues: e.log.sorted(), villages: new Map(), exclusions: { tidak_masuk_akal: 0, usia: 0, duplikat: 0, haz_kosong: 0 } };
  }
  const db = await createNodeConnector({ dataDir: out });
  try {
    const rows = await db.query<{ kode_wilayah: string; periode: string; d: number; s: number }>(
      `SELECT g.kode_wilayah, g.periode, g.jumlah_balita_diukur AS d, g.jumlah_balita_stunting AS s FROM gizi_balita g
       JOIN wilayah w USING (kode_wilayah) WHERE w.tingkat = 'desa_kelurahan' AND g.jumlah_balita_diukur IS NOT NULL`,
    );
    const [x] = await db.query<BuildResult['exclusions']>(
      `SELECT sum(dikecualikan_tidak_masuk_akal) AS tidak_masuk_akal, sum(dikecualikan_usia) AS usia, sum(dikecualikan_duplikat_bulan) AS duplikat,
              sum(dikecualikan_haz_kosong) AS haz_kosong FROM kualitas_data WHERE kode_wilayah = '64'`,
    );
    return { issues: [], villages: new Map(rows.map((r) => [`${r.kode_wilayah}|${r.periode}`, [r.d, r.s]])), exclusions: { ...x! } };
  } finally {
    db.close();
  }
}

/** Opens the page, waits for the engine and the two published tables, checks `file`; returns what the page shows. */
async function checkInPage(probe: Probe, lang: 'id' | 'en', file: string) {
  const { page } = probe;
  await page.goto(session.site.url(lang, '/jelajah/periksa/'));
  await page.waitForSelector('[data-engine][data-state="ready"]', { timeout: 120_000 });
  const before = probe.requests.length;
  await page.setInputFiles('input[type=file]', file);
  await page.waitForSelector('[data-periksa][data-done]', { timeout: 300_000 });
  const during = probe.requests.slice(before);
  const done = await page.getAttribute('[data-periksa]', 'data-done');
  const issues = await readIssues(page);
  const villages = new Map<string, [number, number]>(
    (await page.locator('[data-villages] tbody tr').evaluateAll((trs) => trs.map((tr) => [`${tr.getAttribute('data-kode')}|${tr.getAttribute('data-periode')}`, Number(tr.getAttribute('data-diukur')), Number(tr.getAttribute('data-stunting'))] as const))).map(
      ([k, d, s]) => [k, [d, s]],
    ),
  );
  const summary = Object.fromEntries(
    await page.locator('[data-summary] dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-k'), Number((dd.textContent ?? '').replace(/[.,\s]/g, ''))] as const)),
  ) as Record<string, number>;
  return { done, during, issues, villages, summary, html: await page.content() };
}

async function readIssues(page: Page): Promise<{ key: string; text: string }[]> {
  if (!(await page.locator('[data-issues]').count())) return [];
  const data = JSON.parse((await page.getAttribute('[data-issues]', 'data-issues'))!) as { line: number | null; column: number | null; type: string }[];
  const texts = await page.locator('[data-issues] li').allTextContents();
  return data.map((d, i) => ({ key: `${d.line}:${d.column}:${d.type}`, text: texts[i] ?? '' }));
}

/** Village x month counts of the page and of the build, a village absent from one side counting 0 (it had no row in the file). */
function expectSameCounts(page: Map<string, [number, number]>, build: Map<string, [number, number]>) {
  const all = [...new Set([...page.keys(), ...build.keys()])].sort();
  const side = (m: Map<string, [number, number]>) => all.map((k) => [k, ...(m.get(k) ?? [0, 0])].join(' '));
  expect(side(page)).toEqual(side(build));
  expect([...page.values()].filter(([d]) => d > 0).length).toBeGreaterThan(20);
}

const keys = (issues: Issue[]) => issues.map((i) => `${i.line ?? null}:${i.column ?? null}:${i.type}`).sort();

/** Personal values of a by-name file: NIK, names, dates of birth, addresses. */
function personal(file: string): string[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const out = new Set<string>();
  for (const r of data) {
    for (const k of ['NIK', 'Nama', 'Nama Ortu', 'Tgl Lahir', 'Alamat']) {
      const v = (r[k] ?? '').trim();
      if (v.length >= 6) out.add(v);
    }
  }
  return [...out];
}

describe('file check: by-name export', () => {
  it('counts like the build for every village and month, with the same exclusions, and makes no request', async () => {
    const made = await writeCheckExport(DEMO, join(DIR, 'eppgbm_bersih.csv'), { files: 8 });
    // a few z-scores beyond ±6 (excluded as implausible, not errors)
    const lines = readFileSync(made.path, 'utf8').split('\n');
    const zs = made.header.indexOf('ZS TB/U');
    for (const n of [5, 17, 40]) {
      const { data } = Papa.parse<string[]>(lines[n - 1]!);
      data[0]![zs] = n === 17 ? '6,4' : '-7,25';
      lines[n - 1] = Papa.unparse(data, { newline: '' });
    }
    writeFileSync(made.path, lines.join('\n'));
    const built = await buildOne(made.path, 'eppgbm');
    expect(built.issues).toEqual([]);
    expect(built.villages.size).toBeGreaterThan(50);
    expect(built.exclusions.tidak_masuk_akal).toBeGreaterThanOrEqual(3);

    await withPage(session.browser, undefined, async (probe) => {
      const got = await checkInPage(probe, 'id', made.path);
      expect(got.done).toBe('result');
      expect(got.during).toEqual([]);
      expect(got.issues).toEqual([]);
      expect(got.summary.baris).toBe(made.rows);
      expect(got.summary.tidak_masuk_akal).toBe(built.exclusions.tidak_masuk_akal);
      expect(got.summary.usia).toBe(built.exclusions.usia);
      expect(got.summary.duplikat).toBe(built.exclusions.duplikat);
      expect(got.summary.haz_kosong).toBe(built.exclusions.haz_kosong);
      expectSameCounts(got.villages, built.villages);
      for (const v of personal(made.path)) expect(got.html.includes(v), 'a personal value of the file is in the page').toBe(false);
      expect(probe.errors).toEqual([]);
    });
  });

  it('lists the problems the build lists, at the same FILE:LINE:COLUMN, without quoting the file', async () => {
    const made = await writeCheckExport(DEMO, join(DIR, 'eppgbm_rusak.csv'), { files: 1 });
    const lines = readFileSync(made.path, 'utf8').replace(/\n$/, '').split('\n');
    const col = (name: string) => made.header.indexOf(name);
    const set = (line: number, name: string, value: string) => {
      const { data } = Papa.parse<string[]>(lines[line - 1]!);
      data[0]![col(name)] = value;
      lines[line - 1] = Papa.unparse(data, { newline: '' });
    };
    set(4, 'Tanggal Pengukuran', 'kemarin'); // not a date
    set(7, 'ZS TB/U', 'abc'); // not a number
    set(9, 'ZS TB/U', '-9,1'); // implausible: excluded, not an error
    set(11, 'Desa/Kel', 'DESA YANG TIDAK ADA'); // unknown village
    set(14, 'Kec', ''); // an area name missing
    lines.push('9901019999990001,short,row'); // too few fields
    writeFileSync(made.path, `${lines.join('\n')}\n`);
    const last = lines.length;
    const built = await buildOne(made.path, 'eppgbm');
    const expected = keys(built.issues.filter((i) => basename(i.file) === basename(made.path)));
    const c = (name: string) => col(name) + 1;
    expect(expected).toEqual(
      expect.arrayContaining([`4:${c('Tanggal Pengukuran')}:invalid-date`, `7:${c('ZS TB/U')}:invalid-haz`, `11:${c('Desa/Kel')}:unmatched-name`, `14:${c('Desa/Kel')}:missing-area-name`, `${last}:null:field-count`]),
    );

    await withPage(session.browser, undefined, async (probe) => {
      const got = await checkInPage(probe, 'en', made.path);
      expect(got.during).toEqual([]);
      expect(got.issues.map((i) => i.key).sort()).toEqual(expected);
      for (const i of got.issues) expect(i.text.startsWith(`eppgbm_rusak.csv:${i.key.split(':')[0]}:`)).toBe(true);
      expect(got.issues.find((i) => i.key.endsWith('invalid-date'))!.text).toContain('measurement date is missing or not a date —');
      expect(got.summary.tidak_masuk_akal).toBe(1);
      expect(got.html).not.toContain('kemarin');
      expect(got.html).not.toContain('abc');
      for (const v of personal(made.path)) expect(got.html.includes(v), 'a personal value of the file is in the page').toBe(false);
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('file check: village-count CSV', () => {
  it('counts like the build and lists the build problems at the same places', async () => {
    const dir = join(DEMO, 'raw', 'eppgbm-desa');
    const source = join(dir, readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()[0]!);
    const clean = join(DIR, 'desa_bersih.csv');
    writeFileSync(clean, readFileSync(source));
    const built = await buildOne(clean, 'eppgbm-desa');
    expect(built.issues).toEqual([]);
    expect(built.villages.size).toBeGreaterThan(20);

    const lines = readFileSync(source, 'utf8').replace(/\n$/, '').split('\n');
    const header = lines[0]!.split(',');
    const set = (line: number, name: string, value: string) => {
      const cells = lines[line - 1]!.split(',');
      cells[header.indexOf(name)] = value;
      lines[line - 1] = cells.join(',');
    };
    set(3, 'kode_wilayah', '6499019999'); // no such area
    set(5, 'jumlah_balita_diukur', '-4'); // negative
    set(6, 'jumlah_balita_pendek', '999'); // more stunted than measured
    set(8, 'periode', '2024-13'); // not a month
    lines[9] = lines[10]!; // line 10 repeats line 11's village and month
    const broken = join(DIR, 'desa_rusak.csv');
    writeFileSync(broken, `${lines.join('\n')}\n`);
    const bad = await buildOne(broken, 'eppgbm-desa');
    const expected = keys(bad.issues.filter((i) => basename(i.file) === 'desa_rusak.csv'));
    expect(expected).toEqual(expect.arrayContaining(['3:1:unknown-code', '5:4:negative-count', '6:5:part-exceeds-whole', '8:2:invalid-value', '11:null:duplicate-key']));

    await withPage(session.browser, undefined, async (probe) => {
      const ok = await checkInPage(probe, 'id', clean);
      expect(ok.done).toBe('result');
      expect(ok.during).toEqual([]);
      expect(ok.issues).toEqual([]);
      expectSameCounts(ok.villages, built.villages);
      expect(await probe.page.locator('[data-kind="desa"]').count()).toBe(1);

      const got = await checkInPage(probe, 'en', broken);
      expect(got.during).toEqual([]);
      expect(got.issues.map((i) => i.key).sort()).toEqual(expected);
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('file check page', () => {
  it('shows the engine download byte by byte and is linked from the data tools', async () => {
    await withPage(session.browser, undefined, async (probe) => {
      const { page } = probe;
      await page.addInitScript(() => {
        const seen: [number, number][] = [];
        (window as unknown as { __progress: typeof seen }).__progress = seen;
        window.addEventListener('atlas:db-progress', (e) => seen.push([(e as CustomEvent).detail.loaded, (e as CustomEvent).detail.total]));
      });
      await page.goto(session.site.url('en', '/jelajah/'));
      const link = page.locator('.alat-nav a[href$="/en/jelajah/periksa/"]');
      expect(await link.count()).toBe(1);
      await link.click();
      await page.waitForSelector('[data-engine][data-state="ready"]', { timeout: 120_000 });
      const progress = await page.evaluate(() => (window as unknown as { __progress: [number, number][] }).__progress);
      expect(progress.length).toBeGreaterThan(1);
      const total = progress[0]![1];
      expect(progress.at(-1)).toEqual([total, total]);
      expect(await page.locator('.alat-nav a[aria-current="page"]').getAttribute('href')).toMatch(/\/en\/jelajah\/periksa\/$/);
      expect(probe.errors).toEqual([]);
    });
  });
});
