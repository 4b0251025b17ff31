/**
 * Front-end benchmark of the built site under a slow mobile profile (`npm run bench:site`, entry
 * scripts/bench-site.ts). Builds nothing: run `npm run build` first. Serves dist/ and drives the
 * system Chromium (playwright-core) with CDP throttling.
 *
 * Profile (default "devtools"): Chrome DevTools' "Slow 4G" preset — 562.5 ms RTT, 1.44 Mbps down,
 * 675 kbps up — and a 4x CPU slowdown. "--profile lighthouse" uses Lighthouse's mobile figures
 * (150 ms RTT, 1.6 Mbps; the profile of the issue's older figures).
 *
 * For each page and run (a fresh browser context, nothing cached):
 *   - first chart visible (first visible <svg> in a <figure>), LCP, FCP, bytes before the first chart;
 *   - first click, per preset control kind of the page: a cold load; the moment the first chart is
 *     visible the control changes to another option (waiting, if the page has not enabled it yet:
 *     that wait counts); time from "visible" to the next performance.mark('chart-updated'), and
 *     whether DuckDB-WASM or Plot's module was requested for it;
 *   - a shared URL (path with a query string): when its own state is on screen (the first
 *     'chart-updated' mark; or the first chart when the page is built in that state), and that
 *     time after the first chart.
 * Each run notes the load average (os.loadavg) before and after: a busy machine inflates times.
 * Medians and ranges over --runs. Goals: first chart and LCP <= 1.0 s, <= 150 KB before the first
 * chart, first click <= 1 s, shared URL state <= 1 s after the first chart.
 *
 *   npm run bench:site -- [--runs 3] [--lang id] [--profile devtools|lighthouse] [--db] [--peta]
 *                         [--lighthouse | --lighthouse-only] [--cost] [--strict] [--dist dist] [paths...]
 * --cost prints only what the first-click mechanism costs in dist/ (src/bench/dist-cost.ts; also
 * part of every other run). --db also times DuckDB-WASM (start -> ready) and interactions once it is ready; --peta the
 * village map redraw (src/maps/bench.ts); --lighthouse runs Lighthouse (mobile) on /, /en/ and a
 * regency, district and village profile, --lighthouse-only that alone (on the paths given, if any),
 * with its table of scores and failing audits (src/bench/lighthouse.ts). --dist: the built site to
 * measure (default dist/; e.g. a non-demo build or one with ATLAS_SITE in another folder).
 * Writes bench-out/site.json (bench-out/lighthouse.json with --lighthouse-only; Lighthouse's full
 * reports in bench-out/lighthouse/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { launchChromium, serveSite, type Site } from '../testing/browser.ts';
import { selfSignedCert } from '../testing/tls.ts';
import type { Lang } from '../lib/i18n.ts';
import { benchPeta, PETA_GOALS, type PetaBench } from '../maps/bench.ts';
import { distCost, distCostReport } from './dist-cost.ts';
import { describeBuild, lighthouseMisses, lighthousePaths, lighthouseReport, runLighthouse, type LighthouseResult } from './lighthouse.ts';

export const PROFILES = {
  devtools: { name: 'Chrome DevTools "Slow 4G", CPU 4x', latency: 562.5, downloadKbps: 1440, uploadKbps: 675, cpuSlowdown: 4 },
  lighthouse: { name: 'Lighthouse mobile (150 ms RTT, 1.6 Mbps), CPU 4x', latency: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 },
} as const;
export type Profile = (typeof PROFILES)[keyof typeof PROFILES];
export const GOALS = { lcpMs: 1000, firstChartMs: 1000, bytesBeforeChart: 150 * 1024, interactionMs: 100, firstClickMs: 1000, sharedMs: 1000 };
/** Default pages: the overview, a regency, every other page kind with preset controls, and a shared URL. */
export const DEFAULT_PATHS = ['/', '/wilayah/64.08/', '/prioritas/', '/dua-angka/', '/cakupan/', '/wilayah/64.08.01/', '/wilayah/64.08.01.2001/', '/prioritas/?period=2024-02&indicator=stunting&area=64.74'];

interface RequestInfo {
  url: string;
  type?: string;
  mime?: string;
  bytes: number;
}

