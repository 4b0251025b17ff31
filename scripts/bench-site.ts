/**
 * Front-end benchmark of the built site under a slow mobile profile. Builds nothing: run
 * `npm run build` first. Serves dist/ with scripts/serve.ts and drives the system Chromium.
 *
 * Profile: "Slow 4G" via CDP network emulation (1.6 Mbps down, 750 kbps up, 150 ms RTT) and a 4x
 * CPU slowdown (Emulation.setCPUThrottlingRate). Outside requests cannot resolve (and are counted).
 *
 * For each page (default: "/" and "/wilayah/64.08/", Indonesian) it prints
 *   - LCP and FCP (median of --runs cold loads),
 *   - bytes transferred before the first chart (first <svg> inside a <figure> with a size),
 *     from Resource Timing: document + every resource finished by then,
 *   - JS bytes transferred: on load, and in total once DuckDB-WASM has started,
 *   - DuckDB-WASM: start -> ready, and navigation -> ready (started the way a user starts it:
 *     pointing at a [data-atlas-control]; window.__atlas.startDb() when the page has none),
 *   - interaction: a period/area control change -> performance.mark('chart-updated') (contract in
 *     src/lib/db/browser.ts): the first (cold: may fetch a table) and the median of the rest,
 *     with the median time spent in DuckDB queries ('duckdb-query' measures) in between.
 *   - first click: the moment the first chart is visible, the first control changes; the time to
 *     'chart-updated' (goal <= 1 s, engine or not) and whether DuckDB-WASM was downloaded for it,
 *   - a shared URL (a path with a query string): when its own state is on screen (the
 *     'chart-updated' mark after navigation; goal: within 1 s of the first chart).
 * Goals: LCP <= 1.0 s, first chart <= 1.0 s, <= 150 KB before the first chart, first click <= 1 s,
 * interaction <= 100 ms once ready.
 *
 *   npm run bench:site -- [--runs 3] [--lang id] [--interactions 7] [--no-db] [--strict] [paths...]
 * Default paths: "/", a regency profile and a shared URL of Prioritas.
 * Writes bench-out/site.json as well. --strict exits 1 when a goal is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { launchBrowser, serveSite, type Site } from '../test/e2e/harness.ts';
import type { Lang } from '../src/lib/i18n.ts';
import { benchPeta, PETA_GOALS, type PetaBench } from '../src/maps/bench.ts';

export const PROFILE = { name: 'Slow 4G, CPU 4x', latency: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 };
export const GOALS = { lcpMs: 1000, firstChartMs: 1000, bytesBeforeChart: 150 * 1024, interactionMs: 100, firstClickMs: 1000, sharedMs: 1000 };

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
  requestsOnLoad: number;
  outside: string[];
}

interface PageResult {
  path: string;
  runs: LoadResult[];
  lcp: number | null;
  fcp: number | null;
  firstChart: number | null;
  bytesBeforeChart: number | null;
  jsBytesOnLoad: number;
  jsBytesTotal?: number;
  bytesTotal?: number;
  db?: { startToReady: number; navigationToReady: number; trigger: string } | { error: string };
  interaction?: { control: string; first: number | null; median: number | null; queryMedian: number | null; samples: number[] } | { error: string };
  firstClick?: FirstClick;
  /** Shared URL: navigation -> its own state on screen ('chart-updated'), and after the first chart. */
  shared?: { shownAt: number | null; afterFirstChart: number | null };
}

interface FirstClick {
  control: string;
  /** When the first chart was visible (the click happened then). */
  visibleAt: number | null;
  /** Click -> 'chart-updated' (median of runs). */
  ms: number | null;
  samples: number[];
  /** DuckDB-WASM status after the click ('idle': never downloaded). */
  engine: string[];
}

const median = (xs: number[]): number | null => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
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

async function throttle(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: (PROFILE.downloadKbps * 1000) / 8,
    uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
}

/**
 * Records every request's type and transferred bytes (headers + encoded body). Playwright's
 * events cover worker requests too, whose CDP events arrive on the worker's own target.
 */
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
      // Worker scripts report a body size of 0: fall back to Content-Length (serve.ts always sends it).
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

