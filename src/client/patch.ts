/**
 * Browser side of fragment patches (FragPatch in src/lib/fragmen.ts): a slot's shape read from
 * the DOM, and a patch applied at its places (attributes and texts; only the content of a place
 * whose shape changes is parsed).
 */
import { slotShape, type FragPatch, type ShapeReader } from '../lib/fragmen.ts';
import { morphHtml } from './morph.ts';

const dom: ShapeReader<Node> = {
  childNodes: (n) => n.childNodes,
  kind: (n) => (n.nodeType === 1 ? ((n as Element).hasAttribute('data-ui') ? '' : 'e') : n.nodeType === 3 ? 't' : n.nodeType === 8 ? 'c' : 'x'),
  name: (n) => (n as Element).localName,
};

/** The shape hash of a slot element (or a template's content) and its elements in patch order. */
export const domShape = (slot: Node): { hash: string; elements: Node[] } => slotShape(slot, dom);

/** Applies a patch to the elements of a slot of its shape (domShape(slot).elements). */
export function applyFragPatch(elements: Node[], patch: FragPatch): void {
  const o = patch.o;
  let i = 0;
  for (let k = 0; k < o.length; k += 3) {
    i += o[k] as number;
    const el = elements[i] as Element;
    const name = o[k + 1] as string;
    const value = o[k + 2] as string | null;
    if (name === '<') {
      // a place whose shape changes: its content whole. Mostly a table cell's plain text (a cell
      // that was empty): set without the HTML parser (282 such on a regency map, 36 ms at 4x CPU).
      if (/[<&]/.test(value!)) el.innerHTML = value!;
      else el.textContent = value;
    } else if (name[0] === '#') {
      const node = el.childNodes[Number(name.slice(1))]!;
      if (node.nodeValue !== value) node.nodeValue = value;
    } else if (value === null) {
      el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
    // an input's checkedness and value are properties: as a new one from the HTML would have them
    if (el instanceof HTMLInputElement && (name === 'checked' || name === 'value')) {
      if (name === 'checked') el.checked = value !== null;
      else el.value = value ?? '';
    }
  }
}

/**
 * Shows slot states in slot elements: HTML by morphing (src/client/morph.ts), a patch at the
 * places of the built DOM. It keeps each element's places while its DOM has the built shape or a
 * patched one; an element showing other HTML is given its built HTML back before a patch.
 */
export function slotSwapper() {
  const places = new Map<Element, { hash: string; elements: Node[] }>();
  return {
    /** The shape hash of an element that shows its built DOM (its places are kept). */
    adopt(el: Element): string {
      let p = places.get(el);
      if (!p) places.set(el, (p = domShape(el)));
      return p.hash;
    },
    /** True when the element's places are known (it shows its built DOM or a patch of it). */
    aligned: (el: Element): boolean => places.has(el),
    show(el: Element, built: string, value: string | FragPatch): void {
      if (typeof value === 'string') {
        morphHtml(el, value);
        places.delete(el);
        return;
      }
      let p = places.get(el);
      if (!p) {
        p = domShape(el);
        if (p.hash !== value.s) {
          morphHtml(el, built);
          p = domShape(el);
        }
        if (p.hash !== value.s) throw new Error(`slot ${(el as HTMLElement).dataset?.slot ?? ''}: its DOM has another shape than the fragment's`);
        places.set(el, p);
      }
      applyFragPatch(p.elements, value);
    },
  };
}