interface LoadResult {
  lcp: number | null;
  fcp: number | null;
  firstChart: number | null;
  bytesBeforeChart: number | null;
  jsBytesOnLoad: number;
  bytesOnLoad: number;
  outside: string[];
}

export interface Click {
  control: string;
  visibleAt: number | null;
  /** First chart visible -> 'chart-updated' (the user clicked the moment the page was visible). */
  ms: number | null;
  /** Visible -> the change could be made (the select enabled and the page free to take it). */
  clickedAfter: number | null;
  /** Visible -> the page's HTML was parsed (domInteractive): slots swap no earlier. */
  parsedAfter: number | null;
  /** Visible -> the first fragment request of the change was sent, and its last response ended (null: none). */
  fragSent: number | null;
  fragDone: number | null;
  /** Visible -> the shared controls script (/js/kendali.*.js) had arrived (null: not requested). */
  scriptDone: number | null;
  engine: string;
  /** Plot's module (the page-module path) was requested before the update. */
  plot: boolean;
}

export interface Shared {
  shownAt: number | null;
  firstChart: number | null;
  engine: string;
}

export interface RunResult {
  run: number;
  loadBefore: number[];
  loadAfter: number[];
  pages: { path: string; load: LoadResult; clicks: Click[]; shared?: Shared }[];
}

export const median = (xs: number[]): number | null => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const range = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? [Math.min(...s), Math.max(...s)] : null;
};

/** Runs in the page before any of its scripts: records LCP, FCP and the first visible chart. */
function instrument() {
  const w = window as unknown as { __bench: { lcp: number | null; fcp: number | null; firstChart: number | null } };
  w.__bench = { lcp: null, fcp: null, firstChart: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    // Built pages carry a phone and a desktop drawing of each chart: the visible one counts.
    for (const svg of document.querySelectorAll('figure svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        w.__bench.firstChart = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function throttle(cdp: CDPSession, profile: Profile) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: (profile.downloadKbps * 1000) / 8,
    uploadThroughput: (profile.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}

/** Every request's type and transferred bytes (headers + encoded body), workers included. */
function recordRequests(context: BrowserContext) {
  const requests = new Map<Request, RequestInfo>();
  context.on('request', (req) => {
    if (/^https?:/.test(req.url())) requests.set(req, { url: req.url(), type: req.resourceType(), bytes: 0 });
  });
  context.on('requestfinished', async (req) => {
    const info = requests.get(req);
    if (!info) return;
    try {
      const sizes = await req.sizes();
      const headers = (await req.response())?.headers() ?? {};
      const body = sizes.responseBodySize > 0 ? sizes.responseBodySize : Number(headers['content-length'] ?? 0);
      info.bytes = body + Math.max(0, sizes.responseHeadersSize);
      info.mime = headers['content-type'];
    } catch {
      /* page closed */
    }
  });
  return requests;
}

const isJs = (r: RequestInfo) => r.type === 'script' || /javascript/.test(r.mime ?? '') || /\.m?js(\?|$)/.test(r.url);
const isLocal = (url: string) => /^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(url);
const sum = (xs: Iterable<RequestInfo>, f: (r: RequestInfo) => boolean = () => true) => [...xs].filter(f).reduce((a, r) => a + r.bytes, 0);
const isEngine = (url: string) => /\/_duckdb\/|\.parquet(\?|$)/.test(url);

async function openThrottled(browser: Browser, profile: Profile) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block', ignoreHTTPSErrors: true });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  const requests = recordRequests(context);
  return { context, page, requests };
}

async function measureLoad(page: Page, url: string, requests: Map<Request, RequestInfo>): Promise<LoadResult> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(1500); // let LCP settle (it is final at the first input)
  const m = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { lcp: number | null; fcp: number | null; firstChart: number | null } }).__bench;
    let bytes: number | null = null;
    if (b.firstChart !== null) {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      bytes = nav.transferSize + res.filter((r) => r.responseEnd <= b.firstChart!).reduce((a, r) => a + r.transferSize, 0);
    }
    return { ...b, bytesBeforeChart: bytes };
  });
  const all = [...requests.values()];
  return { ...m, jsBytesOnLoad: sum(all, isJs), bytesOnLoad: sum(all), outside: all.filter((r) => !isLocal(r.url)).map((r) => r.url) };
}

