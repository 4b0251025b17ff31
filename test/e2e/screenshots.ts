/**
 * Screenshots of the built site for looking at, not for asserting: desktop and mobile PNGs of
 * each page in both languages, and the print version (PDF, plus PNGs of its pages when pdftoppm
 * from poppler-utils is installed).
 *
 *   node test/e2e/screenshots.ts [--dist dist] [--out tmp/screens] [/ /wilayah/64.08/ ...]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, NAV_PATHS, launchBrowser, openPage, serveSite } from './harness.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'tmp/screens' }, 'no-print': { type: 'boolean', default: false } },
});
const paths = positionals.length ? positionals : [...NAV_PATHS];
mkdirSync(values.out!, { recursive: true });

const site = await serveSite(values.dist);
const browser = await launchBrowser();
const problems: string[] = [];
try {
  for (const lang of LANGS) {
    for (const path of paths) {
      const slug = `${lang}${path.replace(/\/+$/, '').replace(/[^a-z0-9.]+/gi, '_') || '_home'}`;
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 390, height: 844 }]] as const) {
        const probe = await openPage(browser, site.url(lang, path), { viewport, waitUntil: 'networkidle' });
        // The whole page in the viewport, as DevTools' full-size capture does: what follows a page's
        // first figure is rendered only near the viewport (content-visibility), so a fullPage
        // capture beyond it would show it blank.
        const height = await probe.page.evaluate(() => document.documentElement.scrollHeight);
        await probe.page.setViewportSize({ width: viewport.width, height });
        await probe.page.waitForTimeout(200);
        await probe.page.screenshot({ path: join(values.out!, `${slug}.${name}.png`) });
        await probe.page.setViewportSize(viewport);
        if (name === 'desktop' && !values['no-print']) {
          const pdf = join(values.out!, `${slug}.print.pdf`);
          await probe.page.pdf({ path: pdf, format: 'A4', printBackground: true });
          try {
            execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(values.out!, `${slug}.print`)]);
          } catch {
            /* pdftoppm not installed: the PDF is still there */
          }
        }
        problems.push(...probe.outside.map((u) => `${lang} ${path}: outside request ${u}`), ...probe.errors.map((e) => `${lang} ${path}: ${e}`));
        await probe.close();
      }
      console.log(`${lang} ${path} -> ${slug}.*.png`);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
for (const p of problems) console.warn(p);
