/**
 * Maps on the built site with the shipped Kaltim boundaries: one path per area, drill-down by
 * click and keyboard (province → regency → district → village) through profile URLs, special
 * classes with their own legend entries, the panel, quantiles, layers, and phones.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, withPage } from './harness.ts';

const s = useSite();

const areas = (page: Page, fig: string, layer = 'utama') => page.locator(`figure[data-figure="${fig}"] .peta-svg [data-lapisan="${layer}"].area`);
/** Clicks a map area where a user would: on a point of its shape that is on top (not its box's centre, maybe sea). */
async function clickArea(page: Page, selector: string) {
  const link = page.locator(selector);
  await link.scrollIntoViewIfNeeded();
  const point = await link.evaluate((a) => {
    const path = (a.matches('path') ? a : a.querySelector('path'))!;
    const r = path.getBoundingClientRect();
    for (let i = 1; i < 40; i++) {
      for (let j = 1; j < 40; j++) {
        const x = r.left + (r.width * i) / 40;
        const y = r.top + (r.height * j) / 40;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  });
  expect(point, `a visible point of ${selector}`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

const visibleAreas = (page: Page, fig: string) =>
  page.locator(`figure[data-figure="${fig}"] .peta-svg g.lapisan:not([display="none"]) .area`);

describe('maps', () => {
  it('overview: the routine regency map has the 10 regencies, each a link to its profile, with source and attribution', async () => {
    await withPage(s.browser, s.site.url('id', '/'), async ({ page, errors }) => {
      const a = areas(page, 'peta-rutin');
      expect(await a.count()).toBe(10);
      const codes = await a.evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')));
      expect(new Set(codes).size).toBe(10);
      expect(codes.every((c) => /^64\.\d{2}$/.test(c!))).toBe(true);
      expect(await page.locator('figure[data-figure="peta-rutin"] .peta-svg a[href$="/wilayah/64.74/"]').count()).toBe(1);
      const caption = await page.locator('figure[data-figure="peta-rutin"] figcaption').innerText();
      expect(caption).toContain('e-PPGBM');
      expect(caption).toContain('cahyadsn/wilayah_boundaries (MIT)');
      // the survey layer is a separate figure with its own (blue) colours
      const survei = areas(page, 'peta-survei');
      expect(await survei.count()).toBe(10);
      const fills = await survei.evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
      const rutinFills = await a.evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
      expect(fills.filter((f) => !f!.startsWith('url(')).some((f) => rutinFills.includes(f))).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('special classes (no report, suppressed, too few measured) have their own pattern and legend entry', async () => {
    await withPage(s.browser, s.site.url('id', '/'), async ({ page }) => {
      // a regency without a figure in the survey: pattern fill, its own legend class, never a colour
      const missing = page.locator('figure[data-figure="peta-survei"] .area.k-tanpa_laporan');
      expect(await missing.count()).toBeGreaterThan(0);
      expect(await missing.first().getAttribute('fill')).toMatch(/^url\(#peta-survei-tl\)$/);
      // textContent: a figure off screen is not rendered (content-visibility), so it has no innerText
      expect(await page.locator('figure[data-figure="peta-survei"] .peta-legenda li[data-kelas="tanpa_laporan"]').textContent()).toBe('Tidak ada laporan');
    });
    await withPage(s.browser, s.site.url('en', '/wilayah/64.02/'), async ({ page, errors }) => {
      const fig = 'peta-desa';
      expect(await areas(page, fig).count()).toBe(237);
      for (const [k, label] of [['ditekan', 'Suppressed (small numbers)'], ['terlalu_sedikit', 'Reported, but too few measured for a rate'], ['tanpa_laporan', 'No report']] as const) {
        expect(await page.locator(`figure[data-figure="${fig}"] .peta-legenda li[data-kelas="${k}"]`).textContent()).toBe(label);
      }
      const ditekan = page.locator(`figure[data-figure="${fig}"] .area.k-ditekan`);
      expect(await ditekan.count()).toBeGreaterThan(0);
      expect(new Set(await ditekan.evaluateAll((els) => els.map((e) => e.getAttribute('fill'))))).toEqual(new Set(['url(#peta-desa-dt)']));
      // a suppressed village's table row says so, never 0 %
      const nama = await ditekan.first().getAttribute('data-nama');
      const row = page.locator(`figure[data-figure="${fig}"] .peta-tabel tr`, { hasText: nama! }).first();
      expect(await row.innerText()).toContain('suppressed');
      expect(errors).toEqual([]);
    });
  });

  it('drills down by click: province → Bontang (15 villages, 3 districts) → district → village locator; the URL holds the view', async () => {
    await withPage(s.browser, s.site.url('id', '/'), async ({ page, errors }) => {
      await clickArea(page, 'figure[data-figure="peta-rutin"] .peta-svg a[href$="/wilayah/64.74/"]');
      await page.waitForURL(/\/wilayah\/64\.74\/$/);
      expect(await areas(page, 'peta-desa').count()).toBe(15);
      expect(await visibleAreas(page, 'peta-desa').count()).toBe(15);
      await page.getByRole('radio', { name: 'Kecamatan' }).check();
      expect(await visibleAreas(page, 'peta-desa').count()).toBe(3);
      expect(await visibleAreas(page, 'peta-desa').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')))).toEqual(['64.74.01', '64.74.02', '64.74.03']);
      await clickArea(page, 'figure[data-figure="peta-desa"] .peta-svg a[href$="/wilayah/64.74.01/"]');
      await page.waitForURL(/\/wilayah\/64\.74\.01\/$/);
      expect(await page.locator('nav.breadcrumb').innerText()).toContain('Bontang');
      const desa = areas(page, 'peta-desa');
      expect(await desa.count()).toBe(6);
      const href = await page.locator('figure[data-figure="peta-desa"] .peta-svg a').first().getAttribute('href');
      await clickArea(page, `figure[data-figure="peta-desa"] .peta-svg a[href="${href}"]`);
      await page.waitForURL((u) => u.pathname.endsWith(href!));
      expect(await page.locator('figure[data-figure="peta-lokator"] .area.sorot').count()).toBe(1);
      expect(errors).toEqual([]);
    });
  });

  it('keyboard: every area can be focused, focus fills the panel, Enter drills down', async () => {
    await withPage(s.browser, s.site.url('en', '/'), async ({ page, errors }) => {
      // Tab from the colour-class choice reaches the first area of the map
      await page.locator('figure[data-figure="peta-rutin"] input[value="kuantil"]').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.closest('.peta-svg') !== null && document.activeElement?.closest('figure')?.getAttribute('data-figure'));
      expect(focused).toBe('peta-rutin');
      const bontang = page.locator('figure[data-figure="peta-rutin"] .peta-svg a[href$="/wilayah/64.74/"]');
      await bontang.focus();
      const panel = await page.locator('figure[data-figure="peta-rutin"] [data-peta-panel]').innerText();
      expect(panel).toContain('Kota Bontang');
      expect(panel).toMatch(/Prevalence \d+\.\d%/);
      expect(panel).toContain('Source: e-PPGBM');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/en\/wilayah\/64\.74\/$/);
      // areas without a profile page are focusable too
      const tabbable = await page.locator('figure[data-figure="peta-desa"] .peta-svg').evaluate((svg) =>
        [...svg.querySelectorAll('.area[data-lapisan="utama"]')].every((p) => p.closest('a[href]') || p.getAttribute('tabindex') === '0'));
      expect(tabbable).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('quantile classes recolour the map and relabel the legend without the engine', async () => {
    await withPage(s.browser, s.site.url('id', '/wilayah/64.02/'), async ({ page, requests }) => {
      const legend = page.locator('figure[data-figure="peta-desa"] .peta-legenda li[data-kelas="0"] span');
      expect(await legend.innerText()).toBe('< 2,5 %');
      await page.getByRole('radio', { name: 'Kuantil (5 kelas)' }).check();
      expect(await legend.innerText()).not.toBe('< 2,5 %');
      const classes = await page.locator('figure[data-figure="peta-desa"] .area[data-nilai][data-lapisan="utama"]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('class')!.match(/k-(\d)/)![1])).size);
      expect(classes).toBeGreaterThanOrEqual(3);
      expect(requests.some((u) => u.includes('.wasm'))).toBe(false);
    });
  });

  it('layer and colour classes are in the URL: restored on load, by back/forward, kept by the language switch', async () => {
    await withPage(s.browser, s.site.url('id', '/wilayah/64.02/'), async ({ page, errors }) => {
      const fig = 'figure[data-figure="peta-desa"]';
      const legend = page.locator(`${fig} .peta-legenda li[data-kelas="0"] span`);
      await page.getByRole('radio', { name: 'Kecamatan' }).check();
      await page.waitForURL((u) => u.search === '?layer=kecamatan');
      await page.getByRole('radio', { name: 'Kuantil (5 kelas)' }).check();
      await page.waitForURL((u) => u.search === '?layer=kecamatan&scale=kuantil');
      const districts = await visibleAreas(page, 'peta-desa').count();
      expect(districts).toBeGreaterThan(5);
      const quantileLegend = await legend.innerText();
      expect(quantileLegend).not.toBe('< 2,5 %');
      // a shared link opens on the same choices
      await page.reload();
      expect(await page.locator(`${fig} [data-peta-lapisan] input[value="kecamatan"]`).isChecked()).toBe(true);
      expect(await page.locator(`${fig} [data-peta-skala] input[value="kuantil"]`).isChecked()).toBe(true);
      expect(await visibleAreas(page, 'peta-desa').count()).toBe(districts);
      expect(await legend.innerText()).toBe(quantileLegend);
      // back: WHO bands again, districts still shown
      await page.goBack();
      await page.waitForURL((u) => u.search === '?layer=kecamatan');
      await page.waitForFunction((f) => document.querySelector(`${f} [data-peta-skala] input[value="who"]`)?.matches(':checked'), fig);
      expect(await legend.innerText()).toBe('< 2,5 %');
      expect(await visibleAreas(page, 'peta-desa').count()).toBe(districts);
      await page.goForward();
      await page.waitForURL((u) => u.search.endsWith('scale=kuantil'));
      // the language switch keeps both
      const sw = page.locator('.lang-switch');
      await page.waitForFunction(() => document.querySelector('.lang-switch')?.getAttribute('href')?.includes('scale=kuantil'));
      await Promise.all([page.waitForURL(/\/en\/wilayah\/64\.02\/\?layer=kecamatan&scale=kuantil$/), sw.click()]);
      expect(await page.locator(`${fig} [data-peta-lapisan] input[value="kecamatan"]`).isChecked()).toBe(true);
      expect(await page.locator(`${fig} [data-peta-skala] input[value="kuantil"]`).isChecked()).toBe(true);
      expect(await visibleAreas(page, 'peta-desa').count()).toBe(districts);
      expect(errors).toEqual([]);
    });
  });

  it('the colour classes apply to every map of the page and survive a redraw for another period', async () => {
    await withPage(s.browser, s.site.url('en', '/', '?scale=kuantil'), async ({ page }) => {
      for (const fig of ['peta-rutin', 'peta-survei']) {
        const radio = page.locator(`figure[data-figure="${fig}"] [data-peta-skala] input[value="kuantil"]`);
        if (await radio.count()) expect(await radio.isChecked(), fig).toBe(true);
      }
      const select = page.locator('select[data-atlas-control="period"]');
      const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const updated = page.evaluate(() => new Promise((r) => document.addEventListener('atlas:updated', r, { once: true })));
      await select.selectOption(values[1]!);
      await updated;
      expect(new URL(page.url()).searchParams.get('scale')).toBe('kuantil');
      expect(await page.locator('figure[data-figure="peta-rutin"] [data-peta-skala] input[value="kuantil"]').isChecked()).toBe(true);
      expect(await page.locator('figure[data-figure="peta-rutin"] .peta-legenda ul').getAttribute('data-skala')).toBe('kuantil');
    });
  });

  it('the panel\'s hint says hover and Tab with a mouse, tap on a touch screen (both languages)', async () => {
    const hints = { id: [/^Arahkan atau fokuskan \(Tab\)/, /^Ketuk sebuah wilayah/], en: [/^Hover over or focus \(Tab\)/, /^Tap an area/] } as const;
    for (const lang of ['id', 'en'] as const) {
      for (const touch of [false, true]) {
        await withPage(s.browser, s.site.url(lang, '/'), async ({ page }) => {
          const hint = (await page.locator('figure[data-figure="peta-rutin"] [data-peta-panel]').innerText()).trim();
          expect(hint, `${lang} touch=${touch}`).toMatch(hints[lang][touch ? 1 : 0]);
          expect(hint).not.toMatch(touch ? /Tab|Hover|Arahkan/ : /Tap|Ketuk/);
        }, touch ? { viewport: { width: 390, height: 844 }, touch } : {});
      }
    }
  });

  it('a 390 px phone shows the whole map (no sideways scrolling)', async () => {
    for (const path of ['/', '/wilayah/64.02/', '/wilayah/64.74/']) {
      await withPage(s.browser, s.site.url('id', path), async ({ page }) => {
        const box = await page.locator('figure[data-peta] .peta-svg').first().boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(box!.height).toBeLessThanOrEqual(900);
        // nothing of the map figure sticks out (its table scrolls inside its own box)
        const fig = await page.locator('figure[data-peta]').first().evaluate((f) => ({ right: f.getBoundingClientRect().right, scroll: f.scrollWidth, client: f.clientWidth }));
        expect(fig.right).toBeLessThanOrEqual(390);
        expect(fig.scroll).toBeLessThanOrEqual(fig.client);
      }, { viewport: { width: 390, height: 844 } });
    }
  });

  it('on a laptop or desktop (1024–1440 px) the table beside the map shows every column whole', async () => {
    // The map figure was held to 900 px by the rule for every chart (figure.peta's 1100 px came
    // first and lost), so the table beside the map cut its last column ("78." of "78.6%").
    for (const width of [1024, 1280, 1440]) {
      for (const lang of ['id', 'en'] as const) {
        for (const path of ['/', '/wilayah/64.08/', '/wilayah/64.08.01/']) {
          await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
            const cut = await page.locator('figure[data-peta] .peta-tabel').evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
            expect(cut.length).toBeGreaterThan(0);
            for (const c of cut) expect(c, `${width} px ${lang} ${path}`).toBeLessThanOrEqual(0);
          }, { viewport: { width, height: 900 } });
        }
      }
    }
  });
});
