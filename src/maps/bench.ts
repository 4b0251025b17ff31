/**
 * Map figures for `npm run bench:site`: the village map of the province's largest regency (most
 * villages) — its boundary file's gzip size, and the time to redraw it in the browser under the
 * bench's CPU slowdown once its data have arrived (src/maps/peta.ts bundled as is, run in the
 * built profile page: project + paths + insert into the DOM + layout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

export interface PetaBench {
  kabupaten: string;
  areas: number;
  boundaryBytes: number;
  boundaryGzip: number;
  redrawMs: number[];
  redrawMedian: number;
}

export const PETA_GOALS = { redrawMs: 200, boundaryGzip: 150 * 1024 };

/** The village file with the most areas under dist/batas/<province>/desa/. */
export function largestRegency(dist: string, province: string): { kode: string; file: string; areas: number } | null {
  const dir = join(dist, 'batas', province, 'desa');
  let best: { kode: string; file: string; areas: number } | null = null;
  for (const f of readdirSync(dir)) {
    const topo = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { objects: Record<string, { geometries: unknown[] }> };
    const areas = Object.values(topo.objects)[0]!.geometries.length;
    if (!best || areas > best.areas) best = { kode: f.replace(/\.json$/, ''), file: join(dir, f), areas };
  }
  return best;
}

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { petaSvg, skalaWho } from './src/maps/peta.ts';
window.__petaRedraw = async (url, runs) => {
  const topo = await (await fetch(url)).json();
  const fig = document.querySelector('figure[data-figure="peta-desa"]');
  const body = fig.querySelector('.peta-body');
  // the figures as the page has them (data-* of the built map): what a period change hands over
  const areas = [...fig.querySelectorAll('.area[data-lapisan="utama"]')].map((p) => ({
    kode: p.dataset.kode, nama: p.dataset.nama, nilai: p.dataset.nilai ? Number(p.dataset.nilai) : null,
    khusus: p.dataset.nilai ? undefined : 'ditekan', info: (p.dataset.info || '').split('\\n'),
    href: p.closest('a') ? p.closest('a').getAttribute('href') : null,
  }));
  const warna = JSON.parse(fig.dataset.warna);
  const times = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    body.innerHTML = petaSvg({ lang: 'id', topology: topo, areas, skala: skalaWho(warna), width: Math.min(body.clientWidth || 640, 640), label: 'bench', uid: 'peta-desa', garisKelompok: 8 });
    body.getBoundingClientRect();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t0);
  }
  return times;
};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022',
    minify: true,
  });
  return out.outputFiles[0]!.text;
}

/** Runs on a page already throttled by the caller; `url(path)` gives the site URL of a path. */
export async function benchPeta(page: Page, dist: string, province: string, url: (path: string) => string, runs = 7): Promise<PetaBench | null> {
  const kab = largestRegency(dist, province);
  if (!kab) return null;
  const raw = readFileSync(kab.file);
  await page.goto(url(`wilayah/${kab.kode}/`), { waitUntil: 'load' });
  await page.addScriptTag({ content: await bundle() });
  const times = await page.evaluate(([u, n]) => (window as unknown as { __petaRedraw: (u: string, n: number) => Promise<number[]> }).__petaRedraw(u, n), [url(`batas/${province}/desa/${kab.kode}.json`), runs] as const);
  const sorted = [...times].sort((a, b) => a - b);
  return { kabupaten: kab.kode, areas: kab.areas, boundaryBytes: raw.length, boundaryGzip: gzipSync(raw).length, redrawMs: times.map((t) => Math.round(t)), redrawMedian: Math.round(sorted[Math.floor(sorted.length / 2)]!) };
}
