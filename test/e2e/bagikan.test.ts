/**
 * Sharing outside the site: embed pages (a figure alone, no query string, 320 px without sideways
 * scroll, link back to the full page), the toolbar's Embed snippet, the share cards (Open Graph
 * image of a regency page: a 1200×630 PNG drawn from that regency's own figures; villages use
 * their district's; all cards within the budget), map downloads that carry their legend, and the
 * data licence in the footer, the data page and the figure CSV.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { KARTU_BUDGET, kartuPng, kartuSvg, pngSize } from '../../src/build/kartu.ts';
import { kartuData, kartuModel } from '../../src/components/kartu/kartu.ts';
import { DATA_LICENCE } from '../../src/lib/cite.ts';
import { checkHeadLinks, siteHeadLinks } from '../../src/build/head-links.ts';
import { useSite, withPage, type Site } from './harness.ts';

const session = useSite();
/** A regency and one of its districts and villages with profile pages, from the built site. */
let kab: string;
let kec: string;
let desa: string;
let site: Site;
let browser: Browser;

beforeAll(() => {
  site = session.site;
  browser = session.browser;
  const codes = readdirSync(join(site.dist, 'wilayah')).filter((c) => /^\d/.test(c)).sort();
  kab = codes.find((c) => /^\d{2}\.\d{2}$/.test(c) && codes.some((d) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(d) && d.startsWith(`${c}.`)))!;
  desa = codes.find((c) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(c) && c.startsWith(`${kab}.`))!;
  kec = desa.slice(0, 8);
  expect(kab && kec && desa).toBeTruthy();
});

