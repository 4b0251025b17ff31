/**
 * "Check your own file" (/jelajah/periksa/) against the built site, on a by-name export of about
 * 100 MB made here from the demo's exports (tmp/, git-ignored): the file is read in the browser
 * with no request at all while checking, counted with the build's rules and set beside the
 * published figures, which it must equal for every village and month published; a broken file
 * lists FILE:LINE:COLUMN problems without showing any personal value. Prints the time taken.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_SPELLINGS } from '../../src/demo/eppgbm.ts';
import { launchBrowser, serveSite, withPage, type Site } from './harness.ts';

let site: Site;
let browser: Browser;
const DIR = join('tmp', 'periksa-e2e');
const DEMO = join('data', 'demo', 'raw', 'eppgbm');
const TARGET_BYTES = 100 * 1024 * 1024;

beforeAll(async () => {
  site = await serveSite();
  browser = await launchBrowser();
  mkdirSync(DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The demo's comma-separated exports with the common header, minus regencies whose names need the crosswalk. */
function demoExports(): { header: string; bodies: string[] } {
  const skip = new Set(Object.keys(OLD_SPELLINGS).map((k) => k.slice(0, 5).replace('.', '')));
  const files = readdirSync(DEMO).filter((f) => f.endsWith('.csv') && !skip.has(f.split('_')[1]!)).sort();
  let header = '';
  const bodies: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(DEMO, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const nl = text.indexOf('\n');
    const h = text.slice(0, nl);
    if (!h.startsWith('NIK,')) continue; // semicolon exports: another dialect, left out of one file
    header ||= h;
    if (h !== header) continue;
    bodies.push(text.slice(nl + 1).replace(/\n*$/, '\n'));
  }
  return { header, bodies };
}

/** Writes the exports one after another, again and again, until the file passes `bytes`. */
async function bigExport(path: string, bytes: number): Promise<{ bytes: number; lines: number }> {
  const { header, bodies } = demoExports();
  expect(bodies.length).toBeGreaterThan(5);
  const out = createWriteStream(path);
  let written = header.length + 1;
  let lines = 0;
  out.write(`${header}\n`);
  while (written < bytes) {
    for (const b of bodies) {
      if (written >= bytes) break;
      if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += Buffer.byteLength(b);
      lines += b.split('\n').length - 1;
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { bytes: statSync(path).size, lines };
}

describe('file check', () => {
  it('checks a 100 MB by-name export in the browser, makes no request, and matches the published figures', async () => {
    const file = join(DIR, 'eppgbm_100mb.csv');
    const made = await bigExport(file, TARGET_BYTES);
    expect(made.bytes).toBeGreaterThanOrEqual(TARGET_BYTES);
    await withPage(browser, site.url('id', '/jelajah/periksa/'), async (probe) => {
      const { page } = probe;
      // the engine and the two published tables load when the page opens
      await page.waitForFunction(() => window.__atlas?.dbStatus === 'ready', null, { timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.parquet')).length >= 2, null, { timeout: 60_000 });
      await page.waitForTimeout(500);
      const before = probe.requests.length;
      const started = Date.now();
      await page.setInputFiles('input[type=file]', file);
      await page.waitForSelector('[data-periksa][data-done]', { timeout: 600_000 });
      const wall = Date.now() - started;
      const ms = Number(await page.getAttribute('[data-periksa]', 'data-ms'));
      console.log(`[periksa] ${(made.bytes / 1e6).toFixed(1)} MB, ${made.lines} rows: checked in ${(ms / 1000).toFixed(1)} s in the page (${(wall / 1000).toFixed(1)} s wall)`);
      expect(await page.getAttribute('[data-periksa]', 'data-done')).toBe('result');
      // nothing was requested while the file was read and checked: it never left the browser
      expect(probe.requests.slice(before)).toEqual([]);
      expect(probe.outside).toEqual([]);
      expect(probe.errors).toEqual([]);

      // every row read, and the demo exports are clean
      expect(await page.locator('[data-summary] [data-k="baris"]').textContent()).toBe(made.lines.toLocaleString('id-ID'));
      expect(await page.locator('[data-issues-none]').count()).toBe(1);
      // the file's counts equal the published ones for every village and month published
      const months = await page.locator('[data-months] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
          const num = (i: number) => Number(cells[i]!.replace(/\./g, ''));
          const [fileMeasured, publishedMeasured] = cells[5]!.split(' / ');
          return { villages: num(0), published: num(4), same: num(7), without: num(8), fileMeasured, publishedMeasured };
        }),
      );
      expect(months.length).toBeGreaterThan(0);
      for (const m of months) {
        // every published figure equals the file's; the others are hidden by the small-number rule
        expect(m.same + m.without).toBe(m.villages);
        expect(m.same).toBe(m.published);
        expect(m.fileMeasured).toBe(m.publishedMeasured);
        expect(m.same).toBeGreaterThan(0);
      }
    });
  });

  it('lists problems as FILE:LINE:COLUMN without showing personal values', async () => {
    const { header, bodies } = demoExports();
    const cols = header.split(',');
    const lines = bodies[0]!.split('\n').filter(Boolean).slice(0, 40);
    const at = (name: string) => cols.indexOf(name);
    // simple CSV split is enough for the lines changed below (their quoted fields are untouched)
    const parse = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ''));
    const rows = lines.map(parse).map((r) => r.slice(0, cols.length));
    const secret = rows[2]![at('NIK')]!;
    const secretName = rows[2]![at('Nama')]!;
    rows[2]![at('Tanggal Pengukuran')] = 'kemarin'; // line 4: not a date
    rows[5]![at('ZS TB/U')] = 'abc'; // line 7: not a number
    rows[9]![at('Desa/Kel')] = 'DESA YANG TIDAK ADA'; // line 11: unknown village
    const text = [header, ...rows.map((r) => r.join(','))].join('\n') + '\nshort,row\n';
    const file = join(DIR, 'eppgbm_rusak.csv');
    writeFileSync(file, text);
    await withPage(browser, site.url('en', '/jelajah/periksa/'), async (probe) => {
      const { page } = probe;
      await page.setInputFiles('input[type=file]', file);
      await page.waitForSelector('[data-periksa][data-done]', { timeout: 120_000 });
      const issues = await page.locator('[data-issues] li').allTextContents();
      const tanggal = at('Tanggal Pengukuran') + 1;
      const zs = at('ZS TB/U') + 1;
      const desa = at('Desa/Kel') + 1;
      expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^eppgbm_rusak\\.csv:4:${tanggal}: measurement date`)));
      expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^eppgbm_rusak\\.csv:7:${zs}: height-for-age z-score`)));
      expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^eppgbm_rusak\\.csv:11:${desa}: Desa/Kel name not found`)));
      expect(issues).toContainEqual(expect.stringMatching(/^eppgbm_rusak\.csv:42: unreadable row \(missing columns\)/));
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).not.toContain(secret);
      expect(body).not.toContain(secretName);
      expect(body).not.toContain('kemarin');
      expect(body).not.toContain('abc');
      expect(probe.outside).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });
});