/** The preset control kinds of a page (data-atlas-control of its selects), from a quick unthrottled load. */
async function controlsOf(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await page.locator('select[data-atlas-control]').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).dataset.atlasControl!));
  } finally {
    await context.close();
  }
}

/**
 * A cold load; the moment the first chart is visible, `control` changes to its first option other
 * than the one shown (the likeliest choice, src/lib/likeliest-choice.ts). The time from then to
 * 'chart-updated' is what a user who clicks at once waits.
 */
async function measureFirstClick(browser: Browser, profile: Profile, url: string, control: string): Promise<Click> {
  const { context, page, requests } = await openThrottled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __bench?: { firstChart: number | null } }).__bench?.firstChart != null, undefined, { timeout: 60_000, polling: 'raf' });
    const r = await page.evaluate(
      (control) =>
        new Promise<Omit<Click, 'control' | 'plot'>>((finish) => {
          const visibleAt = (window as unknown as { __bench: { firstChart: number } }).__bench.firstChart;
          const engine = () => window.__atlas?.dbStatus ?? 'idle';
          const parsedAfter = () => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            return nav?.domInteractive ? nav.domInteractive - visibleAt : null;
          };
          let clickedAfter: number | null = null;
          const resources = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const done = (r: { visibleAt: number | null; ms: number | null; clickedAfter: number | null; parsedAfter: number | null; engine: string }) => {
            const frag = resources().filter((e) => /\/frag\//.test(e.name) && clickedAfter !== null && e.startTime >= visibleAt + clickedAfter - 1);
            const script = resources().find((e) => /\/js\/kendali\./.test(e.name));
            finish({
              ...r,
              fragSent: frag.length ? Math.min(...frag.map((e) => e.startTime)) - visibleAt : null,
              fragDone: frag.length ? Math.max(...frag.map((e) => e.responseEnd)) - visibleAt : null,
              scriptDone: script ? script.responseEnd - visibleAt : null,
            });
          };
          const attempt = () => {
            const el = document.querySelector<HTMLSelectElement>(`select[data-atlas-control="${control}"]`);
            // not parsed yet: the wait counts too; a page without it says so
            if (!el) return document.readyState === 'loading' ? void setTimeout(attempt, 10) : done({ visibleAt, ms: null, clickedAfter, parsedAfter: parsedAfter(), engine: engine() });
            // A user cannot change a disabled select either: the wait counts (it is after "visible").
            if (el.disabled) return void setTimeout(attempt, 10);
            // its other options not parsed yet: a user could not pick one either (the wait counts)
            const next = [...el.options].find((o) => !o.selected && !o.disabled);
            if (!next) return document.readyState === 'loading' ? void setTimeout(attempt, 10) : done({ visibleAt, ms: null, clickedAfter, parsedAfter: parsedAfter(), engine: engine() });
            const before = performance.getEntriesByName('chart-updated', 'mark').length;
            const timer = setTimeout(() => done({ visibleAt, ms: null, clickedAfter, parsedAfter: parsedAfter(), engine: engine() }), 60_000);
            const obs = new PerformanceObserver(() => {
              const marks = performance.getEntriesByName('chart-updated', 'mark');
              if (marks.length > before) {
                clearTimeout(timer);
                obs.disconnect();
                done({ visibleAt, ms: marks.at(-1)!.startTime - visibleAt, clickedAfter, parsedAfter: parsedAfter(), engine: engine() });
              }
            });
            obs.observe({ type: 'mark' });
            clickedAfter = performance.now() - visibleAt;
            el.value = next.value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
          };
          attempt();
        }),
      control,
    );
    const urls = [...requests.values()].map((x) => x.url);
    return { control, ...r, engine: urls.some(isEngine) ? `${r.engine} (engine requested)` : r.engine, plot: urls.some((u) => /\/_astro\/[^/]*(plot|common|ringkasan|profil|prioritas|cakupan|dua-angka)[^/]*\.js/i.test(u)) };
  } finally {
    await context.close();
  }
}