const text = async (page: Page, sel: string) => ((await page.locator(sel).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('embed pages', () => {
  it('a chart alone: figure, source line, link back (target _top), noindex, no site chrome, 320 px without sideways scroll', async () => {
    const url = site.url('id', `/embed/wilayah/${kab}/tren/`);
    expect(url).not.toContain('?');
    await withPage(browser, url, async (probe) => {
      const { page } = probe;
      expect(await page.locator('.site-header, .site-nav, .site-footer, .skip-link, .fig-tools').count()).toBe(0);
      expect(await page.locator('figure.chart').count()).toBe(1);
      expect(await page.locator('figure.chart[data-figure="tren"] .chart-body svg').count()).toBeGreaterThan(0);
      expect(await text(page, 'figure.chart .chart-title')).toMatch(/Prevalensi stunting rutin/);
      expect(await text(page, 'figure.chart > figcaption')).toMatch(/^Sumber: e-PPGBM, \w+ \d{4}–\w+ \d{4}/);
      const back = page.locator('[data-embed-sumber] a');
      expect(await back.getAttribute('href')).toBe(`${site.base}wilayah/${kab}/#fig-tren`);
      expect(await back.getAttribute('target')).toBe('_top');
      expect(await text(page, '[data-embed-sumber]')).toMatch(/^Data sampai \w+ \d{4} · Atlas Stunting/);
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      expect(await page.locator('base').getAttribute('target')).toBe('_top');
      // the demo mark says it once, in the page's language
      if (site.manifest().demo) expect(await text(page, '[data-banner="demo"]')).toBe('DATA SINTETIS: angka contoh, bukan keadaan sebenarnya');
      // the drawing visible at this width fits the frame
      const visible = await page.evaluate(() => [...document.querySelectorAll('svg[data-chart-main]')].filter((s) => s.getBoundingClientRect().width > 0).length);
      expect(visible).toBeGreaterThan(0);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
      expect(probe.errors).toEqual([]);
    }, { viewport: { width: 320, height: 640 } });
  });

  it('a map alone in English: map, legend with its hatched classes, source; the table stays on the full page', async () => {
    await withPage(browser, site.url('en', `/embed/wilayah/${kab}/peta-desa/`), async (probe) => {
      const { page } = probe;
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('figure.peta .peta-svg path.area').count()).toBeGreaterThan(10);
      expect(await page.locator('.peta-legenda li[data-kelas="tanpa_laporan"]').count()).toBe(1);
      expect(await page.locator('.peta-tabel').isVisible()).toBe(false);
      expect(await text(page, 'figure.chart > figcaption')).toMatch(/^Source: e-PPGBM/);
      if (site.manifest().demo) expect(await text(page, '[data-banner="demo"]')).toBe('SYNTHETIC DATA: sample figures, not the real situation');
      expect(await page.locator('[data-embed-sumber] a').getAttribute('href')).toBe(`${site.base}en/wilayah/${kab}/#fig-peta-desa`);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
      expect(probe.errors).toEqual([]);
    }, { viewport: { width: 320, height: 640 } });
  });

  it('the toolbar offers the <iframe> of the figure\'s embed page, which exists; a village page offers none', async () => {
    await withPage(browser, site.url('id', `/wilayah/${kab}/`), async (probe) => {
      const { page } = probe;
      const fig = page.locator('figure[data-figure="tren"]');
      await fig.locator('.fig-tools button[data-embed]').click();
      const code = await fig.locator('textarea[data-embed-code]').inputValue();
      const src = `${site.root}embed/wilayah/${kab}/tren/`;
      expect(code).toMatch(new RegExp(`^<iframe src="${src.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" title="Prevalensi stunting rutin[^"]*" width="100%" height="\\d+"`));
      expect((await fetch(src)).status).toBe(200);
      // "Cite" with the embed panel open opens the citation beside it (it must not close the embed panel instead)
      await fig.locator('.fig-tools button[data-cite]').click();
      await expect(fig.locator('[data-citation]').count()).resolves.toBe(1);
      await expect(fig.locator('textarea[data-embed-code]').count()).resolves.toBe(1);
      // both buttons say (and look) pressed, each pointing to its panel; both panels look alike
      const look = await fig.evaluate((f) => {
        const style = (el: Element | null, ...props: string[]) => { const cs = getComputedStyle(el!); return props.map((p) => cs.getPropertyValue(p)).join(' | '); };
        const buttons = ['cite', 'embed'].map((k) => f.querySelector(`.fig-tools button[data-${k}]`)!);
        const panels = buttons.map((b) => document.getElementById(b.getAttribute('aria-controls') ?? ''));
        return {
          expanded: buttons.map((b) => b.getAttribute('aria-expanded')),
          pressed: buttons.map((b) => style(b, 'background-color', 'border-color')),
          idle: style(f.querySelector('.fig-tools button[data-download]'), 'background-color', 'border-color'),
          panels: panels.map((p) => p?.className),
          text: [style(f.querySelector('[data-citation]'), 'font-size'), style(f.querySelector('.fig-embed label'), 'font-size')],
          copy: panels.map((p) => style(p!.querySelector(':scope > button'), 'font-size', 'border-top-style', 'border-top-color', 'background-color', 'color')),
        };
      });
      expect(look.expanded).toEqual(['true', 'true']);
      expect(look.pressed[0]).toBe(look.pressed[1]);
      expect(look.pressed[0]).not.toBe(look.idle);
      expect(look.panels).toEqual([expect.stringContaining('fig-cite'), expect.stringContaining('fig-embed')]);
      expect(look.text[0]).toBe(look.text[1]);
      expect(look.copy[0]).toBe(look.copy[1]);
      expect(look.copy[0]).toMatch(/solid/);
      // every figure named as embeddable has its page
      const names = ((await page.locator('[data-embed-figures]').getAttribute('data-embed-figures')) ?? '').split(' ');
      expect(names).toEqual(expect.arrayContaining(['tren', 'peta-desa']));
      for (const n of names) expect((await fetch(`${site.root}embed/wilayah/${kab}/${n}/`)).status).toBe(200);
      expect(probe.errors).toEqual([]);
    });
    await withPage(browser, site.url('id', `/wilayah/${desa}/`), async (probe) => {
      // (a village whose every month is hidden has no trend drawn, and so no toolbar on it: wait for any)
      await probe.page.locator('figure .fig-tools').first().waitFor();
      expect(await probe.page.locator('.fig-tools button[data-embed]').count()).toBe(0);
    });
  });

  it('the copied snippet on another site: the iframe takes its content\'s height, at any width; other messages are ignored', async () => {
    // the snippet as the toolbar gives it, for a chart and a map
    const codes = await withPage(browser, site.url('en', `/wilayah/${kab}/`), async ({ page }) => {
      const out: string[] = [];
      for (const name of ['tren', 'peta-desa']) {
        const fig = page.locator(`figure[data-figure="${name}"]`);
        await fig.locator('.fig-tools button[data-embed]').click();
        out.push(await fig.locator('textarea[data-embed-code]').inputValue());
      }
      return out;
    });
    // a page of another origin (localhost, not the site's 127.0.0.1) with both snippets pasted in,
    // served by a server of its own (Chromium blocks a local frame in a page a test route made up)
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body style="margin:0"><h1>A news article</h1><div style="max-width:720px">${codes.join('<p>text between</p>')}</div><p>after</p></body></html>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((done) => server.listen(0, 'localhost', done));
    const host = `http://localhost:${(server.address() as AddressInfo).port}/article.html`;
    await withPage(browser, undefined, async ({ page }) => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(host);
        const frames = page.locator('iframe[data-atlas-embed]');
        await expect.poll(() => frames.count()).toBe(2);
        for (let i = 0; i < 2; i++) {
          const frameOf = () => page.frames().find((f) => f.url().includes(i ? '/peta-desa/' : '/tren/'));
          // (a frame is listed once its navigation has started: on a busy machine, after the iframe element is there)
          await expect.poll(() => !!frameOf(), { timeout: 20_000 }).toBe(true);
          const frame = frameOf()!;
          await frame.waitForLoadState('load');
          // the frame's height becomes its page's content height (not the snippet's guess), whole numbers
          const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          await expect.poll(async () => (await frames.nth(i).boundingBox())!.height - (await content()), { timeout: 10_000 }).toBe(0);
          // nothing to scroll inside the frame, and it stays put (a map sized by the frame's vh would grow it report by report)
          expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
          const settled = (await frames.nth(i).boundingBox())!.height;
          await page.waitForTimeout(500);
          expect((await frames.nth(i).boundingBox())!.height).toBe(settled);
          expect(settled).toBeLessThan(1400);
        }
        const tren = await frames.nth(0).boundingBox();
        // a message from elsewhere (the host page itself, a wrong shape) changes nothing
        await page.evaluate(() => {
          window.postMessage({ atlasEmbedHeight: 50 }, '*');
          window.postMessage('atlasEmbedHeight', '*');
        });
        await page.waitForTimeout(300);
        expect((await frames.nth(0).boundingBox())!.height).toBe(tren!.height);
      }
    }).finally(() => server.close());
  });
});