async function openThrottled(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp);
  const requests = recordRequests(context);
  return { context, page, cdp, requests };
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
  return {
    lcp: m.lcp,
    fcp: m.fcp,
    firstChart: m.firstChart,
    bytesBeforeChart: m.bytesBeforeChart,
    jsBytesOnLoad: sum(all, isJs),
    bytesOnLoad: sum(all),
    requestsOnLoad: all.length,
    outside: all.filter((r) => !isLocal(r.url)).map((r) => r.url),
  };
}

/** Starts DuckDB the way a user would and waits for it. */
async function measureDb(page: Page) {
  const control = page.locator('[data-atlas-control]').first();
  let trigger = 'window.__atlas.startDb()';
  if ((await control.count()) && (await control.isVisible())) {
    await control.hover();
    trigger = 'hover on [data-atlas-control]';
  }
  await page.evaluate(() => {
    const a = window.__atlas;
    if (a && a.dbStatus === 'idle') void a.startDb();
  });
  await page.waitForFunction(() => window.__atlas?.dbStatus === 'ready' || window.__atlas?.dbStatus === 'failed', undefined, { timeout: 600_000, polling: 250 });
  const r = await page.evaluate(() => ({ ...window.__atlas! }));
  if (r.dbStatus !== 'ready') return { error: r.dbError ?? 'failed' };
  return { startToReady: r.dbReady! - r.dbStart!, navigationToReady: r.dbReady!, trigger };
}

/**
 * Changes a period (or area) control `count` times; each sample is the time from the change
 * event to the next performance.mark('chart-updated').
 */
async function measureInteractions(page: Page, count: number) {
  for (const kind of ['period', 'area', 'level', 'indicator']) {
    const sel = `[data-atlas-control="${kind}"]`;
    if (await page.locator(sel).count()) return runInteractions(page, sel, kind, count);
  }
  return { error: 'no [data-atlas-control] of kind period/area/level/indicator on the page' };
}

async function runInteractions(page: Page, selector: string, kind: string, count: number) {
  const samples: number[] = [];
  const queryMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const ms = await page.evaluate(
      ({ selector, i }) =>
        new Promise<[number, number]>((done) => {
          const marksBefore = performance.getEntriesByName('chart-updated', 'mark').length;
          const controls = [...document.querySelectorAll<HTMLElement>(selector)];
          let start = 0;
          const timer = setTimeout(() => done([NaN, NaN]), 30_000);
          const obs = new PerformanceObserver(() => {
            const marks = performance.getEntriesByName('chart-updated', 'mark');
            if (marks.length > marksBefore) {
              clearTimeout(timer);
              obs.disconnect();
              const end = marks[marks.length - 1].startTime;
              const queries = performance.getEntriesByName('duckdb-query', 'measure')
                .filter((m) => m.startTime >= start && m.startTime + m.duration <= end)
                .reduce((a, m) => a + m.duration, 0);
              done([end - start, queries]);
            }
          });
          obs.observe({ type: 'mark' });
          const el = controls[0];
          if (el instanceof HTMLSelectElement) {
            const options = [...el.options].filter((o) => !o.disabled);
            const next = options[(options.findIndex((o) => o.selected) + 1 + (i % Math.max(1, options.length - 1))) % options.length];
            start = performance.now();
            el.value = next.value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
          } else {
            const current = (c: HTMLElement) => c.getAttribute('aria-pressed') === 'true' || c.getAttribute('aria-selected') === 'true' || c.hasAttribute('aria-current') || (c instanceof HTMLInputElement && c.checked);
            const choices = controls.filter((c) => !current(c));
            const target = choices[i % Math.max(1, choices.length)] ?? controls[0];
            start = performance.now();
            target.click();
          }
        }),
      { selector, i },
    );
    samples.push(ms[0]);
    queryMs.push(ms[1]);
    await page.waitForTimeout(300);
  }
  const [first, ...rest] = samples;
  return {
    control: kind,
    first: Number.isFinite(first) ? first : null,
    median: median(rest.length ? rest : samples),
    queryMedian: median(queryMs.slice(1).length ? queryMs.slice(1) : queryMs),
    samples,
  };
}

