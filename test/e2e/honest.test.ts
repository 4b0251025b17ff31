/**
 * The site in real use (issue 11, part 2) against the built site: priority regencies first on the
 * Prioritas page, incomplete months marked, the search box finds areas with typos, every village
 * has a page, links keep the chosen state, chart links show tooltips on hover and focus, English
 * pages say "children"/"families", Indonesian pages write decimals with a comma, and the print
 * version keeps opened tables and ends with the page's URL and data date.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGS, NAV_PATHS, choose, useSite, withPage } from './harness.ts';

const s = useSite();

const html = async (url: string) => (await fetch(url)).text();

/** Text of <main> without quoted Indonesian (lang="id"), scripts and styles. */
async function ownText(page: Page, drop = '[lang="id"], style, script'): Promise<string> {
  return page.evaluate((sel) => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll(sel)) el.remove();
    return (main.textContent ?? '').replace(/\s+/g, ' ');
  }, drop);
}

describe('priority regencies', () => {
  it.each(LANGS)('%s: the Prioritas page opens with their full names before its first chart', async (lang) => {
    const page = await html(s.site.url(lang, '/prioritas/'));
    const firstChart = page.indexOf('<figure');
    expect(firstChart).toBeGreaterThan(0);
    for (const name of ['Kabupaten Kutai Timur', 'Kabupaten Penajam Paser Utara', 'Kota Bontang']) {
      const at = page.indexOf(name);
      expect(at, name).toBeGreaterThan(0);
      expect(at, name).toBeLessThan(firstChart);
    }
    expect(page.slice(0, firstChart)).toContain('26 Juli 2024');
    expect(page.slice(0, firstChart)).toMatch(lang === 'id' ? /SKI 2023/ : /Highest stunting prevalence in SKI 2023/);
  });
});

describe('honest comparisons', () => {
  it('marks incomplete months in the period selectors and the trend, and offers no gap to the survey target', async () => {
    const id = await html(s.site.url('id', '/'));
    expect(id).toMatch(/<option value="2023-11"[^>]*>November 2023 \(tidak lengkap\)<\/option>/);
    expect(id).toContain('Titik kosong: bulan yang tidak lengkap');
    const prio = await html(s.site.url('en', '/prioritas/'));
    expect(prio).not.toContain('value="selisih_target"');
    expect(prio).not.toContain('Gap to the national target');
  });
});

