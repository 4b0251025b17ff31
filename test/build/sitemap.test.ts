/**
 * sitemap.xml and robots.txt after the build (src/build/sitemap.ts): only for a site URL and
 * pages that may be indexed; robots.txt only at the host's root; a site's own files are kept.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSitemap } from '../../src/build/sitemap.ts';

const SITE = 'https://atlas.example.org';
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A built site of three pages of the layout (as Base.astro writes them), a deck and an embed page. */
function site(opts: { root?: string; noindex?: boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'atlas-sitemap-'));
  for (const route of ['', 'en/', 'presentasi/', 'wilayah/64.08/', 'embed/wilayah/64.08/tren/']) {
    const layout = !route.startsWith('embed/');
    const head = [opts.noindex || !layout ? '<meta name="robots" content="noindex">' : '', opts.root && layout ? `<link rel="canonical" href="${opts.root}${route}">` : ''].join('');
    mkdirSync(join(dir, route), { recursive: true });
    writeFileSync(join(dir, route, 'index.html'), `<!doctype html><html lang="id"${layout ? ' data-latest="2025-08"' : ''}><head>${head}</head><body></body></html>`);
  }
}
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('sitemap and robots.txt', () => {
  it('with a site URL: every indexable page of the site (decks too), by its canonical; robots.txt names the sitemap', () => {
    site({ root: `${SITE}/` });
    expect(writeSitemap(dir, SITE)).toEqual([`sitemap.xml: 4 pages (${SITE}/sitemap.xml)`, 'robots.txt: allows all, names the sitemap']);
    expect(read('sitemap.xml')).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>${SITE}/</loc></url>\n<url><loc>${SITE}/en/</loc></url>\n<url><loc>${SITE}/presentasi/</loc></url>\n<url><loc>${SITE}/wilayah/64.08/</loc></url>\n</urlset>\n`,
    );
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('none without a site URL or when every page is noindex (demo, internal)', () => {
    site();
    expect(writeSitemap(dir, undefined)[0]).toMatch(/^sitemap.xml, robots.txt: none \(no site URL/);
    rmSync(dir, { recursive: true });
    site({ root: `${SITE}/`, noindex: true });
    expect(writeSitemap(dir, SITE)[0]).toMatch(/none \(every page is noindex/);
    expect(existsSync(join(dir, 'sitemap.xml')) || existsSync(join(dir, 'robots.txt'))).toBe(false);
  });

  it('under a sub-path: the sitemap there, no robots.txt; a robots.txt of the site is kept', () => {
    site({ root: `${SITE}/atlas/` });
    expect(writeSitemap(dir, SITE, '/atlas/')).toEqual([`sitemap.xml: 4 pages (${SITE}/atlas/sitemap.xml)`, `robots.txt: none (under /atlas/, not the host's root): submit ${SITE}/atlas/sitemap.xml to search engines`]);
    expect(existsSync(join(dir, 'robots.txt'))).toBe(false);
    rmSync(dir, { recursive: true });
    site({ root: `${SITE}/` });
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /data/\n');
    expect(writeSitemap(dir, SITE)[1]).toBe('robots.txt: the site has its own, left as it is');
    expect(read('robots.txt')).toBe('User-agent: *\nDisallow: /data/\n');
  });
});
