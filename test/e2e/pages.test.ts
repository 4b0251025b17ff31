/**
 * Page behaviour against the built site (dist/): every page renders its charts as SVG inside
 * <figure> with a caption and a data table, interactive selectors re-render through DuckDB-WASM
 * and keep their state in the URL (back restores the view), rankings link to profiles, both
 * languages, no console errors and no English on Indonesian pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, choose, LANGS, openPage, type Probe, updates, useSite, waitForUpdate as waitForUpdateWithin, withPage } from './harness.ts';
import { TABLE_NAMES, TABLES } from '../../src/lib/schema.ts';

const s = useSite();

/** Pages with charts, and the figures each must have at first view (no JavaScript needed). */
const PAGES: { path: string; figures: string[] }[] = [
  { path: '/', figures: ['tren', 'survei', 'prioritas'] },
  { path: '/dua-angka/', figures: ['panel-survei', 'panel-rutin'] },
  { path: '/prioritas/', figures: ['peringkat', 'kuadran', 'desa', 'survei-peringkat'] },
  { path: '/cakupan/', figures: ['cakupan', 'jangkauan'] },
  { path: '/wilayah/64.08/', figures: ['tren', 'saudara', 'kualitas'] },
];

/** Words of the English interface that must not appear on an Indonesian page (outside quotes). */
const ENGLISH = [/\bSource\b/, /\bchildren\b/, /\bPrevalence\b/, /\bcoverage\b/, /\bsuppressed\b/, /\bno data\b/, /\bShow the numbers\b/, /\bTarget under-fives\b/];
/** Words of the Indonesian interface that must not appear on an English page (outside lang="id"). */
const INDONESIAN = [/\bSumber:/, /\bBalita\b/, /\btidak ada data\b/, /\bdisembunyikan\b/, /\bTampilkan\b/, /\bCakupan\b/,
  // Indonesian terms quoted in English text are marked lang="id" (programme names, "priority (lokus) village", "(Aksi 7)")
  /intervensi serentak/, /\(lokus\)/, /\(Aksi \d+\)/];

async function mainText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll('[lang="id"], style, script, option')) el.remove();
    return main.textContent ?? '';
  });
}

const waitForUpdate = (page: Page, after: number) => waitForUpdateWithin(page, after, 60_000);

async function figureTitle(page: Page, name: string): Promise<string> {
  return (await page.locator(`figure[data-figure="${name}"] .chart-title`).textContent()) ?? '';
}

describe('every page renders its charts at build time', () => {
  for (const lang of LANGS) {
    for (const { path, figures } of PAGES) {
      it(`${lang} ${path}`, async () => {
        await withPage(s.browser, s.site.url(lang, path), async (probe) => {
          const { page } = probe;
          for (const name of figures) {
            const fig = page.locator(`figure[data-figure="${name}"]`);
            expect(await fig.count(), `${name}`).toBe(1);
            expect(await fig.locator('svg[data-chart-main][aria-label]:visible').count(), `${name} svg`).toBe(1); // one of the phone and desktop drawings
            expect(((await fig.locator('figcaption').textContent()) ?? '').length, `${name} caption`).toBeGreaterThan(20);
            expect(await fig.locator('details table').count(), `${name} table`).toBeGreaterThan(0);
            // a chart with no labels is a bug
            expect(await fig.locator('svg[data-chart-main]:visible text').count(), `${name} labels`).toBeGreaterThan(3);
          }
          const text = await mainText(page);
          for (const word of lang === 'id' ? ENGLISH : INDONESIAN) expect(text, `${word} on ${lang} ${path}`).not.toMatch(word);
          await page.waitForTimeout(200);
          expect(probe.errors).toEqual([]);
          expect(probe.outside).toEqual([]);
        });
      });
    }
  }
});