/**
 * Loads the page cold and, as soon as its first chart is visible, changes its first control; the
 * time to 'chart-updated' is what a user who clicks at once waits.
 */
async function measureFirstClick(page: Page, url: string): Promise<{ control: string; visibleAt: number | null; ms: number | null; engine: string }> {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __bench?: { firstChart: number | null } }).__bench?.firstChart != null, undefined, { timeout: 60_000, polling: 'raf' });
  const r = await page.evaluate(
    () =>
      new Promise<{ control: string; visibleAt: number | null; ms: number | null; engine: string }>((done) => {
        const visibleAt = (window as unknown as { __bench: { firstChart: number | null } }).__bench.firstChart;
        const attempt = () => {
          const el = document.querySelector<HTMLSelectElement>('select[data-atlas-control]');
          if (!el) return done({ control: 'none', visibleAt, ms: null, engine: window.__atlas?.dbStatus ?? 'none' });
          // The selects are enabled by the page script; a user cannot click a disabled one either.
          if (el.disabled) return void setTimeout(attempt, 10);
          const before = performance.getEntriesByName('chart-updated', 'mark').length;
          const start = performance.now();
          const timer = setTimeout(() => done({ control: el.dataset.atlasControl!, visibleAt, ms: null, engine: window.__atlas?.dbStatus ?? 'none' }), 60_000);
          const obs = new PerformanceObserver(() => {
            const marks = performance.getEntriesByName('chart-updated', 'mark');
            if (marks.length > before) {
              clearTimeout(timer);
              obs.disconnect();
              done({ control: el.dataset.atlasControl!, visibleAt, ms: marks.at(-1)!.startTime - start, engine: window.__atlas?.dbStatus ?? 'none' });
            }
          });
          obs.observe({ type: 'mark' });
          const next = [...el.options].find((o) => !o.selected && !o.disabled)!;
          el.value = next.value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        };
        attempt();
      }),
  );
  return r;
}

/** A shared URL: when does the page show the URL's own state? */
async function measureShared(page: Page, url: string): Promise<{ shownAt: number | null; firstChart: number | null }> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('chart-updated', 'mark').length > 0, undefined, { timeout: 60_000 }).catch(() => undefined);
  return page.evaluate(() => ({
    shownAt: performance.getEntriesByName('chart-updated', 'mark')[0]?.startTime ?? null,
    firstChart: (window as unknown as { __bench: { firstChart: number | null } }).__bench.firstChart,
  }));
}

async function benchPage(browser: Browser, site: Site, lang: Lang, path: string, opts: { runs: number; db: boolean; interactions: number }): Promise<PageResult> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const { context, page, requests } = await openThrottled(browser);
    try {
      runs.push(await measureLoad(page, site.url(lang, path.split('?')[0]!, path.includes('?') ? `?${path.split('?')[1]}` : ''), requests));
    } finally {
      await context.close();
    }
  }
  const result: PageResult = {
    path,
    runs,
    lcp: median(runs.map((r) => r.lcp ?? NaN)),
    fcp: median(runs.map((r) => r.fcp ?? NaN)),
    firstChart: median(runs.map((r) => r.firstChart ?? NaN)),
    bytesBeforeChart: median(runs.map((r) => r.bytesBeforeChart ?? NaN)),
    jsBytesOnLoad: median(runs.map((r) => r.jsBytesOnLoad)) ?? 0,
  };
  const clicks: { control: string; visibleAt: number | null; ms: number | null; engine: string }[] = [];
  const shared: { shownAt: number | null; firstChart: number | null }[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const { context, page } = await openThrottled(browser);
    try {
      if (path.includes('?')) shared.push(await measureShared(page, site.url(lang, path.split('?')[0]!, `?${path.split('?')[1]}`)));
      else clicks.push(await measureFirstClick(page, site.url(lang, path)));
    } finally {
      await context.close();
    }
  }
  if (clicks.length && clicks[0]!.control !== 'none') {
    result.firstClick = {
      control: clicks[0]!.control,
      visibleAt: median(clicks.map((c) => c.visibleAt ?? NaN)),
      ms: median(clicks.map((c) => c.ms ?? NaN)),
      samples: clicks.map((c) => c.ms ?? NaN),
      engine: clicks.map((c) => c.engine),
    };
  }
  if (shared.length) {
    result.shared = {
      shownAt: median(shared.map((x) => x.shownAt ?? NaN)),
      afterFirstChart: median(shared.map((x) => (x.shownAt !== null && x.firstChart !== null ? x.shownAt - x.firstChart : NaN))),
    };
  }
  if (opts.db) {
    const { context, page, requests } = await openThrottled(browser);
    try {
      await measureLoad(page, site.url(lang, path.split('?')[0]!, path.includes('?') ? `?${path.split('?')[1]}` : ''), requests);
      result.db = await measureDb(page);
      if (!('error' in result.db) && opts.interactions > 0) result.interaction = await measureInteractions(page, opts.interactions);
      const all = [...requests.values()];
      result.jsBytesTotal = sum(all, isJs);
      result.bytesTotal = sum(all);
    } catch (error) {
      result.db ??= { error: String(error) };
    } finally {
      await context.close();
    }
  }
  return result;
}

