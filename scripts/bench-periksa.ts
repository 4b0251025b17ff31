#!/usr/bin/env node
/**
 * Benchmark of the browser's file check (/jelajah/periksa/) on a large by-name export. Builds
 * nothing: run `npm run build` first. Writes a synthetic province-64 demo (src/demo, --scale) into
 * tmp/bench-periksa/ and pastes its by-name exports into one CSV of at least --mb MB (the demo's
 * files repeated if needed), serves dist/, opens the page in the system Chromium, waits for the
 * engine and the published tables, then checks the file and prints: size, rows, the time the page
 * took (file chosen -> result shown), the page's own figure, every request made while checking
 * (must be none), and whether the page stayed responsive (longest gap between animation frames).
 *
 *   npm run bench:periksa -- [--mb 100] [--scale 2.5] [--keep] [--lang id]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from '../src/demo/generate.ts';
import { writeCheckExport } from '../src/demo/periksa.ts';
import { launchBrowser, openPage, serveSite } from '../test/e2e/harness.ts';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '100' }, scale: { type: 'string', default: '2.5' }, keep: { type: 'boolean', default: false }, lang: { type: 'string', default: 'id' } },
});
const dir = resolve('tmp', 'bench-periksa');
const demo = join(dir, 'demo');
const file = join(dir, `eppgbm_${values.mb}mb.csv`);
const minBytes = Number(values.mb) * 1e6;

if (!values.keep || !existsSync(join(demo, 'demo.json'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t = performance.now();
  await generateDemo({ out: demo, scale: Number(values.scale) });
  console.log(`demo (scale ${values.scale}) written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const made = await writeCheckExport(demo, file, { minBytes });
console.log(`export: ${(made.bytes / 1e6).toFixed(1)} MB, ${made.rows.toLocaleString('en')} rows (${file})`);

const site = await serveSite();
const browser = await launchBrowser();
try {
  const probe = await openPage(browser, site.url(values.lang === 'en' ? 'en' : 'id', '/jelajah/periksa/'));
  const { page } = probe;
  let t = performance.now();
  await page.waitForSelector('[data-engine][data-state="ready"]', { timeout: 300_000 });
  console.log(`engine and published tables ready ${((performance.now() - t) / 1000).toFixed(1)} s after opening`);
  // longest gap between animation frames while checking: does the page freeze?
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number; __gaps: [number, string][] };
    w.__gap = 0;
    w.__gaps = [];
    w.__last = performance.now();
    const tick = (now: number) => {
      const gap = now - w.__last;
      w.__gap = Math.max(w.__gap, gap);
      // what the page was doing: the status line shown after the gap
      if (gap > 250) w.__gaps.push([Math.round(gap), document.querySelector('[data-status]')?.textContent ?? '']);
      w.__last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const before = probe.requests.length;
  t = performance.now();
  await page.setInputFiles('input[type=file]', file);
  await page.waitForSelector('[data-periksa][data-done]', { timeout: 1_800_000 });
  const wall = performance.now() - t;
  const during = probe.requests.slice(before);
  const done = await page.getAttribute('[data-periksa]', 'data-done');
  const ms = Number(await page.getAttribute('[data-periksa]', 'data-ms'));
  const gap = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
  const rows = await page.locator('[data-summary] [data-k="baris"]').textContent();
  console.log(`check: ${done}; ${(wall / 1000).toFixed(1)} s from choosing the file to the result (page's own figure ${(ms / 1000).toFixed(1)} s); rows read ${rows}`);
  const gaps = await page.evaluate(() => (window as unknown as { __gaps: [number, string][] }).__gaps);
  console.log(`longest gap between frames while checking: ${Math.round(gap)} ms; gaps over 250 ms: ${gaps.length}`);
  for (const [ms, what] of gaps.sort((a, b) => b[0] - a[0]).slice(0, 5)) console.log(`  ${ms} ms before "${what.slice(0, 80)}"`);
  console.log(`requests while checking: ${during.length}${during.length ? ` (${during.join(', ')})` : ''}; outside localhost during the session: ${probe.outside.length}`);
  console.log(`file check ${(made.bytes / 1e6).toFixed(1)} MB / ${made.rows} rows: ${(wall / 1000).toFixed(1)} s, ${during.length} requests`);
  await probe.close();
  if (done !== 'result' || during.length) process.exitCode = 1;
} finally {
  await browser.close();
  await site.close();
}