/** A shared URL: when does the page show the URL's own state? */
async function measureShared(browser: Browser, profile: Profile, url: string): Promise<Shared> {
  const { context, page, requests } = await openThrottled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('chart-updated', 'mark').length > 0, undefined, { timeout: 60_000 }).catch(() => undefined);
    const r = await page.evaluate(() => ({
      shownAt: performance.getEntriesByName('chart-updated', 'mark')[0]?.startTime ?? null,
      firstChart: (window as unknown as { __bench: { firstChart: number | null } }).__bench.firstChart,
      engine: window.__atlas?.dbStatus ?? 'idle',
    }));
    return { ...r, engine: [...requests.values()].some((x) => isEngine(x.url)) ? `${r.engine} (engine requested)` : r.engine };
  } finally {
    await context.close();
  }
}

export interface BenchOptions {
  runs: number;
  lang: Lang;
  profile: Profile;
  paths: string[];
  dist: string;
  /** '2': HTTP/2 over TLS, as static hosts serve (one connection); '1.1': at most six connections. */
  http: HttpVersion;
  log?: (line: string) => void;
}

export type HttpVersion = '2' | '1.1';

/** The site served over the HTTP version asked for (HTTP/2 needs openssl for its certificate). */
async function serveFor(dist: string, http: HttpVersion) {
  const tls = http === '2' ? selfSignedCert() : undefined;
  if (tls === null) throw new Error('--http 2 needs openssl for a local certificate (apt-get install -y openssl), or use --http 1.1');
  return serveSite(dist, undefined, tls);
}

const splitPath = (path: string): [string, string] => {
  const [p, q] = path.split('?');
  return [p!, q ? `?${q}` : ''];
};

