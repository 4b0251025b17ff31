/**
 * The SQL console (/jelajah/sql/) against the built site: the engine starts on opening with its
 * download reported as it happens; an example query answers like native DuckDB over the same
 * Parquet; a bad query shows DuckDB's message; writing, files and URLs are refused and nothing
 * leaves the browser.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector, type NodeConnector } from '../../src/lib/db/node.ts';
import { checkKonsolSql } from '../../src/lib/queries/konsol.ts';
import { axeViolations, useSite, withPage } from './harness.ts';

const s = useSite();
let native: NodeConnector;

beforeAll(async () => {
  native = await createNodeConnector({ dataDir: join(s.site.dist, 'data') });
});
afterAll(async () => {
  native?.close();
});

async function runQuery(page: Page, sql: string): Promise<string> {
  await page.fill('[data-editor]', sql);
  await page.evaluate(() => document.querySelector('[data-konsol]')!.removeAttribute('data-outcome'));
  await page.click('[data-run]');
  await page.waitForFunction(() => document.querySelector('[data-konsol]')!.hasAttribute('data-outcome'), null, { timeout: 60_000 });
  return (await page.getAttribute('[data-konsol]', 'data-outcome'))!;
}

describe('SQL console', () => {
  it('shows the engine download, answers an example like native DuckDB, shows errors and refusals', async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page } = probe;
      await page.addInitScript(() => {
        const seen: [number, number][] = [];
        (window as unknown as { __progress: typeof seen }).__progress = seen;
        window.addEventListener('atlas:db-progress', (e) => seen.push([(e as CustomEvent).detail.loaded, (e as CustomEvent).detail.total]));
      });
      await page.goto(s.site.url('id', '/jelajah/sql/'));
      await page.waitForSelector('[data-engine][data-state="ready"]', { timeout: 90_000 });
      const progress = await page.evaluate(() => (window as unknown as { __progress: [number, number][] }).__progress);
      expect(progress.length).toBeGreaterThan(1);
      const total = progress[0]![1];
      expect(total).toBeGreaterThan(1_000_000);
      expect(progress.at(-1)).toEqual([total, total]);
      for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);

      // the first example: ten villages with most stunted children in a regency
      await page.selectOption('[data-examples]', '0');
      const sql = await page.inputValue('[data-editor]');
      expect(sql).toContain('LIMIT 10');
      expect(await runQuery(page, sql)).toBe('rows');
      const expected = await native.query<{ kode_wilayah: string; jumlah_balita_stunting: number }>(sql);
      expect(expected.length).toBeGreaterThan(0);
      const cells = await page.locator('.result-table tbody tr td:first-child').allTextContents();
      expect(cells).toEqual(expected.map((r) => r.kode_wilayah));
      // an Indonesian page shows decimal commas, every digit as DuckDB gave it (the CSV keeps points)
      const prev = await page.locator('.result-table tbody tr td:last-child').allTextContents();
      expect(prev).toEqual(expected.map((r) => (r as unknown as { prevalensi_stunting: number | null }).prevalensi_stunting).map((v) => (v === null ? 'NULL' : String(v).replace('.', ','))));
      expect(prev.some((v) => v.includes(','))).toBe(true);
      expect(await page.locator('[data-message]').textContent()).toMatch(new RegExp(`^${expected.length} baris`));

      // the CSV of the result
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-csv]')]);
      const text = (await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
      expect(text.split('\n')[0]).toBe('kode_wilayah,nama_wilayah,periode,jumlah_balita_stunting,jumlah_balita_diukur,prevalensi_stunting');
      expect(text.trim().split('\n').length).toBe(expected.length + 1);

      // DuckDB's own message for a bad query; the page keeps working
      expect(await runQuery(page, 'SELECT kolom_tidak_ada FROM wilayah')).toBe('error');
      expect(await page.locator('[data-error]').textContent()).toMatch(/kolom_tidak_ada/);
      expect(await page.locator('[data-error]').textContent()).toMatch(/Binder Error|not found/i);

      // refused before the engine sees them; nothing leaves the browser
      for (const bad of ["SELECT * FROM read_csv('https://example.org/x.csv')", "SELECT * FROM 'http://example.org/y.parquet'", "COPY wilayah TO 'x.csv'", "ATTACH 'x.db'", 'INSTALL httpfs', 'SET enable_external_access = true']) {
        expect(checkKonsolSql(bad).ok).toBe(false);
        expect(await runQuery(page, bad), bad).toBe('refused');
        expect(await page.locator('[data-error]').isVisible()).toBe(true);
      }
      // and it still answers afterwards
      expect(await runQuery(page, 'SELECT count(*) AS n FROM wilayah')).toBe('rows');
      expect(await axeViolations(page, '.konsol')).toEqual([]);
      expect(probe.outside).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });

  it('the engine itself refuses outside access even when the check is bypassed', async () => {
    await withPage(s.browser, s.site.url('en', '/jelajah/sql/'), async (probe) => {
      const { page } = probe;
      await page.waitForSelector('[data-engine][data-state="ready"]', { timeout: 90_000 });
      const message = await page.evaluate(() => window.__atlas!.query("SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')").then(() => 'ran', (e) => String(e)));
      expect(message).not.toBe('ran');
      expect(probe.outside).toEqual([]);
      expect(probe.requests.filter((u) => u.includes(':9/'))).toEqual([]);
    });
  });

  it('a shared link runs its query', async () => {
    const sql = 'SELECT kode_wilayah FROM wilayah ORDER BY kode_wilayah LIMIT 3';
    const expected = (await native.query<{ kode_wilayah: string }>(sql)).map((r) => r.kode_wilayah);
    await withPage(s.browser, s.site.url('en', '/jelajah/sql/', `?sql=${encodeURIComponent(sql)}`), async (probe) => {
      await probe.page.waitForSelector('[data-konsol][data-outcome="rows"]', { timeout: 90_000 });
      expect(await probe.page.locator('.result-table tbody td:first-child').allTextContents()).toEqual(expected);
      expect(await probe.page.inputValue('[data-editor]')).toBe(sql);
      expect(probe.errors).toEqual([]);
    });
    // English: decimal points; a year is not grouped as a thousand
    const decimals = 'SELECT 12.5::DOUBLE AS x, 2024 AS tahun';
    await withPage(s.browser, s.site.url('en', '/jelajah/sql/', `?sql=${encodeURIComponent(decimals)}`), async (probe) => {
      await probe.page.waitForSelector('[data-konsol][data-outcome="rows"]', { timeout: 90_000 });
      expect(await probe.page.locator('.result-table tbody td').allTextContents()).toEqual(['12.5', '2024']);
    });
  });
});
