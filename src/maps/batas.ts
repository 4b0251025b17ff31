/**
 * Loading boundary files (src/lib/batas.ts says where they are). In the browser they are fetched
 * from the site (`<base>batas/...`, cached per file); at build time src/components/halaman/ssr.ts
 * installs a loader reading public/batas/ from disk. A missing file is null: the page then shows a
 * schematic map or a note, never an error.
 */
import type { Topology } from 'topojson-specification';
import { BATAS_DIR, batasFile, type BatasTingkat } from '../lib/batas.ts';

export type BatasLoader = (rel: string) => Promise<unknown | null>;

const siteBase = (): string => {
  const b = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
};

let loader: BatasLoader = async (rel) => {
  // Outside a browser (a page module run by tests without the build's disk loader) there is no
  // site to fetch from: no boundaries, so the page shows its schematic map.
  if (typeof location === 'undefined') return null;
  const r = await fetch(`${siteBase()}${rel}`);
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${rel}: HTTP ${r.status}`);
  return (await r.json()) as unknown;
};
const cache = new Map<string, Promise<unknown | null>>();

export function setBatasLoader(fn: BatasLoader): void {
  loader = fn;
  cache.clear();
}

export function loadBatas(province: string, tingkat: BatasTingkat, kabupaten?: string): Promise<Topology | null> {
  return load(batasFile(province, tingkat, kabupaten)) as Promise<Topology | null>;
}

export interface BatasMeta {
  attribution: string | null;
}

/** meta.json of a province's boundaries (attribution line), or null when there are none. */
export function loadBatasMeta(province: string): Promise<BatasMeta | null> {
  return load(`${BATAS_DIR}/${province}/meta.json`) as Promise<BatasMeta | null>;
}

function load(rel: string): Promise<unknown | null> {
  let hit = cache.get(rel);
  if (!hit) {
    hit = loader(rel);
    cache.set(rel, hit);
    hit.catch(() => cache.delete(rel));
  }
  return hit;
}
