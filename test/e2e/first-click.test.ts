/**
 * First click without the engine: every option of every preset control answers from build-time
 * HTML fragments (overview, two-numbers, coverage, priorities, the profile of every level: a
 * village's periods in one packed file, and the ranking of its district's villages in one file
 * shared by those villages' pages) with no view file and no DuckDB-WASM download, and no
 * module script is needed at all (the controls are inline); when the fragments cannot be had the
 * page module draws the state from the view file;
 * controls and URL never disagree with the numbers (they move when the view is shown, go back on
 * failure with a reason); a shared URL shows its own state; an unknown value in a URL is named.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fragHref, lookup } from '../../src/lib/fragmen.ts';
import { choose, type Probe, updates, useSite, waitForUpdate as waitForUpdateWithin, withPage } from './harness.ts';

const s = useSite();

const waitForUpdate = (page: Page, after: number) => waitForUpdateWithin(page, after, 30_000);
const engineRequests = (requests: string[]) => requests.filter((u) => /\/_duckdb\/|\.parquet(\?|$)/.test(u));

const FRAGMENT_PAGES = ['/', '/dua-angka/', '/prioritas/', '/cakupan/', '/wilayah/64.08/', '/wilayah/64.08.01/', '/wilayah/64.08.01.2001/'];
/** A village page: its periods are one packed fragment file, and the ranking of its district's villages another. */
const VILLAGE = '/wilayah/64.08.01.2001/';

describe('every preset control answers without DuckDB-WASM', () => {
  for (const path of FRAGMENT_PAGES) {
    it(`${path}: every option of every control`, async () => {
      await withPage(s.browser, s.site.url('id', path), async (probe) => {
        const { page } = probe;
        const controls = await page.locator('select[data-atlas-control]').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).dataset.atlasControl!));
        expect(controls.length).toBeGreaterThan(0);
        let changes = 0;
        for (const control of controls) {
          const select = page.locator(`select[data-atlas-control="${control}"]`);
          await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
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
        // the page never needs its view file
        expect(probe.requests.filter((u) => u.includes('/views/'))).toHaveLength(0);
        const frag = probe.requests.filter((u) => u.includes('/frag/'));
        expect(frag.length).toBeGreaterThan(0);
        // a village's every period comes in two packed files (its own, its district's ranking), each fetched once
        if (path === VILLAGE) expect(frag).toHaveLength(2);
        expect(probe.errors).toEqual([]);
      });
    });
  }
});

