/**
 * Saving a file made in the browser (CSV, PNG, SVG, .xlsx): an <a download> on a blob: URL, so
 * nothing is sent anywhere. File names carry the site, what is in the file and its period; an
 * --internal build's names start with INTERNAL_ (the page knows from <html data-internal>).
 */

/** Lower-case, ASCII, dashes: "Kutai Kartanegara 2024-08" -> "kutai-kartanegara-2024-08". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export interface BuildFlags {
  demo: boolean;
  internal: boolean;
}

/** "atlas-stunting_jelajah_kabupaten-kota_2024-08.csv"; INTERNAL_ first for an internal build. */
export function fileName(parts: readonly (string | undefined)[], ext: string, flags: BuildFlags): string {
  const body = ['atlas-stunting', ...parts.filter((p): p is string => !!p).map(slug)].filter(Boolean).join('_');
  return `${flags.internal ? 'INTERNAL_' : ''}${body}.${ext}`;
}

/** The demo/internal flags of the page (set by the layout from the data manifest). */
export function pageFlags(doc: Document = document): BuildFlags {
  const html = doc.documentElement;
  return { demo: html.hasAttribute('data-demo'), internal: html.hasAttribute('data-internal') };
}

/** Starts a download of `data` as `name` (no network: a blob: URL). */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
