/**
 * Lighthouse (mobile, its default simulated throttling) on pages of the built site, with the
 * system Chromium: scores per category and the audits that did not pass, for `npm run bench:site
 * -- --lighthouse` (with --lighthouse-only, nothing else runs). Lighthouse is a devDependency
 * (pinned); it is imported only here.
 *
 * Pages by default: /, /en/, and the profile of a regency, one of its districts and one of its
 * villages (64.08 and its first district and village when the build has them, else the first
 * regency with village pages). The report also says whether the build is the demo (its noindex
 * fails Lighthouse's "is-crawlable" on purpose) and checks the head links (canonical, hreflang:
 * src/build/head-links.ts) of every page against the site URL the build was made with.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { checkHeadLinks, siteHeadLinks } from '../build/head-links.ts';
import { normalizeBase } from '../lib/i18n.ts';
import { CHROMIUM, serveSite } from '../testing/browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The issue's goal: at least this in every category (mobile). */
export const LIGHTHOUSE_GOAL = 95;

export interface FailedAudit {
  id: string;
  title: string;
  score: number;
}

export interface LighthouseResult {
  path: string;
  run: number;
  /** 0–100 per category id (performance, accessibility, best-practices, seo). */
  scores: Record<string, number>;
  /** Audits with a score below 1 that count for a category (weight > 0). */
  failed: FailedAudit[];
  /** Lighthouse's measure of the host CPU at the start of the run (higher: faster; a busy host scores low). */
  benchmarkIndex: number | null;
  /** First contentful paint, largest contentful paint, total blocking time (simulated, ms). */
  metrics: { fcp: number | null; lcp: number | null; tbt: number | null };
  loadBefore: number[];
  loadAfter: number[];
}

interface Lhr {
  environment?: { benchmarkIndex?: number };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string; numericValue?: number }>;
}

/** /, /en/, and a regency, district and village profile of the build (see the file's comment). */
export function lighthousePaths(dist: string): string[] {
  const dir = join(dist, 'wilayah');
  const codes = existsSync(dir) ? readdirSync(dir).filter((c) => existsSync(join(dir, c, 'index.html'))).sort() : [];
  const villages = codes.filter((c) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(c));
  const kab = ['64.08', ...codes.filter((c) => /^\d{2}\.\d{2}$/.test(c))].find((k) => villages.some((v) => v.startsWith(`${k}.`)));
  if (!kab) return ['/', '/en/'];
  const desa = villages.find((v) => v.startsWith(`${kab}.`))!;
  return ['/', '/en/', `/wilayah/${kab}/`, `/wilayah/${desa.slice(0, 8)}/`, `/wilayah/${desa}/`];
}

/**
 * Lighthouse on each path, `runs` times (a fresh Chromium each). With `saveDir`, each full report
 * is kept there as JSON (open it in the Lighthouse viewer to see why an audit failed).
 */
export async function runLighthouse(dist: string, paths: string[], runs: number, log: (line: string) => void = () => undefined, saveDir?: string): Promise<LighthouseResult[]> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: (url: string, flags: object) => Promise<{ lhr: Lhr } | undefined> };
  const { launch } = (await import('chrome-launcher')) as unknown as { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }> };
  const site = await serveSite(dist);
  const results: LighthouseResult[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const path of paths) {
        const loadBefore = loadavg();
        log(`lighthouse ${path} run ${run}/${runs} (load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')})`);
        const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
        try {
          const url = path.startsWith('/en/') ? site.url('en', path.slice(3)) : site.url('id', path);
          const out = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
          if (!out) throw new Error(`lighthouse gave no result for ${url}`);
          const { lhr } = out;
          if (saveDir) {
            mkdirSync(saveDir, { recursive: true });
            writeFileSync(join(saveDir, `${path.replace(/^\/|\/$/g, '').replace(/[^\w.-]+/g, '_') || 'index'}-${run}.json`), JSON.stringify(lhr));
          }
          const scores: Record<string, number> = {};
          const failed = new Map<string, FailedAudit>();
          for (const [id, cat] of Object.entries(lhr.categories)) {
            scores[id] = Math.round((cat.score ?? 0) * 100);
            for (const ref of cat.auditRefs) {
              const a = lhr.audits[ref.id];
              if (ref.weight > 0 && a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative') failed.set(ref.id, { id: ref.id, title: a.title, score: a.score });
            }
          }
          const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
          const metrics = { fcp: value('first-contentful-paint'), lcp: value('largest-contentful-paint'), tbt: value('total-blocking-time') };
          results.push({ path, run, scores, failed: [...failed.values()], benchmarkIndex: lhr.environment?.benchmarkIndex ?? null, metrics, loadBefore, loadAfter: loadavg() });
        } finally {
          await chrome.kill();
        }
      }
    }
  } finally {
    await site.close();
  }
  return results;
}