describe('head links for search engines', () => {
  it('built without a site URL (ATLAS_SITE), no page has a canonical, hreflang alternates or og:url (none rather than relative)', () => {
    // with one, they are absolute: test/e2e/province.test.ts
    const pages = siteHeadLinks(site.dist);
    expect(pages.filter((p) => p.layout).length).toBeGreaterThan(1000);
    expect(checkHeadLinks(site.dist, undefined)).toEqual([]);
  });
});

describe('share cards', () => {
  it('a regency page points og:image at its own 1200×630 card, root-relative without ATLAS_SITE, drawn from that regency\'s figures', async () => {
    await withPage(browser, site.url('id', `/wilayah/${kab}/`), async (probe) => {
      const { page } = probe;
      const meta = async (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
      const nama = await text(page, 'h1');
      expect(await page.locator('link[rel="canonical"]').count()).toBe(0); // built without ATLAS_SITE
      expect(await meta('og:image')).toBe(`${site.base}og/id/${kab}.png`);
      expect(await meta('og:image:width')).toBe('1200');
      expect(await meta('og:image:height')).toBe('630');
      expect(await meta('twitter:card')).toBe('summary_large_image');
      expect(await meta('og:image:alt')).toContain(nama);
      expect(await meta('og:title')).toContain(nama);
      const res = await fetch(`${site.root}og/id/${kab}.png`);
      expect(res.headers.get('content-type')).toMatch(/image\/png/);
      const png = new Uint8Array(await res.arrayBuffer());
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      // the card's source: the regency's own model, as the page shows it; drawn again here, byte for byte
      expect(readFileSync(join(site.dist, 'data', 'manifest.json'), 'utf8')).toBe(readFileSync(join('public', 'data', 'manifest.json'), 'utf8'));
      const svg = kartuSvg(kartuData('id', await kartuModel(kab)));
      expect(svg).toContain(nama.split(' ')[0]);
      expect(svg.replace(/<[^>]+>/g, ' ')).toContain(nama.split(' ').slice(-1)[0]);
      const headline = await text(page, '.card:nth-child(3) .card-value');
      expect(svg).toContain(headline.replace(/\s/g, ''));
      expect(Buffer.from(kartuPng(svg, null)).equals(Buffer.from(png))).toBe(true);
    });
  });

  it('the English page has the English card; a village uses its district\'s', async () => {
    await withPage(browser, site.url('en', `/wilayah/${kab}/`), async (probe) => {
      expect(await probe.page.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${site.base}og/en/${kab}.png`);
    });
    await withPage(browser, site.url('id', `/wilayah/${desa}/`), async (probe) => {
      expect(await probe.page.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${site.base}og/id/${kec}.png`);
      expect((await fetch(`${site.root}og/id/${kec}.png`)).status).toBe(200);
    });
  });

  it('every province, regency and district has a card in both languages, all together within the 15 MB budget', () => {
    const areas = readdirSync(join(site.dist, 'wilayah')).filter((c) => /^\d{2}(\.\d{2}){0,2}$/.test(c));
    let bytes = 0;
    for (const lang of ['id', 'en']) {
      const files = readdirSync(join(site.dist, 'og', lang));
      expect(files.sort()).toEqual(areas.map((c) => `${c}.png`).sort());
      for (const f of files) bytes += statSync(join(site.dist, 'og', lang, f)).size;
    }
    expect(bytes).toBeGreaterThan(areas.length * 2 * 10_000);
    expect(bytes).toBeLessThanOrEqual(KARTU_BUDGET);
  });
});

async function grab(page: Page, figure: string, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`figure[data-figure="${figure}"] .fig-tools button[data-download="${kind}"]`)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

describe('map images carry their legend', () => {
  it('SVG and PNG of a regency\'s village map: title, legend classes (hatched ones too), source, period, demo mark', async () => {
    await withPage(browser, site.url('id', `/wilayah/${kab}/`), async (probe) => {
      const { page } = probe;
      const fig = 'peta-desa';
      await page.locator(`figure[data-figure="${fig}"] .fig-tools`).waitFor();
      const labels = await page.locator(`figure[data-figure="${fig}"] .peta-legenda li:not([hidden]) span`).allTextContents();
      expect(labels.length).toBeGreaterThan(6);
      const svg = (await grab(page, fig, 'svg')).bytes.toString('utf8');
      const legendTitle = await text(page, `figure[data-figure="${fig}"] .peta-legenda-judul`);
      expect(svg).toContain(`data-legend-title="">${legendTitle}<`);
      for (const l of labels) expect(svg).toContain(`>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</text>`);
      // the hatched classes are drawn with the map's own patterns
      expect(svg).toMatch(/data-legend-item="tanpa_laporan"><rect[^>]+fill="url\(#peta-desa-tl\)"/);
      expect(svg).toMatch(/data-legend-item="ditekan"><rect[^>]+fill="url\(#peta-desa-dt\)"/);
      expect(svg).toContain('<pattern id="peta-desa-tl"');
      // the title, wrapped over lines
      expect(svg.replace(/<\/text><text[^>]*>/g, ' ')).toContain(await text(page, `figure[data-figure="${fig}"] .chart-title`));
      expect(svg).toMatch(/Sumber: e-PPGBM \(pengukuran rutin posyandu\), \w+ \d{4}/);
      if (site.manifest().demo) expect(svg).toContain('DATA SINTETIS');
      const png = (await grab(page, fig, 'png')).bytes;
      const w = Number(/width="(\d+)"/.exec(svg)![1]);
      const h = Number(/height="(\d+)"/.exec(svg)![1]);
      expect(pngSize(png)).toEqual({ width: w * 2, height: h * 2 });
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('data licence', () => {
  it('footer, data page and a figure CSV name CC BY 4.0 with its link', async () => {
    await withPage(browser, site.url('en', '/data/'), async (probe) => {
      const { page } = probe;
      expect(await page.locator(`footer a[rel="license"][href="${DATA_LICENCE.url}"]`).count()).toBe(1);
      expect(await page.locator(`main [data-licence] a[href="${DATA_LICENCE.url}"]`).count()).toBe(1);
      expect(await text(page, '[data-citation]')).toContain(`${DATA_LICENCE.name} (${DATA_LICENCE.url})`);
    });
    await withPage(browser, site.url('id', '/prioritas/'), async (probe) => {
      const { page } = probe;
      await page.locator('figure[data-figure="peringkat"] .fig-tools').waitFor();
      const csv = (await grab(page, 'peringkat', 'csv')).bytes.toString('utf8');
      expect(csv).toContain(`Lisensi: angka agregat situs ini: ${DATA_LICENCE.name} (${DATA_LICENCE.url})`);
    });
  });
});
