/**
 * Build side of fragment patches (FragPatch in src/lib/fragmen.ts): a slot's states as changed
 * attributes and texts at fixed places of its built DOM. The HTML is parsed with parse5, which
 * builds the tree a browser builds from the same text (the HTML standard's parser: inserted
 * <tbody>, SVG's camel-case names), so the places match the page's DOM; the browser still checks
 * the shape before it applies a patch.
 *
 * A state gets a patch only when its slot has the built slot's shape (the same elements and child
 * nodes: a map whose areas change colour, a table whose numbers change); a patch holds every place
 * that differs in any such state, so it turns the slot from any of them into its own.
 */
import { parseFragment, serialize } from 'parse5';
import { slotShape, type FragPatch, type ShapeReader } from '../../lib/fragmen.ts';

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: { name: string; value: string; namespace?: string; prefix?: string }[];
  childNodes?: P5Node[];
}

const reader: ShapeReader<P5Node> = {
  childNodes: (n) => n.childNodes ?? [],
  kind: (n) => (n.tagName !== undefined ? (n.attrs?.some((a) => a.name === 'data-ui') ? '' : 'e') : n.nodeName === '#text' ? 't' : n.nodeName === '#comment' ? 'c' : 'x'),
  name: (n) => n.tagName!,
};

const token = (n: P5Node) => `${n.tagName}:${(n.childNodes ?? []).map((c) => reader.kind(c)).join('')}`;
const elementChildren = (n: P5Node) => (n.childNodes ?? []).filter((c) => reader.kind(c) === 'e');

/** An element's attributes and its child texts and comments ('#k'), by name; null when a name is namespaced (xlink:href: not patchable). */
function valuesOf(el: P5Node, withTexts: boolean): Map<string, string> | null {
  const m = new Map<string, string>();
  for (const a of el.attrs ?? []) {
    if (a.namespace || a.prefix) return null;
    m.set(a.name, a.value);
  }
  if (withTexts)
    (el.childNodes ?? []).forEach((c, k) => {
      if (c.nodeName === '#text') m.set(`#${k}`, c.value ?? '');
      else if (c.nodeName === '#comment') m.set(`#${k}`, c.data ?? '');
    });
  return m;
}

/**
 * Walks a state's tree beside the built one: `visit(i, node)` for each built element index and
 * the state's element at that place; below an element whose own shape differs (or that is in
 * `whole`), nothing: it is one of the places whose content is sent whole (returned).
 */
function align(built: P5Node[], index: Map<P5Node, number>, state: P5Node, whole: Set<number>, visit: (i: number, node: P5Node) => void): number[] {
  const differ: number[] = [];
  const walk = (b: P5Node, n: P5Node) => {
    const i = index.get(b)!;
    visit(i, n);
    if (whole.has(i) || token(b) !== token(n)) return void differ.push(i);
    const bc = elementChildren(b);
    const nc = elementChildren(n);
    bc.forEach((c, k) => walk(c, nc[k]!));
  };
  walk(built[0]!, state);
  return differ;
}

/**
 * The patch of each state of a slot (null: the patch would not be smaller than `sizeOf(state)`,
 * the state's HTML as it would ship otherwise). Where a state's shape differs from the built
 * slot's (a table cell that holds a note instead of a number, a chart with another number of
 * ticks), the content of the smallest element around the difference is sent whole, in every
 * state: the places outside those elements keep their shape, so a patch applies to any state.
 */
