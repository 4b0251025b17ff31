/**
 * What the first-click mechanism costs in a built dist/ (`npm run bench:site -- --cost`): the
 * build-time fragments (/frag/, by the level of the pages that use them), the fragment indexes and
 * the inline controls in every page, the shared controls script (/js/) and the view files
 * (/views/), against the whole dist/ and against the allowance (dist/ may grow by at most half for
 * it: half of the 67 MB dist/ of the time it was asked for).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Bytes the mechanism may add (half of the 67 MB dist/ when the first click was asked for). */
export const MECHANISM_ALLOWANCE = 33.5e6;

const INDEX = /<script type="application\/json" data-frag-index>([\s\S]*?)<\/script>/;
/** The inline controls: the classic inline script that names window.__atlasAwal (or, before it, __atlasKendali). */
const INLINE = /<script>((?:(?!<\/script>)[\s\S])*?__atlas(?:Awal|Kendali)[\s\S]*?)<\/script>/;

export interface DistCost {
  dist: number;
  pages: number;
  pagesWithControls: number;
  /** Fragment bytes and files by the level of the pages that use them ("shared": several levels). */
  frag: Record<string, { bytes: number; files: number }>;
  fragBytes: number;
  indexes: number;
  inline: number;
  scripts: number;
  views: number;
  mechanism: number;
}

function* files(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** The level of a page from its path (profile pages by the depth of their code; others "pages"). */
export function levelOfPage(path: string): string {
  const m = /(?:^|\/)wilayah\/(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)\//.exec(path);
  if (!m) return 'pages';
  return ['province', 'regencies', 'districts', 'villages'][m[1]!.split('.').length - 1]!;
}

export function distCost(dist: string): DistCost {
  const size = new Map<string, number>();
  for (const f of files(dist)) size.set(relative(dist, f).split(sep).join('/'), statSync(f).size);
  const levels = new Map<string, Set<string>>();
  let pages = 0;
  let pagesWithControls = 0;
  let indexes = 0;
  let inline = 0;
  for (const path of size.keys()) {
    if (!path.endsWith('.html')) continue;
    pages++;
    const html = readFileSync(join(dist, path), 'utf8');
    const code = INLINE.exec(html);
    if (code) (pagesWithControls++, (inline += Buffer.byteLength(code[1]!)));
    const index = INDEX.exec(html);
    if (!index) continue;
    indexes += Buffer.byteLength(index[1]!);
    const level = levelOfPage(path);
    const parsed = JSON.parse(index[1]!) as { g: [string[], string[], Record<string, string>][] };
    for (const [, , byValues] of parsed.g) {
      for (const ref of Object.values(byValues)) {
        if (!ref) continue;
        const hash = ref.replace(/#$/, '');
        let set = levels.get(hash);
        if (!set) levels.set(hash, (set = new Set()));
        set.add(level);
      }
    }
  }
  const frag: DistCost['frag'] = {};
  let fragBytes = 0;
  for (const [path, bytes] of size) {
    const m = /^frag\/([^/]+)\.bin$/.exec(path);
    if (!m) continue;
    const set = levels.get(m[1]!);
    const level = !set ? 'unused' : set.size > 1 ? 'shared' : [...set][0]!;
    const e = (frag[level] ??= { bytes: 0, files: 0 });
    e.bytes += bytes;
    e.files++;
    fragBytes += bytes;
  }
  const under = (prefix: string) => [...size].filter(([p]) => p.startsWith(prefix)).reduce((a, [, b]) => a + b, 0);
  const scripts = under('js/');
  const views = under('views/');
  const dist_ = [...size.values()].reduce((a, b) => a + b, 0);
  return { dist: dist_, pages, pagesWithControls, frag, fragBytes, indexes, inline, scripts, views, mechanism: fragBytes + indexes + inline + scripts + views };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function distCostReport(c: DistCost): string[] {
  const without = c.dist - c.mechanism;
  const lines = [
    '',
    `first-click mechanism in dist/ (${c.pages} pages, ${c.pagesWithControls} with controls; dist ${mb(c.dist)})`,
    `  fragments             ${mb(c.fragBytes)}`,
    ...Object.entries(c.frag)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([level, { bytes, files }]) => `    ${level.padEnd(20)}${mb(bytes).padEnd(10)}(${files} files)`),
    `  inline controls       ${mb(c.inline)}   (${c.pagesWithControls ? ((c.inline / c.pagesWithControls / 1024).toFixed(1)) : 0} KB a page)`,
    `  shared script (js/)   ${(c.scripts / 1024).toFixed(1)} KB`,
    `  fragment indexes      ${mb(c.indexes)}`,
    `  view files            ${mb(c.views)}`,
    `  total                 ${mb(c.mechanism)}   ${c.mechanism <= MECHANISM_ALLOWANCE ? 'ok' : 'MISSED'} (allowance ${mb(MECHANISM_ALLOWANCE)}: half of the 67 MB dist/ when it was asked for); ${((100 * c.mechanism) / without).toFixed(0)} % of the dist/ without it (${mb(without)})`,
  ];
  return lines;
}
