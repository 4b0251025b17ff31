/**
 * A second province, end to end: the demo of Kalimantan Utara (65) -> its data -> the whole site
 * (province read from the manifest), built into a folder of its own. Every page and every file of
 * that site names Kalimantan Utara and none mentions Kalimantan Timur; figures published only for
 * Kaltim (survey rows, a provincial target, routine figures quoted in the press) are said to be
 * missing; the browser upgrade queries the province it was built for.
 *
 * This build is also the suite's one with a configured site URL (ATLAS_SITE, as a deployment
 * sets it): canonical, hreflang and og:url are absolute there (the suite's main build, without
 * one, has none: test/e2e/bagikan.test.ts).
 *
 * The full site build takes a minute or two on two cores (about 560 pages at this scale): it runs
 * once in beforeAll. Its output stays in tmp/e2e-province/ for inspection.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate.ts';
import { checkHeadLinks, readHeadLinks, siteHeadLinks } from '../../src/build/head-links.ts';
import { buildData } from '../../src/pipeline/build.ts';
import { launchBrowser, serveSite, withPage, type Site } from './harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WORK = join(ROOT, 'tmp', 'e2e-province');
const DIST = join(WORK, 'dist');
const DATA = join(WORK, 'data');
const OTHER = /kalimantan timur|east kalimantan|kaltim/i;
const SITE_URL = 'https://atlas.example.org';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await generateDemo({ out: join(WORK, 'demo'), scale: 0.1, province: '65' });
  await buildData({ input: join(WORK, 'demo'), out: DATA }); // the province comes from the demo folder
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', DIST], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: DATA, ATLAS_SITE: SITE_URL },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  // The site publishes what public/ holds: here the province's data stand in for public/data.
  for (const f of readdirSync(join(DIST, 'data'))) if (f.endsWith('.parquet') || f === 'manifest.json') rmSync(join(DIST, 'data', f));
  cpSync(DATA, join(DIST, 'data'), { recursive: true });
  site = await serveSite(DIST);
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every file of the built site that holds text, relative to it. */
function textFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return textFiles(p);
    return /\.(html|csv|json|js|svg|xml|txt|webmanifest)$/.test(e.name) ? [p] : [];
  });
}
const read = (route: string) => readFileSync(join(DIST, route, 'index.html'), 'utf8');
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('the site of province 65', () => {
  it('names Kalimantan Utara on every page and Kalimantan Timur on none, in no file', () => {
    const files = textFiles();
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    // public/batas/ holds the boundaries of every province imported so far (64 today); astro copies
    // them all: another province's boundary files are published beside this site, but no page uses them
    const otherBoundaries = (rel: string) => /^batas\/(LICENSE-|)(\d{2})/.exec(rel)?.[2] !== undefined && !/^batas\/(LICENSE-|)65/.test(rel);
    const mentions = files.map((f) => relative(DIST, f)).filter((rel) => !otherBoundaries(rel) && OTHER.test(readFileSync(join(DIST, rel), 'utf8')));
    expect(mentions).toEqual([]);
    const unnamed = pages.filter((f) => !/Kalimantan Utara|North Kalimantan/.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f));
    expect(unnamed).toEqual([]);
    const placeholders = pages.filter((f) => /\{provinsi\}/.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f));
    expect(placeholders).toEqual([]);
  });

  it('titles and headings name the province in each language', () => {
    expect(titleOf(read(''))).toBe('Atlas Stunting Kalimantan Utara');
    expect(titleOf(read('en'))).toBe('Stunting Atlas of North Kalimantan');
    expect(read('')).toContain('<h1>Stunting pada balita di Kalimantan Utara</h1>');
    expect(read('en')).toContain('<h1>Stunting among under-fives in North Kalimantan</h1>');
    expect(read('')).toContain('Prevalensi stunting menurut survei: Kalimantan Utara dan Indonesia');
    expect(read('data')).toContain('Kalimantan Utara, per bulan (tabel kualitas_data)');
  });

  it('says which figures published only for some provinces are missing', () => {
    expect(read('')).toContain('Angka survei untuk Kalimantan Utara tidak ada dalam data');
    expect(read('')).toContain('target daerah Kalimantan Utara tidak ada dalam data');
    expect(read('en')).toContain('The data hold no survey figures for North Kalimantan: only Indonesia');
    expect(read('data')).toContain('Kalimantan Utara: tidak ada target daerah dalam data.');
    expect(read('dua-angka')).toContain('Belum ada angka rutin yang dipublikasikan untuk Kalimantan Utara');
    expect(read('en/dua-angka')).toContain('No routine figures for North Kalimantan have been published');
    expect(read('dua-angka')).toContain('Data ini tidak memuat angka survei kabupaten/kota Kalimantan Utara');
  });

  it('ranks the regencies of Kalimantan Utara, and its area pages are the ones built', () => {
    const prioritas = read('prioritas');
    for (const name of ['Bulungan', 'Malinau', 'Nunukan', 'Tana Tidung', 'Tarakan']) expect(prioritas).toContain(name);
    const areas = readdirSync(join(DIST, 'wilayah'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(areas.length).toBeGreaterThan(10);
    expect(areas.every((a) => a.startsWith('65'))).toBe(true);
  });

  it('the browser upgrade queries the province the page was built for', async () => {
    const manifest = site.manifest() as unknown as { periods: string[] };
    const first = manifest.periods[0];
    await withPage(browser, site.url('en', '/prioritas/', `?period=${first}`), async (probe) => {
      const { page } = probe;
      await page.waitForSelector('[data-page][data-rendered]', { timeout: 120_000 });
      const figure = await page.locator('figure[data-figure="peringkat"]').textContent();
      expect(figure).toContain('Bulungan');
      expect(figure).not.toMatch(OTHER);
      expect(probe.outside).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });
});

describe('with a configured site URL (ATLAS_SITE)', () => {
  it('each page names its absolute canonical and both languages, which name each other and exist', () => {
    const root = new URL(site.base, SITE_URL).href; // ATLAS_BASE, if the suite runs under one
    const head = (route: string) => read(route).slice(0, read(route).indexOf('</head>'));
    const kab = readdirSync(join(DIST, 'wilayah')).find((c) => /^65\.\d{2}$/.test(c))!;
    for (const [route, own] of [[`wilayah/${kab}`, `${root}wilayah/${kab}/`], [`en/wilayah/${kab}`, `${root}en/wilayah/${kab}/`]] as const) {
      const h = head(route);
      expect(h).toContain(`<link rel="canonical" href="${own}">`);
      expect(h).toContain(`<link rel="alternate" hreflang="id" href="${root}wilayah/${kab}/">`);
      expect(h).toContain(`<link rel="alternate" hreflang="en" href="${root}en/wilayah/${kab}/">`);
      expect(h).toContain(`<meta property="og:url" content="${own}">`);
      expect(h).toContain(`<meta property="og:image" content="${root}og/${route.startsWith('en/') ? 'en' : 'id'}/${kab}.png">`);
    }
    expect(head('')).toContain(`<link rel="canonical" href="${root}">`);
    expect(head('en')).toContain(`<link rel="canonical" href="${root}en/">`);
    // the rakor decks too, though their path differs by language (/presentasi/, /en/presentation/)
    for (const deck of ['', `${kab}/`]) {
      const [id, en] = [`${root}presentasi/${deck}`, `${root}en/presentation/${deck}`];
      for (const [route, own] of [[`presentasi/${deck}`, id], [`en/presentation/${deck}`, en]] as const) {
        const h = head(route);
        expect(h, route).toContain(`<link rel="canonical" href="${own}">`);
        expect(h, route).toContain(`<link rel="alternate" hreflang="id" href="${id}">`);
        expect(h, route).toContain(`<link rel="alternate" hreflang="en" href="${en}">`);
        expect(h, route).toContain(`<meta property="og:url" content="${own}">`);
        expect(h, route).toContain(`<meta property="og:image" content="${root}og/${route.startsWith('en/') ? 'en' : 'id'}/${deck ? kab : '65'}.png">`);
      }
    }
    // every page of the site's layout, both ways, to pages of this build; embed pages have none
    const pages = siteHeadLinks(DIST);
    expect(pages.filter((p) => p.layout).length).toBeGreaterThan(500);
    expect(pages.filter((p) => p.layout && /^(en\/presentation|presentasi)\//.test(p.route)).length).toBeGreaterThan(10);
    expect(checkHeadLinks(DIST, SITE_URL, site.base)).toEqual([]);
    const embeds = pages.filter((p) => /^(en\/)?embed\//.test(p.route));
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds.filter((p) => p.canonical.length || Object.keys(p.alternates).length)).toEqual([]);
    // the 404 pages are not pages to index: noindex, and no address of their own
    for (const file of ['404.html', 'en/404.html']) {
      const h = readHeadLinks(readFileSync(join(DIST, file), 'utf8'), file);
      expect([h.noindex, h.canonical, h.alternates, h.ogUrl], file).toEqual([true, [], {}, []]);
    }
  });
});