describe('interaction', () => {
  for (const lang of LANGS) {
    it(`${lang}: changing the period updates the charts and the URL; back restores the view`, async () => {
      await withPage(s.browser, s.site.url(lang, '/'), async (probe) => {
        const { page } = probe;
        const select = page.locator('select[data-atlas-control="period"]');
        await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
        const built = await select.inputValue();
        const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const other = options.find((o) => o !== built && o.endsWith('-08'))!;
        const builtTitle = await figureTitle(page, 'prioritas');
        const builtSvg = await page.locator('figure[data-figure="prioritas"] svg[data-chart-main]:visible').innerHTML();

        let n = await updates(page);
        await select.selectOption(other);
        await waitForUpdate(page, n);
        expect(new URL(page.url()).searchParams.get('period')).toBe(other);
        const newTitle = await figureTitle(page, 'prioritas');
        expect(newTitle).not.toBe(builtTitle);
        expect(newTitle).toContain(other.slice(0, 4));
        expect(await page.locator('figure[data-figure="prioritas"] svg[data-chart-main]:visible').innerHTML()).not.toBe(builtSvg);
        expect(await page.locator('figure[data-figure="tren"] svg[data-chart-main]:visible').count()).toBe(1);

        n = await updates(page);
        await page.goBack();
        await waitForUpdate(page, n);
        expect(new URL(page.url()).searchParams.get('period')).toBeNull();
        expect(await select.inputValue()).toBe(built);
        expect(await figureTitle(page, 'prioritas')).toBe(builtTitle);

        n = await updates(page);
        await page.goForward();
        await waitForUpdate(page, n);
        expect(await select.inputValue()).toBe(other);
        expect(probe.errors).toEqual([]);
        expect(probe.outside).toEqual([]);
      });
    });
  }

  it('a shared URL with a period opens that view', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/', '?period=2024-02&indicator=stunting'), async (probe) => {
      const { page } = probe;
      await waitForUpdate(page, 0);
      expect(await figureTitle(page, 'peringkat')).toContain('Februari 2024');
      expect(await figureTitle(page, 'peringkat')).toContain('Jumlah balita stunting');
      expect(await page.locator('select[data-atlas-control="indicator"]').inputValue()).toBe('stunting');
      expect(probe.errors).toEqual([]);
    });
  });

  it('Prioritas: SKI 2023 ranks Kutai Timur, Bontang, Penajam Paser Utara first; Mahakam Ulu has no figure', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/'), async (probe) => {
      const { page } = probe;
      await choose(page, 'tab', 'ski-2023', 60_000);
      expect(new URL(page.url()).searchParams.get('tab')).toBe('ski-2023');
      const fig = page.locator('figure[data-figure="survei-peringkat"]');
      expect(await fig.locator('.chart-title').textContent()).toContain('SKI 2023');
      const labels = await fig.locator('svg[data-chart-main]:visible g[data-mark="y-axis tick label"] text').allTextContents();
      expect(labels.slice(0, 3)).toEqual(['Kutai Timur', 'Bontang', 'Penajam Paser Utara']);
      expect(labels.at(-1)).toBe('Mahakam Ulu');
      expect(await fig.locator('svg[data-chart-main]:visible').textContent()).toContain('tidak ada data');
      expect(probe.errors).toEqual([]);
    });
  });

  for (const lang of LANGS) {
    it(`${lang}: opening a regency from Prioritas shows its profile`, async () => {
      await withPage(s.browser, s.site.url(lang, '/prioritas/'), async (probe) => {
        const { page } = probe;
        const link = page.locator('.area-links a[data-kode="64.08"]');
        await Promise.all([page.waitForURL(/\/wilayah\/64\.08\/$/), link.click()]);
        expect(await page.locator('h1').textContent()).toContain('Kutai Timur');
        expect(await page.locator('figure[data-figure="tren"] svg[data-chart-main]:visible').count()).toBe(1);
        expect(probe.errors).toEqual([]);
      });
    });
  }

  it('Profil: changing the period re-renders the profile of that area', async () => {
    await withPage(s.browser, s.site.url('en', '/wilayah/64.72/'), async (probe) => {
      const { page } = probe;
      const select = page.locator('select[data-atlas-control="period"]');
      await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
      const n = await updates(page);
      await select.selectOption('2024-02');
      await waitForUpdate(page, n);
      expect(await figureTitle(page, 'saudara')).toContain('February 2024');
      expect(await figureTitle(page, 'saudara')).toContain('Samarinda');
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('Dua angka', () => {
  it('draws survey and routine in two panels with their own colour scales, notes and missing values', async () => {
    await withPage(s.browser, s.site.url('id', '/dua-angka/'), async (probe) => {
      const { page } = probe;
      const survey = page.locator('figure[data-figure="panel-survei"]');
      const routine = page.locator('figure[data-figure="panel-rutin"]');
      const surveyHtml = await survey.innerHTML();
      const routineHtml = await routine.innerHTML();
      expect(surveyHtml).toContain('#2171b5');
      expect(surveyHtml).not.toContain('#d7301f');
      expect(routineHtml).not.toContain('#2171b5');
      expect(await survey.locator('figcaption').textContent()).toMatch(/SSGI 2024/);
      expect(await routine.locator('figcaption').textContent()).toMatch(/e-PPGBM/);
      // SSGI 2024: no figure for Paser, conflicting sources noted for Kutai Barat, Kutai Timur, PPU
      expect(await survey.locator('svg[data-chart-main]:visible').textContent()).toContain('tidak ada data');
      const notes = (await survey.locator('.notes').textContent()) ?? '';
      for (const name of ['Kutai Barat', 'Kutai Timur', 'Penajam Paser Utara']) expect(notes).toContain(name);
      // the published routine statements are cited one by one
      expect(await page.locator('#publikasi').count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain('11,55%');
      const n = await updates(page);
      await page.locator('select[data-atlas-control="tab"]').selectOption('ski-2023');
      await waitForUpdate(page, n);
      expect(await survey.locator('.chart-title').textContent()).toContain('SKI 2023');
      expect(await survey.locator('figcaption').textContent()).toContain('Mahakam Ulu');
      // with no month chosen, the routine panel follows the survey year
      expect(await routine.locator('.chart-title').textContent()).toContain('Agustus 2023');
      expect(await page.locator('select[data-atlas-control="period"]').inputValue()).toBe('2023-08');
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('Data & metodologi', () => {
  it('offers every table as Parquet and as CSV', async () => {
    await withPage(s.browser, s.site.url('en', '/data/'), async (probe) => {
      const { page } = probe;
      const links = await page.locator('table.downloads a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      // one CSV and one Parquet per table of the data API (src/lib/schema.ts)
      const files = (ext: string) => links.filter((l) => l.endsWith(ext)).map((l) => l.split('/').pop()).sort();
      expect(files('.csv')).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
      expect(files('.parquet')).toEqual(TABLE_NAMES.map((t) => TABLES[t].file).sort());
      for (const href of links) {
        const res = await page.request.get(href);
        expect(res.status(), href).toBe(200);
        if (href.endsWith('.csv')) expect((await res.text()).split('\n')[0]).toMatch(/^kode_wilayah,|^program,/);
      }
      expect(await page.locator('#kamus details').count()).toBe(TABLE_NAMES.length);
    });
  });
});

describe('first view', () => {
  it('stays under 150 KB before the first chart is visible (HTML, CSS and scripts, gzip as served)', async () => {
    for (const { path } of PAGES) {
      const probe: Probe = await openPage(s.browser, undefined);
      try {
        const { page } = probe;
        await page.addInitScript(() => {
          const w = window as unknown as { __firstChart?: number };
          const check = () => {
            for (const svg of document.querySelectorAll('figure svg')) {
              const r = svg.getBoundingClientRect();
              if (r.width > 0 && r.height > 0) return void (w.__firstChart = performance.now());
            }
            requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        await page.goto(s.site.url('id', path));
        await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined);
        const total = await page.evaluate(() => {
          const at = (window as unknown as { __firstChart: number }).__firstChart;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= at);
          return nav.transferSize + res.reduce((a, e) => a + e.transferSize, 0);
        });
        expect(total, path).toBeLessThan(150 * 1024);
        expect(total, path).toBeGreaterThan(1024);
      } finally {
        await probe.close();
      }
    }
  });
});

describe('accessibility of the page content', () => {
  for (const lang of LANGS) {
    for (const { path } of PAGES) {
      it(`${lang} ${path} has no serious or critical axe violations`, async () => {
        await withPage(s.browser, s.site.url(lang, path), async (probe) => {
          expect(await axeViolations(probe.page, 'main')).toEqual([]);
        });
      });
    }
  }
});