describe('every village findable', () => {
  it('the search index is small and lists every area', async () => {
    const res = await fetch(s.site.file('cari.json'));
    expect(res.ok).toBe(true);
    const body = Buffer.from(await res.arrayBuffer());
    expect(gzipSync(body).length).toBeLessThan(100_000);
    const index = JSON.parse(body.toString('utf8')) as { areas: [string, string][] };
    const villages = index.areas.filter(([kode]) => kode.split('.').length === 4);
    expect(villages.length).toBeGreaterThan(1000);
    // every village has a profile page (unless the build was limited on purpose)
    const built = new Set(readdirSync(join(s.site.dist, 'wilayah')));
    const limit = Number(process.env.ATLAS_PROFIL_LIMIT ?? Infinity);
    const missing = villages.filter(([kode]) => !built.has(kode));
    if (Number.isFinite(limit)) expect(villages.length - missing.length).toBeGreaterThanOrEqual(Math.min(limit, villages.length) - 200);
    else expect(missing).toEqual([]);
  });

  it('every page has the search box', async () => {
    for (const lang of LANGS) {
      for (const path of [...NAV_PATHS, '/wilayah/64.08/']) {
        expect(await html(s.site.url(lang, path)), `${lang} ${path}`).toContain('role="search"');
      }
    }
  });

  it.each([
    ['en', 'kutai timr', 'Kabupaten Kutai Timur', '/en/wilayah/64.08/'],
    ['id', 'muara bengkl', 'Muara Bengkal', '/wilayah/64.08.03/'],
  ] as const)('%s: "%s" finds %s on a phone, and Enter opens its profile', async (lang, query, name, path) => {
    await withPage(s.browser, s.site.url(lang, '/'), async ({ page }) => {
      const box = page.locator('form[role=search] input[type=search]');
      await box.click();
      await box.pressSequentially(query, { delay: 20 });
      const first = page.locator('#cari-hasil [role=option]').first();
      await first.waitFor({ state: 'visible' });
      expect(await first.textContent()).toContain(name);
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      await Promise.all([page.waitForURL((u) => u.pathname.endsWith(path)), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toContain(name);
    }, { viewport: { width: 390, height: 844 } });
  });
});

describe('state carries over', () => {
  it('the language switch and the navigation keep the chosen period and area', async () => {
    await withPage(s.browser, s.site.url('id', '/wilayah/64.08/', '?period=2024-08'), async ({ page }) => {
      await page.waitForFunction(() => document.querySelector('.lang-switch')?.getAttribute('href')?.includes('period='));
      expect(await page.locator('.lang-switch').getAttribute('href')).toMatch(/\/en\/wilayah\/64\.08\/\?period=2024-08$/);
      const nav = (label: string) => page.locator('.site-nav a', { hasText: label }).getAttribute('href');
      expect(await nav('Ringkasan')).toMatch(/\/\?period=2024-08$/);
      expect(await nav('Prioritas')).toMatch(/\/prioritas\/\?period=2024-08&area=64\.08$/);
      expect(await nav('Profil wilayah')).toMatch(/\/wilayah\/64\.08\/\?period=2024-08$/);
      expect(await nav('Cakupan program')).toMatch(/\/cakupan\/$/);
    });
  });

  it.each(LANGS)('%s: chart bars link to their profile and show a tooltip on focus and hover', async (lang) => {
    await withPage(s.browser, s.site.url(lang, '/prioritas/'), async ({ page }) => {
      const link = page.locator('figure[data-figure="peringkat"] svg a[href*="/wilayah/64."]:visible').first();
      expect(await link.count()).toBe(1);
      await link.focus();
      const tip = page.locator('.chart-tip');
      await tip.waitFor({ state: 'visible' });
      expect(await tip.textContent()).toMatch(/^[A-Z][^:]+: \d/);
      await page.mouse.move(0, 0);
      await link.blur();
      await tip.waitFor({ state: 'hidden' });
      await link.hover();
      await tip.waitFor({ state: 'visible' });
      const href = await link.getAttribute('href');
      await Promise.all([page.waitForURL((u) => href!.startsWith(u.pathname)), link.click()]);
      expect(await page.locator('nav.breadcrumb').count()).toBe(1);
    });
  });
});

describe('chart marks that are areas link to their profile', () => {
  /** Focus, then hover, the link: the tooltip shows its title both ways. Returns the tooltip text. */
  async function tooltipOf(page: Page, link: ReturnType<Page['locator']>): Promise<string> {
    const tip = page.locator('.chart-tip');
    await link.focus();
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    await link.blur();
    await tip.waitFor({ state: 'hidden' });
    await link.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toBe(text);
    await page.mouse.move(0, 0);
    return text;
  }
  const prefix = (lang: string) => (lang === 'en' ? '/en' : '');

  it.each(LANGS)('%s: trend months, survey series, programme reach and both dua-angka panels', async (lang) => {
    const cases: [string, string, RegExp, RegExp][] = [
      // page, figure, link, tooltip
      ['/', 'tren', new RegExp(`^${prefix(lang)}/\\?period=\\d{4}-\\d{2}$`), /^[A-Z][a-z]+ \d{4}: \d+[.,]\d%/],
      ['/', 'survei', new RegExp(`^${prefix(lang)}/wilayah/64/$`), /, (SSGI|SKI) \d{4}: \d+[.,]\d%$/],
      ['/wilayah/64.08/', 'tren', new RegExp(`^${prefix(lang)}/wilayah/64\\.08/\\?period=\\d{4}-\\d{2}$`), /^[A-Z][a-z]+ \d{4}: /],
      ['/cakupan/', 'jangkauan', new RegExp(`^${prefix(lang)}/wilayah/64\\.\\d\\d/$`), lang === 'id' ? / dijangkau · \d+ stunting$|tidak ada data$/ : / reached · \d+ stunted$|no data$/],
      ['/dua-angka/', 'panel-survei', new RegExp(`^${prefix(lang)}/wilayah/64(\\.\\d\\d)?/$`), /: (\d+[.,]\d%|[a-z ]+)$/],
      ['/dua-angka/', 'panel-rutin', new RegExp(`^${prefix(lang)}/wilayah/64(\\.\\d\\d)?/$`), /: (\d+[.,]\d%|[a-z ]+)/],
    ];
    for (const [path, figure, hrefRe, tipRe] of cases) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
        const links = page.locator(`figure[data-figure="${figure}"] svg[data-chart-main]:visible a`);
        expect(await links.count(), `${path} ${figure}`).toBeGreaterThan(1);
        const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const h of hrefs) expect(h.replace(/^http:\/\/[^/]+/, ''), `${path} ${figure}`).toMatch(hrefRe);
        const link = links.first();
        expect(await tooltipOf(page, link), `${path} ${figure}`).toMatch(tipRe);
      });
    }
  });

  it.each(LANGS)('%s: a trend month opens that month; redrawn charts keep links, tooltips and the new period', async (lang) => {
    await withPage(s.browser, s.site.url(lang, '/'), async ({ page }) => {
      const month = page.locator('figure[data-figure="tren"] svg[data-chart-main]:visible a').first();
      const href = (await month.getAttribute('href'))!;
      const period = href.split('period=')[1]!;
      await Promise.all([page.waitForURL((u) => u.search === `?period=${period}`), month.click()]);
      // the shared state is shown (prerendered view), then the select names it
      await page.waitForFunction((p) => (document.querySelector('select[data-atlas-control="period"]') as HTMLSelectElement | null)?.value === p, period);
      const option = await page.locator(`select[data-atlas-control="period"] option[value="${period}"]`).textContent();
      expect(await page.locator('select[data-atlas-control="period"]').inputValue()).toBe(period);
      expect(await page.locator('figure[data-figure="prioritas"] .chart-title').textContent()).toContain(option!.replace(/ \(.*\)$/, ''));
    });
    await withPage(s.browser, s.site.url(lang, '/dua-angka/'), async ({ page }) => {
      const select = page.locator('select[data-atlas-control="period"]');
      const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const next = values.find((v) => v !== '' && v !== values[0])!;
      const updated = page.evaluate(() => new Promise((r) => document.addEventListener('atlas:updated', r, { once: true })));
      await select.selectOption(next);
      await updated;
      const links = page.locator('figure[data-figure="panel-rutin"] svg[data-chart-main]:visible a');
      await page.waitForFunction((p) => [...document.querySelectorAll('figure[data-figure="panel-rutin"] svg[data-chart-main] a')].every((a) => a.getAttribute('href')?.includes(`period=${p}`)), next);
      expect(await links.count()).toBeGreaterThan(1);
      expect(await tooltipOf(page, links.first())).toMatch(/^[A-Z]/);
    });
  });
});