/** Every run: each page's cold load, a first click per control kind, the shared URL's state. */
export async function benchSite(opts: BenchOptions): Promise<RunResult[]> {
  const site = await serveFor(opts.dist, opts.http);
  const browser = await launchChromium();
  const log = opts.log ?? (() => undefined);
  const runs: RunResult[] = [];
  try {
    const controls = new Map<string, string[]>();
    for (const path of opts.paths) if (!path.includes('?')) controls.set(path, await controlsOf(browser, site.url(opts.lang, path)));
    for (let run = 1; run <= opts.runs; run++) {
      const result: RunResult = { run, loadBefore: loadavg(), loadAfter: [], pages: [] };
      log(`run ${run}/${opts.runs} (load average ${result.loadBefore.map((x) => x.toFixed(2)).join(' ')})`);
      for (const path of opts.paths) {
        const [p, q] = splitPath(path);
        const url = site.url(opts.lang, p, q);
        const { context, page, requests } = await openThrottled(browser, opts.profile);
        let load: LoadResult;
        try {
          load = await measureLoad(page, url, requests);
        } finally {
          await context.close();
        }
        const clicks: Click[] = [];
        for (const control of controls.get(path) ?? []) clicks.push(await measureFirstClick(browser, opts.profile, url, control));
        const shared = q ? await measureShared(browser, opts.profile, url) : undefined;
        result.pages.push({ path, load, clicks, shared });
      }
      result.loadAfter = loadavg();
      runs.push(result);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return runs;
}

const ms = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${Math.round(n)} ms`);
const kb = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const stat = (xs: number[], f: (n: number) => string = ms) => {
  const m = median(xs);
  const r = range(xs);
  return m === null ? 'n/a' : `${f(m)} [${r![0] === r![1] ? f(r![0]) : `${f(r![0])}–${f(r![1])}`}]`;
};
const verdict = (value: number | null, goal: number) => (value === null ? '  ?' : value <= goal ? ' ok' : ' MISS');

/** The report: medians [ranges] over the runs, goals, and the misses. */
export function report(runs: RunResult[], profile: Profile, http: HttpVersion = '2'): string[] {
  const lines = [`Profile: ${profile.name} (${profile.latency} ms RTT, ${profile.downloadKbps} kbps down), HTTP/${http}${http === '1.1' ? ' (six connections)' : ''}; ${runs.length} run(s), median [range]`];
  for (const r of runs) lines.push(`  run ${r.run}: load average ${r.loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${r.loadAfter.map((x) => x.toFixed(2)).join(' ')} after`);
  const misses: string[] = [];
  const paths = runs[0]?.pages.map((p) => p.path) ?? [];
  for (const path of paths) {
    const pages = runs.map((r) => r.pages.find((p) => p.path === path)!);
    const loads = pages.map((p) => p.load);
    const chart = median(loads.map((l) => l.firstChart ?? NaN));
    const lcp = median(loads.map((l) => l.lcp ?? NaN));
    const bytes = median(loads.map((l) => l.bytesBeforeChart ?? NaN));
    lines.push('', path);
    lines.push(`  first chart visible   ${stat(loads.map((l) => l.firstChart ?? NaN)).padEnd(24)}${verdict(chart, GOALS.firstChartMs)}`);
    lines.push(`  LCP                   ${stat(loads.map((l) => l.lcp ?? NaN)).padEnd(24)}${verdict(lcp, GOALS.lcpMs)}   (FCP ${stat(loads.map((l) => l.fcp ?? NaN))})`);
    lines.push(`  bytes before chart    ${stat(loads.map((l) => l.bytesBeforeChart ?? NaN), kb).padEnd(24)}${verdict(bytes, GOALS.bytesBeforeChart)}   (JS on load ${stat(loads.map((l) => l.jsBytesOnLoad), kb)})`);
    if (chart !== null && chart > GOALS.firstChartMs) misses.push(`${path} first chart`);
    if (lcp !== null && lcp > GOALS.lcpMs) misses.push(`${path} LCP`);
    if (bytes !== null && bytes > GOALS.bytesBeforeChart) misses.push(`${path} bytes before the first chart`);
    if (chart === null) misses.push(`${path}: no chart found`);
    const kinds = [...new Set(pages.flatMap((p) => p.clicks.map((c) => c.control)))];
    for (const kind of kinds) {
      const clicks = pages.map((p) => p.clicks.find((c) => c.control === kind)!).filter(Boolean);
      const m = median(clicks.map((c) => c.ms ?? NaN));
      const engine = [...new Set(clicks.map((c) => c.engine))].join('/');
      const plot = clicks.some((c) => c.plot) ? 'Plot path' : 'no Plot';
      lines.push(`  first click: ${kind.padEnd(9)}${stat(clicks.map((c) => c.ms ?? NaN)).padEnd(24)}${verdict(m, GOALS.firstClickMs)}   (from visible at ${stat(clicks.map((c) => c.visibleAt ?? NaN))}; changed +${stat(clicks.map((c) => c.clickedAfter ?? NaN))}, parsed +${stat(clicks.map((c) => c.parsedAfter ?? NaN))}, fragment +${stat(clicks.map((c) => c.fragSent ?? NaN))}..+${stat(clicks.map((c) => c.fragDone ?? NaN))}, controls script +${stat(clicks.map((c) => c.scriptDone ?? NaN))}; engine ${engine}; ${plot})`);
      if (m === null || m > GOALS.firstClickMs) misses.push(`${path} first click (${kind})`);
      if (engine !== 'idle') misses.push(`${path} first click (${kind}) started the engine`);
    }
    const shared = pages.map((p) => p.shared).filter((s): s is Shared => !!s);
    if (shared.length) {
      const after = shared.map((s) => (s.shownAt !== null && s.firstChart !== null ? Math.max(0, s.shownAt - s.firstChart) : NaN));
      const m = median(after);
      lines.push(`  shared URL state      ${stat(shared.map((s) => s.shownAt ?? NaN)).padEnd(24)}${verdict(m, GOALS.sharedMs)}   (${stat(after)} after the first chart; engine ${[...new Set(shared.map((s) => s.engine))].join('/')})`);
      if (m === null || m > GOALS.sharedMs) misses.push(`${path} shared URL state`);
    }
    const outside = [...new Set(loads.flatMap((l) => l.outside))];
    if (outside.length) lines.push(`  OUTSIDE REQUESTS: ${outside.join(', ')}`);
  }
  lines.push('', misses.length ? `Goals missed: ${misses.join('; ')}` : 'All goals met.');
  return lines;
}

/** Optional parts: DuckDB-WASM and the village map (one throttled page each). */
export async function benchExtras(opts: { dist: string; lang: Lang; profile: Profile; db: boolean; peta: boolean; http: HttpVersion }): Promise<string[]> {
  const lines: string[] = [];
  if (!opts.db && !opts.peta) return lines;
  const site = await serveFor(opts.dist, opts.http);
  const browser = await launchChromium();
  try {
    if (opts.db) {
      const { context, page, requests } = await openThrottled(browser, opts.profile);
      try {
        await measureLoad(page, site.url(opts.lang, '/'), requests);
        await page.evaluate(() => void window.__atlas?.startDb());
        await page.waitForFunction(() => ['ready', 'failed'].includes(window.__atlas?.dbStatus ?? ''), undefined, { timeout: 600_000, polling: 250 });
        const a = await page.evaluate(() => ({ status: window.__atlas!.dbStatus, start: window.__atlas!.dbStart, ready: window.__atlas!.dbReady, error: window.__atlas!.dbError }));
        lines.push(a.status === 'ready' ? `DuckDB-WASM ready ${ms(a.ready! - a.start!)} after start (${ms(a.ready)} after navigation); all bytes ${kb(sum(requests.values()))}` : `DuckDB-WASM FAILED: ${a.error}`);
      } finally {
        await context.close();
      }
    }
    if (opts.peta) {
      const { context, page } = await openThrottled(browser, opts.profile);
      try {
        const peta: PetaBench | null = await benchPeta(page, opts.dist, (site.manifest() as unknown as { province: { kode: string } }).province.kode, site.file);
        if (peta) {
          lines.push(`village map of ${peta.kabupaten} (${peta.areas} villages): boundary file ${(peta.boundaryGzip / 1024).toFixed(1)} KB gzip (goal <= ${PETA_GOALS.boundaryGzip / 1024} KB); redraw median ${peta.redrawMedian} ms [${peta.redrawMs.join(', ')}] (goal <= ${PETA_GOALS.redrawMs} ms)`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return lines;
}

export interface CliValues {
  runs: number;
  lang: Lang;
  profile: keyof typeof PROFILES;
  db: boolean;
  peta: boolean;
  lighthouse: boolean;
  /** Lighthouse alone (no load, click or extras), on the paths given or its default pages. */
  'lighthouse-only': boolean;
  /** Only what the first-click mechanism costs in dist/ (no browser). */
  cost: boolean;
  strict: boolean;
  dist: string;
  http: HttpVersion;
  paths: string[];
}

/** The whole bench as the npm script runs it; returns the process exit code. */
export async function main(v: CliValues): Promise<number> {
  const profile = PROFILES[v.profile];
  if (!profile) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
  if (v.http !== '2' && v.http !== '1.1') throw new Error('--http: 2 or 1.1');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (v.cost) {
    console.log(distCostReport(distCost(v.dist)).join('\n'));
    return 0;
  }
  let lines: string[] = [];
  let runs: RunResult[] = [];
  const extras: string[] = [];
  if (!v['lighthouse-only']) {
    runs = await benchSite({ runs: v.runs, lang: v.lang, profile, paths: v.paths.length ? v.paths : DEFAULT_PATHS, dist: v.dist, http: v.http, log });
    lines = report(runs, profile, v.http);
    extras.push(...(await benchExtras({ dist: v.dist, lang: v.lang, profile, db: v.db, peta: v.peta, http: v.http })));
  }
  if (!v['lighthouse-only']) extras.push(...distCostReport(distCost(v.dist)));
  let lighthouse: LighthouseResult[] | undefined;
  let lighthouseMissed = false;
  if (v.lighthouse || v['lighthouse-only']) {
    // With --lighthouse-only the paths given are Lighthouse's; else its default pages of the build.
    const paths = v['lighthouse-only'] && v.paths.length ? v.paths : lighthousePaths(v.dist);
    lighthouse = await runLighthouse(v.dist, paths, v.runs, log, 'bench-out/lighthouse');
    lighthouseMissed = lighthouseMisses(lighthouse).length > 0;
    extras.push(...lighthouseReport(lighthouse, describeBuild(v.dist)));
  }
  console.log([...lines, ...extras].join('\n'));
  mkdirSync('bench-out', { recursive: true });
  writeFileSync(v['lighthouse-only'] ? 'bench-out/lighthouse.json' : 'bench-out/site.json', JSON.stringify({ dist: v.dist, profile, http: v.http, goals: GOALS, runs, lighthouse }, null, 2));
  return v.strict && ((lines.length && lines.at(-1) !== 'All goals met.') || lighthouseMissed) ? 1 : 0;
}
