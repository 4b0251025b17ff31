/**
 * The portable edition: the built site turned into one zip that opens by double-click (file://),
 * with no server and no internet, for a TPPS secretary's USB stick or a WhatsApp message.
 *
 * From file:// a browser refuses module scripts loaded by URL, fetch and workers, so:
 * - every root-relative link becomes relative to its page and points at `index.html` (a folder
 *   link would open a directory listing);
 * - module scripts and their preloads are left out (the pages are complete without them: every
 *   figure is rendered at build time; the deck's classic inline script stays and works);
 * - the in-browser engine (DuckDB-WASM, ~35 MB) is left out, and every page says plainly that
 *   the interactive tools need the online site;
 * - the data files (Parquet, CSV, spreadsheets) stay inside for anyone to open.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Lang } from '../lib/i18n.ts';

/** Folders of dist/ that the portable edition leaves out: the wasm engine, the share-card images and the embed pages (for other sites, not for a USB stick). */
export const PORTABLE_EXCLUDE = ['_duckdb/', 'og/', 'embed/', 'en/embed/', 'frag/', 'views/', 'js/']; // frag/, views/, js/: fetched by the controls, which need a server

const NOTE: Record<Lang, string> = {
  id: 'Edisi portabel (luring): halaman menampilkan tampilan bawaan. Pilihan periode, penjelajah data, konsol SQL dan pemeriksaan berkas memerlukan situs daring atau server lokal (npm run preview).',
  en: 'Portable (offline) edition: pages show their default view. Period choice, the data explorer, the SQL console and the file check need the online site or a local server (npm run preview).',
};

export interface PortableFile {
  /** Path inside the zip's top folder, with "/" separators. */
  path: string;
  data: Uint8Array;
}

/** "wilayah/64.08/index.html" + "/cakupan/" (root-relative, base stripped) → "../../cakupan/index.html". */
export function relativeLink(fromFile: string, target: string): string {
  const hashAt = target.search(/[?#]/);
  const path = hashAt === -1 ? target : target.slice(0, hashAt);
  const rest = hashAt === -1 ? '' : target.slice(hashAt);
  let file = path.replace(/^\/+/, '');
  if (file === '' || file.endsWith('/')) file += 'index.html';
  else if (!extname(file)) file += '/index.html';
  const rel = posix.relative(posix.dirname(fromFile), file) || posix.basename(file);
  return rel + rest;
}

const ATTR = /\b(href|src|action|poster)=("([^"]*)"|'([^']*)')/g;

/** Rewrites one HTML page of the site for file:// (see the module comment). */
export function portableHtml(html: string, fromFile: string, base: string, lang: Lang): string {
  const toRel = (url: string) => (url.startsWith(base) && !url.startsWith('//') ? relativeLink(fromFile, url.slice(base.length - 1)) : url);
  let out = html
    // module scripts (by URL or inline with imports) and their preloads cannot run from file://
    .replace(/<script\b[^>]*type=["']?module["']?[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi, '')
    .replace(ATTR, (m, name: string, _q, dq: string | undefined, sq: string | undefined) => {
      const value = dq ?? sq ?? '';
      return `${name}="${toRel(value)}"`;
    })
    // the deck's chooser targets: a JSON map of root-relative paths in an attribute
    .replace(/data-paths="([^"]*)"/g, (_m, json: string) => {
      const map = JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, string>;
      const rel = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, toRel(v)]));
      return `data-paths="${JSON.stringify(rel).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    });
  const note = `<p class="banner banner-portable" data-banner="portable" style="margin:0;padding:0.45rem 1rem;background:#e3f1f2;border-bottom:2px solid #005a66;text-align:center">${NOTE[lang]}</p>`;
  out = out.replace(/<body([^>]*)>/i, (m) => `${m}${note}`);
  return out;
}

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** Every file of the portable edition, from a built site. */
export function portableFiles(dist: string, base = '/'): PortableFile[] {
  const files: PortableFile[] = [];
  for (const path of walk(dist)) {
    if (PORTABLE_EXCLUDE.some((x) => path.startsWith(x)) || path.split('/').some((p) => p.startsWith('.'))) continue;
    const buf = readFileSync(join(dist, path));
    if (path.endsWith('.html')) {
      const lang: Lang = path.startsWith('en/') ? 'en' : 'id';
      files.push({ path, data: new TextEncoder().encode(portableHtml(buf.toString('utf8'), path, base, lang)) });
    } else files.push({ path, data: buf });
  }
  return files;
}

/** The zip: every file under one top folder named like the zip. */
export function portableZip(files: readonly PortableFile[], top: string): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[`${top}/${f.path}`] = [f.data, { level: /\.(png|jpg|parquet|xlsx|gz|br|zip)$/.test(f.path) ? 0 : 6 }];
  return zipSync(tree, { mtime: new Date('2020-01-01T00:00:00Z') });
}

/** "atlas-stunting-64-2025-08" (+ "-INTERNAL" for an unsuppressed build). */
export function portableName(kode: string, latestPeriod: string | undefined, internal: boolean): string {
  return `atlas-stunting-${kode}${latestPeriod ? `-${latestPeriod}` : ''}${internal ? '-INTERNAL' : ''}`;
}
