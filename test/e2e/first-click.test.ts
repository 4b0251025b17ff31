/**
 * First click without the engine: every option of every preset control answers from the page's
 * prerendered view file, with no DuckDB-WASM download; controls and URL never disagree with the
 * numbers (they move when the view is shown, go back on failure with a reason); a shared URL
 * shows its own state; an unknown value in a URL is named on the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, withPage, type Site } from './harness.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const updates = (page: Page) => page.evaluate(() => performance.getEntriesByName('chart-updated').length);
const waitForUpdate = (page: Page, after: number) =>
  page.waitForFunction((n) => performance.getEntriesByName('chart-updated').length > n, after, { timeout: 30_000 });
const engineRequests = (requests: string[]) => requests.filter((u) => /\/_duckdb\/|\.parquet(\?|$)/.test(u));

describe('every preset control answers without DuckDB-WASM', () => {
  for (const path of ['/', '/dua-angka/', '/prioritas/', '/cakupan/', '/wilayah/64.08/', '/wilayah/64.08.01/']) {
    it(`${path}: every option of every control`, async () => {
      await withPage(browser, site.url('id', path), async (probe) => {
        const { page } = probe;
        const controls = await page.locator('select[data-atlas-control]').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).dataset.atlasControl!));
        expect(controls.length).toBeGreaterThan(0);
        let changes = 0;
        for (const control of controls) {
          const select = page.locator(`select[data-atlas-control="${control}"]`);
          await expect.poll(() => select.isEnabled()).toBe(true);
          const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          for (const value of values) {
            if ((await select.inputValue()) === value) continue;
            // options may change with another control (programme periods): skip those gone
            if (!(await select.locator(`option[value="${value}"]`).count())) continue;
            const n = await updates(page);
            await select.selectOption(value);
            await waitForUpdate(page, n);
            changes++;
            expect(await select.inputValue(), `${control}=${value}`).toBe(value);
            expect(new URL(page.url()).searchParams.get(control), `${control}=${value} in the URL`).toBe(value);
          }
        }
        expect(changes).toBeGreaterThan(2);
        expect(await page.evaluate(() => window.__atlas?.dbStatus)).toBe('idle');
        expect(engineRequests(probe.requests)).toEqual([]);
        expect(probe.requests.filter((u) => u.includes('/views/'))).toHaveLength(1);
        expect(probe.errors).toEqual([]);
      });
    });
  }
});

describe('controls never disagree with the numbers', () => {
  it('a shared URL shows its own state, without the engine', async () => {
    await withPage(browser, site.url('en', '/prioritas/', '?period=2024-02&indicator=stunting&area=64.74'), async (probe) => {
      const { page } = probe;
      await waitForUpdate(page, 0);
      expect(await page.locator('figure[data-figure="peringkat"] .chart-title').textContent()).toContain('February 2024');
      expect(await page.locator('select[data-atlas-control="period"]').inputValue()).toBe('2024-02');
      expect(await page.locator('select[data-atlas-control="area"]').inputValue()).toBe('64.74');
      expect(await page.evaluate(() => window.__atlas?.dbStatus)).toBe('idle');
      expect(engineRequests(probe.requests)).toEqual([]);
    });
  });

  it('while a view cannot be had, the select and the URL stay on what is shown and the page says why', async () => {
    await withPage(browser, undefined, async (probe) => {
      const { page, context } = probe;
      // The view file and the engine both fail: nothing can draw another state.
      await context.route(/\/views\/|\/_duckdb\//, (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(site.url('id', '/'));
      const select = page.locator('select[data-atlas-control="period"]');
      await expect.poll(() => select.isEnabled()).toBe(true);
      const built = await select.inputValue();
      const title = await page.locator('figure[data-figure="prioritas"] .chart-title').textContent();
      const other = await select.locator('option').evaluateAll((os, b) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== b)!, built);
      await select.selectOption(other);
      const status = page.locator('[data-status]');
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 60_000 }).toBe('error');
      expect(await status.textContent()).toMatch(/tidak dapat ditampilkan/);
      expect(await select.inputValue()).toBe(built);
      expect(new URL(page.url()).searchParams.get('period')).toBeNull();
      expect(await page.locator('figure[data-figure="prioritas"] .chart-title').textContent()).toBe(title);
      probe.errors.length = 0; // the 503s are the point of this test
    });
  });

  it('an unknown period or code in the URL is named on the page', async () => {
    await withPage(browser, site.url('en', '/prioritas/', '?period=2019-01&area=64.99'), async (probe) => {
      const { page } = probe;
      const status = page.locator('[data-status]');
      await expect.poll(() => status.textContent()).toMatch(/2019-01/);
      expect(await status.textContent()).toMatch(/64\.99/);
      expect(await status.isVisible()).toBe(true);
      // the URL no longer claims what is not shown
      expect(new URL(page.url()).searchParams.get('period')).toBeNull();
      expect(new URL(page.url()).searchParams.get('area')).toBeNull();
    });
  });
});
