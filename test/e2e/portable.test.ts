/**
 * The portable edition from the built site (the same code as `npm run portable`, without a second
 * site build): unzipped into a folder and opened as file:// with every network request blocked.
 * The overview, a profile, a map and the deck work; no request leaves the folder; nothing logs an
 * error; pages say plainly that the interactive tools need the online site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness.ts';
import { portableFiles, portableZip } from '../../src/portable/portable.ts';

let browser: Browser;
let dir: string;
let zipBytes = 0;
let files: ReturnType<typeof portableFiles> = [];
const TOP = 'atlas-stunting-test';

beforeAll(async () => {
  files = portableFiles(process.env.ATLAS_DIST ?? 'dist', '/');
  const zip = portableZip(files, TOP);
  zipBytes = zip.byteLength;
  mkdirSync('tmp', { recursive: true });
  dir = mkdtempSync(resolve('tmp', 'portable-'));
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface FileProbe {
  context: BrowserContext;
  blocked: string[];
  errors: string[];
}

/** A context where only file:// loads; every other request is blocked and recorded. */
async function fileContext(): Promise<FileProbe> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  context.on('weberror', (e) => errors.push(String(e.error())));
  return { context, blocked, errors };
}

const url = (path: string) => pathToFileURL(join(dir, TOP, path)).href;

describe('portable edition (file://, network blocked)', () => {
  it('is a zip with index.html and presentasi/index.html in one top folder, well under 100 MB, without the engine', () => {
    const names = Object.keys(unzipSync(portableZip(files.filter((f) => /^(index|presentasi\/index)\.html$/.test(f.path)), TOP)));
    expect(names).toEqual(expect.arrayContaining([`${TOP}/index.html`, `${TOP}/presentasi/index.html`]));
    expect(zipBytes).toBeLessThan(100e6);
    const all = files.map((f) => f.path);
    expect(all.some((p) => p.startsWith('_duckdb/'))).toBe(false);
    expect(all.some((p) => /^data\/.*\.parquet$/.test(p)), 'data files inside').toBe(true);
  });

  it('opens the overview, follows links to a profile and a map, and clicks through the deck', async () => {
    const probe = await fileContext();
    const page = await probe.context.newPage();
    await page.goto(url('index.html'));
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/Kalimantan Timur/);
    await expect(page.locator('[data-banner="portable"]').textContent()).resolves.toMatch(/Edisi portabel/);
    // every local link is relative and names a file
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('/'))).toEqual([]);
    // a regency profile with its village map, drawn at build time
    await page.goto(url('wilayah/64.74/index.html'));
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/Bontang/);
    await expect(page.locator('.peta-svg path.area').count()).resolves.toBeGreaterThan(10);
    // back to the overview through the page's own link
    await page.locator('a.brand').click();
    expect(page.url()).toBe(url('index.html'));
    // the deck: keyboard and the slide number in the URL
    await page.goto(url('presentasi/index.html'));
    await expect(page.locator('section.slide[aria-roledescription]').count()).resolves.toBe(10);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('section.is-current').getAttribute('data-slide')).resolves.toBe('angka');
    await page.keyboard.press('End');
    await expect(page.locator('section.is-current').getAttribute('data-slide')).resolves.toBe('sumber');
    // another regency's deck from the chooser
    await Promise.all([page.waitForURL(/presentasi\/64\.74\/.*index\.html/), page.locator('select[data-deck-goto="wilayah"]').selectOption('64.74')]);
    await expect(page.locator('.title-big').textContent()).resolves.toMatch(/Bontang/);
    await page.goto(url('en/presentation/index.html'));
    await expect(page.locator('.title-big').textContent()).resolves.toMatch(/East Kalimantan/);
    await probe.context.close();
    expect(probe.blocked, 'requests that left the folder').toEqual([]);
    expect(probe.errors, 'console errors').toEqual([]);
  });
});
