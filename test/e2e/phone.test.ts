/**
 * Phones: at 360 and 390 px every page kind fits the screen (no sideways scrolling), every figure
 * lies inside the viewport, chart and legend text is at least 11 px as displayed, no two labels
 * of the quadrant chart overlap, the map's hint is one line on a touch screen, and every control fits,
 * as built and after a redraw (a control changed); every table fits, wide ones as cards.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, axeViolations, useSite, withPage } from './harness.ts';

const s = useSite();
let kinds: { kind: string; path: string }[];

beforeAll(async () => {
  // One page of each kind; areas are picked from the built site by the length of their code.
  const areas = readdirSync(join(s.site.dist, 'wilayah'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const pick = (re: RegExp) => areas.find((a) => re.test(a));
  kinds = [
    { kind: 'overview', path: '/' },
    { kind: 'two numbers', path: '/dua-angka/' },
    { kind: 'priorities', path: '/prioritas/' },
    { kind: 'programmes', path: '/cakupan/' },
    { kind: 'area index', path: '/wilayah/' },
    { kind: 'data', path: '/data/' },
    { kind: 'province', path: `/wilayah/${pick(/^\d{2}$/)}/` },
    { kind: 'regency', path: `/wilayah/${pick(/^\d{2}\.\d{2}$/)}/` },
    { kind: 'district', path: `/wilayah/${pick(/^\d{2}\.\d{2}\.\d{2}$/)}/` },
    { kind: 'village', path: `/wilayah/${pick(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)}/` },
  ];
});

interface Fit {
  scrollWidth: number;
  innerWidth: number;
  outside: string[];
  smallText: string[];
  figures: number;
}

/** What sticks out of the viewport, and chart text displayed below 11 px. */
function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const outside: string[] = [];
    const smallText: string[] = [];
    const w = window.innerWidth;
    const figures = [...document.querySelectorAll('main figure')].filter(visible);
    const name = (el: Element) => el.closest('[data-figure]')?.getAttribute('data-figure') ?? el.tagName;
    for (const el of [...figures, ...document.querySelectorAll('main figure svg, main select, main .cards, main .controls')].filter(visible)) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > w + 0.5) outside.push(`${name(el)} ${el.tagName.toLowerCase()}: ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    // the chart and its colour legend (Plot draws a legend's text at 10 px unless told otherwise)
    for (const svg of document.querySelectorAll<SVGSVGElement>('main figure svg[data-chart-main], main figure svg[aria-hidden="true"]')) {
      if (!visible(svg)) continue;
      const vb = svg.viewBox.baseVal;
      const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < 11) {
          smallText.push(`${name(svg)}: "${text.textContent.trim().slice(0, 20)}" ${px.toFixed(1)} px`);
          break;
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, outside, smallText, figures: figures.length };
  });
}

async function updates(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('chart-updated').length);
}

describe('phones', () => {
  for (const width of [360, 390]) {
    for (const lang of LANGS) {
      it(`${width} px, ${lang}: every page kind fits, as built and after a redraw`, async () => {
        for (const { kind, path } of kinds) {
          await withPage(
            s.browser,
            s.site.url(lang, path),
            async (probe) => {
              const { page } = probe;
              const built = await measure(page);
              expect(built.scrollWidth, `${kind} ${path} scrolls sideways`).toBeLessThanOrEqual(built.innerWidth);
              expect(built.outside, `${kind} ${path}`).toEqual([]);
              expect(built.smallText, `${kind} ${path}`).toEqual([]);
              const select = page.locator('select[data-atlas-control]').first();
              if (await select.count()) {
                await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
                const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
                const other = values.find((v) => v !== values[0] && v !== '') ?? values[0]!;
                const target = (await select.inputValue()) === other ? values[0]! : other;
                const n = await updates(page);
                await select.selectOption(target);
                await page.waitForFunction((k) => performance.getEntriesByName('chart-updated').length > k, n, { timeout: 30_000 });
                const redrawn = await measure(page);
                expect(redrawn.scrollWidth, `${kind} ${path} after redraw`).toBeLessThanOrEqual(redrawn.innerWidth);
                expect(redrawn.outside, `${kind} ${path} after redraw`).toEqual([]);
                expect(redrawn.smallText, `${kind} ${path} after redraw`).toEqual([]);
              }
              expect(probe.errors, `${kind} ${path}`).toEqual([]);
            },
            { viewport: { width, height: 800 } },
          );
        }
      });
    }
  }
});

describe('phones: tables', () => {
  for (const lang of LANGS) {
    it(`360 px, ${lang}: every table fits its container on every page kind, "show numbers" ones opened too; wide ones as cards, each value under its column's name, still tables to a screen reader, no axe violation`, async () => {
      for (const { kind, path } of kinds) {
        await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
          const r = await page.evaluate(() => {
            for (const d of document.querySelectorAll<HTMLDetailsElement>('main details')) d.open = true;
            const tables = [...document.querySelectorAll('main table')].filter((t) => t.getBoundingClientRect().width > 0);
            const tooWide = tables.flatMap((t) => {
              const box = t.parentElement!.getBoundingClientRect();
              const scroller = t.closest('.table-scroll');
              const over = t.getBoundingClientRect().right > Math.min(box.right, innerWidth) + 1 || (scroller !== null && scroller.scrollWidth > scroller.clientWidth + 1);
              return over ? [`${t.querySelector('th')?.textContent?.slice(0, 30)}: ${Math.round(t.getBoundingClientRect().width)} px`] : [];
            });
            const cards = tables.filter((t) => t.classList.contains('susun'));
            const unlabelled = cards.flatMap((t) => [...t.querySelectorAll('td')].filter((td) => {
              const label = td.getAttribute('data-label');
              return !label || !getComputedStyle(td, '::before').content.includes(label);
            }).map((td) => `${t.querySelector('th')?.textContent?.slice(0, 30)}: ${td.textContent?.slice(0, 20)}`));
            return { tables: tables.length, cards: cards.length, tooWide, unlabelled };
          });
          expect(r.tooWide, `${kind} ${path}`).toEqual([]);
          expect(r.unlabelled, `${kind} ${path}`).toEqual([]);
          expect(await axeViolations(page, 'main'), `${kind} ${path}`).toEqual([]);
          if (kind === 'regency') {
            expect(r.cards, 'a regency page has tables laid out as cards').toBeGreaterThan(0);
            // what Chromium gives a screen reader for the programmes' table: rows, row headers, cells
            const cdp = await page.context().newCDPSession(page);
            const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
            const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'main table.susun' });
            const table = await page.locator('main table.susun').evaluateAll((ts) => ts.map((t) => ({ shown: t.getBoundingClientRect().width > 0, rows: (t as HTMLTableElement).tBodies[0]!.rows.length, cells: t.querySelectorAll('tbody td').length })));
            const i = table.findIndex((t) => t.shown);
            // below the fold a section is not rendered (content-visibility), nor in the accessibility tree
            await page.locator('main table.susun').nth(i).scrollIntoViewIfNeeded();
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
            const count = async (role: string) => (await cdp.send('Accessibility.queryAXTree', { nodeId: nodeIds[i]!, role })).nodes.filter((n) => !n.ignored).length;
            expect(await count('table')).toBe(1);
            expect(await count('rowheader')).toBe(table[i]!.rows);
            expect(await count('cell')).toBe(table[i]!.cells);
          }
        }, { viewport: { width: 360, height: 800 }, touch: true });
      }
    });
  }
});

