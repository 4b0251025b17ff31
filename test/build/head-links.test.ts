/**
 * The head-link rule (src/build/head-links.ts) on small built sites: what it accepts and each
 * kind of mistake it names. The real builds are checked in test/e2e (bagikan: without a site
 * URL; province: with ATLAS_SITE).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHeadLinks, readHeadLinks } from '../../src/build/head-links.ts';

let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SITE = 'https://atlas.example.org';

/** A page of the site's layout at `route` with the given head. */
function page(route: string, head: string, layout = true) {
  mkdirSync(join(dir, route), { recursive: true });
  writeFileSync(join(dir, route, 'index.html'), `<!doctype html><html lang="id"${layout ? ' data-latest="2025-08"' : ''}><head><meta charset="utf-8">${head}</head><body><a rel="canonical" href="/nope/">x</a></body></html>`);
}

/** The head Base.astro writes for a route under a site root ('' when none). */
function head(route: string, root: string, base = '/') {
  if (!root) return '<meta property="og:title" content="x">';
  const neutral = route.replace(/^en\//, '');
  const abs = (r: string) => `${root}${base}${r}`;
  return `<link rel="canonical" href="${abs(route)}"><link rel="alternate" hreflang="id" href="${abs(neutral)}"><link rel="alternate" hreflang="en" href="${abs(`en/${neutral}`)}"><meta property="og:url" content="${abs(route)}">`;
}

function site(root: string, base = '/') {
  dir = mkdtempSync(join(tmpdir(), 'atlas-head-'));
  for (const r of ['', 'en/', 'wilayah/64.08/', 'en/wilayah/64.08/']) page(r, head(r, root, base));
  page('embed/wilayah/64.08/tren/', '<meta name="robots" content="noindex">', false);
}

describe('head links of a built site', () => {
  it('reads canonical, hreflang alternates and og:url from the head only', () => {
    const h = readHeadLinks(`<html data-release="r"><head>${head('en/wilayah/64.08/', SITE)}</head><body><link rel="canonical" href="/x/"></body></html>`, 'en/wilayah/64.08/');
    expect(h).toEqual({
      route: 'en/wilayah/64.08/',
      layout: true,
      canonical: [`${SITE}/en/wilayah/64.08/`],
      alternates: { id: [`${SITE}/wilayah/64.08/`], en: [`${SITE}/en/wilayah/64.08/`] },
      ogUrl: [`${SITE}/en/wilayah/64.08/`],
      noindex: false,
    });
    expect(readHeadLinks('<html><head><meta name="robots" content="noindex"></head>', 'x/').noindex).toBe(true);
  });

  it('accepts absolute links with a site URL (also under a base) and none without; embed pages need none', () => {
    site(SITE);
    expect(checkHeadLinks(dir, SITE)).toEqual([]);
    rmSync(dir, { recursive: true });
    site(SITE, '/atlas/');
    expect(checkHeadLinks(dir, SITE, '/atlas/')).toEqual([]);
    rmSync(dir, { recursive: true });
    site('');
    expect(checkHeadLinks(dir, undefined)).toEqual([]);
  });

  it('a rakor deck is a page of the site: its own canonical, and both languages\' decks although their paths differ', () => {
    site(SITE);
    const deck = (route: string) => {
      const abs = (r: string) => `${SITE}/${r}`;
      const [id, en] = ['presentasi/64.08/', 'en/presentation/64.08/'];
      return `<link rel="canonical" href="${abs(route)}"><link rel="alternate" hreflang="id" href="${abs(id)}"><link rel="alternate" hreflang="en" href="${abs(en)}"><meta property="og:url" content="${abs(route)}">`;
    };
    page('presentasi/64.08/', deck('presentasi/64.08/'));
    page('en/presentation/64.08/', deck('en/presentation/64.08/'));
    expect(checkHeadLinks(dir, SITE)).toEqual([]);
    // a deck without them (as the decks were built before) is named
    page('presentasi/64.08/', '<title>x</title>');
    expect(checkHeadLinks(dir, SITE)).toEqual([
      `/en/presentation/64.08/: hreflang id ${SITE}/presentasi/64.08/ does not name the same pages back (it names none)`,
      `/presentasi/64.08/: canonical missing, expected ${SITE}/presentasi/64.08/`,
      `/presentasi/64.08/: og:url missing, expected ${SITE}/presentasi/64.08/`,
      '/presentasi/64.08/: hreflang missing, expected id, en',
      `/presentasi/64.08/: no hreflang alternate names the page itself (${SITE}/presentasi/64.08/)`,
    ]);
  });

  it('names links left in without a site URL, relative ones included', () => {
    site('');
    page('wilayah/64.08/', '<link rel="canonical" href="/wilayah/64.08/"><link rel="alternate" hreflang="en" href="/en/wilayah/64.08/"><meta property="og:url" content="/wilayah/64.08/">');
    expect(checkHeadLinks(dir, undefined)).toEqual([
      '/wilayah/64.08/: canonical /wilayah/64.08/ without a configured site URL: leave it out',
      '/wilayah/64.08/: hreflang en /en/wilayah/64.08/ without a configured site URL: leave it out',
      '/wilayah/64.08/: og:url /wilayah/64.08/ without a configured site URL: leave it out',
    ]);
  });

  it('names missing, relative, foreign, dangling and one-way links with a site URL', () => {
    site(SITE);
    page('', ''); // home without any
    page('wilayah/64.08/', `<link rel="canonical" href="/wilayah/64.08/"><link rel="alternate" hreflang="id" href="${SITE}/wilayah/64.08/"><link rel="alternate" hreflang="en" href="https://elsewhere.example/en/wilayah/64.08/"><meta property="og:url" content="${SITE}/wilayah/64.08/">`);
    page('en/wilayah/64.08/', `<link rel="canonical" href="${SITE}/en/wilayah/64.08/"><link rel="alternate" hreflang="id" href="${SITE}/wilayah/64.09/"><link rel="alternate" hreflang="en" href="${SITE}/en/wilayah/64.08/"><meta property="og:url" content="${SITE}/en/wilayah/64.08/">`);
    expect(checkHeadLinks(dir, SITE)).toEqual([
      `/: canonical missing, expected ${SITE}/`,
      `/: og:url missing, expected ${SITE}/`,
      '/: hreflang missing, expected id, en',
      `/: no hreflang alternate names the page itself (${SITE}/)`,
      `/en/: hreflang id ${SITE}/ does not name the same pages back (it names none)`,
      `/en/wilayah/64.08/: hreflang id ${SITE}/wilayah/64.09/: no page /wilayah/64.09/ in the build`,
      `/wilayah/64.08/: canonical /wilayah/64.08/, expected ${SITE}/wilayah/64.08/`,
      `/wilayah/64.08/: hreflang en https://elsewhere.example/en/wilayah/64.08/: not under ${SITE}/`,
    ]);
  });
});
