/**
 * Replaces an element's content with new HTML by changing only what differs: a map whose areas
 * only change colour keeps its nodes, so the browser repaints them instead of building and laying
 * out ~1,000 paths again (on a regency page at 4x CPU, `innerHTML` cost ~250 ms per period change,
 * most of it layout). The result equals (Node.isEqualNode) the DOM `el.innerHTML = html` gives;
 * attributes may be in another order.
 *
 * Nodes are matched by position: where the kinds or tag names differ, the new subtree replaces
 * the old one; children beyond the shorter list are removed or appended. Selects and text areas
 * are replaced whole; an input gets the checkedness and value a new one would have.
 */
export function morphHtml(el: Element, html: string): void {
  if (el instanceof HTMLSelectElement) {
    el.innerHTML = html;
    return;
  }
  const template = document.createElement('template');
  template.innerHTML = html;
  sync(el, template.content);
}

function sync(current: Node, next: Node): void {
  const a = current.childNodes;
  const b = [...next.childNodes];
  // children beyond the shorter list are removed or appended
  while (a.length > b.length) current.removeChild(current.lastChild!);
  const common = a.length;
  for (let i = common; i < b.length; i++) current.appendChild(b[i]!);
  for (let i = 0; i < common; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.nodeType !== y.nodeType || x.nodeName !== y.nodeName || x.nodeName === 'SELECT' || x.nodeName === 'TEXTAREA') {
      current.replaceChild(y, x);
      continue;
    }
    if (x.nodeType !== Node.ELEMENT_NODE) {
      if (x.nodeValue !== y.nodeValue) x.nodeValue = y.nodeValue;
      continue;
    }
    attributes(x as Element, y as Element);
    // an input's checkedness and value are properties: as a new one from the HTML would have them
    if (x instanceof HTMLInputElement) {
      x.checked = (y as HTMLInputElement).checked;
      x.value = (y as HTMLInputElement).value;
    }
    sync(x, y);
  }
}

function attributes(x: Element, y: Element): void {
  for (const attr of y.attributes) {
    if (x.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) x.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  }
  if (x.attributes.length === y.attributes.length) return;
  for (const attr of [...x.attributes]) if (!y.hasAttributeNS(attr.namespaceURI, attr.localName)) x.removeAttributeNS(attr.namespaceURI, attr.localName);
}
