/**
 * Lighthouse (mobile, its default simulated throttling) on pages of the built site, with the
 * system Chromium: scores per category and the audits that did not pass, for `npm run bench:site
 * -- --lighthouse`. Lighthouse is a devDependency (pinned); it is imported only here.
 */
import { CHROMIUM, serveSite } from '../testing/browser.ts';

export interface LighthouseResult {
  path: string;
  run: number;
  /** 0–100 per category id (performance, accessibility, best-practices, seo). */
  scores: Record<string, number>;
  /** Audits with a score below 1 that count for a category (id: title). */
  failed: string[];
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
}

export async function runLighthouse(dist: string, paths: string[], runs: number): Promise<LighthouseResult[]> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: (url: string, flags: object) => Promise<{ lhr: Lhr } | undefined> };
  const { launch } = (await import('chrome-launcher')) as unknown as { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }> };
  const site = await serveSite(dist);
  const results: LighthouseResult[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const path of paths) {
        const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
        try {
          const url = path.startsWith('/en/') ? site.url('en', path.slice(3)) : site.url('id', path);
          const out = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
          if (!out) throw new Error(`lighthouse gave no result for ${url}`);
          const { lhr } = out;
          const scores: Record<string, number> = {};
          const failed = new Set<string>();
          for (const [id, cat] of Object.entries(lhr.categories)) {
            scores[id] = Math.round((cat.score ?? 0) * 100);
            for (const ref of cat.auditRefs) {
              const a = lhr.audits[ref.id];
              if (ref.weight > 0 && a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative') failed.add(`${ref.id} (${a.score})`);
            }
          }
          results.push({ path, run, scores, failed: [...failed] });
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