describe("a ranking shared by a district's villages", () => {
  /** The hash of the ranking's file for a period, from the page's fragment index. */
  const rankingFile = (page: Page, period: string) =>
    page.evaluate((p) => {
      const index = JSON.parse(document.querySelector('script[data-frag-index]')!.textContent!) as { g: [string[], string[], Record<string, string>][] };
      return index.g.find(([, slots]) => slots.includes('saudara'))![2][p]!.replace(/#$/, '');
    }, period);
  for (const lang of ['id', 'en'] as const) {
    it(`${lang}: two sibling villages fetch one file for it, and each page names and outlines its own village after a period change`, async () => {
      const files: string[] = [];
      let outlined = 0;
      for (const kode of ['64.08.01.2001', '64.08.01.2002']) {
        await withPage(s.browser, s.site.url(lang, `/wilayah/${kode}/`), async (probe) => {
          const { page } = probe;
          await choose(page, 'period', '2024-02', 30_000);
          const file = await rankingFile(page, '2024-02');
          expect(probe.requests.filter((u) => u.includes(`/frag/${file}.bin`))).toHaveLength(1);
          files.push(file);
          const nama = (await page.locator('.breadcrumb [aria-current="page"]').textContent())!.trim();
          // the heading above the ranking names the village; the ranking's own title its district and the period
          const heading = page.locator('h2:has(+ [data-slot="saudara"])');
          expect(await heading.textContent()).toContain(nama);
          expect(await page.locator('figure[data-figure="saudara"] .chart-title').textContent()).toContain(lang === 'en' ? 'February 2024' : 'Februari 2024');
          // the outlined bar (on screen: one drawing) and the shaded table row are this village's, and only those
          const marked = await page.locator('figure[data-figure="saudara"]').evaluate((figure) => {
            const shown = [...figure.querySelectorAll('svg[data-chart-main]')].filter((svg) => (svg as SVGElement).getBoundingClientRect().width > 0);
            const bars = shown.flatMap((svg) => [...svg.querySelectorAll('a > rect')]).filter((r) => getComputedStyle(r).stroke !== 'none');
            const rows = [...figure.querySelectorAll('tbody tr')].filter((tr) => getComputedStyle(tr).backgroundColor !== 'rgba(0, 0, 0, 0)');
            return { shown: shown.length, bars: bars.map((r) => r.closest('a')!.getAttribute('href')!), rows: rows.map((tr) => tr.querySelector('a')!.getAttribute('href')!) };
          });
          expect(marked.shown).toBe(1);
          expect(marked.bars.length).toBeLessThanOrEqual(1);
          outlined += marked.bars.length;
          for (const href of [...marked.bars, ...marked.rows]) expect(href).toContain(`/wilayah/${kode}/`);
          expect(marked.rows).toHaveLength(1);
          expect(probe.errors).toEqual([]);
        });
      }
      expect(files[1]).toBe(files[0]);
      expect(outlined).toBeGreaterThan(0);
    });
  }
});

describe('controls never disagree with the numbers', () => {
  it('a shared URL shows its own state, without the engine', async () => {
    await withPage(s.browser, s.site.url('en', '/prioritas/', '?period=2024-02&indicator=stunting&area=64.74'), async (probe) => {
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
    await withPage(s.browser, undefined, async (probe) => {
      const { page, context } = probe;
      // The fragments, the view file and the engine all fail: nothing can draw another state.
      await context.route(/\/frag\/|\/views\/|\/_duckdb\//, (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(s.site.url('id', '/'));
      const select = page.locator('select[data-atlas-control="period"]');
      await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
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
    await withPage(s.browser, s.site.url('en', '/prioritas/', '?period=2019-01&area=64.99'), async (probe) => {
      const { page } = probe;
      const status = page.locator('[data-status]');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/2019-01/);
      expect(await status.textContent()).toMatch(/64\.99/);
      expect(await status.isVisible()).toBe(true);
      // the URL no longer claims what is not shown
      expect(new URL(page.url()).searchParams.get('period')).toBeNull();
      expect(new URL(page.url()).searchParams.get('area')).toBeNull();
    });
  });
});

/** Aborts every module script, view file and engine file: only the inline controls and the fragment files are left. */
const inlineOnly = (probe: Probe) => probe.context.route(/\/_astro\/[^?]*\.js(\?|$)|\/views\/|\/_duckdb\//, (route) => route.abort('blockedbyclient'));
const notBlocked = (errors: string[]) => errors.filter((e) => !/ERR_BLOCKED_BY_CLIENT/.test(e));

describe('preset states come from build-time HTML: no module script, no Plot, no engine', () => {
  for (const path of FRAGMENT_PAGES) {
    it(`${path}: each control kind, with every module script and the engine blocked`, async () => {
      await withPage(s.browser, undefined, async (probe) => {
        const { page } = probe;
        await inlineOnly(probe);
        await page.goto(s.site.url('id', path));
        const controls = await page.locator('select[data-atlas-control]').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).dataset.atlasControl!));
        expect(controls.length).toBeGreaterThan(0);
        for (const control of controls) {
          const select = page.locator(`select[data-atlas-control="${control}"]`);
          expect(await select.isEnabled(), `${control} is usable before any module script`).toBe(true);
          const before = await page.locator('[data-slot]').evaluateAll((els) => els.map((e) => e.innerHTML).join('\n'));
          const value = await select.locator('option').evaluateAll((os, v) => os.map((o) => (o as HTMLOptionElement).value).find((x) => x !== v)!, await select.inputValue());
          const label = (await select.locator(`option[value="${value}"]`).textContent())!.trim();
          const n = await updates(page);
          await select.selectOption(value);
          await waitForUpdate(page, n);
          expect(await select.inputValue(), `${control}=${value}`).toBe(value);
          expect(new URL(page.url()).searchParams.get(control)).toBe(value);
          expect(await page.locator('[data-slot]').evaluateAll((els) => els.map((e) => e.innerHTML).join('\n')), `${control}=${value} changed the page`).not.toBe(before);
          // the heading names the chosen period in the words of its option
          const judul = page.locator('[data-slot="judul-periode"]');
          if (control === 'period' && (await judul.count())) expect(label).toContain((await judul.first().textContent())!.trim());
        }
        expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/_astro\/.*\.js/.test(r.name) && (r as PerformanceResourceTiming).responseEnd > 0 && (r as PerformanceResourceTiming).transferSize > 0))).toBe(false);
        expect(engineRequests(probe.requests)).toEqual([]);
        expect(probe.requests.filter((u) => u.includes('/views/'))).toEqual([]);
        expect(notBlocked(probe.errors)).toEqual([]);
        probe.errors.length = 0;
      });
    });
  }

  it('a shared URL shows its own state from fragments, with every module script and the engine blocked', async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page } = probe;
      await inlineOnly(probe);
      await page.goto(s.site.url('en', '/prioritas/', '?period=2024-02&indicator=stunting&area=64.74'), { waitUntil: 'commit' });
      await waitForUpdate(page, 0);
      expect(await page.locator('figure[data-figure="peringkat"] .chart-title').textContent()).toContain('February 2024');
      expect(await page.locator('select[data-atlas-control="period"]').inputValue()).toBe('2024-02');
      expect(await page.locator('select[data-atlas-control="area"]').inputValue()).toBe('64.74');
      expect(new URL(page.url()).search).toBe('?period=2024-02&indicator=stunting&area=64.74'); // as shared
      // its fragments were asked for while the page was still being read, before any module script could run
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const frag = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/frag/'));
        return { first: Math.min(...frag.map((r) => r.startTime)), dcl: nav.domContentLoadedEventStart, n: frag.length };
      });
      expect(t.n).toBeGreaterThan(0);
      expect(t.first).toBeLessThan(t.dcl);
      expect(engineRequests(probe.requests)).toEqual([]);
      expect(notBlocked(probe.errors)).toEqual([]);
      probe.errors.length = 0;
    });
  });

  it('a choice made while the page is still being read is fetched at once and shown once it is read', async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page, context } = probe;
      // a slow link: the regency page (~47 KB compressed) arrives over ~2 s, its first select early
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 24_000, uploadThroughput: 100_000 });
      await page.goto(s.site.url('id', '/wilayah/64.08/'), { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[data-atlas-control="period"]')?.disabled === false, undefined, { timeout: 30_000, polling: 20 });
      const chosen = await page.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('select[data-atlas-control="period"]')!;
        // not the likeliest choice (src/lib/likeliest-choice.ts): that one is fetched before it is chosen
        const value = [...select.options].filter((o) => !o.selected).at(-1)!.value;
        const reading = document.readyState === 'loading' && !document.querySelector('[data-status]');
        const at = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return { value, reading, at };
      });
      expect(chosen.reading, 'the choice was made before the page was read').toBe(true);
      await waitForUpdate(page, 0);
      expect(await page.locator('select[data-atlas-control="period"]').inputValue()).toBe(chosen.value);
      expect(new URL(page.url()).searchParams.get('period')).toBe(chosen.value);
      expect(JSON.parse((await page.locator('[data-page]').getAttribute('data-rendered'))!).period).toBe(chosen.value);
      const t = await page.evaluate((at) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const frag = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/frag/') && r.startTime >= at - 1);
        return { first: Math.min(...frag.map((r) => r.startTime)), htmlEnd: nav.responseEnd };
      }, chosen.at);
      // its fragments were requested with the choice, while the page's HTML was still arriving
      expect(t.first).toBeLessThan(t.htmlEnd);
      expect(t.first - chosen.at).toBeLessThan(200);
      expect(engineRequests(probe.requests)).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });

  it('a choice made before the shared controls script has arrived is fetched at once and shown when it comes', async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page, context } = probe;
      let release!: () => void;
      const held = new Promise<void>((done) => (release = done));
      await context.route(/\/js\/kendali\.[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      // (the held script also holds the load event)
      await page.goto(s.site.url('id', VILLAGE), { waitUntil: 'domcontentloaded' });
      const select = page.locator('select[data-atlas-control="period"]');
      expect(await select.isEnabled(), 'the inline part enabled the select').toBe(true);
      const value = await select.locator('option').evaluateAll((os, v) => os.map((o) => (o as HTMLOptionElement).value).find((x) => x !== v)!, await select.inputValue());
      await select.selectOption(value);
      // its fragment files (the village's own, its district's ranking) are on their way although the rest of the controls is not there
      const asked = () => probe.requests.filter((u) => u.includes('/frag/')).length;
      await expect.poll(asked, { timeout: 20_000 }).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      const before = asked();
      expect(await updates(page)).toBe(0);
      release();
      await waitForUpdate(page, 0);
      expect(await select.inputValue()).toBe(value);
      expect(new URL(page.url()).searchParams.get('period')).toBe(value);
      expect(JSON.parse((await page.locator('[data-page]').getAttribute('data-rendered'))!).period).toBe(value);
      // nothing more was asked for when the rest of the controls came
      expect(asked()).toBe(before);
      expect(probe.errors).toEqual([]);
    });
  });

  it('without the shared controls script a choice says that it cannot be shown', async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page, context } = probe;
      await context.route(/\/js\/kendali\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
      await page.goto(s.site.url('en', '/wilayah/64.08/'));
      const select = page.locator('select[data-atlas-control="period"]');
      const before = await select.inputValue();
      const value = await select.locator('option').evaluateAll((os, v) => os.map((o) => (o as HTMLOptionElement).value).find((x) => x !== v)!, before);
      await select.selectOption(value);
      const status = page.locator('[data-status]');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('the data could not be loaded');
      expect(await status.isVisible()).toBe(true);
      // nothing claims the new state
      expect(await select.inputValue()).toBe(before);
      expect(new URL(page.url()).searchParams.get('period')).toBeNull();
      expect(await updates(page)).toBe(0);
      probe.errors.length = 0;
    });
  });

  for (const path of ['/wilayah/64.08/', VILLAGE])
  it(`${path}: when the fragments cannot be had, the page module draws the state from the view file`, async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page, context } = probe;
      await context.route(/\/frag\//, (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(s.site.url('id', path));
      const select = page.locator('select[data-atlas-control="period"]');
      const value = await select.locator('option').evaluateAll((os, v) => os.map((o) => (o as HTMLOptionElement).value).find((x) => x !== v)!, await select.inputValue());
      const n = await updates(page);
      await select.selectOption(value);
      await waitForUpdate(page, n);
      expect(new URL(page.url()).searchParams.get('period')).toBe(value);
      expect(probe.requests.filter((u) => u.includes('/views/'))).toHaveLength(1);
      expect(engineRequests(probe.requests)).toEqual([]);
      expect(probe.errors.filter((e) => !/\/frag\/|status of 503/.test(e))).toEqual([]);
      probe.errors.length = 0;
    });
  });
});

