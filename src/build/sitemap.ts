/**
 * sitemap.xml and robots.txt for search engines, written after the build (astro.config.mjs) from
 * the pages' own head links (src/build/head-links.ts): every page with an absolute canonical and
 * no noindex, both languages. Only a site that may be indexed gets them: a site URL configured
 * (ATLAS_SITE; a sitemap needs absolute addresses) and pages without noindex (the demo's and an
 * internal build's all have it). robots.txt is read only at the host's root, so it is
 * written only when the site is not under a sub-path (ATLAS_BASE); under one, submit the sitemap
 * to the search engine instead. A robots.txt or sitemap.xml the site already has (public/) is
 * left as it is.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeBase } from '../lib/i18n.ts';
import { siteHeadLinks } from './head-links.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes sitemap.xml (and robots.txt at the root) into `dist` when it may be indexed; log lines. */
export function writeSitemap(dist: string, site: string | undefined, base?: string): string[] {
  if (!site) return ['sitemap.xml, robots.txt: none (no site URL: set ATLAS_SITE to get them)'];
  const urls = siteHeadLinks(dist).filter((p) => p.layout && !p.noindex && p.canonical.length === 1).map((p) => p.canonical[0]!);
  if (!urls.length) return ['sitemap.xml, robots.txt: none (every page is noindex: demo or internal data)'];
  const b = normalizeBase(base);
  const lines: string[] = [];
  const sitemap = join(dist, 'sitemap.xml');
  const address = new URL(`${b}sitemap.xml`, site).href;
  if (existsSync(sitemap)) lines.push('sitemap.xml: the site has its own, left as it is');
  else {
    writeFileSync(sitemap, `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${escapeXml(u)}</loc></url>`).join('\n')}\n</urlset>\n`);
    lines.push(`sitemap.xml: ${urls.length} pages (${address})`);
  }
  const robots = join(dist, 'robots.txt');
  if (b !== '/') lines.push(`robots.txt: none (under ${b}, not the host's root): submit ${address} to search engines`);
  else if (existsSync(robots)) lines.push('robots.txt: the site has its own, left as it is');
  else {
    writeFileSync(robots, `User-agent: *\nAllow: /\n\nSitemap: ${address}\n`);
    lines.push('robots.txt: allows all, names the sitemap');
  }
  return lines;
}
