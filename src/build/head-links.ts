/**
 * The head links search engines read, checked on a built site (dist/): rel="canonical" and
 * rel="alternate" hreflang. Search engines and Lighthouse ignore or reject relative ones, so the
 * rule (src/components/layout/HeadLinks.astro) is: absolute when a site URL is configured
 * (ATLAS_SITE), left out when not. Used by the browser tests (test/e2e) and reported by `npm run bench:site --
 * --lighthouse`.
 *
 * With a site URL, every page of the site (a page whose <html> carries data-release or
 * data-latest: the pages of the site's layout and the rakor decks, not the embed pages or the 404
 * pages) has:
 *   - one canonical: its own address under the site URL;
 *   - one alternate per language (hreflang id and en), absolute under the site URL, pointing at
 *     a page that exists in the build and whose own alternates point back (same pair);
 *   - og:url equal to the canonical.
 * Without one, no page has a canonical, an alternate with hreflang or og:url.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LANGS, normalizeBase } from '../lib/i18n.ts';

export interface HeadLinks {
  /** Route of the page under the base, e.g. "en/wilayah/64.08/" ("" for the home page). */
  route: string;
  /** A page of the site (Base.astro's layout or a rakor deck): one that needs these links. */
  layout: boolean;
  canonical: string[];
  /** hreflang -> hrefs */
  alternates: Record<string, string[]>;
  ogUrl: string[];
  /** <meta name="robots" content="noindex"> (demo, internal, 404). */
  noindex: boolean;
}

/** Attributes of one start tag (as Astro writes them: name="value", values HTML-escaped). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] = (m[2] ?? '').replace(/&amp;/g, '&');
  return out;
}

/** The canonical, hreflang alternates and og:url in an HTML page's <head>. */
export function readHeadLinks(html: string, route: string): HeadLinks {
  const end = html.indexOf('</head>');
  const head = end < 0 ? html : html.slice(0, end);
  const htmlTag = attributes(/<html\b[^>]*>/i.exec(head)?.[0] ?? '');
  const links: HeadLinks = { route, layout: 'data-release' in htmlTag || 'data-latest' in htmlTag, canonical: [], alternates: {}, ogUrl: [], noindex: false };
  for (const m of head.matchAll(/<(link|meta)\b[^>]*>/gi)) {
    const a = attributes(m[0].slice(m[1]!.length + 1));
    if (m[1]!.toLowerCase() === 'link') {
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical')) links.canonical.push(a.href ?? '');
      if (rel.includes('alternate') && a.hreflang !== undefined) (links.alternates[a.hreflang] ??= []).push(a.href ?? '');
    } else if (a.property === 'og:url') links.ogUrl.push(a.content ?? '');
    else if (a.name === 'robots' && /\bnoindex\b/i.test(a.content ?? '')) links.noindex = true;
  }
  return links;
}

/** Every index.html of a built site with its head links. */
export function siteHeadLinks(dist: string): HeadLinks[] {
  const out: HeadLinks[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') {
        const route = relative(dist, dir).split(sep).join('/');
        out.push(readHeadLinks(readFileSync(p, 'utf8'), route ? `${route}/` : ''));
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * Problems with the head links of a built site, one line each ([] when it follows the rule).
 * `site`: the configured site URL (ATLAS_SITE) or undefined; `base`: ATLAS_BASE.
 */
export function checkHeadLinks(dist: string, site: string | undefined, base?: string, pages = siteHeadLinks(dist)): string[] {
  const problems: string[] = [];
  const b = normalizeBase(base);
  const say = (p: HeadLinks, what: string) => problems.push(`/${p.route}: ${what}`);
  if (!site) {
    for (const p of pages) {
      if (p.canonical.length) say(p, `canonical ${p.canonical.join(', ')} without a configured site URL: leave it out`);
      for (const [l, hrefs] of Object.entries(p.alternates)) say(p, `hreflang ${l} ${hrefs.join(', ')} without a configured site URL: leave it out`);
      if (p.ogUrl.length) say(p, `og:url ${p.ogUrl.join(', ')} without a configured site URL: leave it out`);
    }
    return problems;
  }
  const root = new URL(b, site).href;
  const byRoute = new Map(pages.map((p) => [p.route, p]));
  /** The built page an absolute address under the site names, or a reason it names none. */
  const target = (href: string): HeadLinks | string => {
    if (!/^https?:\/\//.test(href)) return `not absolute`;
    if (!href.startsWith(root)) return `not under ${root}`;
    const route = href.slice(root.length).split(/[?#]/)[0]!;
    const page = byRoute.get(route);
    if (!page || !existsSync(join(dist, route, 'index.html'))) return `no page /${route} in the build`;
    return page;
  };
  const own = (p: HeadLinks) => `${root}${p.route}`;
  const pair = (p: HeadLinks) => Object.entries(p.alternates).map(([l, hrefs]) => `${l} ${hrefs.join(' ')}`).sort().join(', ');
  for (const p of pages) {
    if (!p.layout) continue;
    if (p.canonical.length !== 1 || p.canonical[0] !== own(p)) say(p, `canonical ${p.canonical.join(', ') || 'missing'}, expected ${own(p)}`);
    if (p.ogUrl.length !== 1 || p.ogUrl[0] !== own(p)) say(p, `og:url ${p.ogUrl.join(', ') || 'missing'}, expected ${own(p)}`);
    const langs = Object.keys(p.alternates).sort();
    if (langs.join() !== [...LANGS].sort().join()) say(p, `hreflang ${langs.join(', ') || 'missing'}, expected ${LANGS.join(', ')}`);
    if (!Object.values(p.alternates).some((hrefs) => hrefs.includes(own(p)))) say(p, `no hreflang alternate names the page itself (${own(p)})`);
    for (const [l, hrefs] of Object.entries(p.alternates)) {
      if (hrefs.length !== 1) say(p, `hreflang ${l} given ${hrefs.length} times`);
      for (const href of hrefs) {
        const t = target(href);
        if (typeof t === 'string') {
          say(p, `hreflang ${l} ${href}: ${t}`);
          continue;
        }
        if (pair(t) !== pair(p)) say(p, `hreflang ${l} ${href} does not name the same pages back (it names ${pair(t) || 'none'})`);
      }
    }
  }
  return problems;
}
