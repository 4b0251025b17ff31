/**
 * Keeps a rendered slot for as long as its data rows are the same array: in the browser the
 * query cache returns the same rows for the same SQL, so a figure whose data did not change with
 * the new state (e.g. the survey series when the routine period changes) is not drawn again.
 * At build time pages share rows too (one result per SQL text, src/components/halaman/ssr.ts), so
 * keys name the page: one page's figure (e.g. with links to itself) is never reused on another.
 */
const store = new WeakMap<object, Map<string, string>>();

export function keep(rows: object, key: string, render: () => string): string {
  let byKey = store.get(rows);
  if (!byKey) store.set(rows, (byKey = new Map()));
  let html = byKey.get(key);
  if (html === undefined) byKey.set(key, (html = render()));
  return html;
}
