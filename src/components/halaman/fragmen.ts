/**
 * Build side of the fragments (src/lib/fragmen.ts): renders every preset state of a page in one
 * language, finds which state keys each slot depends on, and returns the page's index and each
 * distinct file (gzip), a group's files packed into one where PACK_RULE says so (a village's
 * periods: one ~1 KB file, and the ranking of its district's villages, one ~6 KB file shared by
 * those villages' pages: PageModule.shared). Every interactive page gets fragments: the pages
 * with a fixed name and the profile of every level (FRAG_LEVELS). The view file and the page
 * module (src/client/upgrade.ts) remain for a state the index does not hold and for when the
 * fragments cannot be had.
 */
import { gzipSync } from 'node:zlib';
import { siteProvince } from '../../lib/db/manifest.ts';
import { encodeFragment, FRAG_FORMAT, fragHash, packedRef, projection, shouldPack, stateKey, type FragFile, type FragIndex, type FragPack } from '../../lib/fragmen.ts';
import type { Lang } from '../../lib/i18n.ts';
import { STATE_KEYS, type AtlasState, type StateKey } from '../../lib/url-state.ts';
import { profilAreas } from './paths.ts';
import { slotPatches } from './patch.ts';
import { buildDb, ssrDocument, SSR_WIDTH } from './ssr.ts';
import { presetFor } from './views.ts';

/** Profile levels whose pages get fragments (besides the pages with a fixed name): all of them. */
export const FRAG_LEVELS = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'] as const;
const FIXED_PAGES = ['ringkasan', 'dua-angka', 'cakupan', 'prioritas'];

/** Names (as in views.ts) of the pages that get fragments. */
export async function fragPages(): Promise<string[]> {
  const areas = await profilAreas();
  return [...FIXED_PAGES, ...areas.filter((a) => (FRAG_LEVELS as readonly string[]).includes(a.tingkat)).map((a) => `wilayah-${a.kode_wilayah}`)];
}

export interface PageFragments {
  index: FragIndex;
  /** Each file (a FragFile, or a FragPack, as gzip JSON) by the hash of its JSON. */
  files: Map<string, Buffer>;
  /** Every state the page can show (the keys of the index's maps come from these). */
  states: AtlasState[];
}

const pages = new Map<string, Promise<PageFragments>>();

/** Fragments of one page in one language (memoised: the page and the file endpoint share them). */
export function pageFragments(name: string, lang: Lang, base: string): Promise<PageFragments> {
  const key = `${name}|${lang}|${base}`;
  let hit = pages.get(key);
  if (!hit) pages.set(key, (hit = build(name, lang, base)));
  return hit;
}

