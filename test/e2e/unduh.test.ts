/**
 * Downloads of every chart: PNG, SVG and CSV made in the browser from the figure, each non-empty and
 * carrying the title and the source (and on the demo "DATA SINTETIS"); CSV numbers are numbers and
 * areas have their codes; the static table CSVs neutralise formula-looking text.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, withPage } from './harness.ts';

const s = useSite();

async function grab(page: Page, figure: string, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`figure[data-figure="${figure}"] .fig-tools button[data-download="${kind}"]`)]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe('chart downloads', () => {
  it('PNG, SVG and CSV of a ranking chart carry title, source and the demo mark', async () => {
    const demo = s.site.manifest().demo;
    await withPage(s.browser, s.site.url('id', '/prioritas/'), async (probe) => {
      const { page } = probe;
      const fig = 'peringkat';
      await page.locator(`figure[data-figure="${fig}"] .fig-tools`).waitFor();
      const title = ((await page.locator(`figure[data-figure="${fig}"] .chart-title`).textContent()) ?? '').trim();
      const caption = ((await page.locator(`figure[data-figure="${fig}"] > figcaption`).textContent()) ?? '').trim();
      expect(title.length).toBeGreaterThan(10);
      expect(caption).toMatch(/^Sumber:/);

      const svg = await grab(page, fig, 'svg');
      expect(svg.name).toMatch(/^atlas-stunting_peringkat_.*\.svg$/);
      const svgText = svg.bytes.toString('utf8');
      expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svgText).toContain(title.replace(/&/g, '&amp;'));
      expect(svgText).toContain('Sumber: e-PPGBM');
      if (demo) expect(svgText).toContain('DATA SINTETIS');
      expect(svgText).toMatch(/<rect[^>]+fill="#fc8d59"/); // the bars themselves

      const png = await grab(page, fig, 'png');
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = png.bytes.readUInt32BE(16);
      const height = png.bytes.readUInt32BE(20);
      const w = Number(/width="(\d+)"/.exec(svgText)![1]);
      const h = Number(/height="(\d+)"/.exec(svgText)![1]);
      expect(width).toBe(w * 2); // drawn from that SVG, at twice its size
      expect(height).toBe(h * 2);
      expect(png.bytes.length).toBeGreaterThan(20_000);

      const xlsx = await grab(page, fig, 'xlsx');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

      const csv = await grab(page, fig, 'csv');
      expect(csv.name).toMatch(/\.csv$/);
      const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const lines = rows.map((r) => r.join(','));
      if (demo) expect(rows[0]![0]).toBe('DATA SINTETIS');
      expect(lines).toContain(title);
      expect(rows.some((r) => r[0]!.startsWith('Sumber: e-PPGBM'))).toBe(true);
      const header = rows.find((r) => r[0] === 'Kode wilayah')!;
      expect(header).toBeDefined();
      expect(header[1]).toBe('Wilayah');
      const data = rows.slice(rows.indexOf(header) + 1);
      expect(data.length).toBeGreaterThan(5);
      for (const r of data) {
        expect(r[0]).toMatch(/^\d{2}\.\d{2}$/); // the code, as text with its dot
        expect(r[2]).toMatch(/^(\d+(\.\d+)?)?$/); // prevalence: a plain number (no %, decimal point), or empty
      }
      expect(probe.errors).toEqual([]);
      expect(probe.outside).toEqual([]);
    });
  });

  it('the English page gives English CSV numbers and no demo mark in Indonesian', async () => {
    await withPage(s.browser, s.site.url('en', '/'), async (probe) => {
      const { page } = probe;
      const first = page.locator('main figure[data-figure] .fig-tools').first();
      await first.waitFor();
      const figure = await first.evaluate((el) => (el.closest('figure') as HTMLElement).dataset.figure!);
      const csv = await grab(page, figure, 'csv');
      const text = csv.bytes.toString('utf8');
      if (s.site.manifest().demo) expect(text).toContain('SYNTHETIC DATA');
      expect(text).toContain('Source');
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('cite and internal marking', () => {
  it('"Cite" gives title, site, release, link, source and licence; the data page says when the data end', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/'), async (probe) => {
      const { page } = probe;
      const fig = page.locator('figure[data-figure="peringkat"]');
      await fig.locator('.fig-tools button[data-cite]').click();
      const text = (await fig.locator('[data-citation]').textContent()) ?? '';
      const title = ((await fig.locator('.chart-title').textContent()) ?? '').trim();
      const release = await page.getAttribute('html', 'data-release');
      expect(release).toMatch(/^r-[0-9a-f]{12}$/);
      expect(text).toContain(`“${title}”`);
      expect(text).toContain(`rilis data ${release}`);
      expect(text).toContain(page.url());
      expect(text).toContain('Sumber: e-PPGBM, Agustus 2025');
      expect(text).toContain('Lisensi:');
      if (s.site.manifest().demo) expect(text).toMatch(/^\[DATA SINTETIS/);
    });
    await withPage(s.browser, s.site.url('en', '/data/'), async (probe) => {
      const { page } = probe;
      const release = await page.getAttribute('html', 'data-release');
      expect(await page.locator('[data-updated]').textContent()).toContain(`data release ${release}`);
      const citation = (await page.locator('[data-citation]').textContent()) ?? '';
      expect(citation).toContain('SSGI');
      expect(citation).toContain('Licence:');
    });
  });

  it('downloads from an internal build say INTERNAL in the file name and inside', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/'), async (probe) => {
      const { page } = probe;
      // what an --internal build sets on every page (from manifest.internal)
      await page.evaluate(() => document.documentElement.setAttribute('data-internal', ''));
      const svg = await grab(page, 'peringkat', 'svg');
      expect(svg.name).toMatch(/^INTERNAL_atlas-stunting_/);
      expect(svg.bytes.toString('utf8')).toContain('>INTERNAL<');
      const csv = await grab(page, 'peringkat', 'csv');
      expect(csv.name).toMatch(/^INTERNAL_/);
      expect(csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n')[0]).toBe('INTERNAL');
    });
  });
});

describe('share', () => {
  it('copies a link that reopens the same view at the figure', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/', '?period=2024-08'), async (probe) => {
      const { page } = probe;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.site.root).origin });
      const button = page.locator('figure[data-figure="peringkat"] .fig-tools button[data-copy-link]');
      await button.click();
      await expect.poll(() => button.getAttribute('data-copied')).toMatch(/\?period=2024-08#fig-peringkat$/);
      const link = (await button.getAttribute('data-copied'))!;
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await withPage(s.browser, link, async (again) => {
        await again.page.waitForFunction(() => document.querySelector('[data-page]')?.getAttribute('data-rendered')?.includes('2024-08'), null, { timeout: 90_000 });
        expect(await again.page.inputValue('select[data-atlas-control="period"]')).toBe('2024-08');
        expect(await again.page.locator('#fig-peringkat').count()).toBe(1);
      });
    });
  });
});

describe('formula-injection guard in the browser downloads', () => {
  it('a name that starts with = + - @ becomes text; negative numbers stay numbers', async () => {
    await withPage(s.browser, s.site.url('id', '/data/'), async (probe) => {
      const { page } = probe;
      // a figure like any chart's, with hostile names in its table (as a programme name could be)
      await page.evaluate(() => {
        const f = document.createElement('figure');
        f.dataset.figure = 'uji';
        f.innerHTML = `<p class="chart-title">Uji</p><svg role="img" aria-label="Uji" width="300" height="100" viewBox="0 0 300 100"><rect width="50" height="50" fill="red"/></svg>
          <figcaption>Sumber: uji</figcaption><details><summary>t</summary><table><thead><tr><th>Program</th><th>Perubahan</th><th>Jumlah</th></tr></thead>
          <tbody><tr><th>=HYPERLINK("http://contoh.invalid","klik")</th><td>-3,5 poin persen</td><td>1.234</td></tr>
          <tr><th>+62 811 000</th><td>+1,5 poin persen</td><td>-12</td></tr><tr><th>@SUM(A1)</th><td>–</td><td>0</td></tr><tr><th>-Program lama</th><td>12,65%</td><td>7</td></tr></tbody></table></details>`;
        document.querySelector('main')!.append(f);
      });
      await page.locator('figure[data-figure="uji"] .fig-tools button[data-download="csv"]').waitFor();
      const csv = await grab(page, 'uji', 'csv');
      const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const header = rows.findIndex((r) => r[0] === 'Program');
      expect(rows.slice(header + 1)).toEqual([
        [`'=HYPERLINK("http://contoh.invalid","klik")`, '-3.5', '1234'],
        ["'+62 811 000", '1.5', '-12'],
        ["'@SUM(A1)", '', '0'],
        ["'-Program lama", '12.65', '7'],
      ]);
      expect(probe.outside).toEqual([]);
    });
  });
});

describe('static CSV downloads', () => {
  it('text starting with = + - @ is neutralised, numbers stay numbers', async () => {
    for (const table of ['program_ref', 'gizi_balita', 'survei']) {
      const res = await fetch(s.site.file(`data/${table}.csv`));
      expect(res.ok).toBe(true);
      const rows = Papa.parse<string[]>(await res.text(), { skipEmptyLines: true }).data;
      for (const r of rows.slice(1)) {
        for (const cell of r) {
          // a formula-looking cell is either a number (e.g. -2.5) or starts with an apostrophe
          if (/^[=+\-@]/.test(cell)) expect(cell, `${table}: ${cell}`).toMatch(/^-\d+(\.\d+)?$/);
        }
      }
    }
  });
});
