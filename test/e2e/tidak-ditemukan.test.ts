/**
 * "Page not found" in each language (issue 11): /en/... missing addresses get an English page
 * throughout (nearest 404.html, as Cloudflare Pages and the repo's static server serve it); the
 * root 404.html is Indonesian, offers the English text without scripts, and on a host that serves
 * only that one (GitHub Pages) switches to the English page by itself under /en/. Both have the
 * search box and links home.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, withPage } from './harness.ts';

const s = useSite();

/** Visible text of the page, quoted other-language parts and the printed URL left out. */
const visibleText = (page: Page, drop: string) =>
  page.evaluate((sel) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll(`${sel}, script, style, template, .sr-only, [hidden], [data-print-url]`)) el.remove();
    return (body.textContent ?? '').replace(/\s+/g, ' ');
  }, drop);

/** Types a misspelt name into the page's 404 search box and opens the first hit with Enter. */
async function searchFromBox(page: Page, query: string, path: string) {
  const box = page.locator('main form[role=search] input[type=search]');
  await box.click();
  await box.pressSequentially(query, { delay: 20 });
  await page.locator('main [role=listbox] [role=option]').first().waitFor({ state: 'visible' });
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith(path)), page.keyboard.press('Enter')]);
}

describe('404 per language', () => {
  it('the server answers with the nearest 404.html and status 404', async () => {
    for (const [path, lang] of [['/en/tidak-ada/', 'en'], ['/en/wilayah/99.99/', 'en'], ['/tidak-ada/', 'id'], ['/wilayah/99.99/', 'id']] as const) {
      const res = await fetch(s.site.file(path));
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain(`<html lang="${lang}"`);
    }
    const en = await (await fetch(s.site.file('/en/tidak-ada/'))).text();
    expect(en).toContain('Page not found');
    expect(en).not.toContain('Halaman tidak ditemukan');
  });

  it('without scripts the root page is Indonesian and offers the English text too', async () => {
    const html = readFileSync(join(s.site.dist, '404.html'), 'utf8');
    const outside = html.replace(/<template[\s\S]*?<\/template>/, '');
    expect(outside).toMatch(/<h1[^>]*>Halaman tidak ditemukan<\/h1>/);
    expect(outside).toMatch(/<section lang="en"[^>]*>[\s\S]*Page not found[\s\S]*Back to the overview/);
  });

  it('English: every word English, the search box finds an area and links lead home', async () => {
    await withPage(s.browser, s.site.url('en', '/wilayah/99.99/'), async ({ page }) => {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      const text = await visibleText(page, '[lang="id"]');
      expect(text).not.toMatch(/\b(Halaman|tidak|ditemukan|Kembali|Ringkasan|Cari|wilayah|balita)\b/);
      expect(await page.locator('main a', { hasText: 'Back to the overview' }).getAttribute('href')).toBe(new URL(s.site.url('en', '/')).pathname);
      expect(await page.locator('main ul.bagian a').count()).toBeGreaterThanOrEqual(5);
      await searchFromBox(page, 'kutai timr', '/en/wilayah/64.08/');
      expect(await page.locator('h1').textContent()).toContain('Kutai Timur');
    }, { viewport: { width: 390, height: 844 } });
  });

  it('Indonesian: the root page has the search box and the way home', async () => {
    await withPage(s.browser, s.site.url('id', '/tidak-ada/'), async ({ page }) => {
      expect(await page.locator('h1').textContent()).toBe('Halaman tidak ditemukan');
      expect(await page.locator('main a', { hasText: 'Kembali ke Ringkasan' }).count()).toBe(1);
      await searchFromBox(page, 'muara bengkl', '/wilayah/64.08.03/');
    });
  });

  it('the navigation marks no section as current (the page belongs to none), in both languages and after the switch to English', async () => {
    for (const [lang, path] of [['id', '/tidak-ada/'], ['en', '/tidak-ada/']] as const) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
        expect(await page.locator('.site-nav a').count(), lang).toBeGreaterThanOrEqual(5);
        expect(await page.locator('.site-nav a[aria-current]').count(), lang).toBe(0);
      });
    }
    const single = readFileSync(join(s.site.dist, '404.html'), 'utf8');
    // both languages' navigation in the root file (the English one in its template)
    const navs = single.match(/<nav class="site-nav"[\s\S]*?<\/nav>/g) ?? [];
    expect(navs.length).toBeGreaterThanOrEqual(1);
    for (const nav of navs) expect(nav).not.toContain('aria-current');
  });

  it('a host with one 404.html: the root page switches to English under /en/', async () => {
    const single = readFileSync(join(s.site.dist, '404.html'), 'utf8');
    await withPage(s.browser, undefined, async ({ page }) => {
      // as GitHub Pages does: every missing address gets the root 404.html
      await page.route('**/en/tidak-ada/', (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: single }));
      await page.goto(s.site.url('en', '/tidak-ada/'));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).toMatch(/^Page not found/);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('.site-nav').textContent()).toContain('Overview');
      const text = await visibleText(page, '[lang="id"]');
      expect(text).not.toMatch(/\b(Halaman|ditemukan|Kembali|Ringkasan)\b/);
      await searchFromBox(page, 'kutai timr', '/en/wilayah/64.08/');
    });
    // the same page under an Indonesian address stays Indonesian
    await withPage(s.browser, undefined, async ({ page }) => {
      await page.route('**/tidak-ada-juga/', (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: single }));
      await page.goto(s.site.url('id', '/tidak-ada-juga/'));
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.locator('h1').textContent()).toBe('Halaman tidak ditemukan');
    });
  });
});