describe('the likeliest first choice is on its way before it is made', () => {
  /** Fragment requests with the priority the page asked for (CDP: Network.requestWillBeSent). */
  const fragRequests = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    const seen: { url: string; priority: string }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.includes('/frag/')) seen.push({ url: e.request.url, priority: e.request.initialPriority });
    });
    await cdp.send('Network.enable');
    return seen;
  };

  for (const path of ['/', '/wilayah/64.08/'])
    it(`${path}: the likeliest choice (here the option after the one shown) is fetched at low priority while the page is read; choosing it asks for nothing more`, async () => {
      await withPage(s.browser, undefined, async (probe) => {
        const { page } = probe;
        const seen = await fragRequests(page);
        await page.goto(s.site.url('id', path));
        const select = page.locator('select[data-atlas-control="period"]');
        const [shown, after] = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(await select.inputValue()).toBe(shown);
        // asked for before the page was read, and only the fragments of that one state
        const early = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/frag/') && r.startTime < nav.domContentLoadedEventStart).length;
        });
        expect(early).toBeGreaterThan(0);
        expect(seen.length).toBe(early);
        for (const r of seen) expect(['Low', 'VeryLow'], r.url).toContain(r.priority);
        const before = seen.length;
        await select.selectOption(after!);
        await waitForUpdate(page, 0);
        expect(new URL(page.url()).searchParams.get('period')).toBe(after);
        expect(seen.length, 'nothing more was fetched for it').toBe(before);
        expect(probe.errors).toEqual([]);
      });
    });

  it("/prioritas/: the survey's likeliest choice, far down the page, is asked for before its select is read", async () => {
    await withPage(s.browser, undefined, async (probe) => {
      const { page } = probe;
      // when the parser adds the survey's select (an observer registered before the page's own)
      await page.addInitScript(() => {
        const w = window as unknown as { __tabAt?: number };
        new MutationObserver((records, obs) => {
          for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLSelectElement && n.dataset.atlasControl === 'tab') (w.__tabAt = performance.now()), obs.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(s.site.url('id', '/prioritas/'));
      const { index, built, likely, tabAt } = await page.evaluate(() => {
        const root = document.querySelector<HTMLElement>('[data-page]')!;
        return { index: JSON.parse(document.querySelector('script[data-frag-index]')!.textContent!), built: JSON.parse(root.dataset.state!), likely: JSON.parse(root.dataset.likely ?? '{}'), tabAt: (window as unknown as { __tabAt: number }).__tabAt };
      });
      const tab = page.locator('select[data-atlas-control="tab"]');
      const [, after] = await tab.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(likely.tab).toBe(after);
      const files = (state: Record<string, string>) => lookup(index, state, built)!.files.map(([, ref]) => ref.hash).filter(Boolean);
      const tabFiles = files({ tab: likely.tab });
      expect(tabFiles.length).toBeGreaterThan(0);
      // no other control's choice needs those files (else they would be early anyway)
      for (const key of Object.keys(likely).filter((k) => k !== 'tab')) for (const f of files({ [key]: likely[key] })) expect(tabFiles).not.toContain(f);
      const starts = await page.evaluate((hrefs) => hrefs.map((h) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.endsWith(h))?.startTime ?? null), tabFiles.map((h) => fragHref(index, h)));
      for (const t of starts) {
        expect(t).not.toBeNull();
        expect(t!).toBeLessThan(tabAt);
      }
      const before = probe.requests.filter((u) => u.includes('/frag/')).length;
      await tab.selectOption(after!);
      await waitForUpdate(page, 0);
      expect(probe.requests.filter((u) => u.includes('/frag/')).length, 'nothing more was fetched for it').toBe(before);
      expect(probe.errors).toEqual([]);
    });
  });

  for (const link of [{ saveData: true, effectiveType: '4g' }, { saveData: false, effectiveType: '2g' }])
    it(`with ${link.saveData ? 'data saving on' : 'a 2G link'}, nothing is fetched before a choice`, async () => {
      await withPage(s.browser, undefined, async (probe) => {
        const { page } = probe;
        await page.addInitScript((l) => Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => l }), link);
        await page.goto(s.site.url('id', '/wilayah/64.08/'));
        await page.waitForTimeout(500);
        expect(probe.requests.filter((u) => u.includes('/frag/'))).toEqual([]);
        const select = page.locator('select[data-atlas-control="period"]');
        const after = await select.locator('option').nth(1).getAttribute('value');
        await select.selectOption(after!);
        await waitForUpdate(page, 0);
        expect(probe.requests.filter((u) => u.includes('/frag/')).length).toBeGreaterThan(0);
        expect(probe.errors).toEqual([]);
      });
    });
});