describe('language', () => {
  it('English pages say children, families and people, and mark quoted Indonesian', async () => {
    for (const path of ['/cakupan/', '/prioritas/', '/', '/wilayah/64.08/']) {
      await withPage(s.browser, s.site.url('en', path), async ({ page }) => {
        const text = await ownText(page);
        expect(text, path).not.toMatch(/\b(anak|keluarga|orang|balita)\b|\bSumber:/);
      });
    }
  });

  it('Indonesian pages write decimals with a comma, source notes included', async () => {
    for (const path of ['/', '/prioritas/', '/dua-angka/', '/wilayah/64.08/', '/cakupan/']) {
      await withPage(s.browser, s.site.url('id', path), async ({ page }) => {
        // everything, quoted notes too; addresses and dotted codes aside
        const text = await page.evaluate(() => {
          const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
          for (const el of main.querySelectorAll('style, script, a, svg, [lang="en"]')) el.remove();
          const parts: string[] = [];
          const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          while (walk.nextNode()) parts.push(walk.currentNode.textContent ?? '');
          // addresses, and area codes after "Kemendagri", are not decimals
          return parts.join(' ').replace(/\S*\/\S*/g, ' ').replace(/Kemendagri\s+[\d.]+/g, ' ');
        });
        const decimals = [...text.matchAll(/(?<![\d.])\d+\.\d+(?![\d.])/g)].map((m) => m[0]).filter((d) => d.split('.')[1]!.length !== 3);
        expect(decimals, path).toEqual([]);
      });
    }
  });

  it.each(LANGS)('%s: the measurement drive (UKUR) counts children, and the reach section says why it is not set beside stunted children without "counts children, not children"', async (lang) => {
    await withPage(s.browser, s.site.url(lang, '/cakupan/'), async ({ page }) => {
      await choose(page, 'indicator', 'ukur', 30_000);
      const note = page.locator('[data-slot="jangkauan"] p.explain').filter({ hasText: lang === 'id' ? 'tidak disandingkan' : 'not set beside' }).first();
      const text = await note.textContent();
      expect(text).not.toMatch(lang === 'id' ? /anak, bukan anak/ : /children, not children/);
      expect(text).toMatch(lang === 'id' ? /semua balita yang diukur/ : /every under-five it measured/);
      // its quoted Indonesian name is marked (textHtml)
      if (lang === 'en') await expect(note.locator('span[lang="id"]').first().textContent()).resolves.toBe('intervensi serentak');
    });
  });

  it.each(LANGS)('%s: the area index writes its count of villages with a thousands separator', async (lang) => {
    const page = await html(s.site.url(lang, '/wilayah/'));
    const lead = /<p class="lead"[^>]*>([^<]*)<\/p>/.exec(page)![1]!;
    const n = readdirSync(join(s.site.dist, 'wilayah')).filter((d) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(d)).length;
    expect(n).toBeGreaterThan(999);
    expect(lead).toContain(new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(n));
  });

  it.each(LANGS)('%s: the demo banner says the child counts are scaled down', async (lang) => {
    const page = await html(s.site.url(lang, '/'));
    expect(page).toMatch(lang === 'id' ? /jumlah balita diperkecil/ : /child counts are scaled down/);
  });
});