const kb = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const ms = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${Math.round(n)} ms`);
const verdict = (ok: boolean | null) => (ok === null ? '  ?' : ok ? ' ok' : ' MISS');

function report(results: PageResult[]): string[] {
  const lines = [`Profile: ${PROFILE.name} (${PROFILE.downloadKbps} kbps down, ${PROFILE.latency} ms RTT)`];
  const misses: string[] = [];
  for (const r of results) {
    const lcpOk = r.lcp === null ? null : r.lcp <= GOALS.lcpMs;
    const bytesOk = r.bytesBeforeChart === null ? null : r.bytesBeforeChart <= GOALS.bytesBeforeChart;
    lines.push('', `${r.path}`);
    lines.push(`  LCP                         ${ms(r.lcp).padStart(10)}${verdict(lcpOk)}   (goal <= ${GOALS.lcpMs} ms; FCP ${ms(r.fcp)}; runs ${r.runs.map((x) => ms(x.lcp)).join(', ')})`);
    const chartOk = r.firstChart === null ? null : r.firstChart <= GOALS.firstChartMs;
    lines.push(`  first chart visible at      ${ms(r.firstChart).padStart(10)}${verdict(chartOk)}   (goal <= ${GOALS.firstChartMs} ms)`);
    if (chartOk === false) misses.push(`${r.path} first chart`);
    if (r.firstClick) {
      const ok = r.firstClick.ms === null ? null : r.firstClick.ms <= GOALS.firstClickMs;
      const engine = [...new Set(r.firstClick.engine)].join('/');
      lines.push(`  first click (${r.firstClick.control}) at visible ${ms(r.firstClick.ms).padStart(8)}${verdict(ok)}   (goal <= ${GOALS.firstClickMs} ms; clicked at ${ms(r.firstClick.visibleAt)}; samples ${r.firstClick.samples.map((x) => (Number.isFinite(x) ? Math.round(x) : 'n/a')).join(', ')}; engine after click: ${engine})`);
      if (ok !== true) misses.push(`${r.path} first click`);
      if (engine !== 'idle') misses.push(`${r.path} first click started the engine`);
    }
    if (r.shared) {
      const ok = r.shared.afterFirstChart === null ? null : r.shared.afterFirstChart <= GOALS.sharedMs;
      lines.push(`  shared URL state shown at   ${ms(r.shared.shownAt).padStart(10)}${verdict(ok)}   (${ms(r.shared.afterFirstChart)} after the first chart; goal <= ${GOALS.sharedMs} ms)`);
      if (ok !== true) misses.push(`${r.path} shared URL`);
    }
    lines.push(`  bytes before first chart    ${kb(r.bytesBeforeChart).padStart(10)}${verdict(bytesOk)}   (goal <= ${kb(GOALS.bytesBeforeChart)})`);
    lines.push(`  JS transferred on load      ${kb(r.jsBytesOnLoad).padStart(10)}`);
    if (r.jsBytesTotal !== undefined) lines.push(`  JS transferred incl. engine ${kb(r.jsBytesTotal).padStart(10)}   (all bytes incl. wasm + data: ${kb(r.bytesTotal)})`);
    if (r.db) {
      if ('error' in r.db) lines.push(`  DuckDB-WASM                 FAILED: ${r.db.error}`);
      else lines.push(`  DuckDB-WASM ready           ${ms(r.db.startToReady).padStart(10)} after start, ${ms(r.db.navigationToReady)} after navigation (${r.db.trigger})`);
    }
    if (r.interaction) {
      if ('error' in r.interaction) lines.push(`  interaction                 n/a: ${r.interaction.error}`);
      else {
        const ok = r.interaction.median === null ? null : r.interaction.median <= GOALS.interactionMs;
        lines.push(`  interaction (${r.interaction.control}) median  ${ms(r.interaction.median).padStart(10)}${verdict(ok)}   (goal <= ${GOALS.interactionMs} ms; of which DuckDB queries ${ms(r.interaction.queryMedian)}; first, cold: ${ms(r.interaction.first)}; samples ${r.interaction.samples.map((x) => Math.round(x)).join(', ')})`);
        if (ok === false) misses.push(`${r.path} interaction`);
      }
    }
    const outside = [...new Set(r.runs.flatMap((x) => x.outside))];
    if (outside.length) lines.push(`  OUTSIDE REQUESTS: ${outside.join(', ')}`);
    if (lcpOk === false) misses.push(`${r.path} LCP`);
    if (bytesOk === false) misses.push(`${r.path} bytes before first chart`);
    if (r.firstChart === null) misses.push(`${r.path}: no chart (figure svg) found`);
  }
  lines.push('', misses.length ? `Goals missed: ${misses.join('; ')}` : 'All goals met.');
  return lines;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      lang: { type: 'string', default: 'id' },
      interactions: { type: 'string', default: '7' },
      'no-db': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
    },
  });
  const paths = positionals.length ? positionals : ['/', '/wilayah/64.08/', '/prioritas/?period=2024-02&indicator=stunting&area=64.74'];
  const site = await serveSite(values.dist);
  const browser = await launchBrowser();
  const results: PageResult[] = [];
  let peta: PetaBench | null = null;
  try {
    for (const path of paths) {
      process.stderr.write(`bench ${path} ...\n`);
      results.push(await benchPage(browser, site, values.lang as Lang, path, { runs: Number(values.runs), db: !values['no-db'], interactions: Number(values.interactions) }));
    }
    process.stderr.write('bench village map ...\n');
    const { context, page } = await openThrottled(browser);
    peta = await benchPeta(page, values.dist, (site.manifest() as unknown as { province: { kode: string } }).province.kode, site.file);
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
  const lines = report(results);
  if (peta) {
    const okRedraw = peta.redrawMedian <= PETA_GOALS.redrawMs;
    const okSize = peta.boundaryGzip <= PETA_GOALS.boundaryGzip;
    console.log(`village map of ${peta.kabupaten} (${peta.areas} villages): boundary file ${(peta.boundaryBytes / 1024).toFixed(0)} KB, ${(peta.boundaryGzip / 1024).toFixed(1)} KB gzip (goal <= ${PETA_GOALS.boundaryGzip / 1024} KB) ${okSize ? 'ok' : 'MISSED'}; redraw after its data arrived: median ${peta.redrawMedian} ms of ${peta.redrawMs.length} [${peta.redrawMs.join(', ')}; the first also projects the boundaries] (goal <= ${PETA_GOALS.redrawMs} ms, ${PROFILE.name}) ${okRedraw ? 'ok' : 'MISSED'}`);
    if ((!okRedraw || !okSize) && values.strict) process.exitCode = 1;
  }
  console.log(lines.join('\n'));
  mkdirSync('bench-out', { recursive: true });
  writeFileSync('bench-out/site.json', JSON.stringify({ profile: PROFILE, goals: GOALS, results, peta }, null, 2));
  if (values.strict && lines.at(-1) !== 'All goals met.') process.exitCode = 1;
}

if (import.meta.main) await main();