/** Boxes of the quadrant chart's texts (corner names and area names) that overlap, as displayed. */
function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('svg[data-chart-main]')].find((e) => e.closest('[data-chart="kuadran"]') && e.getBoundingClientRect().width > 0);
    if (!svg) return ['no quadrant chart shown'];
    const boxes = [...svg.querySelectorAll('g[data-mark="text"] text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
    const out: string[] = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (x > 1 && y > 1) out.push(`"${a.text}" × "${b.text}"`);
    }));
    return out;
  });
}

describe('phones: labels and hints', () => {
  for (const lang of LANGS) {
    it(`390 px, ${lang}: no two labels of the quadrant chart overlap (an area's name ran into a corner's name)`, async () => {
      await withPage(s.browser, s.site.url(lang, '/prioritas/'), async ({ page }) => {
        await page.locator('[data-chart="kuadran"] svg[data-chart-main]').first().scrollIntoViewIfNeeded();
        expect(await overlaps(page)).toEqual([]);
      }, { viewport: { width: 390, height: 800 }, touch: true });
    });

    it(`360 px, ${lang}: the priority regencies side by side fit the screen: each measure on its own line, its values under their regency's name, which stays in view; still a table to a screen reader`, async () => {
      await withPage(s.browser, s.site.url(lang, '/prioritas/'), async ({ page }) => {
        const table = page.locator('.banding-prioritas table');
        await table.scrollIntoViewIfNeeded();
        const r = await table.evaluate((t: HTMLTableElement) => {
          const region = t.closest('.table-scroll')!;
          const names = [...t.tHead!.rows[0]!.cells].slice(1).map((c) => c.getBoundingClientRect());
          const rows = [...t.tBodies[0]!.rows];
          const misplaced: string[] = [];
          for (const tr of rows) {
            const measure = tr.cells[0]!.getBoundingClientRect();
            [...tr.cells].slice(1).forEach((td, i) => {
              const c = td.getBoundingClientRect();
              const name = names[i]!;
              // under its regency's name and below its measure, which has the row's width
              if (c.left < name.left - 1 || c.right > name.right + 1 || c.top < measure.bottom - 1) misplaced.push(`${tr.cells[0]!.textContent} / ${i}`);
            });
          }
          // the last row at the top of the screen: the regencies' names are still shown above it
          const last = rows.at(-1)!;
          window.scrollBy(0, last.getBoundingClientRect().top - 120);
          const head = t.tHead!.getBoundingClientRect();
          return {
            fits: region.scrollWidth <= region.clientWidth + 1 && t.getBoundingClientRect().right <= innerWidth,
            misplaced,
            namesInView: head.top >= -1 && head.bottom <= last.getBoundingClientRect().top + 1,
            minFont: Math.min(...[...t.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().width > 1).map((c) => parseFloat(getComputedStyle(c).fontSize))),
          };
        });
        expect(r.fits, 'the table fits a 360 px screen, no scrolling in its region').toBe(true);
        expect(r.misplaced).toEqual([]);
        expect(r.namesInView, 'the regencies\' names stay at the top of the screen').toBe(true);
        expect(r.minFont).toBeGreaterThanOrEqual(11);
        // what Chromium gives a screen reader: a table whose rows are headed by the measures
        const cdp = await page.context().newCDPSession(page);
        const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.banding-prioritas table' });
        const count = async (role: string) => (await cdp.send('Accessibility.queryAXTree', { nodeId, role })).nodes.filter((n) => !n.ignored).length;
        const bodyRows = await page.locator('.banding-prioritas tbody tr').count();
        const regencies = (await page.locator('.banding-prioritas thead th').count()) - 1;
        expect(await count('table')).toBe(1);
        expect(await count('row')).toBe(bodyRows + 1);
        expect(await count('rowheader')).toBe(bodyRows);
        expect(await count('columnheader')).toBe(regencies + 1);
        expect(await count('cell')).toBe(bodyRows * regencies);
      }, { viewport: { width: 360, height: 800 }, touch: true });
    });

    it(`390 px touch screen, ${lang}: the map's hint is one line (it kept four lines of room for an area's figures a tap never shows)`, async () => {
      await withPage(s.browser, s.site.url(lang, '/wilayah/64.08/'), async ({ page }) => {
        const panel = page.locator('[data-peta-panel]').first();
        const { height, line } = await panel.evaluate((el) => {
          const cs = getComputedStyle(el);
          return { height: el.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom), line: parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3 };
        });
        expect(height).toBeLessThan(line * 1.6);
      }, { viewport: { width: 390, height: 800 }, touch: true });
    });
  }
});