async function build(name: string, lang: Lang, base: string): Promise<PageFragments> {
  const p = presetFor(name);
  if (!p) throw new Error(`no view preset for page "${name}"`);
  const province = siteProvince();
  const conn = buildDb();
  const render = async (request: AtlasState) => {
    const model = await p.page.load(conn, { ...request, ...p.fixed }, province);
    const state = p.page.stateOf(model);
    for (const k of Object.keys(p.fixed ?? {}) as StateKey[]) if (state[k] === p.fixed![k]) delete state[k];
    return { model, state, slots: () => p.page.slots(model, { lang, document: ssrDocument(), base, width: SSR_WIDTH, province }) };
  };
  // Requests as the browser makes them: the URL's state (the keys chosen so far, as shown) with
  // one control changed. Each shown state is drawn once.
  const first = await render({});
  const built = { state: first.state, slots: first.slots() };
  const shown = new Map<string, { state: AtlasState; slots: Record<string, string> }>([[stateKey(built.state), built]]);
  const aliases: FragIndex['a'] = {};
  const seen = new Set<string>();
  const todo: AtlasState[] = [{}];
  while (todo.length) {
    const request = todo.pop()!;
    const rk = stateKey(request);
    if (seen.has(rk)) continue;
    seen.add(rk);
    const next = await render(request);
    const sk = stateKey(next.state);
    if (sk !== stateKey({ ...built.state, ...request })) aliases[rk] = next.state;
    if (!shown.has(sk)) shown.set(sk, { state: next.state, slots: next.slots() });
    // the URL after the view is shown: the chosen keys, with the values shown
    const url = Object.fromEntries(Object.keys(request).map((k) => [k, next.state[k as StateKey]]).filter(([, v]) => v !== undefined)) as AtlasState;
    for (const [control, values] of Object.entries(p.controls(next.model)) as [StateKey, readonly string[]][]) {
      for (const value of values) {
        todo.push({ ...request, [control]: value });
        todo.push({ ...url, [control]: value });
      }
    }
  }
  const files = new Map<string, Buffer>();
  const gzip = (json: string) => gzipSync(json, { level: 9 });
  const keys = STATE_KEYS.filter((k) => [...shown.values()].some((s) => s.state[k] !== undefined));
  // A shared slot (PageModule.shared) is a group of its own, so its file is the same on every page that shows it.
  const shared = new Set(p.page.shared?.(first.model) ?? []);
  const groups = new Map<string, [StateKey[], string[], boolean]>();
  for (const slot of Object.keys(built.slots)) {
    const deps = dependsOn(slot, [...shown.values()], keys);
    const key = shared.has(slot) && deps.length ? `${deps.join('|')}|=${slot}` : deps.join('|');
    const g = groups.get(key);
    if (g) g[1].push(slot);
    else groups.set(key, [deps, [slot], shared.has(slot)]);
  }
  const g: FragIndex['g'] = [];
  for (const [deps, slots, isShared] of groups.values()) {
    // each slot's states as patches of its built DOM where they have its shape (and are smaller);
    // none for a shared group: its files hold every combination, the built one too, as HTML with
    // no reference to the page's built HTML, so they depend on the state alone, not on which page
    // (built in which state) names them
    const patches = new Map(isShared ? [] : slots.map((slot) => {
      const builtSlot = built.slots[slot] ?? '';
      return [slot, slotPatches(builtSlot, [...shown.values()].map((s) => s.slots[slot] ?? ''), (html) => encodeFragment(html, builtSlot).length)] as const;
    }));
    // the group's file for each combination of its keys' values (none: as built)
    const own = new Map<string, { json: string; gz: Buffer }>();
    for (const s of shown.values()) {
      const projected = projection(s.state, deps);
      if (own.has(projected)) continue;
      const file: FragFile = {};
      for (const slot of slots) {
        const text = s.slots[slot] ?? '';
        if (isShared) file[slot] = encodeFragment(text, '');
        else if (text !== built.slots[slot]) file[slot] = patches.get(slot)!.get(text) ?? encodeFragment(text, built.slots[slot] ?? '');
      }
      if (!Object.keys(file).length) continue;
      const json = JSON.stringify(file);
      own.set(projected, { json, gz: gzip(json) });
    }
    const byValues: Record<string, string> = {};
    for (const s of shown.values()) byValues[projection(s.state, deps)] = '';
    // (sorted: the same JSON whatever order the page's states were found in)
    const pack: FragPack = Object.fromEntries([...own].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([projected, f]) => [projected, JSON.parse(f.json) as FragFile]));
    const packJson = own.size > 1 ? JSON.stringify(pack) : '';
    const packGz = packJson ? gzip(packJson) : undefined;
    const builtKey = projection(built.state, deps);
    if (packGz && shouldPack(packGz.length)) {
      const hash = fragHash(packJson);
      files.set(hash, packGz);
      for (const projected of own.keys()) if (!(isShared && projected === builtKey)) byValues[projected] = packedRef(hash);
    } else {
      for (const [projected, f] of own) {
        if (isShared && projected === builtKey) continue; // on screen already: no file to fetch
        const hash = fragHash(f.json);
        files.set(hash, f.gz);
        byValues[projected] = hash;
      }
    }
    g.push([deps, slots, byValues]);
  }
  return { index: { v: FRAG_FORMAT, b: `${base.endsWith('/') ? base : `${base}/`}frag/`, g, a: aliases }, files, states: [...shown.values()].map((s) => s.state) };
}

/** The smallest set of state keys whose values determine the slot's HTML in every shown state. */
function dependsOn(slot: string, shown: { state: AtlasState; slots: Record<string, string> }[], keys: StateKey[]): StateKey[] {
  const subsets = [...Array(1 << keys.length).keys()].map((m) => keys.filter((_, i) => m & (1 << i))).sort((a, b) => a.length - b.length);
  for (const deps of subsets) {
    const seen = new Map<string, string>();
    if (shown.every((s) => {
      const k = projection(s.state, deps);
      const text = s.slots[slot] ?? '';
      const prev = seen.get(k);
      if (prev === undefined) seen.set(k, text);
      return prev === undefined || prev === text;
    })) return deps;
  }
  return keys;
}
