/**
 * Browser-test harness: serves the built site (dist/) with src/server/static-server.ts on a free port, drives
 * the system Chromium with playwright-core, and keeps every test honest about the network:
 *   - every request to a host other than the local server is aborted and recorded (`outside`),
 *     and DNS for any other host fails anyway (--host-resolver-rules), so nothing can leak;
 *   - every page session asserts it: closing a probe (withPage does it) throws when any request
 *     left localhost, and closing the browser closes, and so checks, every probe left open;
 *   - console errors, uncaught exceptions and failed local requests are collected;
 *   - axe-core runs in the page and returns serious/critical violations.
 *
 *   const site = await serveSite();                  // dist/, base from ATLAS_BASE
 *   const browser = await launchBrowser();
 *   const probe = await openPage(browser, site.url('en', '/cakupan/'));
 *   expect(probe.outside).toEqual([]); expect(probe.errors).toEqual([]);
 */
import axe from 'axe-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Lang } from '../../src/lib/i18n.ts';
import { launchChromium, serveSite, type Site } from '../../src/testing/browser.ts';

export { CHROMIUM, CHROMIUM_ARGS, serveSite, type Site } from '../../src/testing/browser.ts';

/** The built site and a browser shared by the tests of one file. */
export interface SiteSession {
  readonly site: Site;
  readonly browser: Browser;
}

/**
 * Serves the built site (or `dist`) and starts Chromium before the file's tests, and closes both
 * after them: `const { site, browser } = ...` would read them too early, so use `s.site`, `s.browser`.
 */
export function useSite(dist?: string): SiteSession {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test or hook, not at module load`);
    return value;
  };
  return {
    get site() { return ready(site, 'the site'); },
    get browser() { return ready(browser, 'the browser'); },
  };
}

/** Probes not closed yet, per browser: closing the browser closes (and checks) them. */
const openProbes = new WeakMap<Browser, Set<Probe>>();

/** Starts the system Chromium. Its close() first closes every probe still open, which throws if one saw an outside request. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const probes = new Set<Probe>();
  openProbes.set(browser, probes);
  const closeBrowser = browser.close.bind(browser);
  browser.close = async (options) => {
    const failures: string[] = [];
    for (const probe of [...probes]) await probe.close().catch((e: Error) => failures.push(e.message));
    await closeBrowser(options);
    if (failures.length) throw new Error(`a page left open until the browser closed:\n${failures.join('\n')}`);
  };
  return browser;
}

export interface Probe {
  page: Page;
  context: BrowserContext;
  /** Requests to any other origin than the local server (aborted). close() throws unless it is empty. */
  outside: string[];
  /** Console errors (page and workers), uncaught exceptions, failed or 4xx/5xx local requests. */
  errors: string[];
  /** Every URL requested from the local server, in order. */
  requests: string[];
  /** Closes the page; throws when a request left localhost during the session (unless allowOutside). */
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost';
};

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Wait until ('load' default; 'networkidle' for pages that fetch after load). */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
  /** A phone: touch screen, no hover (CSS (hover: none), (pointer: coarse)). */
  touch?: boolean;
  /** Emulated media, e.g. print for screenshots of the print stylesheet. */
  media?: 'screen' | 'print';
  /** Only for the test of the guard itself: outside requests are still blocked and recorded, but close() does not throw. */
  allowOutside?: boolean;
}

/** Opens a page in a fresh context with the network guard and error collection in place. */
export async function openPage(browser: Browser, url: string | undefined, options: OpenOptions = {}): Promise<Probe> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, serviceWorkers: 'block', ...(options.touch ? { hasTouch: true, isMobile: true } : {}) });
  const outside: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isLocal(u)) return route.continue();
    if (!outside.includes(u)) outside.push(u);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    const u = req.url();
    if (!isLocal(u)) {
      if (!outside.includes(u)) outside.push(u);
    } else if (!u.startsWith('data:') && !u.startsWith('blob:')) requests.push(u);
  });
  context.on('requestfailed', (req) => {
    // A fetch still in flight when the page navigates away (view file, fragment prefetch) is aborted by the browser: not a failure.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && /\/views\/|\/frag\//.test(req.url())) return;
    if (isLocal(req.url()) && !req.url().startsWith('blob:')) errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400 && isLocal(res.url())) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  if (options.media) await page.emulateMedia({ media: options.media });
  const probes = openProbes.get(browser);
  let closed: Promise<void> | undefined;
  const probe: Probe = {
    page,
    context,
    outside,
    errors,
    requests,
    close: () => (closed ??= (async () => {
      probes?.delete(probe);
      await context.close();
      if (outside.length && !options.allowOutside) {
        throw new Error(`${outside.length} request(s) left localhost during the session on ${url ?? 'a blank page'}: ${outside.join(', ')}`);
      }
    })()),
  };
  probes?.add(probe);
  if (url) await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  return probe;
}

/** Opens a guarded page, runs `fn` with it, and always closes it (which fails on any outside request). */
export async function withPage<T>(browser: Browser, url: string | undefined, fn: (probe: Probe) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const probe = await openPage(browser, url, options);
  let result: T;
  try {
    result = await fn(probe);
  } catch (error) {
    // the test's own failure comes first; an outside request is added to it, not lost
    const closing = await probe.close().then(() => undefined, (e: Error) => e);
    if (closing && error instanceof Error) error.message += `\n(also: ${closing.message})`;
    throw error;
  }
  await probe.close();
  return result;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) and returns serious and critical violations. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async (sel) => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const r = await a.run(sel ? document.querySelector(sel)! : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, include);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Languages and language-neutral routes of the sections (the navigation of every page). */
export const NAV_PATHS = ['/', '/dua-angka/', '/prioritas/', '/cakupan/', '/wilayah/', '/jelajah/', '/data/'] as const;
export const LANGS: Lang[] = ['id', 'en'];

/** How many times the page has redrawn its charts for a new state (performance marks 'chart-updated'). */
export const updates = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('chart-updated').length);

/** Waits for the page's next redraw after `after` redraws. */
export const waitForUpdate = async (page: Page, after: number, timeout: number): Promise<void> => {
  await page.waitForFunction((n) => performance.getEntriesByName('chart-updated').length > n, after, { timeout });
};

/** Chooses `value` in a control once the page has enabled it, and waits for the view it asks for (redraw within `timeout`). */
export async function choose(page: Page, control: string, value: string, timeout: number): Promise<void> {
  const select = page.locator(`select[data-atlas-control="${control}"]`);
  await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
  const n = await updates(page);
  await select.selectOption(value);
  await waitForUpdate(page, n, timeout);
}