describe("the first paint shows the page's heading and lead", () => {
  // The parser yields for a paint at the controls' inline script: what precedes it is in the first
  // paint. The lead is the largest text of the first screen (the LCP element).
  for (const path of FRAGMENT_PAGES)
    it(`${path}: heading and lead before the inline controls script, the script before the first control`, async () => {
      await withPage(s.browser, s.site.url('id', path), async ({ page }) => {
        const order = await page.evaluate(() => {
          const root = document.querySelector('[data-page]')!;
          const script = [...root.querySelectorAll('script')].find((e) => !e.src && !e.type)!;
          const before = (a: Element | null, b: Element | null) => !!a && !!b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
          return {
            h1: before(root.querySelector('h1'), script),
            lead: before(root.querySelector('p.lead'), script),
            index: before(root.querySelector('script[data-frag-index]'), script),
            control: before(script, root.querySelector('select[data-atlas-control]')),
          };
        });
        expect(order).toEqual({ h1: true, lead: true, index: true, control: true });
      });
    });
});

describe('what follows the first figure waits until it is near', () => {
  it('regency page on a phone: a figure far below is not rendered until scrolled to, and prints', async () => {
    await withPage(
      s.browser,
      s.site.url('id', '/wilayah/64.08/'),
      async ({ page, errors }) => {
        const first = page.locator('.halaman > [data-slot="peta"]');
        const later = page.locator('.halaman > [data-slot="kualitas"]');
        expect(await first.evaluate((e) => getComputedStyle(e).contentVisibility)).toBe('visible');
        expect(await later.evaluate((e) => getComputedStyle(e).contentVisibility)).toBe('auto');
        // skipped while far below; rendered once scrolled to
        expect(await later.evaluate((e) => e.querySelector('figure')!.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
        await later.evaluate((e) => e.scrollIntoView());
        await expect.poll(() => later.evaluate((e) => e.querySelector('figure')!.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
        await page.emulateMedia({ media: 'print' });
        expect(await later.evaluate((e) => getComputedStyle(e).contentVisibility)).toBe('visible');
        expect(errors).toEqual([]);
      },
      { viewport: { width: 390, height: 844 } },
    );
  });
});