/** What the build is: demo or not, and the site URL its pages' canonical names (if any). */
export function describeBuild(dist: string, base = process.env.ATLAS_BASE): { demo: boolean; internal: boolean; site: string | undefined; headProblems: string[]; pages: number } {
  const manifest = JSON.parse(readFileSync(join(dist, 'data', 'manifest.json'), 'utf8')) as { demo: boolean; internal: boolean };
  const pages = siteHeadLinks(dist);
  const home = pages.find((p) => p.route === '')?.canonical[0];
  const b = normalizeBase(base);
  const site = home?.endsWith(b) ? home.slice(0, home.length - b.length + 1) : home;
  return { demo: manifest.demo, internal: manifest.internal, site, headProblems: checkHeadLinks(dist, site, b, pages), pages: pages.length };
}

/** Median (mean of the middle two for an even count); null for none. */
const median = (xs: (number | null)[]): number | null => {
  const s = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.round(median(s)!);
  return s[0] === s.at(-1) ? String(m) : `${m} [${s[0]}–${s.at(-1)}]`;
};

/** Median of each category per page under the goal: "path category", none when all is met. */
export function lighthouseMisses(results: LighthouseResult[]): string[] {
  const misses: string[] = [];
  for (const path of [...new Set(results.map((r) => r.path))]) {
    for (const c of CATEGORIES) {
      if (Math.round(median(results.filter((r) => r.path === path).map((r) => r.scores[c] ?? 0))!) < LIGHTHOUSE_GOAL) misses.push(`${path} ${c}`);
    }
  }
  return misses;
}

/** The table: per page the median [range] of each category, the misses and the failing audits. */
export function lighthouseReport(results: LighthouseResult[], build?: ReturnType<typeof describeBuild>): string[] {
  const runs = Math.max(0, ...results.map((r) => r.run));
  const loads = results.flatMap((r) => [r.loadBefore[0]!, r.loadAfter[0]!]);
  const span = (xs: number[], f = (n: number) => n.toFixed(2)) => (xs.length ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : 'n/a');
  const bi = results.map((r) => r.benchmarkIndex).filter((x): x is number => x !== null);
  const lines = [
    '',
    `Lighthouse (mobile, simulated throttling), ${runs} run(s) per page, median [range]; 1-min load average ${span(loads)} during the runs, host benchmark index ${span(bi, (n) => String(Math.round(n)))} (a busy host scores low and inflates TBT)`,
  ];
  if (build) {
    lines.push(`  build: ${build.internal ? 'INTERNAL' : build.demo ? 'demo (noindex: is-crawlable fails on purpose)' : 'not demo'}; site URL ${build.site ?? 'none'}`);
    lines.push(
      build.headProblems.length
        ? `  head links: ${build.headProblems.length} problem(s) on ${build.pages} pages: ${build.headProblems.slice(0, 5).join('; ')}`
        : `  head links: ${build.site ? `canonical and hreflang (id, en) absolute, to existing pages, both ways` : 'no canonical, hreflang or og:url (no site URL)'} on every page (${build.pages} checked): ok`,
    );
  }
  const short: Record<string, string> = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'best-pr', seo: 'seo' };
  const ms = (xs: (number | null)[]) => {
    const m = median(xs);
    return m === null ? 'n/a' : String(Math.round(m));
  };
  lines.push(`  ${'page'.padEnd(26)}${CATEGORIES.map((c) => short[c]!.padEnd(17)).join('')}FCP / LCP / TBT ms (median)`);
  const misses = lighthouseMisses(results);
  for (const path of [...new Set(results.map((r) => r.path))]) {
    const rs = results.filter((r) => r.path === path);
    const cells = CATEGORIES.map((c) => `${stat(rs.map((r) => r.scores[c] ?? 0))}${misses.includes(`${path} ${c}`) ? ' MISS' : ''}`.padEnd(16) + ' ');
    lines.push(`  ${path.padEnd(26)}${cells.join('')}${[ms(rs.map((r) => r.metrics.fcp)), ms(rs.map((r) => r.metrics.lcp)), ms(rs.map((r) => r.metrics.tbt))].join(' / ')}`);
  }
  const failed = new Map<string, { title: string; scores: number[]; paths: Set<string> }>();
  for (const r of results) {
    for (const a of r.failed) {
      const f = failed.get(a.id) ?? { title: a.title, scores: [], paths: new Set() };
      f.scores.push(a.score);
      f.paths.add(r.path);
      failed.set(a.id, f);
    }
  }
  if (failed.size) {
    lines.push('  audits below 1 in any run (lowest score; pages):');
    for (const [id, f] of failed) lines.push(`    ${id} (${Math.min(...f.scores)}) "${f.title}": ${f.paths.size === new Set(results.map((r) => r.path)).size ? 'every page' : [...f.paths].join(', ')}`);
  }
  lines.push(misses.length ? `  Lighthouse goal (>= ${LIGHTHOUSE_GOAL}) missed: ${misses.join('; ')}` : `  Lighthouse goal (>= ${LIGHTHOUSE_GOAL} in every category) met on every page.`);
  return lines;
}
