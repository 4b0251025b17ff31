/**
 * Build-time HTML of every preset state of a page ("fragments"), answered in the browser without
 * Plot, the page's module or DuckDB-WASM.
 *
 * The build renders each slot (`data-slot`) of a page for every state its controls can reach
 * (src/components/halaman/fragmen.ts), in the page's language and at both build widths, exactly as
 * the page's own HTML carries them, and finds the state keys each slot depends on. Slots with the
 * same keys form a group; for each combination of those keys' values the group's changed slots
 * are one gzip JSON file named by a hash of its content (/frag/<hash>.bin: .bin, as the engine's
 * parts, so hosts serve it as it is). A group whose files are small ships instead as one packed
 * file holding every combination (PACK_RULE): one request, then every other state is at hand.
 * A slot that is the same on several pages (a ranking of siblings, on each sibling's page) is a
 * group of its own whose files do not depend on the page, so those pages name the same files
 * (written once; a browser that has one keeps it for the next sibling).
 * The page's HTML carries a small index (`FragIndex`): per group, its keys, its slots and the file
 * for each combination ('' = as the page was built, "<hash>#" = in the packed file <hash>). The
 * inline controller (src/client/kendali.ts) looks a state up here and swaps the slots; a state the
 * index does not know goes to the page module (Plot, view file, engine).
 *
 * This module is shared by the build and the inline browser script: keep it free of imports that
 * would grow that script.
 */
import { STATE_KEYS, type AtlasState, type StateKey } from './url-state.ts';
import { cyrb53 } from './hash.ts';

export const FRAG_FORMAT = 2;

export interface FragIndex {
  v: typeof FRAG_FORMAT;
  /** Folder of the fragment files ("/frag/"), with the site base. */
  b: string;
  /**
   * Groups of slots that depend on the same state keys: [those keys, the slots, file hash by the
   * values of those keys ('' = every slot of the group as built; "<hash>#" = the entry of those
   * values in the packed file <hash>)]. A change costs one request per group whose file changed
   * (one or two; none when the group's packed file is already there).
   */
  g: [StateKey[], string[], Record<string, string>][];
  /** Requests whose shown state is not the built state overlaid with the request (a default that follows another control, a period a programme lacks): request key → shown state. */
  a: Record<string, AtlasState>;
}

/**
 * A slot's state as changes to its built DOM (src/components/halaman/patch.ts builds them): the
 * value of every attribute and text that differs between the group's states, at its place in the
 * built slot. Applying one needs no HTML parsing and touches only those places (a regency's
 * village map and table: ~1,250 elements, of which only colours, labels and numbers change), so a
 * click costs a fraction of the CPU of parsing and comparing the slot's whole HTML.
 */
export interface FragPatch {
  /** Hash of the built slot's shape (slotShape): a slot of another shape refuses the patch. */
  s: string;
  /**
   * Flat triples: element index (preorder, the slot itself = 0) as a delta from the previous
   * triple's, then a name ('#k': the text of the element's k-th child node; '<': the element's
   * content, as HTML, where its shape changes between states; else an attribute) and the value
   * (null: no such attribute).
   */
  o: (number | string | null)[];
}
/** A group file: the change of each slot of the group that differs from the built page (encoded HTML, or a patch; of a shared group: every slot, as HTML encoded without the page's). */
export type FragFile = Record<string, string | FragPatch>;
/** A packed group file: the FragFile of each combination of the group's values (by `projection`). */
export type FragPack = Record<string, FragFile>;

/**
 * When a group ships as one packed file rather than one file per combination (sizes gzip): only
 * when the packed file is small (the ranking of a district's villages: ~6 KB for every period,
 * against ~17 KB as separate files, since its periods share most of their text). A larger pack
 * makes the first click wait for states nobody asked for, however much smaller than the separate
 * files it is (Prioritas' village table: 100 KB packed against 79 files of ~2.3 KB; the ranking
 * of a regency's districts: ~13 KB against 7 files of ~3 KB).
 */
export const PACK_RULE = { maxBytes: 12_000 } as const;
export const shouldPack = (packedBytes: number): boolean => packedBytes <= PACK_RULE.maxBytes;

/** An index value: the file to fetch and, for a packed file, the entry to read in it. */
export interface FragRef {
  hash: string;
  entry?: string;
}
const PACKED = '#';
export const packedRef = (hash: string): string => `${hash}${PACKED}`;
export function parseRef(value: string, projected: string): FragRef {
  return value.endsWith(PACKED) ? { hash: value.slice(0, -1), entry: projected } : { hash: value };
}
/** The FragFile of a reference, from its file's JSON text. */
export function fragFileOf(text: string, ref: FragRef): FragFile {
  const json = JSON.parse(text) as FragFile | FragPack;
  if (ref.entry === undefined) return json as FragFile;
  const file = (json as FragPack)[ref.entry];
  if (!file) throw new Error(`fragment ${ref.hash}: no entry "${ref.entry}"`);
  return file;
}

