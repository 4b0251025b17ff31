/**
 * The explorer (/jelajah/) against the built site: the first view is in the HTML; a level change,
 * a numeric condition and a name search run on DuckDB-WASM and agree with the published Parquet
 * (read here with native DuckDB); the link reopens the same view; two areas compare over time;
 * the CSV of what is shown has names beside codes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector, type NodeConnector } from '../../src/lib/db/node.ts';
import { axeViolations, useSite, withPage } from './harness.ts';
import { join } from 'node:path';

const s = useSite();
let native: NodeConnector;

beforeAll(async () => {
  native = await createNodeConnector({ dataDir: join(s.site.dist, 'data') });
});
afterAll(async () => {
  native?.close();
});

const rendered = (page: Page, part: string) =>
  page.waitForFunction((p) => (document.querySelector('[data-jelajah]')?.getAttribute('data-rendered') ?? '').includes(p), part, { timeout: 90_000 });
const codes = (page: Page) => page.locator('.jelajah-table tbody td code').allTextContents();

describe('explorer', () => {
  it('filters by a numeric condition and a name, and the link reopens the same view', async () => {
    const [{ periode }] = await native.query<{ periode: string }>(`SELECT max(periode) AS periode FROM gizi_balita WHERE tingkat = 'provinsi' AND jumlah_balita_diukur > 0`);
    const expected = (await native.query<{ kode_wilayah: string }>(`SELECT kode_wilayah FROM gizi_balita WHERE tingkat = 'kecamatan' AND periode = '${periode}' AND prevalensi_stunting > 20 ORDER BY kode_wilayah`)).map((r) => r.kode_wilayah);
    expect(expected.length).toBeGreaterThan(0);
    let link = '';
    await withPage(s.browser, s.site.url('id', '/jelajah/'), async (probe) => {
      const { page } = probe;
      // first view from the build: every regency, no engine yet
      const regencies = await native.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM wilayah WHERE tingkat = 'kabupaten_kota'`);
      expect((await codes(page)).length).toBe(regencies[0]!.n);
      expect(probe.requests.filter((u) => u.endsWith('.parquet'))).toEqual([]);

      await page.selectOption('select[name=level]', 'kecamatan');
      await rendered(page, 'level=kecamatan');
      await page.selectOption('select[name=fcol]', 'prevalensi');
      await page.selectOption('select[name=fop]', 'gt');
      await page.fill('input[name=fval]', '20');
      await page.click('[data-add-filter]');
      await rendered(page, 'f=prevalensi.gt.20');
      expect(await codes(page)).toEqual(expected);
      expect(await page.locator('[data-filters] li').textContent()).toContain('> 20');
      // every prevalence shown is above 20
      const shown = await page.locator('.jelajah-table tbody tr td.num:nth-last-child(2)').allTextContents();
      for (const v of shown) expect(Number(v.replace(',', '.'))).toBeGreaterThan(20);

      // sort by prevalence, largest first
      await page.click('button[data-sort="prevalensi"]');
      await rendered(page, 'sort=prevalensi.desc');
      const sorted = (await page.locator('.jelajah-table tbody tr td.num:nth-last-child(2)').allTextContents()).map((v) => Number(v.replace(',', '.')));
      expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
      expect(await page.getAttribute('th[aria-sort="descending"] button', 'data-sort')).toBe('prevalensi');
      link = page.url();
      expect(probe.errors).toEqual([]);
      expect(probe.outside).toEqual([]);
    });
    expect(link).toContain('level=kecamatan');
    // the shared link opens the same view in a fresh page
    await withPage(s.browser, link, async (probe) => {
      await rendered(probe.page, 'sort=prevalensi.desc');
      expect([...(await codes(probe.page))].sort()).toEqual(expected);
      expect(await probe.page.inputValue('select[name=level]')).toBe('kecamatan');
      expect(probe.errors).toEqual([]);
    });
  });

  it('searches by name', async () => {
    const [row] = await native.query<{ nama_wilayah: string }>(`SELECT nama_wilayah FROM wilayah WHERE tingkat = 'kabupaten_kota' ORDER BY kode_wilayah DESC LIMIT 1`);
    const word = row!.nama_wilayah.split(' ').at(-1)!;
    const matches = (await native.query<{ kode_wilayah: string }>(`SELECT kode_wilayah FROM wilayah WHERE tingkat = 'kabupaten_kota' AND contains(lower(nama_wilayah), lower('${word}')) ORDER BY kode_wilayah`)).map((r) => r.kode_wilayah);
    await withPage(s.browser, s.site.url('en', '/jelajah/'), async (probe) => {
      await probe.page.fill('.jelajah input[name=q]', word.toLowerCase()); // the layout has its own search box
      await rendered(probe.page, `q=`);
      expect(await codes(probe.page)).toEqual(matches);
      expect(probe.errors).toEqual([]);
    });
  });

  it('compares areas over time and downloads what is shown as CSV', async () => {
    const two = (await native.query<{ kode_wilayah: string; nama_wilayah: string }>(`SELECT kode_wilayah, nama_wilayah FROM wilayah WHERE tingkat = 'kabupaten_kota' ORDER BY kode_wilayah LIMIT 2`));
    const months = await native.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM gizi_balita WHERE kode_wilayah IN ('${two[0]!.kode_wilayah}', '${two[1]!.kode_wilayah}')`);
    await withPage(s.browser, s.site.url('id', '/jelajah/'), async (probe) => {
      const { page } = probe;
      await page.check(`input[data-cmp="${two[0]!.kode_wilayah}"]`);
      await page.check(`input[data-cmp="${two[1]!.kode_wilayah}"]`);
      const fig = page.locator('figure[data-figure="banding"]');
      // the chart's main drawing: a group of links, each month's dot to that area's profile at that month
      const main = fig.locator('svg[data-chart-main]').first();
      await main.waitFor({ timeout: 90_000 });
      expect(await main.getAttribute('role')).toBe('group');
      const hrefs = await main.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(2);
      for (const h of hrefs) expect(h).toMatch(new RegExp(`/wilayah/(${two[0]!.kode_wilayah.replace('.', '\\.')}|${two[1]!.kode_wilayah.replace('.', '\\.')})/\\?period=\\d{4}-\\d{2}$`));
      expect(page.url()).toContain(`cmp=${two[0]!.kode_wilayah},${two[1]!.kode_wilayah}`);
      expect(await fig.locator('.chart-title').textContent()).toContain(two[1]!.nama_wilayah);
      expect(await fig.locator('details tbody tr').count()).toBe(months[0]!.n);
      expect(await page.locator('[data-compare-chips] li').count()).toBe(2);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-csv]')]);
      expect(download.suggestedFilename()).toMatch(/^atlas-stunting_jelajah_kabupaten-kota_.*\.csv$/);
      const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
      const lines = text.replace(/^\uFEFF/, '').trim().split('\n');
      expect(lines[0]).toBe('Kode wilayah,Nama wilayah,Jenis,Wilayah induk,Bulan (YYYY-MM),Balita sasaran,Balita diukur,Balita stunting,Pendek,Sangat pendek,Prevalensi stunting (%),Cakupan pengukuran (%),Ada angka disembunyikan');
      expect(lines[1]).toContain(`${two[0]!.kode_wilayah},${two[0]!.nama_wilayah}`);
      expect(lines.length - 1).toBe(await codes(page).then((c) => c.length));
      // the same rows as a typed spreadsheet (read back by LibreOffice in test/lib/xlsx.test.ts)
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-xlsx]')]);
      expect(xlsx.suggestedFilename()).toMatch(/^atlas-stunting_jelajah_kabupaten-kota_.*\.xlsx$/);
      const bytes = await (await import('node:fs/promises')).readFile((await xlsx.path())!);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(4000);
      expect(await axeViolations(page, '.jelajah')).toEqual([]);
      expect(probe.errors).toEqual([]);
      expect(probe.outside).toEqual([]);
    });
  });
});