export function slotPatches(built: string, states: string[], sizeOf: (html: string) => number = (h) => h.length): Map<string, FragPatch | null> {
  const out = new Map<string, FragPatch | null>(states.map((s) => [s, null]));
  const broot = parseFragment(built) as unknown as P5Node;
  const { hash, elements } = slotShape(broot, reader);
  const index = new Map(elements.map((e, i) => [e, i]));
  const parent = new Map<number, number>();
  elements.forEach((e, i) => elementChildren(e).forEach((c) => parent.set(index.get(c)!, i)));
  const trees = new Map([...new Set(states)].map((html) => [html, parseFragment(html) as unknown as P5Node]));
  // the places sent whole: where any state's shape differs, without those inside another
  let whole = new Set<number>();
  for (const tree of trees.values()) for (const i of align(elements, index, tree, new Set(), () => undefined)) whole.add(i);
  const inside = (i: number) => {
    for (let p = parent.get(i); p !== undefined; p = parent.get(p)) if (whole.has(p)) return true;
    return false;
  };
  whole = new Set([...whole].filter((i) => !inside(i)));
  if (whole.has(0)) return out; // the slot itself: nothing to patch
  // each state's values at the places outside the whole ones
  const builtValues = elements.map((e, i) => valuesOf(e, !whole.has(i)));
  if (builtValues.some((v) => v === null)) return out;
  const statesValues = new Map<string, { values: Map<number, Map<string, string>>; content: Map<number, string> }>();
  for (const [html, tree] of trees) {
    const values = new Map<number, Map<string, string>>();
    const content = new Map<number, string>();
    let namespaced = false;
    align(elements, index, tree, whole, (i, node) => {
      const v = valuesOf(node, !whole.has(i));
      if (!v) namespaced = true;
      else values.set(i, v);
      if (whole.has(i)) content.set(i, serialize(node as never));
    });
    if (namespaced) return out;
    statesValues.set(html, { values, content });
  }
  // every place that differs from the built slot in any state
  const places = new Map<number, Set<string>>();
  for (const { values } of statesValues.values()) {
    for (const [i, m] of values) {
      const bm = builtValues[i]!;
      for (const name of new Set([...m.keys(), ...bm.keys()])) {
        if (m.get(name) !== bm.get(name)) {
          let set = places.get(i);
          if (!set) places.set(i, (set = new Set()));
          set.add(name);
        }
      }
    }
  }
  for (const i of whole) if (!places.has(i)) places.set(i, new Set());
  const order = [...places.keys()].sort((x, y) => x - y);
  for (const [html, { values, content }] of statesValues) {
    const o: FragPatch['o'] = [];
    let last = 0;
    for (const i of order) {
      for (const name of [...places.get(i)!].sort()) {
        o.push(i - last, name, values.get(i)!.get(name) ?? null);
        last = i;
      }
      if (whole.has(i)) {
        o.push(i - last, '<', content.get(i)!);
        last = i;
      }
    }
    const patch: FragPatch = { s: hash, o };
    if (JSON.stringify(patch).length < sizeOf(html)) out.set(html, patch);
  }
  return out;
}

/** The HTML a patch makes of the built slot (for tests: compare with `normalHtml` of the state's own HTML). */
export function patchedHtml(built: string, patch: FragPatch): string {
  const root = parseFragment(built) as unknown as P5Node;
  const { hash, elements } = slotShape(root, reader);
  if (hash !== patch.s) throw new Error('patch for another shape');
  let i = 0;
  for (let k = 0; k < patch.o.length; k += 3) {
    i += patch.o[k] as number;
    const el = elements[i]!;
    const name = patch.o[k + 1] as string;
    const value = patch.o[k + 2] as string | null;
    if (name === '<') {
      // parsed in the element's context (an SVG group's children are SVG), as innerHTML does
      el.childNodes = ((parseFragment as unknown as (context: P5Node, html: string) => P5Node)(el, value ?? '')).childNodes ?? [];
    } else if (name.startsWith('#')) {
      const node = el.childNodes![Number(name.slice(1))]!;
      if (node.nodeName === '#comment') node.data = value ?? '';
      else node.value = value ?? '';
    } else {
      const attrs = (el.attrs ??= []);
      const at = attrs.findIndex((a) => a.name === name);
      if (value === null) at >= 0 && attrs.splice(at, 1);
      else if (at >= 0) attrs[at]!.value = value;
      else attrs.push({ name, value });
    }
  }
  return serializeSorted(root);
}

/** HTML as parse5 serializes it, each element's attributes in name order (a DOM's attributes have no order): compare with patchedHtml. */
export const normalHtml = (html: string): string => serializeSorted(parseFragment(html) as unknown as P5Node);

function serializeSorted(root: P5Node): string {
  const walk = (n: P5Node) => {
    n.attrs?.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    n.childNodes?.forEach(walk);
  };
  walk(root);
  return serialize(root as never);
}
