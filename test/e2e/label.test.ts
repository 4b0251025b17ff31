/**
 * Chart labels as displayed (issue 11): the survey chart's two 2024 targets (national 14.0 %,
 * provincial 12.83 %) are two markers that do not overlap, each with its own label naming it and
 * its year; a regency trend's value labels never touch (June and August 2024 on Kutai Timur); and
 * every figure's caption names its source, the coverage map's included.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGS, useSite, withPage } from './harness.ts';

const s = useSite();

interface Box { name: string; x0: number; x1: number; y0: number; y1: number }

/** Boxes (as displayed) of the elements matched in the figure's visible drawing. */
function boxes(page: Page, figure: string, selector: string): Promise<Box[]> {
  return page.evaluate(([figure, selector]) => {
    const svg = [...document.querySelectorAll(`figure[data-figure="${figure}"] svg[data-chart-main]`)].find((x) => x.getClientRects().length > 0)!;
    return [...svg.querySelectorAll(selector)].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.textContent?.trim() || el.tagName, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
    });
  }, [figure, selector] as const);
}

const touching = (list: Box[]) =>
  list.flatMap((a, i) => list.slice(i + 1).filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).map((b) => `${a.name} / ${b.name}`));

describe('survey targets', () => {
  for (const lang of LANGS) {
    for (const width of [390, 1280]) {
      it(`${lang} ${width} px: one marker and one label per target, none overlapping`, async () => {
        await withPage(s.browser, s.site.url(lang, '/'), async ({ page }) => {
          const markers = await boxes(page, 'survei', 'g.target path');
          const labels = await boxes(page, 'survei', 'g.target-label text');
          expect(markers).toHaveLength(2);
          expect(labels.map((l) => l.name).sort()).toEqual(lang === 'id'
            ? ['Target nasional 2024: 14,0%', 'Target provinsi 2024: 12,83%']
            : ['National target 2024: 14.0%', 'Provincial target 2024: 12.83%']);
          expect(touching([...markers.map((m, i) => ({ ...m, name: `marker ${i}` })), ...labels])).toEqual([]);
          // inside the screen
          for (const b of [...markers, ...labels]) expect(b.x0 >= 0 && b.x1 <= width, b.name).toBe(true);
        }, { viewport: { width, height: 900 } });
      });
    }
  }
});

describe('trend value labels', () => {
  for (const lang of LANGS) {
    it(`${lang} 1280 px: Kutai Timur's month labels do not touch, and June 2024 keeps its label`, async () => {
      await withPage(s.browser, s.site.url(lang, '/wilayah/64.08/'), async ({ page }) => {
        const labels = (await boxes(page, 'tren', 'text')).filter((b) => /%$/.test(b.name));
        expect(labels.length).toBeGreaterThanOrEqual(7);
        expect(touching(labels)).toEqual([]);
      });
    });
  }
});

describe('captions', () => {
  for (const lang of LANGS) {
    it(`${lang}: every figure's caption names its source (coverage map included)`, async () => {
      for (const path of ['/', '/cakupan/', '/wilayah/64.08/', '/prioritas/']) {
        await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
          const captions = await page.$$eval('main figure.chart:not(.peta-lokator)', (figs) =>
            figs.map((f) => ({ name: f.getAttribute('data-figure'), caption: f.querySelector(':scope > figcaption')?.textContent ?? '' })));
          expect(captions.length, path).toBeGreaterThan(0);
          expect(captions.filter((c) => !(lang === 'id' ? /Sumber: / : /Sources?: /).test(c.caption)).map((c) => c.name), path).toEqual([]);
        });
      }
    });
  }
});