/** One text per state: the values of STATE_KEYS in their canonical order, '|'-joined. */
export const stateKey = (s: AtlasState): string => STATE_KEYS.map((k) => s[k] ?? '').join('|');

/** The values of `keys` in `s`, '|'-joined (the key of a slot's map). */
export const projection = (s: AtlasState, keys: readonly StateKey[]): string => keys.map((k) => s[k] ?? '').join('|');

/** Hash of a fragment's HTML (cyrb53): its file name. */
export const fragHash = (text: string): string => cyrb53(text);

/**
 * Path data repeated from the built slot (a map's areas keep their shapes from one state to the
 * next; only their colours change) is sent as a back-reference: ` d="#n"` stands for the n-th
 * long ` d` value of the slot's built HTML. The first line names a signature of those values, so
 * a page whose slot holds other shapes refuses the fragment instead of drawing wrong ones.
 */
const PATH_DATA = / d="([^"#][^"]{39,})"/g;
interface BuiltPaths {
  values: string[];
  signature: string;
}
/** The path values of a built slot and their signature, computed once per slot text (a map's slot is ~120 KB: at 4x CPU the scan costs ~100 ms). */
const builtCache = new Map<string, BuiltPaths>();
export function builtPaths(builtSlot: string): BuiltPaths {
  let hit = builtCache.get(builtSlot);
  if (!hit) {
    const values = [...builtSlot.matchAll(PATH_DATA)].map((m) => m[1]!);
    // Each value's length and three samples of it: hashing every character of 100+ KB of path
    // data took ~150 ms at 4x CPU on the first click; other shapes still change the signature.
    const sample = (v: string) => `${v.length}${v.slice(0, 16)}${v.slice(v.length >> 1, (v.length >> 1) + 16)}${v.slice(-16)}`;
    hit = { values, signature: values.length ? fragHash(values.map(sample).join(' ')) : '-' };
    if (builtCache.size > 64) builtCache.clear();
    builtCache.set(builtSlot, hit);
  }
  return hit;
}

export function encodeFragment(html: string, builtSlot: string): string {
  const { values, signature } = builtPaths(builtSlot);
  const at = new Map<string, number>();
  values.forEach((v, i) => at.has(v) || at.set(v, i));
  const body = html.replace(PATH_DATA, (m, v: string) => (at.has(v) ? ` d="#${at.get(v)}"` : m));
  return `${signature}\n${body}`;
}

/** The HTML of an encoded fragment, given the slot's built HTML as the page holds it; null if its shapes differ. */
export function decodeFragment(text: string, builtSlot: string): string | null {
  const nl = text.indexOf('\n');
  const check = text.slice(0, nl);
  const body = text.slice(nl + 1);
  if (check === '-') return body;
  const { values, signature } = builtPaths(builtSlot);
  if (signature !== check) return null;
  return body.replace(/ d="#(\d+)"/g, (_, i: string) => ` d="${values[Number(i)]}"`);
}

/** How a tree is read for its shape (the browser's DOM, or parse5's tree at build time). */
export interface ShapeReader<N> {
  childNodes(n: N): ArrayLike<N>;
  /**
   * 'e' element, 't' text, 'c' comment, 'x' anything else; '' for an element with `data-ui`: scripts
   * own it (a map's hover panel, a figure's toolbar added after the built children), so it is no
   * part of the shape and no patch touches it.
   */
  kind(n: N): string;
  /** An element's local name ("div", "clipPath"). */
  name(n: N): string;
}
/**
 * A slot's shape (each element, in preorder, with the kinds of its child nodes) as a hash, and
 * its elements in that order (the slot itself first): the places a FragPatch names.
 */
export function slotShape<N>(slot: N, read: ShapeReader<N>): { hash: string; elements: N[] } {
  const elements: N[] = [];
  const parts: string[] = [];
  const walk = (el: N, name: string) => {
    elements.push(el);
    const children = read.childNodes(el);
    let kinds = '';
    for (let i = 0; i < children.length; i++) kinds += read.kind(children[i]!);
    parts.push(`${name}:${kinds}`);
    for (let i = 0; i < children.length; i++) if (read.kind(children[i]!) === 'e') walk(children[i]!, read.name(children[i]!));
  };
  walk(slot, '');
  return { hash: cyrb53(parts.join(';')), elements };
}

export const fragHref = (index: Pick<FragIndex, 'b'>, hash: string): string => `${index.b}${hash}.bin`;

/**
 * The state shown for a request (the URL's state with a control changed: only the keys the user
 * chose, so defaults that follow another control keep following it) and the file of each group
 * (hash '' = as built), or null when the index cannot answer it. `built`: the state the page was built in.
 */
export function lookup(index: FragIndex, request: AtlasState, built: AtlasState): { state: AtlasState; files: [string[], FragRef][] } | null {
  const state = index.a[stateKey(request)] ?? { ...built, ...request };
  const files: [string[], FragRef][] = [];
  for (const [keys, slots, byValues] of index.g) {
    const projected = projection(state, keys);
    const value = byValues[projected];
    if (value === undefined) return null;
    files.push([slots, parseRef(value, projected)]);
  }
  return { state, files };
}
