/**
 * The rakor deck on the built site: slides as the WAI-ARIA pattern names them, keyboard
 * navigation with the slide number in the URL, the slide choice in the URL, type sizes at
 * 1280×720, the synthetic mark and a source on every slide, a regency's deck, and print: exactly
 * one 16:9 page per shown slide.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, withPage } from './harness.ts';

const s = useSite();

const SLIDE = 'section.slide[aria-roledescription]';
const VIEW = { viewport: { width: 1280, height: 720 } };

/** The shown slide's title and the URL's hash. */
async function current(page: Page) {
  const title = await page.locator(`${SLIDE}.is-current .slide-title`).textContent();
  return { title: title?.trim(), hash: new URL(page.url()).hash };
}

/** PDF pages: count "/Type /Page" objects (not /Pages) and read the first MediaBox. */
function pdfPages(pdf: Buffer): { pages: number; box: number[] } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(text)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { pages, box };
}

describe('rakor deck', () => {
  it('has ten labelled slides with a source, the synthetic mark and nothing under 24 px at 1280×720', async () => {
    await withPage(s.browser, s.site.url('id', '/presentasi/'), async ({ page, errors }) => {
      const slides = page.locator(SLIDE);
      await expect(slides.count()).resolves.toBe(10);
      const info = await page.evaluate((sel) => {
        // measure every slide as it is shown
        const out: { label: string; source: string; mark: string; min: number }[] = [];
        for (const s of document.querySelectorAll<HTMLElement>(sel)) {
          const label = document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
          s.hidden = false;
          s.classList.add('is-current');
          let min = Infinity;
          const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            if (!el || !walker.currentNode.textContent?.trim() || el.closest('svg')) continue;
            min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
          }
          out.push({ label, source: s.querySelector('.slide-source')?.textContent ?? '', mark: s.querySelector('.slide-mark')?.textContent ?? '', min });
          s.classList.remove('is-current');
        }
        return out;
      }, SLIDE);
      for (const s of info) {
        expect(s.label.length, 'labelled by its title').toBeGreaterThan(3);
        expect(s.source).toMatch(/Kalimantan Timur · .*(Sumber|sumber)/);
        expect(s.source).toMatch(/20\d\d/);
        expect(s.mark).toMatch(/SINTETIS/);
        expect(s.min, `smallest text on "${s.label}"`).toBeGreaterThanOrEqual(24);
      }
      expect(errors).toEqual([]);
    }, VIEW);
  });

  it('speaks one language: the Indonesian deck says "salindia", never "slide"; no source line uses build jargon', async () => {
    for (const lang of ['id', 'en'] as const) {
      await withPage(s.browser, s.site.url(lang, lang === 'id' ? '/presentasi/' : '/presentation/'), async ({ page }) => {
        const words = await page.evaluate(() => {
          const body = document.body.cloneNode(true) as HTMLElement;
          for (const el of body.querySelectorAll('script, style')) el.remove();
          const parts = [body.textContent ?? ''];
          for (const el of document.querySelectorAll('[aria-roledescription], [aria-label], [data-unknown], [data-unknown-deck], [data-slide-word]')) {
            for (const a of ['aria-roledescription', 'aria-label', 'data-unknown', 'data-unknown-deck', 'data-slide-word']) parts.push(el.getAttribute(a) ?? '');
          }
          return { all: parts.join(' '), role: document.querySelector('section.slide')?.getAttribute('aria-roledescription'), no: document.querySelector('[data-slide-no]')?.textContent, sources: [...document.querySelectorAll('.slide-source')].map((e) => e.textContent ?? '') };
        });
        if (lang === 'id') {
          expect(words.all).not.toMatch(/\bslides?\b/i);
          expect(words.role).toBe('salindia');
          expect(words.no).toBe('Salindia 1 dari 10');
        } else {
          expect(words.all).not.toMatch(/salindia/i);
          expect(words.role).toBe('slide');
          expect(words.no).toBe('Slide 1 of 10');
        }
        for (const src of words.sources) expect(src).not.toMatch(/kualitas_data|build|langkah/);
      }, VIEW);
    }
  });

  it('moves with the keyboard, keeps the slide number in the URL and reopens there', async () => {
    await withPage(s.browser, s.site.url('id', '/presentasi/'), async ({ page }) => {
      const first = await current(page);
      expect(first.hash).toBe('#1');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press(' ');
      const third = await current(page);
      expect(third.hash).toBe('#3');
      expect(third.title).not.toBe(first.title);
      await page.keyboard.press('End');
      expect((await current(page)).hash).toBe('#10');
      await page.keyboard.press('ArrowLeft');
      expect((await current(page)).hash).toBe('#9');
      await page.keyboard.press('Home');
      expect((await current(page)).hash).toBe('#1');
      // only one slide is visible at a time
      await expect(page.locator(`${SLIDE}:visible`).count()).resolves.toBe(1);
    }, VIEW);
    await withPage(s.browser, s.site.url('id', '/presentasi/', '') + '#4', async ({ page }) => {
      expect((await current(page)).title).toMatch(/Mana yang lebih dulu/);
    }, VIEW);
  });

  it('shows only the slides chosen in the URL, and the chooser writes the choice back', async () => {
    await withPage(s.browser, s.site.url('en', '/presentation/', '?slides=peta,desa,nope'), async ({ page }) => {
      expect((await current(page)).title).toBe('Prevalence map');
      await page.keyboard.press('ArrowRight');
      expect((await current(page)).title).toBe('Villages with the most stunted children');
      await page.keyboard.press('ArrowRight');
      expect((await current(page)).hash).toBe('#2');
      await expect(page.locator('[data-deck-notice]').textContent()).resolves.toMatch(/nope/);
      await expect(page.locator(`${SLIDE} [data-slide-no]`).nth(7).textContent()).resolves.toBe('Slide 2 of 2');
      await page.locator('[data-deck-choose] summary').click();
      await page.locator('[data-deck-choose] input[value="angka"]').check();
      expect(new URL(page.url()).searchParams.get('slides')).toBe('angka,peta,desa');
    }, VIEW);
  });

  it('reads on a 390 px phone: no sideways scroll, no text under 16 px, nothing cut off; both languages', async () => {
    for (const [lang, path] of [['id', '/presentasi/64.08/2025-02/'], ['en', '/presentation/64.08/2025-02/']] as const) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page, errors }) => {
        const n = await page.locator(SLIDE).count();
        for (let i = 0; i < n; i++) {
          const look = await page.evaluate(() => {
            const slide = document.querySelector<HTMLElement>('section.slide.is-current')!;
            let min = Infinity;
            const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const el = walker.currentNode.parentElement;
              if (!el || !walker.currentNode.textContent?.trim() || el.closest('svg')) continue;
              min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
            }
            const r = slide.getBoundingClientRect();
            return { key: slide.dataset.slide, min, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, right: r.right, cut: slide.scrollHeight - slide.clientHeight };
          });
          expect(look.min, `${lang} ${look.key}: smallest text`).toBeGreaterThanOrEqual(16);
          expect(look.sideways, `${lang} ${look.key}: sideways scroll`).toBeLessThanOrEqual(0);
          expect(look.right, `${lang} ${look.key}`).toBeLessThanOrEqual(390);
          expect(look.cut, `${lang} ${look.key}: content cut off`).toBeLessThanOrEqual(1);
          await page.keyboard.press('ArrowRight');
        }
        // the bar (previous/next) is on screen without hover
        await expect(page.locator('[data-deck-next]').evaluate((b) => getComputedStyle(b.closest('.deck-bar')!).opacity)).resolves.toBe('1');
        expect(errors).toEqual([]);
      }, { viewport: { width: 390, height: 844 }, touch: true });
    }
  });

  it('on a 390 px phone the bar takes two rows (it took ~250 px in seven), every choice and move still in it; the title slide says "synthetic" once', async () => {
    for (const [lang, path] of [['id', '/presentasi/64.08/2025-08/'], ['en', '/presentation/64.08/2025-08/']] as const) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
        const bar = await page.locator('.deck-bar').evaluate((b) => {
          const shown = [...b.children].filter((c) => c.getBoundingClientRect().height > 0);
          // a new row starts below everything of the row before it
          let rows = 0;
          let bottom = -Infinity;
          for (const r of shown.map((c) => c.getBoundingClientRect()).sort((x, y) => x.top - y.top)) {
            if (r.top >= bottom - 1) {
              rows++;
              bottom = r.bottom;
            } else bottom = Math.max(bottom, r.bottom);
          }
          return { height: b.getBoundingClientRect().height, rows, shown: shown.map((c) => c.getAttribute('data-deck-choose') !== null ? 'choose' : c.querySelector('select')?.getAttribute('data-deck-goto') ?? c.getAttribute('data-deck-prev') ?? c.tagName) };
        });
        expect(bar.rows, `${lang}: rows of the bar`).toBeLessThanOrEqual(2);
        expect(bar.height, `${lang}: height of the bar`).toBeLessThan(100);
        for (const control of ['[data-deck-prev]', '[data-deck-next]', 'select[data-deck-goto="wilayah"]', 'select[data-deck-goto="periode"]', '[data-deck-choose] summary', `.deck-bar a[hreflang]`]) {
          await expect(page.locator(control).isVisible(), `${lang}: ${control}`).resolves.toBe(true);
        }
        // the choices and the arrows keep their names for screen readers
        await expect(page.getByRole('combobox', { name: lang === 'id' ? 'Periode' : 'Period' }).count()).resolves.toBe(1);
        await expect(page.getByRole('button', { name: lang === 'id' ? 'Sebelumnya' : 'Previous', exact: true }).isVisible()).resolves.toBe(true);
        // the slide chooser, opened, lists its slides in readable type
        await page.locator('[data-deck-choose] summary').click();
        const sizes = await page.locator('[data-deck-choose] li label').evaluateAll((ls) => ls.map((l) => parseFloat(getComputedStyle(l).fontSize)));
        expect(sizes.length).toBeGreaterThan(5);
        for (const px of sizes) expect(px, `${lang}: slide chooser`).toBeGreaterThanOrEqual(14);
        const marks = await page.locator(`${SLIDE}[data-slide="judul"]`).evaluate((el) => (el.textContent ?? '').match(/SINTETIS|SYNTHETIC/g)?.length ?? 0);
        expect(marks, `${lang}: synthetic marks on the title slide`).toBe(1);
      }, { viewport: { width: 390, height: 844 }, touch: true });
    }
  });

  it('the English deck writes its own words in English (sources, map attribution); only quoted sources are Indonesian, marked lang="id"', async () => {
    for (const path of ['/presentation/', '/presentation/64.08/2025-08/']) {
      await withPage(s.browser, s.site.url('en', path), async ({ page }) => {
        const own = await page.evaluate(() => {
          const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
          for (const el of main.querySelectorAll('[lang="id"], script, style')) el.remove();
          return (main.textContent ?? '').replace(/\s+/g, ' ');
        });
        expect(own, path).not.toMatch(/Batas wilayah|kode Kepmendagri|pencatatan|indikator dan target|kode dan nama|url di atas|\bdata Dinkes\b/);
        // not by marking the deck's own words as Indonesian
        await expect(page.locator('ul.sources[lang="id"], .slide-attrib[lang="id"]').count(), path).resolves.toBe(0);
        // months of quoted figures in words
        const quotes = await page.locator('.quotes blockquote p').allTextContents();
        for (const q of quotes) expect(q, path).not.toMatch(/\b\d{4}-\d\d\b/);
      }, VIEW);
    }
  });

  it('names programme periods in words on the programme slide ("June 2024", not "2024-06")', async () => {
    for (const [lang, path] of [['id', '/presentasi/'], ['en', '/presentation/']] as const) {
      await withPage(s.browser, s.site.url(lang, path), async ({ page }) => {
        const names = await page.locator(`${SLIDE}[data-slide="program"] tbody tr > :first-child`).allTextContents();
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) expect(name, lang).not.toMatch(/\(\d{4}-(?:\d\d|S\d|Q\d)\)/);
        expect(names.join(' ')).toMatch(lang === 'id' ? /\((?:Juni \d{4}|Semester \d \d{4})\)/ : /\((?:June \d{4}|Semester \d \d{4})\)/);
      }, VIEW);
    }
  });

  it('prints one 1280×720 page per shown slide', async () => {
    await withPage(s.browser, s.site.url('id', '/presentasi/'), async ({ page }) => {
      const all = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(all.pages).toBe(10);
      expect(all.box.slice(2)).toEqual([960, 540]);
    }, VIEW);
    await withPage(s.browser, s.site.url('id', '/presentasi/', '?slides=judul,peta,sumber'), async ({ page }) => {
      expect(pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true })).pages).toBe(3);
    }, VIEW);
  });

  it("builds a regency's deck with its districts and villages, reachable from the area chooser", async () => {
    await withPage(s.browser, s.site.url('id', '/presentasi/'), async ({ page }) => {
      await Promise.all([page.waitForURL(/\/presentasi\/64\.08\//), page.locator('select[data-deck-goto="wilayah"]').selectOption('64.08')]);
      await expect(page.locator(`${SLIDE}[data-slide="judul"] .title-big`).textContent()).resolves.toMatch(/Kutai Timur/);
      const districts = await page.locator(`${SLIDE}[data-slide="prioritas"] tbody tr`).count();
      expect(districts).toBeGreaterThan(0);
      await expect(page.locator(`${SLIDE}[data-slide="peta"] .peta-svg path.area`).count()).resolves.toBeGreaterThan(50);
    }, VIEW);
  });
});
