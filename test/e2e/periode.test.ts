/**
 * The chosen period in words (issue 11): the overview's first control is its period, and on every
 * page with a period control the headings and captions name the chosen period in the words of its
 * option ("November 2023 (tidak lengkap)" → "November 2023"), as built, after a change of the
 * control and from a shared link, in both languages; none names another option's period.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGS, useSite, withPage } from './harness.ts';

const s = useSite();

/** Figures that show a series over time (their captions name a range of periods on purpose). */
const SERIES = ['tren', 'survei', 'kualitas', 'peta-survei', 'panel-survei', 'survei-peringkat'];

/** The chosen option's words without its note in brackets, and every option's. */
async function periodWords(page: Page) {
  return page.locator('select[data-atlas-control="period"]').evaluate((sel: HTMLSelectElement) => {
    const words = (o: HTMLOptionElement) => (o.textContent ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();
    return { chosen: words(sel.selectedOptions[0]!), all: [...sel.options].map(words), value: sel.value };
  });
}

/** Texts of the headings and captions that are not of a time series. */
const captions = (page: Page) =>
  page.evaluate((series) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('main h1, main h2, main h3, main figcaption, main .table-caption, main .card-source')) {
      const fig = el.closest('figure[data-figure]');
      if (fig && series.includes(fig.getAttribute('data-figure')!)) continue;
      if (el.closest('.tidak-ditemukan, [data-slot="program"], [data-slot="survei"], [data-slot="kualitas"]')) continue;
      out.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    return out;
  }, SERIES);

async function expectNamed(page: Page, where: string) {
  const { chosen, all } = await periodWords(page);
  const texts = await captions(page);
  expect(texts.some((t) => t.includes(chosen)), `${where}: a heading names "${chosen}"`).toBe(true);
  // another option's words (a month or semester: bare years are too short to tell) in no heading or caption
  const others = [...new Set(all)].filter((o) => o !== chosen && /\p{L}.* \d{4}$/u.test(o) && !chosen.includes(o));
  for (const t of texts) {
    for (const o of others) expect(t, `${where}: "${t}" names ${o}, not the chosen ${chosen}`).not.toMatch(new RegExp(`(^|[^\\p{L}\\d])${o}($|[^\\p{L}\\d])`, 'u'));
  }
  return chosen;
}

const PAGES = ['/', '/dua-angka/', '/prioritas/', '/cakupan/', '/wilayah/64.08/', '/wilayah/64.08.03/'];

describe('the chosen period in words', () => {
  it.each(LANGS)('%s: the overview’s first control is its period', async (lang) => {
    const html = await (await fetch(s.site.url(lang, '/'))).text();
    const main = html.slice(html.indexOf('<main'));
    expect(main.match(/<select[^>]*data-atlas-control="([a-z]+)"/)?.[1]).toBe('period');
  });

  it.each(LANGS)('%s: every province-level period control marks the same incomplete months', async (lang) => {
    const labels = async (path: string) => {
      const html = await (await fetch(s.site.url(lang, path))).text();
      const select = /<select[^>]*data-atlas-control="period"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
      return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
    };
    const overview = await labels('/');
    expect(overview.some((l) => /\(/.test(l!)), 'the demo has an incomplete month').toBe(true);
    for (const path of ['/dua-angka/', '/prioritas/']) expect(await labels(path), path).toEqual(overview);
  });

  it.each(LANGS)('%s: headings and captions name the chosen period, as built, after a change and from a shared link', async (lang) => {
    for (const path of PAGES) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
        await expectNamed(page, `${path} as built`);
        const select = page.locator('select[data-atlas-control="period"]');
        const options = await select.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
        // an incomplete month when there is one (its option carries a note in brackets), else the second
        const pick = (options.find(([, label], i) => i > 0 && /\(/.test(label)) ?? options[1])!;
        const updated = page.evaluate(() => new Promise((r) => document.addEventListener('atlas:updated', r, { once: true })));
        await select.selectOption(pick[0]);
        await updated;
        const chosen = await expectNamed(page, `${path} after choosing ${pick[1]}`);
        expect(pick[1].startsWith(chosen)).toBe(true);
        // a shared link to that state names it too
        await page.goto(page.url());
        await page.waitForFunction((v) => (document.querySelector('select[data-atlas-control="period"]') as HTMLSelectElement).value === v, pick[0]);
        await page.waitForFunction(() => !document.querySelector('[data-page][aria-busy="true"]'));
        await expectNamed(page, `${path} shared ${pick[0]}`);
      });
    }
  });
});