describe('print', () => {
  it('an opened table prints whole with every column, and the footer has the URL with its state and the data date', async () => {
    await withPage(s.browser, s.site.url('id', '/prioritas/', '?period=2025-08'), async ({ page }) => {
      await page.locator('figure[data-figure="peringkat"] details summary').click();
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 700, height: 1000 }); // about an A4 page at 96 dpi, portrait
      const table = page.locator('figure[data-figure="peringkat"] details table');
      expect(await table.isVisible()).toBe(true);
      const fits = await page.evaluate(() => {
        const t = document.querySelector('figure[data-figure="peringkat"] details table') as HTMLElement;
        const main = document.querySelector('main') as HTMLElement;
        return { table: t.getBoundingClientRect().right, main: main.getBoundingClientRect().right, cols: t.querySelectorAll('thead th').length };
      });
      expect(fits.cols).toBeGreaterThan(5);
      expect(fits.table).toBeLessThanOrEqual(fits.main + 1);
      // a closed table leaves nothing but the chart
      expect(await page.locator('figure[data-figure="kuadran"] details').isVisible()).toBe(false);
      const footer = page.locator('.print-footer');
      expect(await footer.isVisible()).toBe(true);
      const text = (await footer.textContent()) ?? '';
      expect(text).toContain('/prioritas/?period=2025-08');
      expect(text).toContain('data rutin sampai Agustus 2025');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  });
});
