/**
 * Bytes of the build-time fragments (dist/frag, src/lib/fragmen.ts) by the level of the pages that
 * use them: reads each page's fragment index from its HTML and adds up the files it names. A file
 * named by pages of more than one level counts once, under "shared". Also the total size of dist/.
 *
 *   node scripts/frag-bytes.ts [dist]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const INDEX = /<script type="application\/json" data-frag-index>([^<]*)<\/script>/;

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name === 'index.html') yield p;
  }
}

/** The level of a page from its path: a profile by the parts of its code, else "fixed". */
function level(path: string): string {
  const kode = /\/wilayah\/([\d.]+)\/index\.html$/.exec(`/${path}`)?.[1];
  if (!kode) return 'fixed';
  return ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'][kode.split('.').length - 1] ?? 'other';
}

const users = new Map<string, Set<string>>();
const pages = new Map<string, number>();
for (const file of htmlFiles(dist)) {
  const m = INDEX.exec(readFileSync(file, 'utf8'));
  if (!m) continue;
  const lv = level(relative(dist, file));
  pages.set(lv, (pages.get(lv) ?? 0) + 1);
  const index = JSON.parse(m[1]!) as { g: [string[], string[], Record<string, string>][] };
  for (const [, , byValues] of index.g) {
    for (const ref of Object.values(byValues)) {
      if (!ref) continue;
      const hash = ref.replace(/#$/, '');
      if (!users.has(hash)) users.set(hash, new Set());
      users.get(hash)!.add(lv);
    }
  }
}

const rows = new Map<string, { files: number; bytes: number }>();
const add = (lv: string, bytes: number) => {
  const r = rows.get(lv) ?? { files: 0, bytes: 0 };
  r.files += 1;
  r.bytes += bytes;
  rows.set(lv, r);
};
const fragDir = join(dist, 'frag');
for (const name of readdirSync(fragDir)) {
  const hash = name.replace(/\.bin$/, '');
  const lv = users.get(hash);
  add(!lv ? 'unused' : lv.size > 1 ? 'shared' : [...lv][0]!, statSync(join(fragDir, name)).size);
}

const du = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
const mb = (n: number) => (n / 1e6).toFixed(2);
let files = 0;
let bytes = 0;
console.log('level            pages   files      MB');
for (const [lv, r] of [...rows].sort((a, b) => b[1].bytes - a[1].bytes)) {
  files += r.files;
  bytes += r.bytes;
  console.log(`${lv.padEnd(15)} ${String(pages.get(lv) ?? '').padStart(6)} ${String(r.files).padStart(7)} ${mb(r.bytes).padStart(7)}`);
}
console.log(`${'frag total'.padEnd(15)} ${String([...pages.values()].reduce((a, b) => a + b, 0)).padStart(6)} ${String(files).padStart(7)} ${mb(bytes).padStart(7)}`);
console.log(`dist total: ${mb(du(dist))} MB`);
