/**
 * Platform tests against the built site (dist/): every section in both languages, the data
 * banners, the language switch, accessibility of the layout, and DuckDB-WASM working offline.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../src/lib/db/node.ts';
import { axeViolations, LANGS, NAV_PATHS, openPage, useSite, withPage } from './harness.ts';

const s = useSite();

describe('pages', () => {
  for (const lang of LANGS) {
    for (const path of NAV_PATHS) {
      it(`${lang} ${path} loads without errors or outside requests`, async () => {
        await withPage(s.browser, s.site.url(lang, path), async (probe) => {
          const { page } = probe;
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          expect((await page.title()).length).toBeGreaterThan(0);
          expect(await page.locator('nav.site-nav a').count()).toBe(NAV_PATHS.length);
          expect(await page.locator('main#main').count()).toBe(1);
          await page.waitForTimeout(300);
          expect(probe.outside).toEqual([]);
          expect(probe.errors).toEqual([]);
          // DuckDB stays asleep until the user interacts.
          expect(probe.requests.filter((u) => u.includes('/_duckdb/') || u.endsWith('.parquet'))).toEqual([]);
        });
      });
    }
  }
});

describe('banners', () => {
  it('labels every page as sample data when manifest.demo, internal when manifest.internal', async () => {
    const manifest = s.site.manifest();
    await withPage(s.browser, undefined, async (probe) => {
      for (const lang of LANGS) {
        for (const path of NAV_PATHS) {
          await probe.page.goto(s.site.url(lang, path));
          const demo = probe.page.locator('[data-banner="demo"]');
          const internal = probe.page.locator('[data-banner="internal"]');
          expect(await demo.count(), `${lang} ${path}`).toBe(manifest.demo ? 1 : 0);
          expect(await internal.count(), `${lang} ${path}`).toBe(manifest.internal ? 1 : 0);
          if (manifest.demo) {
            await expect.poll(() => demo.isVisible()).toBe(true);
            expect(await demo.textContent()).toContain(lang === 'id' ? 'Data contoh (sintetis)' : 'Sample data (synthetic)');
          }
          if (manifest.internal) {
            expect(await internal.textContent()).toContain(lang === 'id' ? 'INTERNAL — jangan disebarkan' : 'INTERNAL — do not distribute');
          }
        }
      }
      expect(probe.outside).toEqual([]);
    });
  });
});

describe('navigation', () => {
  it('switches language on the same page and back', async () => {
    await withPage(s.browser, s.site.url('id', '/dua-angka/'), async (probe) => {
      const { page } = probe;
      await page.click('a.lang-switch');
      await page.waitForURL(s.site.url('en', '/dua-angka/'));
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getAttribute('nav.site-nav a[aria-current]', 'href')).toBe(new URL(s.site.url('en', '/dua-angka/')).pathname);
      await page.click('a.lang-switch');
      await page.waitForURL(s.site.url('id', '/dua-angka/'));
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(probe.errors).toEqual([]);
    });
  });

  it('offers a skip link as the first focus stop, leading to main', async () => {
    await withPage(s.browser, s.site.url('id', '/'), async (probe) => {
      const { page } = probe;
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });
  });
});

describe('print', () => {
  it('prints the banner and the charts, not the navigation', async () => {
    const probe = await openPage(s.browser, s.site.url('id', '/'), { media: 'print' });
    try {
      const { page } = probe;
      expect(await page.locator('nav.site-nav').isVisible()).toBe(false);
      expect(await page.locator('a.lang-switch').isVisible()).toBe(false);
      if (s.site.manifest().demo) expect(await page.locator('[data-banner="demo"]').isVisible()).toBe(true);
      // every chart prints one drawing (the desktop one; the phone drawing is hidden)
      // (maps print their one SVG: checked below)
      const figures = page.locator('figure.chart:not(.peta)');
      for (let i = 0; i < (await figures.count()); i++) {
        expect(await figures.nth(i).locator('svg[data-chart-main]:visible').count()).toBe(1);
        expect(await figures.nth(i).locator('.chart-wide svg[data-chart-main]:visible, svg.chart-wide:visible').count()).toBe(1);
      }
      expect(await figures.count()).toBeGreaterThan(0);
      for (const map of await page.locator('figure.peta').all()) expect(await map.locator('svg.peta-svg:visible').count()).toBeGreaterThan(0);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await probe.close();
    }
  });
});

describe('accessibility', () => {
  for (const lang of LANGS) {
    it(`layout (${lang}) has no serious or critical axe violations`, async () => {
      await withPage(s.browser, s.site.url(lang, '/data/'), async (probe) => {
        for (const part of ['header.site-header', 'footer.site-footer']) {
          expect(await axeViolations(probe.page, part), part).toEqual([]);
        }
      });
    });
  }
});

describe('DuckDB-WASM', () => {
  it('starts from the built site with the network blocked and answers like native DuckDB', async () => {
    const native = await createNodeConnector({ dataDir: join(s.site.dist, 'data'), warn: () => undefined });
    const [expected] = await native.query<{ n: number }>('SELECT count(*) AS n FROM gizi_balita');
    native.close();

    await withPage(s.browser, s.site.url('id', '/'), async (probe) => {
      const { page } = probe;
      const result = await page.evaluate(async () => {
        const atlas = window.__atlas!;
        await atlas.startDb();
        const rows = await atlas.query('SELECT count(*) AS n FROM gizi_balita');
        return { rows, status: atlas.dbStatus, start: atlas.dbStart, ready: atlas.dbReady };
      });
      expect(result.status).toBe('ready');
      expect(result.rows).toEqual([{ n: expected.n }]);
      expect(typeof result.rows[0].n).toBe('number');
      expect(result.ready! - result.start!).toBeGreaterThan(0);

      // Only the table the query needs was fetched, and nothing from outside.
      const parquet = probe.requests.filter((u) => u.endsWith('.parquet')).map((u) => u.split('/').pop());
      expect(parquet).toEqual(['gizi_balita.parquet']);
      expect(probe.requests.some((u) => u.includes('/_duckdb/') && u.endsWith('.bin'))).toBe(true);

      // A join loads the other tables on demand; extensions cannot be fetched.
      const joined = await page.evaluate(() =>
        window.__atlas!.query(`SELECT count(*) AS n FROM gizi_balita g JOIN wilayah w USING (kode_wilayah)`));
      expect(joined[0].n).toBeGreaterThanOrEqual(0);
      const blocked = await page.evaluate(() =>
        window.__atlas!.query(`SELECT * FROM read_parquet('https://example.org/x.parquet')`).then(() => 'ran', (e) => String(e)));
      expect(blocked).not.toBe('ran');

      expect(probe.outside).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('files', () => {
  it('keeps every served file under 25 MiB', () => {
    const big: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const st = statSync(path);
        if (st.isDirectory()) walk(path);
        else if (st.size >= 25 * 1024 * 1024) big.push(`${path} ${st.size}`);
      }
    };
    walk(s.site.dist);
    expect(big).toEqual([]);
  });
});
